"""Utilities page strings: anticipated, experienced and remembered utility, and their shifts."""

STRINGS = {
    "utilities.title": (
        "Expectation, experience and memory",
        "Expectativa, experiencia y recuerdo",
    ),
    "utilities.caption": (
        "What customers expected at each touchpoint (anticipated), how good it was while it "
        "happened (experienced) and how they remember it (remembered), on a 0–100 scale with "
        "95% confidence intervals.",
        "Lo que la clientela esperaba en cada punto de contacto (anticipada), lo buena que fue "
        "la experiencia mientras ocurría (vivida) y cómo la recuerda (recordada), en una escala "
        "de 0 a 100 con intervalos de confianza del 95 %.",
    ),
    "utilities.scores": ("Utility per touchpoint", "Utilidad por punto de contacto"),
    "utilities.interval_rule": (
        "Intervals stay on the 0–100 scale: one that would reach past 0 or 100 (a mean near "
        "the end of the scale with widely spread ratings) is cut there, and listed below. A "
        "mean from fewer than {small_n} ratings is listed too: its interval is shown but rests "
        "on a small sample.",
        "Los intervalos no salen de la escala 0–100: uno que pasaría de 0 o de 100 (una media "
        "cerca del extremo con valoraciones muy dispersas) se corta ahí y se indica abajo. "
        "También se indica una media de menos de {small_n} valoraciones: su intervalo se "
        "muestra, pero se apoya en una muestra pequeña.",
    ),
    "utilities.clipped": (
        "Interval cut at the end of the 0–100 scale: {items}.",
        "Intervalo cortado en el extremo de la escala 0–100: {items}.",
    ),
    "utilities.small_n": (
        "Fewer than {small_n} ratings (interval shown, on a small sample): {items}.",
        "Menos de {small_n} valoraciones (intervalo mostrado, con una muestra pequeña): {items}.",
    ),
    "utilities.shifts": ("Expectation and memory", "Expectativa y recuerdo"),
    "utilities.shifts_caption": (
        "Experienced minus anticipated: was the expectation exceeded, confirmed or "
        "disappointed? Remembered minus experienced: is memory kinder or harsher than the "
        "experience? Mean paired difference in points, with its 95% confidence interval.",
        "Vivida menos anticipada: ¿se superó, se confirmó o se defraudó lo esperado? Recordada "
        "menos vivida: ¿el recuerdo es más amable o más duro que la experiencia? Diferencia "
        "media emparejada en puntos, con su intervalo de confianza del 95 %.",
    ),
    "utilities.summary": ("In plain words", "En pocas palabras"),
    "utilities.summary_everyone": (
        "The shifts chart and this summary cover all respondents; the table below is split "
        "by {segment}.",
        "El gráfico de diferencias y este resumen cubren a todas las personas; la tabla de "
        "abajo se divide por {segment}.",
    ),
    "utilities.about.experienced_vs_anticipated": (
        "Experience against expectation",
        "La experiencia frente a lo esperado",
    ),
    "utilities.about.retrospective_vs_experienced": (
        "Memory against experience",
        "El recuerdo frente a la experiencia",
    ),
    "utilities.say.disappointed": (
        "At {touchpoint}, experience fell short of expectation by {size} points "
        "(95% CI {low} to {high}, adjusted {p}).",
        "En {touchpoint}, la experiencia quedó {size} puntos por debajo de lo esperado "
        "(IC 95 % de {low} a {high}, {p} ajustado).",
    ),
    "utilities.say.exceeded": (
        "At {touchpoint}, experience beat expectation by {size} points "
        "(95% CI {low} to {high}, adjusted {p}).",
        "En {touchpoint}, la experiencia superó lo esperado en {size} puntos "
        "(IC 95 % de {low} a {high}, {p} ajustado).",
    ),
    "utilities.say.confirmed": (
        "Expectation was confirmed (no clear difference) at: {touchpoints}.",
        "Se confirmó lo esperado (sin diferencia clara) en: {touchpoints}.",
    ),
    "utilities.say.harsher": (
        "At {touchpoint}, memory is harsher than the experience by {size} points "
        "(95% CI {low} to {high}, adjusted {p}).",
        "En {touchpoint}, el recuerdo es {size} puntos más duro que la experiencia "
        "(IC 95 % de {low} a {high}, {p} ajustado).",
    ),
    "utilities.say.kinder": (
        "At {touchpoint}, memory is kinder than the experience by {size} points "
        "(95% CI {low} to {high}, adjusted {p}).",
        "En {touchpoint}, el recuerdo es {size} puntos más amable que la experiencia "
        "(IC 95 % de {low} a {high}, {p} ajustado).",
    ),
    "utilities.say.same": (
        "Memory matches the experience (no clear difference) at: {touchpoints}.",
        "El recuerdo coincide con la experiencia (sin diferencia clara) en: {touchpoints}.",
    ),
    "utilities.tests": ("Significance per touchpoint", "Significación por punto de contacto"),
    "utilities.tests_caption": (
        "Paired t-tests over the respondents who rated both utilities at a touchpoint. Every "
        "touchpoint is a test of its own, so p is adjusted across the touchpoints of each "
        "comparison (Holm). A verdict other than Confirmed or Same means the adjusted p is "
        "below 0.05; the 95% interval is the touchpoint's own, so one that only just excludes "
        "zero can still read Confirmed or Same.",
        "Pruebas t emparejadas sobre las personas que valoraron ambas utilidades en un punto "
        "de contacto. Cada punto de contacto es una prueba distinta, así que el p se ajusta "
        "entre los puntos de contacto de cada comparación (Holm). Un veredicto distinto de "
        "Confirmada o Igual significa que el p ajustado es menor que 0,05; el intervalo del "
        "95 % es el de cada punto de contacto, así que uno que apenas excluye el cero puede "
        "seguir diciendo Confirmada o Igual.",
    ),
    "utilities.col_diff": ("Mean difference", "Diferencia media"),
    "utilities.too_few_pairs": ("Too few pairs", "Muy pocos pares"),
}
