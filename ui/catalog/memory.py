"""Memory page strings: the peak-end rule against the remembered rating."""

STRINGS = {
    "memory.title": ("Memory: the peak-end rule", "Memoria: la regla del pico y el final"),
    "memory.caption": (
        "Memory keeps snapshots, not films: the most intense moment (the peak) and the end "
        "weigh most, and duration is largely neglected. Does the average of each customer's "
        "peak and end predict the rating they remember better than the plain average of "
        "their curve?",
        "La memoria guarda instantáneas, no películas: el momento más intenso (el pico) y el "
        "final pesan más, y la duración casi no cuenta. ¿El promedio del pico y el final de "
        "cada persona predice la valoración que recuerda mejor que el promedio simple de su "
        "curva?",
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
        "In your data, memory follows the peak and the end: r = {r_peak_end}, better than the "
        "average (r = {r_mean}), {p}.",
        "En estos datos, el recuerdo sigue al pico y al final: r = {r_peak_end}, mejor que el "
        "promedio (r = {r_mean}), {p}.",
    ),
    "memory.verdict.mean": (
        "In your data, memory follows the average of the whole journey: r = {r_mean}, better "
        "than the peak and the end (r = {r_peak_end}), {p}.",
        "En estos datos, el recuerdo sigue al promedio de todo el recorrido: r = {r_mean}, "
        "mejor que el pico y el final (r = {r_peak_end}), {p}.",
    ),
    "memory.verdict.no_difference": (
        "In your data, the peak and the end (r = {r_peak_end}) predict memory about as well "
        "as the average (r = {r_mean}): the difference is not significant ({p}).",
        "En estos datos, el pico y el final (r = {r_peak_end}) predicen el recuerdo más o "
        "menos igual que el promedio (r = {r_mean}): la diferencia no es significativa ({p}).",
    ),
    "memory.sample": (
        "{n} respondents with a curve and a remembered rating; {excluded} left out for lacking "
        "one or the other. The curve is read from {source}. Williams' test of the two "
        "correlations: t = {t}, df = {df}.",
        "{n} personas con curva y valoración recordada; {excluded} quedan fuera por faltarles "
        "una de las dos. La curva se lee de {source}. Prueba de Williams de las dos "
        "correlaciones: t = {t}, gl = {df}.",
    ),
    "memory.source.emotion": ("emotion ratings", "las valoraciones de emoción"),
    "memory.source.experienced": (
        "experienced utility (no emotion ratings)",
        "la utilidad vivida (no hay valoraciones de emoción)",
    ),
    "memory.scatter": ("Prediction against memory", "Predicción frente a recuerdo"),
    "memory.scatter_caption": (
        "Each dot is a customer: the average of their peak and their end (−100 to +100) "
        "against the rating they remember (0–100).",
        "Cada punto es una persona: el promedio de su pico y su final (de −100 a +100) frente "
        "a la valoración que recuerda (0–100).",
    ),
    "memory.models": ("What predicts memory", "Qué predice el recuerdo"),
    "memory.models_caption": (
        "Correlation of each summary of the curve with the remembered rating, with 95% "
        "confidence intervals. Peak: the most intense moment; end: the last touchpoint.",
        "Correlación de cada resumen de la curva con la valoración recordada, con intervalos "
        "de confianza del 95 %. Pico: el momento más intenso; final: el último punto de "
        "contacto.",
    ),
    "memory.col_predictor": ("Summary of the curve", "Resumen de la curva"),
}
