"""Presenter view strings (pages/present.py, ui/present.py).

Shared words come from other catalogues: the utilities and gaps from ``chart.*``, "Biggest
gap" and "NPS" from ``overview.*``, "Demo survey" and the filter line from ``report.*``.
"""

STRINGS = {
    # the controls
    "present.previous": ("Previous", "Anterior"),
    "present.next": ("Next", "Siguiente"),
    "present.leave": ("Leave the presentation", "Salir de la presentación"),
    "present.slide": ("Slide {n} of {total}", "Diapositiva {n} de {total}"),
    "present.keys": (
        "Keys: → or Page Down for the next slide, ← or Page Up for the previous one.",
        "Teclas: → o Av Pág para la siguiente diapositiva, ← o Re Pág para la anterior.",
    ),
    # the title slide
    "present.kicker": ("Moments of truth", "Momentos de la verdad"),
    "present.subtitle": ("{journey}: {n} respondents", "{journey}: {n} personas encuestadas"),
    "present.journey": ("The journey, in order", "El recorrido, en orden"),
    # a touchpoint's slide
    "present.position": ("Touchpoint {i} of {n}", "Punto de contacto {i} de {n}"),
    "present.end_marker": ("End of the journey", "Final del recorrido"),
    "present.utilities": ("Utilities (0–100)", "Utilidades (0–100)"),
    "present.gaps": ("Gaps (actual − target)", "Brechas (real − objetivo)"),
    "present.no_utilities": (
        "No utilities: they need anticipated, experienced or remembered ratings.",
        "Sin utilidades: hacen falta valoraciones anticipadas, vividas o recordadas.",
    ),
    "present.no_gaps": (
        "No gaps: they need expected or excellent ratings.",
        "Sin brechas: hacen falta valoraciones esperadas o excelentes.",
    ),
    "present.verdict.below": ("clearly below", "claramente por debajo"),
    "present.verdict.level": ("no clear difference", "sin diferencia clara"),
    "present.verdict.above": ("clearly above", "claramente por encima"),
    "present.say.expected.below": (
        "Customers got {gap} points less than they expected here.",
        "Aquí los clientes recibieron {gap} puntos menos de lo que esperaban.",
    ),
    "present.say.expected.level": (
        "Customers got about what they expected here.",
        "Aquí los clientes recibieron más o menos lo que esperaban.",
    ),
    "present.say.expected.above": (
        "Customers got {gap} points more than they expected here.",
        "Aquí los clientes recibieron {gap} puntos más de lo que esperaban.",
    ),
    "present.say.excellent.below": (
        "Excellent is {gap} points away.",
        "Lo excelente queda a {gap} puntos.",
    ),
    "present.say.excellent.level": (
        "It is about as good as excellent.",
        "Está a la altura de lo excelente.",
    ),
    "present.say.excellent.above": (
        "It even beats excellent by {gap} points.",
        "Incluso supera lo excelente en {gap} puntos.",
    ),
    "present.say.emotion": (
        "Mean emotion here: {emotion} on a scale of −100 to +100.",
        "Emoción media aquí: {emotion} en una escala de −100 a +100.",
    ),
    "present.say.nothing": (
        "This moment has too few ratings to say more.",
        "Este momento tiene muy pocas valoraciones para decir más.",
    ),
    # the end slide
    "present.thanks": ("Thank you", "Gracias"),
    "present.remember": ("What to remember", "Lo que hay que recordar"),
    "present.peak": ("Emotional peak", "Pico emocional"),
    "present.end": ("The end", "El final"),
    "present.emotion_value": ("emotion {value}", "emoción {value}"),
    "present.close": (
        "Customers remember the peak and the end most: {peak} and {end}.",
        "Los clientes recuerdan sobre todo el pico y el final: {peak} y {end}.",
    ),
    "present.close_same": (
        "Customers remember the peak and the end most: here both are {peak}.",
        "Los clientes recuerdan sobre todo el pico y el final: aquí ambos son {peak}.",
    ),
}
