"""Corrective-action strings: the Gaps page's table of actions, conflicts, before/after."""

STRINGS = {
    "actions.heading": ("Corrective actions", "Acciones correctivas"),
    "actions.caption": (
        "Step 6 of the method: what the team will do about each moment, then measure again. "
        "Edit the cells, add a row at the bottom, select rows to delete them, then save. "
        "Everyone with the workspace's link sees and edits the same list; flags on the "
        "Overview's journey map show where the actions are.",
        "Paso 6 del método: qué hará el equipo con cada momento, y después medir de nuevo. "
        "Edita las celdas, añade una fila al final, selecciona filas para borrarlas y "
        "guarda. Todas las personas con el enlace del espacio de trabajo ven y editan la "
        "misma lista; las banderas del mapa del recorrido (Resumen) muestran dónde están.",
    ),
    "actions.no_workspace": (
        "Actions are kept in a workspace, so that the team finds them tomorrow. This data "
        "is not in one yet: start one here (a private draft, listed under Data › Workspace, "
        "where you can name it).",
        "Las acciones se guardan en un espacio de trabajo, para que el equipo las encuentre "
        "mañana. Estos datos aún no están en uno: créalo aquí (un borrador privado, en "
        "Datos › Espacio de trabajo, donde puedes ponerle nombre).",
    ),
    "actions.start": ("Keep actions for this data", "Guardar acciones para estos datos"),
    "actions.save": ("Save actions", "Guardar acciones"),
    "actions.view_only": (
        "A view-only link: the team's actions as they stand; editing needs a link with edits.",
        "Un enlace de solo lectura: las acciones del equipo tal como están; editarlas "
        "requiere un enlace con edición.",
    ),
    "actions.saved": (
        "Saved: {n} change(s) to the actions.",
        "Guardado: {n} cambio(s) en las acciones.",
    ),
    "actions.col.title": ("Action", "Acción"),
    "actions.col.owner": ("Owner", "Responsable"),
    "actions.col.status": ("Status", "Estado"),
    "actions.col.due": ("Due", "Fecha límite"),
    "actions.col.gap": ("Gap it addresses", "Brecha que atiende"),
    "actions.col.note": ("Notes", "Notas"),
    "actions.col.field": ("Field", "Campo"),
    "actions.col.before": ("When you started", "Cuando empezaste"),
    "actions.col.theirs": ("Saved by someone else", "Guardado por otra persona"),
    "actions.col.mine": ("Yours", "Lo tuyo"),
    "actions.col.wave_a": ("Decided on", "Decidida en"),
    "actions.col.wave_b": ("Measured again", "Medida de nuevo"),
    "actions.col.mean_a": ("Before", "Antes"),
    "actions.col.mean_b": ("After", "Después"),
    "actions.status.idea": ("Idea", "Idea"),
    "actions.status.planned": ("Planned", "Planificada"),
    "actions.status.doing": ("Doing", "En curso"),
    "actions.status.done": ("Done", "Hecha"),
    "actions.gap.expected": ("Short of expected", "Por debajo de lo esperado"),
    "actions.gap.excellent": ("Short of excellent", "Por debajo de lo excelente"),
    "actions.measure.experienced": ("experienced utility", "utilidad vivida"),
    "actions.measure.gap_expected": ("gap to expected", "brecha con lo esperado"),
    "actions.measure.gap_excellent": ("gap to excellent", "brecha con lo excelente"),
    "actions.needs_title": (
        "Row {row}: give the action a title (the Action column), or delete the row.",
        "Fila {row}: pon un título a la acción (columna Acción) o borra la fila.",
    ),
    "actions.needs_touchpoint": (
        "Row {row} (“{title}”): pick its touchpoint in the Touchpoint column.",
        "Fila {row} («{title}»): elige su punto de contacto en la columna Punto de contacto.",
    ),
    "actions.conflict": (
        "Someone else saved “{title}” while you were editing it, so your change was not "
        "saved. Here are both: keep theirs, or put the fields you changed on top of theirs.",
        "Otra persona guardó «{title}» mientras la editabas, así que tu cambio no se guardó. "
        "Aquí están las dos versiones: quédate con la suya, o pon encima de la suya los "
        "campos que cambiaste.",
    ),
    "actions.conflict_deleted": (
        "Someone else deleted “{title}” while you were editing it, so your change was not "
        "saved. Keep it deleted, or save yours as a new action.",
        "Otra persona borró «{title}» mientras la editabas, así que tu cambio no se guardó. "
        "Déjala borrada, o guarda la tuya como una acción nueva.",
    ),
    "actions.moved_on": (
        "Someone else changed these actions since you opened them. Reload to see their "
        "changes (edits you have not saved are dropped), or save yours first: any row you "
        "both changed is shown side by side before anything is overwritten.",
        "Otra persona cambió estas acciones desde que las abriste. Recarga para ver sus "
        "cambios (se descartan las ediciones que no hayas guardado), o guarda primero las "
        "tuyas: cualquier fila que hayáis cambiado las dos se muestra lado a lado antes de "
        "sobrescribir nada.",
    ),
    "actions.unsaved": (
        "{n} row(s) changed, not saved yet.",
        "{n} fila(s) cambiada(s), sin guardar todavía.",
    ),
    "actions.nothing": ("Nothing changed to save yet.", "Aún no hay cambios que guardar."),
    "actions.reload": ("Reload the actions", "Recargar las acciones"),
    "actions.unchanged": ("(unchanged)", "(sin cambios)"),
    "actions.deleted": ("(deleted)", "(borrada)"),
    "actions.keep_theirs": ("Keep theirs", "Quedarme con la suya"),
    "actions.keep_mine": ("Put my changes on top", "Poner mis cambios encima"),
    "actions.effects": ("Before and after", "Antes y después"),
    "actions.effects_caption": (
        "Each action's touchpoint in the wave it was decided on (before) and in the newest "
        "wave (after): the experienced utility and the gap the action addresses, tested as "
        "in the comparison of waves below (Holm-adjusted).",
        "El punto de contacto de cada acción en la oleada en que se decidió (antes) y en la "
        "oleada más reciente (después): la utilidad vivida y la brecha que atiende la "
        "acción, probadas como en la comparación de oleadas de abajo (ajuste de Holm).",
    ),
    "actions.effects_later": (
        "These actions were decided on the newest wave: add a later wave (Data › Workspace) "
        "to see their before and after.",
        "Estas acciones se decidieron en la oleada más reciente: añade una oleada posterior "
        "(Datos › Espacio de trabajo) para ver su antes y después.",
    ),
    "actions.effect": (
        "{title} · {touchpoint}, {measure}: {a} → {b} ({difference}, {p}): {change}",
        "{title} · {touchpoint}, {measure}: {a} → {b} ({difference}, {p}): {change}",
    ),
    "actions.report.none": ("No corrective actions yet.", "Aún no hay acciones correctivas."),
    "actions.report.count": (
        "{n} corrective action(s): {open} not done yet.",
        "{n} acción(es) correctiva(s): {open} sin terminar.",
    ),
}
