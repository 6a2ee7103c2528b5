"""Strings shared by the frame (navigation, sidebar) and by several pages."""

STRINGS = {
    "app.title": ("Moments of Truth", "Momentos de la Verdad"),
    "nav.explore": ("Explore", "Explorar"),
    "nav.analyse": ("Analyse", "Analizar"),
    "nav.share": ("Share", "Compartir"),
    "nav.data": ("Data", "Datos"),
    "nav.overview": ("Overview", "Resumen"),
    "nav.utilities": ("Utilities", "Utilidades"),
    "nav.emotion": ("Emotion curve & peaks", "Curva emocional y picos"),
    "nav.memory": ("Memory", "Memoria"),
    "nav.gaps": ("Gaps & priorities", "Brechas y prioridades"),
    "nav.drivers": ("Drivers & tests", "Impulsores y pruebas"),
    "nav.behaviour": ("Behaviour", "Comportamiento"),
    "nav.report": ("Report", "Informe"),
    "nav.present": ("Present", "Presentar"),
    "sidebar.language": ("Language", "Idioma"),
    "sidebar.large": ("Large type (projector)", "Letra grande (proyector)"),
    "sidebar.large_help": (
        "Everything larger, for a projector or a large screen. A dark theme: the menu at the "
        "top right (⋮) → Dark.",
        "Todo más grande, para un proyector o una pantalla grande. Un tema oscuro: el menú de "
        "arriba a la derecha (⋮) → Dark.",
    ),
    "app.about": (
        "**Moments of Truth**: anticipated, experienced and remembered utility, emotion and "
        "gaps at each moment of a customer journey. Light or dark theme: the buttons above, in "
        "this menu.",
        "**Momentos de la Verdad**: utilidad anticipada, vivida y recordada, emoción y brechas "
        "en cada momento del recorrido de un cliente. Tema claro u oscuro: los botones de "
        "arriba, en este menú.",
    ),
    "sidebar.dataset": ("Dataset", "Conjunto de datos"),
    "sidebar.demo": (
        "Demo survey (2,000 respondents)",
        "Encuesta de demostración (2.000 personas)",
    ),
    "sidebar.journey": ("Journey", "Recorrido"),
    "sidebar.filter": ("Filter respondents by", "Filtrar personas por"),
    "sidebar.filter_none": ("Everyone", "Todas las personas"),
    "sidebar.filter_values": ("Keep", "Mantener"),
    "sidebar.filter_placeholder": ("Choose values", "Elige valores"),
    "sidebar.respondents": ("{n} respondents", "{n} personas"),
    "sidebar.back_to_demo": ("Back to the demo data", "Volver a los datos de demostración"),
    "common.segment_overlay": ("Compare by segment", "Comparar por segmento"),
    "common.none": ("None", "Ninguno"),
    "common.go_to_data": ("Open the Data page", "Abrir la página Datos"),
    "common.load_error": (
        "This dataset cannot be analysed: {error}",
        "Este conjunto de datos no se puede analizar: {error}",
    ),
    "common.missing": (
        "This needs data the current dataset does not have. {error}",
        "Hace falta información que este conjunto de datos no tiene. {error}",
    ),
    # one empty state for every analysis page (ui.widgets.empty_state): what is missing,
    # the columns found in the file, a link to the column mapping
    "empty.columns": (
        "Columns in the file ({n}): {columns}",
        "Columnas del archivo ({n}): {columns}",
    ),
    "empty.more_columns": (" and {n} more", " y {n} más"),
    "empty.map_columns": (
        "Map the columns on the Data page",
        "Asignar las columnas en la página Datos",
    ),
    "empty.measures": (
        "This file has no touchpoint measures",
        "Este archivo no tiene medidas de los puntos de contacto",
    ),
    "empty.measures_body": (
        "The file was read (respondents: {n}), but no column is mapped to a touchpoint and a "
        "measure (anticipated, experienced, remembered, excellent, importance or emotion), so "
        "there is nothing to chart here. In the column mapping, give each rating column its "
        "touchpoint and measure, or name the columns like `FMOT_experienced`.",
        "El archivo se leyó (personas encuestadas: {n}), pero ninguna columna está asignada a "
        "un punto de contacto y una medida (anticipada, vivida, recordada, excelente, "
        "importancia o emoción), así que aquí no hay nada que mostrar. En la asignación de "
        "columnas, da a cada columna de valoración su punto de contacto y su medida, o nombra "
        "las columnas como `FMOT_experienced`.",
    ),
    "empty.filtered": (
        "The respondents kept by the filter rated no touchpoint",
        "Las personas que deja el filtro no valoraron ningún punto de contacto",
    ),
    "empty.filtered_body": (
        "None of the respondents the sidebar's filter keeps ({n}) rated a touchpoint. "
        "Choose other values, or everyone, in the sidebar.",
        "Ninguna de las personas que deja el filtro de la barra lateral ({n}) valoró un "
        "punto de contacto. Elige otros valores, o todas las personas, en la barra lateral.",
    ),
    "empty.utilities": (
        "No anticipated, experienced or remembered ratings",
        "No hay valoraciones anticipadas, vividas ni recordadas",
    ),
    "empty.utilities_body": (
        "This page compares what customers expected, lived and remember at each touchpoint, "
        "and this file has other measures only. Map rating columns to the measures "
        "anticipated, experienced or remembered (e.g. `FMOT_experienced`).",
        "Esta página compara lo que los clientes esperaban, vivieron y recuerdan en cada punto "
        "de contacto, y este archivo solo tiene otras medidas. Asigna columnas de valoración a "
        "las medidas anticipada, vivida o recordada (p. ej. `FMOT_experienced`).",
    ),
    "empty.emotion": ("No emotion ratings", "No hay valoraciones de emoción"),
    "empty.emotion_body": (
        "The emotion curve needs how customers felt at each touchpoint (or, failing that, "
        "their experienced ratings). Map such columns to the measure emotion (e.g. "
        "`FMOT_emotion`) or experienced.",
        "La curva emocional necesita cómo se sintieron los clientes en cada punto de contacto "
        "(o, en su defecto, sus valoraciones vividas). Asigna esas columnas a la medida "
        "emoción (p. ej. `FMOT_emotion`) o vivida.",
    ),
    "empty.remembered": ("No remembered rating", "No hay valoración recordada"),
    "empty.remembered_body": (
        "The peak-end rule compares each customer's curve with how they remember the whole "
        "journey. Map the column of the overall remembered rating (or of overall "
        "satisfaction) as an outcome (e.g. `overall_retrospective`).",
        "La regla del pico y el final compara la curva de cada cliente con cómo recuerda el "
        "recorrido entero. Asigna la columna de la valoración recordada global (o de la "
        "satisfacción general) como resultado (p. ej. `overall_retrospective`).",
    ),
    "empty.outcome": ("No outcome to explain", "No hay ningún resultado que explicar"),
    "empty.outcome_body": (
        "Driver importance needs a respondent-level outcome, such as likelihood to recommend "
        "or overall satisfaction. Map one with the role outcome.",
        "La importancia de los impulsores necesita un resultado por persona, como la "
        "probabilidad de recomendar o la satisfacción general. Asigna uno con el papel "
        "resultado.",
    ),
    "empty.segments": ("No segment to compare", "No hay ningún segmento que comparar"),
    "empty.segments_body": (
        "Comparisons need a segment column (e.g. persona, device or an A/B variant). Map one "
        "with the role segment.",
        "Las comparaciones necesitan una columna de segmento (p. ej. persona, dispositivo o "
        "una variante A/B). Asigna una con el papel segmento.",
    ),
    "common.table": ("Table", "Tabla"),
    "common.download_csv": ("Download CSV", "Descargar CSV"),
    "common.missing_segment": (
        "{n} respondents without a value for {segment} are left out of the split.",
        "{n} personas sin valor en {segment} quedan fuera de la comparación.",
    ),
    # table columns several pages share
    "common.col.ci_low": ("95% CI low", "IC 95 % inferior"),
    "common.col.ci_high": ("95% CI high", "IC 95 % superior"),
    "common.col.group_a": ("Group A", "Grupo A"),
    "common.col.group_b": ("Group B", "Grupo B"),
    "common.col.p": ("p", "p"),
    "common.col.p_adjusted": ("Adjusted p", "p ajustado"),
    "common.nps_method.adjusted_wald": ("adjusted Wald", "Wald ajustado"),
    "common.nps_method.wald": ("Wald", "Wald"),
    "measure.importance": ("Importance", "Importancia"),
    "outcome.recommend": ("Likelihood to recommend", "Probabilidad de recomendar"),
    "outcome.overall_satisfaction": ("Overall satisfaction", "Satisfacción general"),
    "outcome.overall_retrospective": ("Overall remembered rating", "Valoración recordada global"),
    "outcome.repurchase": ("Repurchase intent", "Intención de recompra"),
}
