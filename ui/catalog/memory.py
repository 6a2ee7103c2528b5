"""Memory page strings: the peak-end rule against the remembered rating."""

STRINGS = {
    "memory.title": ("Memory: the peak-end rule", "Memoria: la regla del pico y el final"),
    "memory.caption": (
        "Memory keeps snapshots, not films: the most intense moment and the end weigh most, "
        "and duration is largely neglected. Does the average of each customer's most intense "
        "moment and end (the peak-end average) predict the rating they remember better than "
        "the plain average of their curve?",
        "La memoria guarda instantáneas, no películas: el momento más intenso y el final "
        "pesan más, y la duración casi no cuenta. ¿El promedio del momento más intenso y el "
        "final de cada persona (la media pico-final) predice la valoración que recuerda mejor "
        "que el promedio simple de su curva?",
    ),
    "memory.outcome": ("Remembered rating", "Valoración recordada"),
    "memory.outcome_help": (
        "The respondent-level rating that stands for what customers remember.",
        "La valoración global de cada persona que representa lo que recuerda.",
    ),
    "memory.outcome_fixed": (
        "Remembered rating: {outcome}.",
        "Valoración recordada: {outcome}.",
    ),
    "memory.verdict.peak_end": (
        "In your data, memory follows the most intense moment and the end: r = {r_peak_end}, "
        "better than the average (r = {r_mean}), {p}.",
        "En estos datos, el recuerdo sigue al momento más intenso y al final: r = "
        "{r_peak_end}, mejor que el promedio (r = {r_mean}), {p}.",
    ),
    "memory.verdict.mean": (
        "In your data, memory follows the average of the whole journey: r = {r_mean}, better "
        "than the most intense moment and the end (r = {r_peak_end}), {p}.",
        "En estos datos, el recuerdo sigue al promedio de todo el recorrido: r = {r_mean}, "
        "mejor que el momento más intenso y el final (r = {r_peak_end}), {p}.",
    ),
    "memory.verdict.no_difference": (
        "In your data, the most intense moment and the end (r = {r_peak_end}) predict memory "
        "about as well as the average (r = {r_mean}): the difference is not significant ({p}).",
        "En estos datos, el momento más intenso y el final (r = {r_peak_end}) predicen el "
        "recuerdo más o menos igual que el promedio (r = {r_mean}): la diferencia no es "
        "significativa ({p}).",
    ),
    "memory.sample": (
        "{n} customers with a complete curve (a rating at each of the {k} touchpoints: "
        "{touchpoints}) and a remembered rating. Left out: {no_curve} without a curve, "
        "{no_outcome} without the remembered rating, {incomplete} who skipped a touchpoint "
        "(their end and their average would be of other touchpoints). The curve is read from "
        "{source}. Williams' test of the two correlations: t = {t}, df = {df}.",
        "{n} personas con la curva completa (una valoración en cada uno de los {k} puntos de "
        "contacto: {touchpoints}) y una valoración recordada. Quedan fuera: {no_curve} sin "
        "curva, {no_outcome} sin valoración recordada, {incomplete} que se saltaron un punto "
        "de contacto (su final y su promedio serían de otros puntos). La curva se lee de "
        "{source}. Prueba de Williams de las dos correlaciones: t = {t}, gl = {df}.",
    ),
    "memory.source.emotion": ("emotion ratings", "las valoraciones de emoción"),
    "memory.source.experienced": (
        "experienced utility (no emotion ratings)",
        "la utilidad vivida (no hay valoraciones de emoción)",
    ),
    "memory.source.mixed": (
        "emotion ratings, and experienced utility for the customers who gave no emotion rating",
        "las valoraciones de emoción, y la utilidad vivida para quienes no dieron ninguna",
    ),
    "memory.scatter": ("Prediction against memory", "Predicción frente a recuerdo"),
    "memory.scatter_caption": (
        "Each dot is a customer: the average of their most intense moment and their end "
        "(−100 to +100) against the rating they remember (0–100).",
        "Cada punto es una persona: el promedio de su momento más intenso y su final (de −100 "
        "a +100) frente a la valoración que recuerda (0–100).",
    ),
    "memory.models": ("What predicts memory", "Qué predice el recuerdo"),
    "memory.models_caption": (
        "Correlation of each summary of the curve with the remembered rating, with 95% "
        "confidence intervals. The peak-end average is (most intense moment + end) / 2; the "
        "most intense moment is the one farthest from neutral, pleasant or not; the end is the "
        "last touchpoint. The peak (highest moment) and the trough (lowest moment) are also "
        "tried on their own, as Verhoef, Antonides & de Hoog (2004) did. In the table, "
        "Williams' test says whether the peak-end average predicts better than each of them.",
        "Correlación de cada resumen de la curva con la valoración recordada, con intervalos "
        "de confianza del 95 %. La media pico-final es (momento más intenso + final) / 2; el "
        "momento más intenso es el más alejado de neutral, agradable o no; el final es el "
        "último punto de contacto. El pico (momento más alto) y el valle (momento más bajo) "
        "también se prueban solos, como hicieron Verhoef, Antonides y de Hoog (2004). En la "
        "tabla, la prueba de Williams dice si la media pico-final predice mejor que cada uno.",
    ),
    "memory.col_predictor": ("Summary of the curve", "Resumen de la curva"),
    "memory.col_t_vs_peak_end": (
        "Williams' t, peak-end against it",
        "t de Williams, pico-final frente a este",
    ),
    "memory.col_p_vs_peak_end": ("p, peak-end against it", "p, pico-final frente a este"),
    "memory.durations": ("Duration neglect", "Olvido de la duración"),
    "memory.durations_caption": (
        "Customers grouped by how many touchpoints their curve spans, from the first rated "
        "to the last. The area under the curve adds up everything felt, so it grows with "
        "duration; memory follows the peak-end average, which does not. In the cold-hand "
        "study (Kahneman et al., 1993) a longer trial that added a milder end had more pain "
        "in total yet a milder peak-end, and most people chose to repeat it.",
        "Personas agrupadas según cuántos puntos de contacto abarca su curva, del primero "
        "valorado al último. El área bajo la curva suma todo lo sentido, así que crece con la "
        "duración; el recuerdo sigue a la media pico-final, que no crece. En el estudio de la "
        "mano en agua fría (Kahneman y otros, 1993) una prueba más larga que añadía un final "
        "más suave tenía más dolor en total pero una media pico-final más suave, y la mayoría "
        "eligió repetirla.",
    ),
    "memory.col_duration": ("Touchpoints spanned", "Puntos de contacto abarcados"),
    "memory.col_area": ("Mean area under the curve", "Área media bajo la curva"),
    "memory.col_peak_end": ("Mean peak-end average", "Promedio de la media pico-final"),
    "memory.col_mean": ("Mean of the curves", "Media de las curvas"),
}
