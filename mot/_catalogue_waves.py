"""Texts of the EN/ES catalogue: comparing two waves of a survey.

Part of the catalogue :mod:`mot.messages`, which joins the parts and renders them: read
the texts from there (``mot.messages.TEXTS``).
"""

from __future__ import annotations

WAVES: dict[str, tuple[str, str]] = {
    "waves.sentence.improved": (
        "{touchpoint}{label}: {measure} improved by {points:.1f} points ({p}, Holm-adjusted).",
        "{touchpoint}{label}: {measure} mejoró {points:.1f} puntos ({p}, ajustado por Holm).",
    ),
    "waves.sentence.worsened": (
        "{touchpoint}{label}: {measure} worsened by {points:.1f} points ({p}, Holm-adjusted).",
        "{touchpoint}{label}: {measure} empeoró {points:.1f} puntos ({p}, ajustado por Holm).",
    ),
    "waves.p_below": ("p < 0.001", "p < 0,001"),
    "waves.p_equal": ("p = {p:.3f}", "p = {p:.3f}"),
    "waves.gap_expected": (
        "the gap to what was expected",
        "la brecha con lo esperado",
    ),
    "waves.gap_excellent": (
        "the gap to excellent",
        "la brecha con lo excelente",
    ),
    "waves.no_pair_column": (
        "There is no respondent column `{column}` to match respondents across waves. Use "
        "respondent_id, or map the column (for example customer_id) in both waves.",
        "No hay ninguna columna de personas `{column}` con la que emparejar a las personas "
        "entre oleadas. Use respondent_id, o asigne esa columna (por ejemplo customer_id) en "
        "las dos oleadas.",
    ),
    "waves.repeated_key": (
        "`{column}` = {key} names more than one respondent in one wave (at {touchpoint}): it "
        "cannot match people across waves. Match on respondent_id, or on a column that is "
        "unique per respondent.",
        "`{column}` = {key} nombra a más de una persona en una oleada (en {touchpoint}): no "
        "sirve para emparejar personas entre oleadas. Empareje por respondent_id o por una "
        "columna única por persona.",
    ),
    "waves.bad_alpha": (
        "The significance level {alpha} must be a number strictly between 0 and 1, such as 0.05.",
        "El nivel de significación {alpha} debe ser un número estrictamente entre 0 y 1, como "
        "0,05.",
    ),
    "waves.nothing_in_common": (
        "The two waves have no touchpoint and measure in common: nothing to compare. Use the "
        "same journey and mapping for both.",
        "Las dos oleadas no tienen ningún punto de contacto y medida en común: no hay nada que "
        "comparar. Use el mismo recorrido y la misma asignación en las dos.",
    ),
    "waves.labels": (
        "{n_waves} waves were given with {n_labels} labels: give one label per wave, and at "
        "least two waves.",
        "Se han dado {n_waves} oleadas con {n_labels} etiquetas: dé una etiqueta por oleada, y "
        "al menos dos oleadas.",
    ),
}
