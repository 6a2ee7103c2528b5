"""Texts of the EN/ES catalogue: saved workspaces, their datasets, views and actions; access.

Part of the catalogue :mod:`mot.messages`, which joins the parts and renders them: read
the texts from there (``mot.messages.TEXTS``).
"""

from __future__ import annotations

STORE: dict[str, tuple[str, str]] = {
    "store.unknown_workspace": (
        "There is no workspace at this address: it was never saved, was deleted, or was "
        "removed after its retention period. Open the demo or upload your file again.",
        "No hay ningún espacio de trabajo en esta dirección: nunca se guardó, se borró o se "
        "eliminó al terminar su plazo de conservación. Abra la demo o vuelva a subir su archivo.",
    ),
    "store.unavailable": (
        "The workspace database ({dialect}) cannot be reached. Check MOT_DATABASE_URL and that "
        "the server is running, then reload the page.",
        "No se puede acceder a la base de datos de los espacios de trabajo ({dialect}). "
        "Compruebe MOT_DATABASE_URL y que el servidor esté en marcha, y recargue la página.",
    ),
    "store.bad_setting": (
        "The setting {name} = “{value}” is not a positive number. Set it to a number such as "
        "200, or remove it to use the default.",
        "El ajuste {name} = «{value}» no es un número positivo. Póngale un número como 200, "
        "o quítelo para usar el valor por defecto.",
    ),
    "store.file_too_large": (
        "`{name}` is {size_mb:.1f} MB, more than the {limit_mb:.0f} MB a workspace stores per "
        "file. Save a smaller export (fewer columns or rows), or ask the administrator to "
        "raise MOT_MAX_UPLOAD_MB.",
        "`{name}` ocupa {size_mb:.1f} MB, más de los {limit_mb:.0f} MB que un espacio de "
        "trabajo guarda por archivo. Guarde una exportación más pequeña (menos columnas o "
        "filas), o pida al administrador que aumente MOT_MAX_UPLOAD_MB.",
    ),
    "store.empty_name": (
        "The {what} needs a name: type at least one letter.",
        "Hace falta un nombre para {what}: escriba al menos una letra.",
    ),
    "store.what.workspace": ("workspace", "el espacio de trabajo"),
    "store.what.view": ("saved view", "la vista guardada"),
    "store.what.action": ("action", "la acción"),
    "store.what.touchpoint": ("action's touchpoint", "el punto de contacto de la acción"),
    "store.bad_kind": (
        "“{kind}” is not a kind of dataset: use survey or events.",
        "«{kind}» no es un tipo de conjunto de datos: use survey o events.",
    ),
    "store.bad_field": (
        "A dataset has no field {field} to change.",
        "Un conjunto de datos no tiene ningún campo {field} que cambiar.",
    ),
    "store.bad_json": (
        "The {what} to store is not valid JSON. Download it again from the Data page.",
        "El {what} que se quiere guardar no es JSON válido. Descárguelo de nuevo desde la "
        "página Datos.",
    ),
    "store.busy": (
        "Another save of the same file was under way. Save again.",
        "Había otro guardado del mismo archivo en curso. Vuelva a guardar.",
    ),
    "store.action_conflict": (
        "Someone else changed the action “{title}” since you opened it. Their version is "
        "shown: apply your change to it and save again.",
        "Otra persona cambió la acción «{title}» desde que la abrió. Se muestra su versión: "
        "aplique su cambio sobre ella y vuelva a guardar.",
    ),
    "store.bad_status": (
        "“{status}” is not an action status: use one of {known}.",
        "«{status}» no es un estado de acción: use uno de {known}.",
    ),
    "store.bad_gap": (
        "“{gap}” is not a gap an action can address: use one of {known}.",
        "«{gap}» no es una brecha que una acción pueda abordar: use una de {known}.",
    ),
    # the command line's workspace commands
    "cli.workspace.saved": (
        "Saved workspace {id}; its link:",
        "Espacio de trabajo {id} guardado; su enlace:",
    ),
    "cli.workspace.deleted": (
        "Deleted workspace {id} and its files.",
        "Espacio de trabajo {id} borrado, con sus archivos.",
    ),
    "cli.workspace.invalid": (
        "`{name}` was not saved: fix the errors above (or pass --mapping) and save again.",
        "`{name}` no se ha guardado: corrija los errores de arriba (o use --mapping) y vuelva a "
        "guardar.",
    ),
    "cli.workspace.dataset": ("{kind}: {name}, {size:,} bytes", "{kind}: {name}, {size:,} bytes"),
    "cli.workspace.none": ("No saved workspaces.", "No hay espacios de trabajo guardados."),
    "cli.workspace.row": ("{name} ({n} datasets)", "{name} ({n} conjuntos de datos)"),
    "cli.workspace.title": ("Workspace “{name}” ({id})", "Espacio de trabajo «{name}» ({id})"),
    "cli.workspace.kind.survey": ("survey", "encuesta"),
    "cli.workspace.kind.events": ("event log", "registro de eventos"),
    "cli.workspace.counts": (
        "{views} saved views, {actions} actions",
        "{views} vistas guardadas, {actions} acciones",
    ),
    "access.short_password": (
        "A team password needs at least {n} characters: choose a longer one (a few words "
        "are easier to remember than symbols).",
        "Una contraseña de equipo necesita al menos {n} caracteres: elige una más larga "
        "(unas cuantas palabras se recuerdan mejor que los símbolos).",
    ),
    "access.no_password": (
        "No password was given: type it at the prompt, or pipe it on standard input.",
        "No se dio ninguna contraseña: escríbela cuando se pida, o pásala por la entrada estándar.",
    ),
    "access.no_secret": (
        "A pass needs a server secret (the password hash, or [auth] cookie_secret): set one.",
        "Un pase necesita un secreto del servidor (el hash de la contraseña, o [auth] "
        "cookie_secret): configura uno.",
    ),
    "store.bad_role": (
        "`{role}` is not a kind of link: use one of {known}.",
        "`{role}` no es un tipo de enlace: usa uno de {known}.",
    ),
    "store.link_revoked": (
        "This link was revoked by the workspace's owner: it opens nothing any more. Ask them "
        "for a new link, or open the demo.",
        "Quien administra el espacio de trabajo revocó este enlace: ya no abre nada. Pídele "
        "un enlace nuevo, o abre la demostración.",
    ),
    "store.read_only": (
        "This is a view-only link: you can look, filter and download, but not change the "
        "workspace. Save it as a workspace of your own (Data › Workspace) to edit a copy.",
        "Este es un enlace de solo lectura: puedes mirar, filtrar y descargar, pero no "
        "cambiar el espacio de trabajo. Guárdalo como un espacio propio (Datos › Espacio de "
        "trabajo) para editar una copia.",
    ),
    "store.owner_only": (
        "Only the workspace's owner (the address it was made with) can do this.",
        "Solo quien es dueño del espacio de trabajo (la dirección con la que se creó) puede "
        "hacer esto.",
    ),
}
