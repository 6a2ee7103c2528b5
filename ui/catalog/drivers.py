"""Drivers & tests page strings (also used by the report's drivers section)."""

STRINGS = {
    "drivers.caption": (
        "Which moments drive an outcome, and whether segments or test variants really differ.",
        "Qué momentos impulsan un resultado y si los segmentos o las variantes de una prueba "
        "difieren de verdad.",
    ),
    # driver importance
    "drivers.importance": ("What drives the outcome", "Qué impulsa el resultado"),
    "drivers.no_outcome": (
        "Driver importance needs a respondent-level outcome, such as likelihood to recommend "
        "or overall satisfaction. Map one on the Data page.",
        "La importancia de los impulsores necesita un resultado por persona, como la "
        "probabilidad de recomendar o la satisfacción general. Asígnalo en la página Datos.",
    ),
    "drivers.importance_caption": (
        "Relative weights (Johnson): each moment's share of the explained variance of the "
        "outcome, with 95% bootstrap intervals. R² = {r2}; {n} complete respondents "
        "({excluded} left out for a missing answer).",
        "Pesos relativos (Johnson): la parte de la varianza explicada del resultado que "
        "corresponde a cada momento, con intervalos bootstrap del 95 %. R² = {r2}; {n} "
        "personas con respuestas completas ({excluded} excluidas por falta de respuesta).",
    ),
    "drivers.top_driver": (
        "The strongest driver of “{outcome}” is {touchpoint}: {share} of what the moments explain.",
        "El impulsor más fuerte de «{outcome}» es {touchpoint}: {share} de lo que explican "
        "los momentos.",
    ),
    "drivers.col.share": ("Share of R²", "Parte de R²"),
    "drivers.col.raw_weight": ("Weight", "Peso"),
    # comparison
    "drivers.compare": ("Compare segments or variants", "Comparar segmentos o variantes"),
    "drivers.compare_caption": (
        "Every pair of groups is tested at every touchpoint; p-values are adjusted for the "
        "number of tests.",
        "Se comparan todos los pares de grupos en cada punto de contacto; los valores p se "
        "ajustan por el número de pruebas.",
    ),
    "drivers.no_segments": (
        "Comparisons need a segment column (e.g. persona, device or an A/B variant). Map one "
        "on the Data page.",
        "Las comparaciones necesitan una columna de segmento (p. ej. persona, dispositivo o "
        "una variante A/B). Asígnala en la página Datos.",
    ),
    "drivers.one_group": (
        "Only one group of {segment} has {measure} ratings here (is the sidebar filter on?): "
        "there is nothing to compare.",
        "Aquí solo un grupo de {segment} tiene valoraciones de tipo {measure} (¿está activo el "
        "filtro de la barra lateral?): no hay nada que comparar.",
    ),
    "drivers.segment": ("Segment or variant", "Segmento o variante"),
    "drivers.correction": ("Correction for multiple tests", "Corrección por pruebas múltiples"),
    "drivers.test.auto": ("Automatic", "Automática"),
    "drivers.test.welch": ("Welch t", "t de Welch"),
    "drivers.test.mannwhitney": ("Mann–Whitney U", "U de Mann–Whitney"),
    "drivers.correction.holm": ("Holm", "Holm"),
    "drivers.correction.bonferroni": ("Bonferroni", "Bonferroni"),
    "drivers.correction.fdr_bh": (
        "Benjamini–Hochberg (FDR)",
        "Benjamini–Hochberg (FDR)",
    ),
    "drivers.correction.none": ("None", "Ninguna"),
    "drivers.effect.hedges_g": ("Hedges' g", "g de Hedges"),
    "drivers.effect.rank_biserial": ("rank-biserial r", "r biserial de rangos"),
    "drivers.summary.finding": (
        "{segment} {higher} rates {touchpoint} {difference} points higher than {lower} "
        "({test}, {effect} = {effect_size}, adjusted {p})",
        "{segment} {higher} valora {touchpoint} {difference} puntos más que {lower} "
        "({test}, {effect} = {effect_size}, {p} ajustado)",
    ),
    "drivers.summary.rest": (
        "no other touchpoint differs after {correction} correction.",
        "ningún otro punto de contacto difiere tras la corrección de {correction}.",
    ),
    "drivers.summary.more": (
        "{n} more significant differences are listed in the table.",
        "La tabla recoge {n} diferencias significativas más.",
    ),
    "drivers.summary.none": (
        "No touchpoint differs between the groups of {segment} after {correction} correction "
        "({n} tests).",
        "Ningún punto de contacto difiere entre los grupos de {segment} tras la corrección de "
        "{correction} ({n} pruebas).",
    ),
    "drivers.summary.no_correction": (
        "no other touchpoint differs (p-values not corrected).",
        "ningún otro punto de contacto difiere (valores p sin corregir).",
    ),
    "drivers.summary.none_uncorrected": (
        "No touchpoint differs between the groups of {segment} ({n} tests, p-values not "
        "corrected).",
        "Ningún punto de contacto difiere entre los grupos de {segment} ({n} pruebas, valores "
        "p sin corregir).",
    ),
    "drivers.col.mean_a": ("Mean A", "Media A"),
    "drivers.col.mean_b": ("Mean B", "Media B"),
    "drivers.col.difference": ("A − B", "A − B"),
    "drivers.col.significant": ("Significant", "Significativo"),
    # NPS
    "drivers.nps": ("Net Promoter Score by {segment}", "Net Promoter Score por {segment}"),
    "drivers.nps_caption": (
        "NPS = % promoters (9–10) − % detractors (0–6), with 95% intervals.",
        "NPS = % promotores (9–10) − % detractores (0–6), con intervalos del 95 %.",
    ),
    "drivers.col.group": ("Group", "Grupo"),
    "drivers.col.promoters": ("Promoters", "Promotores"),
    "drivers.col.detractors": ("Detractors", "Detractores"),
}
