"""Texts of the EN/ES catalogue: the workshop's follow-up deck (:mod:`mot.deck`).

Part of the catalogue :mod:`mot.messages`, which joins the parts and renders them: read
the texts from there (``mot.messages.TEXTS``).
"""

from __future__ import annotations

DECK: dict[str, tuple[str, str]] = {
    # the title slide
    "deck.untitled": ("Workshop", "Taller"),
    "deck.subtitle": ("Workshop follow-up", "Seguimiento del taller"),
    "deck.date": ("Date: {date}", "Fecha: {date}"),
    "deck.touchpoints": ("Touchpoints: {n:,}", "Puntos de contacto: {n:,}"),
    "deck.answers": ("Answers: {n:,}", "Respuestas: {n:,}"),
    # a touchpoint's slide
    "deck.answered": ("Participants who answered: {n:,}", "Participantes que respondieron: {n:,}"),
    "deck.no_answers": (
        "Nobody has answered this touchpoint yet: no means, no gaps.",
        "Nadie ha respondido todavía a este punto de contacto: no hay medias ni brechas.",
    ),
    "deck.gap_expected": ("Experienced vs expected:", "Vivido frente a lo esperado:"),
    "deck.gap_excellent": ("Experienced vs excellent:", "Vivido frente a lo excelente:"),
    "deck.gap_note": (
        "Below 0, the experience falls short; above 0, it does better.",
        "Por debajo de 0, la experiencia se queda corta; por encima de 0, va mejor.",
    ),
    "deck.comments": ("Comments ({shown:,} of {total:,})", "Comentarios ({shown:,} de {total:,})"),
    "deck.no_comments": ("No comments on this touchpoint.", "Sin comentarios en este punto."),
    "deck.actions": ("Actions", "Acciones"),
    "deck.no_actions": (
        "No action recorded for this touchpoint yet.",
        "Todavía no hay ninguna acción registrada para este punto.",
    ),
    "deck.actions_some": ("Actions ({shown:,} of {total:,})", "Acciones ({shown:,} de {total:,})"),
    "deck.col.action": ("Action", "Acción"),
    "deck.col.owner": ("Owner", "Responsable"),
    "deck.col.status": ("Status", "Estado"),
    "deck.col.due": ("Due", "Fecha límite"),
    "deck.status.idea": ("Idea", "Idea"),
    "deck.status.planned": ("Planned", "Planificada"),
    "deck.status.doing": ("Doing", "En curso"),
    "deck.status.done": ("Done", "Hecha"),
    "deck.chart_alt": (
        "Chart: expected {expected}, excellent {excellent}, experienced {experienced} on the "
        "{low}–{high} scale; mean emotion {emotion} on −3 to +3.",
        "Gráfico: esperado {expected}, excelente {excellent}, vivido {experienced} en la escala "
        "{low}–{high}; emoción media {emotion} de −3 a +3.",
    ),
    # the chart (mot.charts.deck_levels_chart)
    "deck.chart.expected": ("Expected", "Esperado"),
    "deck.chart.excellent": ("Excellent", "Excelente"),
    "deck.chart.experienced": ("Experienced", "Vivido"),
    "deck.chart.emotion": ("Emotion", "Emoción"),
    "deck.chart.level": ("Level", "Nivel"),
    "deck.chart.mean": ("Mean on the {low}–{high} scale", "Media en la escala {low}–{high}"),
    # the closing slide
    "deck.ranked_title": ("Largest gaps", "Las brechas más grandes"),
    "deck.ranked_note": (
        "Touchpoints ranked by experienced − expected, the largest shortfall first.",
        "Puntos de contacto ordenados por vivido − esperado, la mayor carencia primero.",
    ),
    "deck.col.rank": ("#", "#"),
    "deck.col.touchpoint": ("Touchpoint", "Punto de contacto"),
    "deck.col.gap_expected": ("Experienced − expected", "Vivido − esperado"),
    "deck.col.gap_excellent": ("Experienced − excellent", "Vivido − excelente"),
    "deck.col.n": ("Participants", "Participantes"),
    "deck.ranked_more": (
        "Touchpoints not shown: {n:,}.",
        "Puntos de contacto no mostrados: {n:,}.",
    ),
    "deck.unranked": (
        "Not ranked, nobody answered them: {touchpoints}.",
        "Sin ordenar, nadie los respondió: {touchpoints}.",
    ),
    "deck.nothing_ranked": (
        "No touchpoint has answers yet: there is no gap to rank.",
        "Ningún punto de contacto tiene respuestas todavía: no hay brechas que ordenar.",
    ),
    "deck.orphan_actions": (
        "Actions naming a touchpoint that is not in this deck: {n:,} ({touchpoints}).",
        "Acciones que nombran un punto de contacto que no está en esta presentación: {n:,} "
        "({touchpoints}).",
    ),
    # errors
    "deck.scale": (
        "`scale` must be two numbers, the low end then the high end of the room's rating "
        "scale, such as (1, 7); got {scale!r}.",
        "`scale` debe ser dos números, el extremo inferior y luego el superior de la escala "
        "de la sala, como (1, 7); se ha recibido {scale!r}.",
    ),
    "deck.when": (
        "`when` must be a date (datetime.date) or None for today; got {kind}.",
        "`when` debe ser una fecha (datetime.date) o None para hoy; se ha recibido {kind}.",
    ),
    "deck.title": (
        "The deck's `title` must be a text (the room's name); got {kind}.",
        "El `title` de la presentación debe ser un texto (el nombre de la sala); se ha "
        "recibido {kind}.",
    ),
    "deck.repeated_touchpoint": (
        "The summary has several rows for the touchpoint {touchpoint}: give one row per "
        "touchpoint, in journey order.",
        "El resumen tiene varias filas para el punto de contacto {touchpoint}: da una fila por "
        "punto de contacto, en el orden del recorrido.",
    ),
    "deck.not_numbers": (
        "The summary's column `{column}` must hold numbers (NaN where nobody answered); it "
        "holds {kind}.",
        "La columna `{column}` del resumen debe tener números (NaN donde nadie respondió); "
        "tiene {kind}.",
    ),
    "charts.no_touchpoint": (
        "{builder} has no row for the touchpoint {touchpoint}. Pass a touchpoint of the table.",
        "{builder} no tiene ninguna fila para el punto de contacto {touchpoint}. Pasa un punto "
        "de contacto de la tabla.",
    ),
}
