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
    "drivers.method": ("Method", "Método"),
    "drivers.method_help": (
        "Both divide the model's R² among the moments, so the weights add up to R². Relative "
        "weights (Johnson 2000) do it in one step from uncorrelated stand-ins for the moments. "
        "Dominance analysis (Budescu 1993) averages each moment's gain in R² over every "
        "subset of the other moments; it fits all of them, so it takes at most 12 moments.",
        "Ambos reparten el R² del modelo entre los momentos, así que los pesos suman R². Los "
        "pesos relativos (Johnson 2000) lo hacen en un paso, con sustitutos no correlacionados "
        "de los momentos. El análisis de dominancia (Budescu 1993) promedia lo que cada "
        "momento añade al R² sobre todos los subconjuntos de los demás; los ajusta todos, así "
        "que admite como mucho 12 momentos.",
    ),
    "drivers.method.relative_weights": ("Relative weights (Johnson)", "Pesos relativos (Johnson)"),
    "drivers.method.dominance": (
        "Dominance analysis (general dominance)",
        "Análisis de dominancia (dominancia general)",
    ),
    "drivers.importance_caption.relative_weights": (
        "Relative weights (Johnson): each moment's share of the explained variance of the "
        "outcome, with 95% bootstrap intervals. R² = {r2}; {n} complete respondents "
        "({excluded} left out for a missing answer).",
        "Pesos relativos (Johnson): la parte de la varianza explicada del resultado que "
        "corresponde a cada momento, con intervalos bootstrap del 95 %. R² = {r2}; {n} "
        "personas con respuestas completas ({excluded} excluidas por falta de respuesta).",
    ),
    "drivers.importance_caption.dominance": (
        "Dominance analysis (general dominance, Budescu; Azen & Budescu): each moment's gain in "
        "R² when it joins the other moments, averaged over every subset of them; its share of "
        "the explained variance, with 95% bootstrap intervals. R² = {r2}; {n} complete "
        "respondents ({excluded} left out for a missing answer).",
        "Análisis de dominancia (dominancia general, Budescu; Azen y Budescu): lo que cada "
        "momento añade al R² al unirse a los demás, promediado sobre todos sus subconjuntos; su "
        "parte de la varianza explicada, con intervalos bootstrap del 95 %. R² = {r2}; {n} "
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
        "NPS = % promoters (9–10) − % detractors (0–6), with 95% adjusted Wald intervals "
        "(Rocks 2016: three answers' worth of pseudo-counts are added, which keeps the "
        "interval honest in small groups and when everyone answers alike). A group with "
        "fewer than {min_n} answers gets no interval: so few answers cannot support one. An "
        "interval that would reach past −100 or +100 is cut at the end of the scale, and said.",
        "NPS = % promotores (9–10) − % detractores (0–6), con intervalos de Wald ajustados del "
        "95 % (Rocks 2016: se añaden seudorrecuentos equivalentes a tres respuestas, lo que "
        "mantiene honesto el intervalo en grupos pequeños y cuando todos responden igual). Un "
        "grupo con menos de {min_n} respuestas no tiene intervalo: tan pocas respuestas no "
        "bastan para uno. Un intervalo que pasaría de −100 o +100 se corta en el extremo de "
        "la escala, y se indica.",
    ),
    "drivers.nps_no_interval": (
        "No interval for {groups}: fewer than {min_n} answers.",
        "Sin intervalo para {groups}: menos de {min_n} respuestas.",
    ),
    "drivers.nps_clipped": (
        "Interval cut at the end of the scale (−100 or +100) for {groups}.",
        "Intervalo cortado en el extremo de la escala (−100 o +100) para {groups}.",
    ),
    "drivers.nps_differences_caption": (
        "NPS differences between the groups (a − b), with 95% adjusted Wald intervals; the "
        "p-values of the {n} pairs are Holm-adjusted, as several are tested at once.",
        "Diferencias de NPS entre los grupos (a − b), con intervalos de Wald ajustados del "
        "95 %; los valores p de los {n} pares se ajustan por Holm, porque se prueban varios a "
        "la vez.",
    ),
    "drivers.nps_difference_caption_one": (
        "The NPS difference between the two groups (a − b), with its 95% adjusted Wald "
        "interval; one test, so its p-value needs no correction.",
        "La diferencia de NPS entre los dos grupos (a − b), con su intervalo de Wald ajustado "
        "del 95 %; una sola prueba, así que su valor p no necesita corrección.",
    ),
    "drivers.col.nps_difference": ("NPS a − b", "NPS a − b"),
    "drivers.col.group": ("Group", "Grupo"),
    "drivers.col.promoters": ("Promoters", "Promotores"),
    "drivers.col.detractors": ("Detractors", "Detractores"),
}
