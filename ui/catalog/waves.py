"""Wave strings: the comparison of two waves of a workspace on the analysis pages."""

STRINGS = {
    "waves.heading": (
        "Measure again: this wave against another",
        "Medir de nuevo: esta oleada frente a otra",
    ),
    "waves.intro": (
        "The workspace holds several waves of the survey. The page shows **{b}**; pick the "
        "wave to compare it with. Each difference is wave B (this one) minus wave A, tested "
        "with Welch's t-test, or the partially overlapping or paired t-test for people who "
        "answered both; p-values are Holm-adjusted across every row.",
        "El espacio de trabajo tiene varias oleadas de la encuesta. La página muestra "
        "**{b}**; elige la oleada con la que compararla. Cada diferencia es la oleada B "
        "(esta) menos la oleada A, probada con la t de Welch, o con la t de muestras "
        "parcialmente solapadas o pareadas para quien respondió a las dos; los valores p se "
        "ajustan con Holm en todas las filas.",
    ),
    "waves.against": ("Compare with wave (A)", "Comparar con la oleada (A)"),
    "waves.pair_on": ("The same person in both waves is", "La misma persona en las dos oleadas es"),
    "waves.pair_help": (
        "The respondent column that identifies a person in both waves (a customer id). "
        "People found in both are compared as pairs.",
        "La columna de la persona que la identifica en las dos oleadas (un id de cliente). "
        "Quien aparece en las dos se compara por pares.",
    ),
    "waves.paired": (
        "{n} people answered both waves (matched on `{column}`).",
        "{n} personas respondieron a las dos oleadas (emparejadas por `{column}`).",
    ),
    "waves.none_changed": (
        "No clear change from wave A to wave B here (Holm-adjusted p ≥ 0.05 everywhere).",
        "Aquí no hay un cambio claro de la oleada A a la B (p ajustado con Holm ≥ 0,05 en todo).",
    ),
    "waves.trend": ("Trend over the {n} waves", "Tendencia en las {n} oleadas"),
    "waves.nps_sentence": (
        "NPS: {a} in wave A, {b} in wave B ({difference} points, {p}; {method}).",
        "NPS: {a} en la oleada A, {b} en la oleada B ({difference} puntos, {p}; {method}).",
    ),
    "waves.col.mean_a": ("Wave A", "Oleada A"),
    "waves.col.mean_b": ("Wave B", "Oleada B"),
    "waves.col.difference": ("B − A", "B − A"),
    "waves.col.ci": ("95% interval", "Intervalo del 95 %"),
    "waves.col.p_adjusted": ("p (Holm)", "p (Holm)"),
    "waves.col.effect_size": ("Effect size d", "Tamaño del efecto d"),
    "waves.method.welch": ("Welch's t", "t de Welch"),
    "waves.method.paired": ("paired t", "t pareada"),
    "waves.method.partially_overlapping": ("partially overlapping t", "t parcialmente solapada"),
    "waves.change.improved": ("improved", "mejoró"),
    "waves.change.worsened": ("worsened", "empeoró"),
    "waves.change.no_change": ("no clear change", "sin cambio claro"),
    "waves.change.not_tested": ("not tested (too few answers)", "sin probar (pocas respuestas)"),
}
