"""Access strings: the sign-in page of a hosted dashboard (team password, single sign-on)."""

STRINGS = {
    "access.title": ("Moments of Truth: sign in", "Momentos de la verdad: acceso"),
    "access.password_caption": (
        "This dashboard is private to a team. Enter the team's password to open it.",
        "Este panel es privado de un equipo. Escribe la contraseña del equipo para abrirlo.",
    ),
    "access.password": ("Team password", "Contraseña del equipo"),
    "access.sign_in": ("Sign in", "Entrar"),
    "access.wrong": (
        "That is not the team's password. Check it with whoever sent you the link.",
        "Esa no es la contraseña del equipo. Compruébala con quien te envió el enlace.",
    ),
    "access.locked": (
        "Too many wrong passwords: wait {minutes} minute(s), then try again.",
        "Demasiadas contraseñas incorrectas: espera {minutes} minuto(s) y vuelve a probar.",
    ),
    "access.sso_caption": (
        "This dashboard is private to a team. Sign in with your work account to open it.",
        "Este panel es privado de un equipo. Entra con tu cuenta de trabajo para abrirlo.",
    ),
    "access.sso_sign_in": ("Sign in with your work account", "Entrar con tu cuenta de trabajo"),
    "access.not_allowed": (
        "You are signed in as {email}, which has no access to this dashboard. Ask its owner "
        "to add your address or domain, or sign out and use another account.",
        "Has entrado como {email}, que no tiene acceso a este panel. Pide a quien lo "
        "administra que añada tu dirección o tu dominio, o sal y usa otra cuenta.",
    ),
    "access.no_allow_list": (
        "Nobody has access yet: the dashboard's owner must list the addresses or domains "
        "allowed in ([access] allowed, or MOT_ALLOWED_EMAILS).",
        "Nadie tiene acceso todavía: quien administra el panel debe indicar las direcciones "
        "o dominios permitidos ([access] allowed, o MOT_ALLOWED_EMAILS).",
    ),
    "access.sign_out": ("Sign out", "Salir"),
    "access.remember": (
        "Stay signed in on this device for {days} days",
        "Mantener la sesión en este dispositivo durante {days} días",
    ),
    "access.opening": ("Opening the dashboard…", "Abriendo el panel…"),
    "access.no_cookie": (
        "This browser did not keep the sign-in cookie: downloads will not work and a reload "
        "asks for the password again. Allow cookies for this site to fix it.",
        "Este navegador no ha guardado la cookie de acceso: las descargas no funcionarán y "
        "al recargar se pedirá de nuevo la contraseña. Permite las cookies de este sitio.",
    ),
}
