"""Overview page strings."""

STRINGS = {
    "overview.title": ("Journey overview", "Resumen del recorrido"),
    "overview.caption": (
        "Where customers' moments of truth delight and disappoint, at a glance.",
        "Dónde encantan y decepcionan los momentos de la verdad, de un vistazo.",
    ),
    "overview.nps": ("NPS", "NPS"),
    "overview.nps_help": (
        "95% CI {low} to {high} ({method}) · n = {n}",
        "IC 95 % de {low} a {high} ({method}) · n = {n}",
    ),
    "overview.nps_no_interval": (
        "No interval: fewer than {min_n} answers · n = {n}",
        "Sin intervalo: menos de {min_n} respuestas · n = {n}",
    ),
    "overview.peak_trough": ("Emotional peak / trough", "Pico / valle emocional"),
    "overview.peak_trough_detail": (
        "emotion {peak} at the peak, {trough} at the trough",
        "emoción {peak} en el pico, {trough} en el valle",
    ),
    "overview.best": ("Best moment", "Mejor momento"),
    "overview.worst": ("Worst moment", "Peor momento"),
    "overview.gap": ("Biggest gap", "Mayor brecha"),
    "overview.gap.to_expected": ("below expectation", "por debajo de lo esperado"),
    "overview.gap.to_excellent": ("below excellent", "por debajo de lo excelente"),
    "overview.experienced_points": (
        "experienced {value} / 100",
        "vivida {value} / 100",
    ),
    "overview.map": ("Journey map", "Mapa del recorrido"),
    "overview.map_caption": (
        "Touchpoints in journey order with their moment of truth, the emotion curve with its "
        "peaks and troughs, and the three utilities at each touchpoint.",
        "Los puntos de contacto en orden con su momento de la verdad, la curva emocional con "
        "sus picos y valles, y las tres utilidades en cada punto.",
    ),
    "overview.not_available": ("not available", "no disponible"),
}
