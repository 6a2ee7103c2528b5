"""Workspace strings: the Data page's Workspace tab, the sidebar, links that cannot be opened."""

STRINGS = {
    "workspace.tab": ("Workspace", "Espacio de trabajo"),
    "workspace.caption": (
        "A workspace keeps your survey (with its mapping and journey) and your event log on "
        "the server, so that a link brings them back: after a reload, on another device, or "
        "for a colleague. Anyone who has the link can open it; nobody else can find it.",
        "Un espacio de trabajo guarda tu encuesta (con su asignación de columnas y su "
        "recorrido) y tu registro de eventos en el servidor, para que un enlace los "
        "recupere: al recargar, en otro dispositivo o para un compañero. Quien tenga el "
        "enlace puede abrirlo; nadie más puede encontrarlo.",
    ),
    "workspace.none": (
        "This session shows data that is not saved (the demo). Uploading a file keeps it as "
        "a draft; save it with a name to keep it and to share it.",
        "Esta sesión muestra datos que no están guardados (la demo). Al subir un archivo se "
        "guarda como borrador; guárdalo con un nombre para conservarlo y compartirlo.",
    ),
    "workspace.draft": (
        "Your data is kept as a private draft: the link below (the address in your browser "
        "now) brings it back after a reload. A draft unused for {days} days is deleted; save "
        "it with a name to list it under this browser's workspaces.",
        "Tus datos se guardan como un borrador privado: el enlace de abajo (la dirección "
        "que tiene ahora tu navegador) los recupera al recargar. Un borrador sin usar "
        "durante {days} días se borra; guárdalo con un nombre para verlo en la lista de "
        "espacios de este navegador.",
    ),
    "workspace.named": (
        "This session shows the workspace **{name}**. It is kept until it goes {days} days "
        "unused, or until someone deletes it.",
        "Esta sesión muestra el espacio de trabajo **{name}**. Se conserva hasta que pasen "
        "{days} días sin usarlo, o hasta que alguien lo borre.",
    ),
    "workspace.link": ("Link to this workspace", "Enlace a este espacio de trabajo"),
    "workspace.link_help": (
        "The address in your browser's bar says more: the page, the survey wave, the "
        "respondent filter, the segment split, the touchpoint picked on the emotion curve, "
        "the language and large type. Copy it to show someone exactly this view.",
        "La dirección de la barra del navegador dice más: la página, la oleada de la "
        "encuesta, el filtro de personas, la división por segmento, el punto de contacto "
        "elegido en la curva emocional, el idioma y la letra grande. Cópiala para enseñar "
        "a alguien exactamente esta vista.",
    ),
    "workspace.name": ("Name", "Nombre"),
    "workspace.save": ("Save as workspace", "Guardar como espacio de trabajo"),
    "workspace.save_help": (
        "Your draft keeps its link and gets this name; the demo or a workspace someone else "
        "made is copied into a new workspace of yours.",
        "Tu borrador conserva su enlace y recibe este nombre; la demo o un espacio que "
        "creó otra persona se copian en un espacio nuevo tuyo.",
    ),
    "workspace.rename": ("Rename", "Cambiar el nombre"),
    "workspace.new_name": ("New name", "Nombre nuevo"),
    "workspace.delete": ("Delete this workspace", "Borrar este espacio de trabajo"),
    "workspace.delete_confirm": (
        "I understand that its data, files, saved views and actions are deleted for "
        "everyone who has the link.",
        "Entiendo que sus datos, archivos, vistas guardadas y acciones se borran para todas "
        "las personas que tengan el enlace.",
    ),
    "workspace.deleted": (
        "The workspace “{name}” and its files were deleted.",
        "Se han borrado el espacio de trabajo «{name}» y sus archivos.",
    ),
    "workspace.error": (
        "The workspace could not be changed: {error}",
        "No se ha podido cambiar el espacio de trabajo: {error}",
    ),
    "workspace.unavailable": (
        "Workspaces are not available now: {error}",
        "Los espacios de trabajo no están disponibles ahora: {error}",
    ),
    "workspace.not_saved": (
        "Your change is used in this session but could not be saved, so a reload will not "
        "bring it back: {error}",
        "Tu cambio se usa en esta sesión pero no se ha podido guardar, así que al recargar "
        "no volverá: {error}",
    ),
    "workspace.mine": ("Workspaces this browser created", "Espacios creados en este navegador"),
    "workspace.mine_caption": (
        "This browser is recognised by a random key kept in a cookie: another browser, or "
        "a private window, has a list of its own.",
        "Este navegador se reconoce por una clave aleatoria guardada en una cookie: otro "
        "navegador, o una ventana privada, tiene su propia lista.",
    ),
    "workspace.mine_none": (
        "This browser has not created a workspace yet.",
        "Este navegador aún no ha creado ningún espacio de trabajo.",
    ),
    "workspace.col.kind": ("Kept as", "Guardado como"),
    "workspace.col.used": ("Last used (UTC)", "Último uso (UTC)"),
    "workspace.kind.draft": ("draft", "borrador"),
    "workspace.kind.named": ("named workspace", "espacio con nombre"),
    "workspace.pick": ("Workspace to open", "Espacio que abrir"),
    "workspace.open": ("Open", "Abrir"),
    "workspace.sidebar_draft": (
        "Draft workspace: reload-safe",
        "Espacio de trabajo en borrador: se conserva al recargar",
    ),
    "workspace.sidebar_named": ("Workspace: {name}", "Espacio de trabajo: {name}"),
    "workspace.wave": ("Survey wave", "Oleada de la encuesta"),
    "workspace.add_wave": ("Add a wave: measure again", "Añadir una oleada: medir de nuevo"),
    "workspace.add_wave_help": (
        "The same survey asked again (after a corrective action, next quarter): it becomes this "
        "workspace's newest wave, read with the mapping and journey of the wave shown, and "
        "the analysis pages compare it with the others.",
        "La misma encuesta preguntada de nuevo (tras una acción correctora, el trimestre "
        "siguiente): pasa a ser la oleada más reciente de este espacio, leída con la "
        "asignación y el recorrido de la oleada mostrada, y las páginas de análisis la "
        "comparan con las demás.",
    ),
    "workspace.wave_file": ("The survey of the new wave", "La encuesta de la nueva oleada"),
    "workspace.wave_label": ("Its label (a date or a name)", "Su etiqueta (una fecha o un nombre)"),
    "workspace.wave_missing": (
        "Choose the new wave's survey file and give it a label first.",
        "Elige primero el archivo de la encuesta de la nueva oleada y dale una etiqueta.",
    ),
    "workspace.add_wave_button": ("Add the wave", "Añadir la oleada"),
    "workspace.wave_added": (
        "Wave **{label}** added and shown.",
        "Oleada **{label}** añadida y mostrada.",
    ),
    "workspace.problem_title": ("This link cannot be opened", "No se puede abrir este enlace"),
    "workspace.open_demo": ("Open the demo", "Abrir la demo"),
    "workspace.view_only": (
        "You opened a view-only link: look, filter and download as you like; the workspace "
        "itself does not change. An edit of the mapping or the journey makes a copy of your "
        "own.",
        "Abriste un enlace de solo lectura: mira, filtra y descarga cuanto quieras; el "
        "espacio de trabajo no cambia. Una edición de la asignación o del recorrido crea una "
        "copia tuya.",
    ),
    "workspace.edit_link": (
        "You opened a shared link with edits: you can change the mapping, the journey, the "
        "actions and the waves; only the owner deletes the workspace or makes links.",
        "Abriste un enlace compartido con edición: puedes cambiar la asignación, el "
        "recorrido, las acciones y las oleadas; solo quien es dueño borra el espacio o crea "
        "enlaces.",
    ),
    "workspace.link_shared": (
        "This is the link you were given: its owner can revoke it.",
        "Este es el enlace que te dieron: quien es dueño puede revocarlo.",
    ),
    "workspace.share": ("Share with links you can take back", "Compartir con enlaces revocables"),
    "workspace.share_help": (
        "A link opens this workspace only. A view-only link lets people look, filter and "
        "download; a link with edits lets them change the mapping, the journey, the actions "
        "and the waves. Revoke a link and it opens nothing from then on. The address above "
        "is the owner's: keep it for yourself.",
        "Un enlace abre solo este espacio de trabajo. Un enlace de solo lectura deja mirar, "
        "filtrar y descargar; uno con edición deja cambiar la asignación, el recorrido, las "
        "acciones y las oleadas. Revoca un enlace y desde entonces no abre nada. La "
        "dirección de arriba es la de quien es dueño: guárdala para ti.",
    ),
    "workspace.make.view": ("Make a view-only link", "Crear un enlace de solo lectura"),
    "workspace.make.edit": ("Make a link with edits", "Crear un enlace con edición"),
    "workspace.made.view": (
        "A view-only link was made: copy it from the table below.",
        "Se creó un enlace de solo lectura: cópialo de la tabla de abajo.",
    ),
    "workspace.made.edit": (
        "A link with edits was made: copy it from the table below.",
        "Se creó un enlace con edición: cópialo de la tabla de abajo.",
    ),
    "workspace.role.view": ("View only", "Solo lectura"),
    "workspace.role.edit": ("With edits", "Con edición"),
    "workspace.col.role": ("Link", "Enlace"),
    "workspace.col.made": ("Made", "Creado"),
    "workspace.col.state": ("State", "Situación"),
    "workspace.col.address": ("Address", "Dirección"),
    "workspace.link_live": ("works", "funciona"),
    "workspace.link_revoked": ("revoked", "revocado"),
    "workspace.revoke_pick": ("Link to revoke", "Enlace que revocar"),
    "workspace.revoke": ("Revoke", "Revocar"),
    "workspace.revoked": (
        "The link was revoked: it opens nothing any more.",
        "El enlace se revocó: ya no abre nada.",
    ),
}
