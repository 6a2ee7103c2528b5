"""Data page strings: upload, what was read, column mapping, journey, validation report."""

STRINGS = {
    "data.title": ("Your data", "Tus datos"),
    "data.caption": (
        "Upload a survey export and an event log, check how they were read, map the survey's "
        "columns to the journey and see what needs fixing. Every page switches to the data "
        "loaded here.",
        "Sube la exportación de una encuesta y un registro de eventos, comprueba cómo se han "
        "leído, asigna las columnas de la encuesta al recorrido y mira qué hay que corregir. "
        "Todas las páginas pasan a usar los datos que cargues aquí.",
    ),
    # upload
    "data.upload": (
        "Survey file (CSV, Excel, SPSS, Parquet or JSON)",
        "Archivo de la encuesta (CSV, Excel, SPSS, Parquet o JSON)",
    ),
    "data.upload_help": (
        "One row per respondent as your survey tool exports it (Qualtrics, SurveyMonkey, "
        "Google Forms…), or a tidy table with respondent_id, touchpoint, measure, value. "
        "Name rating columns <touchpoint>_<measure>, e.g. FMOT_experienced.",
        "Una fila por persona, tal como la exporta tu herramienta de encuestas (Qualtrics, "
        "SurveyMonkey, Google Forms…), o una tabla ordenada con respondent_id, touchpoint, "
        "measure, value. Llama a las columnas de valoración <punto>_<medida>, p. ej. "
        "FMOT_vivida.",
    ),
    "data.step.reading": ("Reading the file…", "Leyendo el archivo…"),
    "data.step.mapping": ("Mapping the columns…", "Asignando las columnas…"),
    "data.step.validating": ("Validating the answers…", "Validando las respuestas…"),
    "data.error.upload": (
        "{error} The data you were using is still loaded.",
        "{error} Los datos que estabas usando siguen cargados.",
    ),
    "data.no_rows": (
        "`{name}` has nothing to analyse: no data rows under its header. Export the survey "
        "again with its answers.",
        "`{name}` no tiene nada que analizar: no hay filas de datos bajo la cabecera. Exporta "
        "de nuevo la encuesta con sus respuestas.",
    ),
    "data.no_usable_columns": (
        "`{name}` has nothing to analyse: none of its {n} columns holds a rating or an outcome "
        "that could be read. Name the columns after the touchpoint and the measure (e.g. "
        "`FMOT_experienced`), or map them on the Data page.",
        "`{name}` no tiene nada que analizar: ninguna de sus {n} columnas tiene una valoración "
        "o un resultado legibles. Nombra las columnas con el punto de contacto y la medida "
        "(p. ej. `FMOT_vivida`) o asígnalas en la página Datos.",
    ),
    "data.log_no_events": (
        "`{name}` has no event that could be read ({bad} rows left out). Check that it has "
        "rows with a user id, a readable time stamp and an event name.",
        "`{name}` no tiene ningún evento legible ({bad} filas descartadas). Comprueba que tiene "
        "filas con un id de usuario, una marca de tiempo legible y un nombre de evento.",
    ),
    "data.current": ("Dataset in use: **{name}**", "Conjunto de datos en uso: **{name}**"),
    "data.demo": ("the demo survey", "la encuesta de demostración"),
    "data.errors": ("Errors", "Errores"),
    "data.warnings": ("Warnings", "Avisos"),
    # what was read
    "data.detected": ("What was read", "Qué se ha leído"),
    "data.read_as": (
        "Format: **{format}** · Encoding: **{encoding}** · Delimiter: **{delimiter}**",
        "Formato: **{format}** · Codificación: **{encoding}** · Separador: **{delimiter}**",
    ),
    "data.header_rows": ("Header rows", "Filas de encabezado"),
    "data.rows": ("Data rows", "Filas de datos"),
    "data.columns": ("Columns", "Columnas"),
    "data.notes": (
        "Details: {notes}. The first rows, numbered as in your file:",
        "Detalles: {notes}. Las primeras filas, numeradas como en tu archivo:",
    ),
    "data.format.csv": ("CSV / text", "CSV / texto"),
    "data.format.qualtrics": ("Qualtrics export", "Exportación de Qualtrics"),
    "data.format.qualtrics_legacy": (
        "Qualtrics export (legacy)",
        "Exportación de Qualtrics (antigua)",
    ),
    "data.format.surveymonkey": ("SurveyMonkey export", "Exportación de SurveyMonkey"),
    "data.format.xlsx": ("Excel workbook", "Libro de Excel"),
    "data.format.parquet": ("Parquet", "Parquet"),
    "data.format.spss": ("SPSS", "SPSS"),
    "data.format.json": ("JSON", "JSON"),
    "data.delimiter.comma": ("comma ( , )", "coma ( , )"),
    "data.delimiter.semicolon": ("semicolon ( ; )", "punto y coma ( ; )"),
    "data.delimiter.tab": ("tab", "tabulador"),
    "data.delimiter.pipe": ("pipe ( | )", "barra vertical ( | )"),
    # tabs
    "data.tab_survey": ("Survey", "Encuesta"),
    "data.tab_log": ("Event log", "Registro de eventos"),
    "data.log_caption": (
        "What customers did: a web or app event log (CSV, Parquet or JSON lines; a Google "
        "Analytics 4 export works as it is). One row per event with a user id, a time stamp and "
        "an event name; a session id and properties such as device, channel or variant are "
        "optional. The Behaviour page analyses it.",
        "Lo que hicieron los clientes: un registro de eventos web o de app (CSV, Parquet o JSON "
        "lines; una exportación de Google Analytics 4 sirve tal cual). Una fila por evento con "
        "un id de usuario, una marca de tiempo y un nombre de evento; el id de sesión y "
        "propiedades como dispositivo, canal o variante son opcionales. La página "
        "Comportamiento lo analiza.",
    ),
    "data.log_notes": (
        "Details: {notes} The first events:",
        "Detalles: {notes} Los primeros eventos:",
    ),
    "data.log_rows": ("Rows in the file", "Filas del archivo"),
    "data.log_upload": ("Upload an event log", "Subir un registro de eventos"),
    "data.log_upload_help": (
        "Time stamps may be ISO text (with or without a time zone), common date formats, or "
        "epoch seconds, milliseconds or microseconds. Large files are scanned, not loaded.",
        "Las marcas de tiempo pueden ser texto ISO (con o sin zona horaria), formatos de fecha "
        "habituales o segundos, milisegundos o microsegundos desde 1970. Los archivos grandes "
        "se recorren, no se cargan enteros.",
    ),
    "data.log_step_reading": ("Reading the event log…", "Leyendo el registro de eventos…"),
    "data.log_error": (
        "This event log cannot be used: {error}",
        "No se puede usar este registro de eventos: {error}",
    ),
    "data.log_upload_error": (
        "This event log cannot be used: {error} The event log you were using is still loaded.",
        "No se puede usar este registro de eventos: {error} El registro de eventos que estabas "
        "usando sigue cargado.",
    ),
    "data.log_back_to_demo": ("Back to the demo log", "Volver al registro de demostración"),
    "data.log_columns_caption": (
        "Detected from the column names; correct them if needed and apply.",
        "Detectadas por el nombre de las columnas; corrígelas si hace falta y aplica.",
    ),
    "data.log_role.user_id": ("User id", "Id de usuario"),
    "data.log_role.session_id": ("Session id", "Id de sesión"),
    "data.log_role.timestamp": ("Time stamp", "Marca de tiempo"),
    "data.log_role.event": ("Event name", "Nombre del evento"),
    "data.log_no_session": (
        "none: a new session after 30 min idle",
        "ninguna: nueva sesión tras 30 min sin actividad",
    ),
    "data.log_apply_columns": ("Apply the columns", "Aplicar las columnas"),
    "data.log_no_bad_rows": ("Every row of the log is usable.", "Todas las filas son utilizables."),
    "data.log_bad_rows_caption": (
        "These rows are counted but not analysed. Fix them in the source and upload again, or "
        "pick another column above.",
        "Estas filas se cuentan pero no se analizan. Corrígelas en el origen y vuelve a "
        "subirlo, o elige otra columna arriba.",
    ),
    "data.log_examples": ("Example rows", "Filas de ejemplo"),
    "data.log_problem.id": (
        "missing user id (column `{column}`)",
        "falta el id de usuario (columna `{column}`)",
    ),
    "data.log_problem.name": (
        "missing event name (column `{column}`)",
        "falta el nombre del evento (columna `{column}`)",
    ),
    "data.log_problem.timestamp": (
        "missing time stamp (column `{column}`)",
        "falta la marca de tiempo (columna `{column}`)",
    ),
    "data.log_problem.unparseable": (
        "unreadable time stamp (column `{column}`)",
        "marca de tiempo ilegible (columna `{column}`)",
    ),
    "data.log_problem.range": (
        "time stamp out of range (column `{column}`): before 1990 or more than a year from today",
        "marca de tiempo fuera de rango (columna `{column}`): antes de 1990 o a más de un año de "
        "hoy",
    ),
    "data.tab_mapping": ("Column mapping", "Asignación de columnas"),
    "data.tab_report": ("Validation report", "Informe de validación"),
    # mapping
    "data.mapping_caption": (
        "What each column of your file holds, suggested from its name or its question text "
        "(Why shows the words matched). Change a role, touchpoint, measure or scale in the "
        "table, then apply. Ratings need a touchpoint and a measure; outcomes an outcome.",
        "Qué contiene cada columna de tu archivo, sugerido por su nombre o el texto de su "
        "pregunta (Por qué muestra las palabras encontradas). Cambia un rol, punto de contacto, "
        "medida o escala en la tabla y aplica. Las valoraciones necesitan un punto de contacto "
        "y una medida; los resultados, un resultado.",
    ),
    "data.tidy": (
        "This file is already tidy (one row per respondent, touchpoint and measure): it needs "
        "no column mapping.",
        "Este archivo ya está ordenado (una fila por persona, punto de contacto y medida): no "
        "necesita asignación de columnas.",
    ),
    "data.col.column": ("Column", "Columna"),
    "data.col.role": ("Role", "Rol"),
    "data.col.measure": ("Measure", "Medida"),
    "data.col.scale": ("Scale", "Escala"),
    "data.col.reverse": ("Reverse", "Invertida"),
    "data.reverse_help": (
        "Reverse-coded item: the top of its scale is the worst answer.",
        "Ítem invertido: lo más alto de su escala es la peor respuesta.",
    ),
    "data.col.reason": ("Why", "Por qué"),
    "data.col.confidence": ("Confidence", "Confianza"),
    "data.confidence.help": (
        "How sure the suggestion is. High and medium ones are applied; a low one is shown but "
        "left out until you set its role.",
        "Qué seguridad tiene la sugerencia. Las de confianza alta y media se aplican; una baja "
        "se muestra, pero queda fuera hasta que elijas su rol.",
    ),
    "data.confidence.high": ("high", "alta"),
    "data.confidence.medium": ("medium", "media"),
    "data.confidence.low": ("low", "baja"),
    "data.why.quoted": ("“{words}”", "«{words}»"),
    "data.why.touchpoint": ("touchpoint {words}", "punto de contacto {words}"),
    "data.why.measure": ("measure {words}", "medida {words}"),
    "data.why.outcome": ("outcome {words}", "resultado {words}"),
    "data.why.scale": ("scale {words}", "escala {words}"),
    "data.why.scale_values": ("scale from the answers", "escala según las respuestas"),
    "data.why.scale_labels": (
        "scale from the answer labels {words}",
        "escala según las etiquetas de respuesta {words}",
    ),
    "data.why.no_touchpoint": ("no touchpoint found", "sin punto de contacto"),
    "data.why.no_measure": ("no measure found", "sin medida"),
    "data.why.question": ("Question: {parts}", "Pregunta: {parts}"),
    "data.why.question_unsure": (
        "Not applied, unsure: {suggestion}? Question: {parts}",
        "Sin aplicar, dudosa: ¿{suggestion}? Pregunta: {parts}",
    ),
    "data.why.naming_convention": (
        "Name follows <touchpoint>_<measure>",
        "El nombre sigue <punto>_<medida>",
    ),
    "data.why.metadata": ("Survey-tool metadata", "Metadatos de la herramienta de encuestas"),
    "data.why.column_name": ("Column name", "Nombre de la columna"),
    "data.why.coded": ("Coded answers with value labels", "Respuestas codificadas con etiquetas"),
    "data.why.categorical": ("Few distinct text answers", "Pocas respuestas de texto distintas"),
    "data.why.not_recognised": (
        "Not recognised: map it by hand if it is a rating",
        "No reconocida: asígnala a mano si es una valoración",
    ),
    "data.why.respondent_id_taken": (
        "Another column is the respondent id",
        "Otra columna es el id de la persona",
    ),
    "data.why.customer_id_taken": (
        "Another column is the customer id",
        "Otra columna es el id de cliente",
    ),
    "data.why.measure_taken": (
        "Another column already is {suggestion}",
        "Otra columna ya es {suggestion}",
    ),
    "data.why.edited": ("Set by you", "Elegido por ti"),
    "data.unsure": (
        "**{n} column(s) read like ratings, but too unsurely to be used:** {columns}. Their rows "
        "show the suggestion and the words it rests on; set the role to **Rating** to accept it, "
        "or correct it, then apply the mapping.",
        "**{n} columna(s) parecen valoraciones, pero sin seguridad suficiente para usarlas:** "
        "{columns}. Sus filas muestran la sugerencia y las palabras en que se basa; pon el rol "
        "**Valoración** para aceptarla, o corrígela, y aplica la asignación.",
    ),
    "data.role.respondent_id": ("Respondent id", "Id de la persona"),
    "data.role.customer_id": ("Customer id", "Id de cliente"),
    "data.role.rating": ("Rating", "Valoración"),
    "data.role.comment": ("Comment", "Comentario"),
    "data.role.outcome": ("Outcome", "Resultado"),
    "data.role.segment": ("Segment", "Segmento"),
    "data.role.ignore": ("Ignore", "Ignorar"),
    "data.scales": ("Scale of each measure", "Escala de cada medida"),
    "data.scales_caption": (
        "Set one scale for every column of a measure at once; “detected” keeps the scale in "
        "the table.",
        "Fija una escala para todas las columnas de una medida a la vez; «detectada» deja la "
        "escala de la tabla.",
    ),
    "data.scale_detected": ("detected", "detectada"),
    "data.scale_confirm": (
        "**Confirm these scales.** Only the answers suggest them, and they do not reach both "
        "ends of the scale, so another scale fits as well:\n\n{items}\n\nChoose the right "
        "scale under **{panel}** below and apply the mapping; until then the assumed scale "
        "is used.",
        "**Confirma estas escalas.** Solo las respuestas las sugieren y no llegan a los dos "
        "extremos de la escala, así que también encaja otra:\n\n{items}\n\nElige la escala "
        "correcta en **{panel}**, más abajo, y aplica la asignación; mientras tanto se usa la "
        "escala supuesta.",
    ),
    "data.scale_confirm_item": (
        "- **{measure}**: read as **{scale}** (answers {low} to {high}); {others} also fit.",
        "- **{measure}**: leída como **{scale}** (respuestas de {low} a {high}); también "
        "encajan {others}.",
    ),
    "data.apply_mapping": ("Apply mapping", "Aplicar asignación"),
    "data.error.mapping": (
        "The mapping was not applied: {error}",
        "No se ha aplicado la asignación: {error}",
    ),
    "data.download_mapping": ("Download mapping (JSON)", "Descargar asignación (JSON)"),
    "data.upload_mapping": ("Load a mapping file (JSON)", "Cargar un archivo de asignación (JSON)"),
    # journey
    "data.journey_caption": (
        "The touchpoints of the journey, in order. Rename them, add or delete rows, tag each "
        "one with a moment of truth, and change the numbers in “Order” to reorder; then apply. "
        "Ids are used in column names (delivery_experienced).",
        "Los puntos de contacto del recorrido, en orden. Renómbralos, añade o borra filas, "
        "etiqueta cada uno con un momento de la verdad y cambia los números de «Orden» para "
        "reordenarlos; después aplica. Los ids se usan en los nombres de columna "
        "(entrega_vivida).",
    ),
    "data.col.position": ("Order", "Orden"),
    "data.position_help": (
        "Touchpoints are sorted by this number when you apply.",
        "Al aplicar, los puntos se ordenan por este número.",
    ),
    "data.col.id": ("Id", "Id"),
    "data.id_help": (
        "Starts with a letter; letters, digits and _ only.",
        "Empieza por una letra; solo letras, dígitos y _.",
    ),
    "data.col.label_en": ("Label (English)", "Nombre (inglés)"),
    "data.col.label_es": ("Label (Spanish)", "Nombre (español)"),
    "data.col.events": ("Event keywords", "Palabras clave de eventos"),
    "data.events_help": (
        "Words separated by commas that map behaviour events to this touchpoint; a survey "
        "question with one of them is also read as about it.",
        "Palabras separadas por comas que asignan eventos de comportamiento a este punto; una "
        "pregunta de la encuesta que incluya una también se lee como referida a él.",
    ),
    "data.none": ("(none)", "(ninguno)"),
    "data.apply_journey": ("Apply journey", "Aplicar recorrido"),
    "data.error.journey": (
        "The journey was not applied: {error}",
        "No se ha aplicado el recorrido: {error}",
    ),
    "data.download_journey": ("Download journey (JSON)", "Descargar recorrido (JSON)"),
    "data.upload_journey": ("Load a journey file (JSON)", "Cargar un archivo de recorrido (JSON)"),
    # report
    "data.report_caption": (
        "An error means something was left out of the analysis; a warning means data was kept "
        "with an assumption. Rows are numbered as in your file (the header is row 1).",
        "Un error significa que algo quedó fuera del análisis; un aviso, que los datos se "
        "conservaron con una suposición. Las filas se numeran como en tu archivo (el "
        "encabezado es la fila 1).",
    ),
    "data.only": ("Show only", "Mostrar solo"),
    "data.severity.error": ("✖ Error", "✖ Error"),
    "data.severity.warning": ("⚠️ Warning", "⚠️ Aviso"),
    "data.no_problems": ("No problems found.", "No se ha encontrado ningún problema."),
    "data.col.severity": ("Severity", "Gravedad"),
    "data.col.row": ("Row", "Fila"),
    "data.col.problem": ("Problem", "Problema"),
    "data.col.fix": ("How to fix it", "Cómo corregirlo"),
}
