"""Emotion page strings: the emotional curve, its peaks and troughs, individual curves."""

STRINGS = {
    "emotion.title": ("Emotion curve, peaks and troughs", "Curva emocional, picos y valles"),
    "emotion.caption": (
        "How customers felt along the journey (−100 to +100, 0 = neutral): the mean curve with "
        "its 95% band, its peaks (highest points) and troughs (lowest points), and where each "
        "customer's own peak and trough fall. Memory keeps the most intense moment (the one "
        "farthest from neutral, pleasant or not) and the end: protect them.",
        "Cómo se sintió la clientela a lo largo del recorrido (de −100 a +100, 0 = neutral): "
        "la curva media con su banda del 95 %, sus picos (puntos más altos) y valles (puntos "
        "más bajos), y dónde caen el pico y el valle de cada persona. La memoria guarda el "
        "momento más intenso (el más alejado de neutral, agradable o no) y el final: cuídelos.",
    ),
    "emotion.prominence": ("Minimum prominence (points)", "Prominencia mínima (puntos)"),
    "emotion.prominence_help": (
        "How far a peak or trough must stand out from the curve around it to be marked.",
        "Cuánto debe destacar un pico o un valle sobre la curva que lo rodea para marcarlo.",
    ),
    "emotion.individual": ("Individual curves", "Curvas individuales"),
    "emotion.sample_size": ("Customers to draw", "Personas a mostrar"),
    "emotion.sample_help": (
        "A random sample of customers' own curves, drawn behind the mean (the same sample "
        "every time for the same number).",
        "Una muestra aleatoria de curvas individuales, dibujadas detrás de la media (la misma "
        "muestra cada vez para el mismo número).",
    ),
    "emotion.sources": (
        "Where each customer's curve comes from: {emotion} from their emotion ratings; "
        "{experienced} from their experienced utility centred on the middle of its scale "
        "(−100 to +100), because they gave no emotion rating; {none} with neither, so no "
        "curve.",
        "De dónde sale la curva de cada persona: {emotion} de sus valoraciones de emoción; "
        "{experienced} de su utilidad vivida centrada en el punto medio de su escala (de −100 "
        "a +100), porque no dieron ninguna valoración de emoción; {none} sin ninguna de las "
        "dos, así que sin curva.",
    ),
    "emotion.clipped": (
        "At {touchpoints} the 95% band reaches past the end of the scale and is cut at ±100: "
        "few answers or a wide spread there.",
        "En {touchpoints} la banda del 95 % pasa del extremo de la escala y se corta en ±100: "
        "pocas respuestas o mucha dispersión ahí.",
    ),
    "emotion.click_hint": (
        "Click a touchpoint on the curve to focus the tables and comments below on it; "
        "click an empty spot to show them all again.",
        "Haga clic en un punto de contacto de la curva para centrar en él las tablas y los "
        "comentarios de abajo; haga clic en un espacio vacío para volver a verlos todos.",
    ),
    "emotion.focus": ("Focused on {touchpoint}.", "Centrado en {touchpoint}."),
    "emotion.extremes": ("Peaks and troughs of the curve", "Picos y valles de la curva"),
    "emotion.extremes_caption": (
        "Prominence: how far the point stands out from the curve around it, in points.",
        "Prominencia: cuánto destaca el punto sobre la curva que lo rodea, en puntos.",
    ),
    "emotion.no_extremes_at": (
        "The mean curve has no peak or trough at {touchpoint}.",
        "La curva media no tiene pico ni valle en {touchpoint}.",
    ),
    "emotion.col_kind": ("Kind", "Tipo"),
    "emotion.col_mean": ("Mean emotion", "Emoción media"),
    "emotion.col_note": ("Note", "Nota"),
    "emotion.global_only": (
        "Only the highest or lowest point: nothing reaches the minimum prominence",
        "Solo el punto más alto o más bajo: nada alcanza la prominencia mínima",
    ),
    "emotion.locations": (
        "Where customers' own peaks and troughs fall",
        "Dónde caen los picos y valles de cada persona",
    ),
    "emotion.locations_caption": (
        "Each customer's highest and lowest point: the share of customers whose own peak "
        "(trough) is at each touchpoint. The mean curve can hide these.",
        "El punto más alto y el más bajo de cada persona: la proporción de personas cuyo "
        "pico (valle) está en cada punto de contacto. La curva media puede ocultarlos.",
    ),
    "emotion.col_n": ("Customers", "Personas"),
    "emotion.col_peak_share": ("Their peak is here", "Su pico está aquí"),
    "emotion.col_trough_share": ("Their trough is here", "Su valle está aquí"),
    "emotion.comments": ("What customers said", "Lo que dijo la clientela"),
    "emotion.comments_all": (
        "All {n} comments. Click a touchpoint on the curve to read only its comments.",
        "Los {n} comentarios. Haga clic en un punto de contacto de la curva para leer solo "
        "los suyos.",
    ),
    "emotion.comments_at": (
        "{n} comments at {touchpoint}.",
        "{n} comentarios en {touchpoint}.",
    ),
    "emotion.no_comments": (
        "This dataset has no free-text comments. Map comment columns (such as "
        "`TMOT_comment`) on the Data page to read what customers said at each moment.",
        "Este conjunto de datos no tiene comentarios de texto libre. Asigne las columnas de "
        "comentarios (como `TMOT_comment`) en la página Datos para leer lo que se dijo en "
        "cada momento.",
    ),
}
