"""Texts of the EN/ES catalogue: phrases, scale evidence, how a file or an event log was read.

Phrases inside other texts, a scale's evidence, how a file or an event log was read, rows
left out of a log, unusable logs and rules, names in SQL.

Part of the catalogue :mod:`mot.messages`, which joins the parts and renders them: read
the texts from there (``mot.messages.ENTRIES``, ``mot.messages.TEXTS``).
"""

from __future__ import annotations

READING: dict[str, tuple[str, str]] = {
    # phrases inside other texts
    "list.more": ("{items} and {n} more", "{items} y {n} más"),
    "mapping.word": ("“{word}”", "«{word}»"),
    "mapping.unsure_also": ("; it also names {touchpoints}", "; también nombra {touchpoints}"),
    "severity.error": ("ERROR", "ERROR"),
    "severity.warning": ("WARNING", "AVISO"),
    "where.column": ("column `{column}`", "columna `{column}`"),
    "where.row": ("row {row}", "fila {row}"),
    "report.none": ("No problems found.", "No se ha encontrado ningún problema."),
    "report.counts": (
        "{errors} error(s), {warnings} warning(s)",
        "{errors} error(es), {warnings} aviso(s)",
    ),
    "kind.json_lists": ("JSON lists", "listas JSON"),
    "measure.anticipated": ("anticipated", "anticipada"),
    "measure.experienced": ("experienced", "vivida"),
    "measure.retrospective": ("retrospective", "recordada"),
    "measure.excellent": ("excellent", "excelente"),
    "measure.importance": ("importance", "importancia"),
    "measure.emotion": ("emotion", "emoción"),
    # a scale's evidence (ScaleGuess.explain)
    "scale.span": ("{low} to {high}", "de {low} a {high}"),
    "scale.no_values": ("no values", "sin valores"),
    "evidence.none": (
        "no known scale holds the values",
        "ninguna escala conocida contiene los valores",
    ),
    "evidence.question": (
        "{scale}, named in the question text",
        "{scale}, indicada en el texto de la pregunta",
    ),
    "evidence.value_labels": (
        "{scale}, from the value labels of the file",
        "{scale}, según las etiquetas de valor del archivo",
    ),
    "evidence.answer_labels": (
        "{scale}, from the answer labels ({labels}: {first} … {last})",
        "{scale}, según las etiquetas de las respuestas ({labels}: {first} … {last})",
    ),
    "labels.set": ("{kind}, {n} points, {language}", "{kind}, {n} puntos, {language}"),
    "labels.kind.agreement": ("agreement", "acuerdo"),
    "labels.kind.satisfaction": ("satisfaction", "satisfacción"),
    "labels.kind.likelihood": ("likelihood", "probabilidad"),
    "labels.kind.quality": ("quality", "calidad"),
    "labels.kind.favourability": ("favourability", "opinión favorable"),
    "labels.kind.importance": ("importance", "importancia"),
    "labels.kind.valence": ("valence", "valencia"),
    "language.en": ("English", "inglés"),
    "language.es": ("Spanish", "español"),
    "evidence.default_recommend": (
        "{scale}, the scale of likelihood to recommend (values {span})",
        "{scale}, la escala de la probabilidad de recomendar (valores {span})",
    ),
    "evidence.default": (
        "{scale}, as no known scale holds the values ({span})",
        "{scale}, porque ninguna escala conocida contiene los valores ({span})",
    ),
    "evidence.outliers": (
        "{scale}, read from the values: {on} of {n} lie on {scale} and reach both ends; the "
        "{off} value(s) off it are reported as errors, cell by cell",
        "{scale}, leída de los valores: {on} de {n} están en {scale} y llegan a los dos "
        "extremos; los {off} valores fuera de ella se señalan como errores, celda a celda",
    ),
    "evidence.values": (
        "{scale}, read from the values ({span})",
        "{scale}, leída de los valores ({span})",
    ),
    "evidence.siblings": (
        "{scale} assumed from the values ({span}, not reaching both ends) because {siblings} in "
        "the same file are firmly on {scale}; {others} also hold them",
        "{scale} supuesta por los valores ({span}, sin llegar a los dos extremos) porque "
        "{siblings} del mismo archivo están claramente en {scale}; {others} también los "
        "contienen",
    ),
    "evidence.short": (
        "{scale} assumed from the values, which only span {span} and do not reach both ends of "
        "{scale}; {others} also hold them",
        "{scale} supuesta por los valores, que solo van {span} y no llegan a los dos extremos "
        "de {scale}; {others} también los contienen",
    ),
    # how a survey file was read (RawTable.notes)
    "note.header_qualtrics": (
        "Qualtrics export: 3 header rows (column ids, question text, ImportId)",
        "exportación de Qualtrics: 3 filas de encabezado (ids de columna, texto de la "
        "pregunta, ImportId)",
    ),
    "note.header_qualtrics_two": (
        "Qualtrics export: 2 header rows (column ids, question text)",
        "exportación de Qualtrics: 2 filas de encabezado (ids de columna, texto de la pregunta)",
    ),
    "note.header_qualtrics_legacy": (
        "Qualtrics legacy export: 2 header rows (V1… ids, question text)",
        "exportación antigua de Qualtrics: 2 filas de encabezado (ids V1…, texto de la pregunta)",
    ),
    "note.header_surveymonkey": (
        "SurveyMonkey export: 2 header rows (question, answer option); option columns are "
        "named 'question - option'",
        "exportación de SurveyMonkey: 2 filas de encabezado (pregunta, opción de respuesta); "
        "las columnas de opción se llaman 'pregunta - opción'",
    ),
    "note.header_one": ("1 header row", "1 fila de encabezado"),
    "note.encoding": ("encoding {encoding}", "codificación {encoding}"),
    "note.delimiter": ("delimiter {symbol} ({name})", "separador {symbol} ({name})"),
    "delimiter.comma": ("comma", "coma"),
    "delimiter.semicolon": ("semicolon", "punto y coma"),
    "delimiter.tab": ("tab", "tabulador"),
    "delimiter.pipe": ("pipe", "barra vertical"),
    "note.sep_line": (
        "Excel 'sep={delimiter}' line skipped",
        "línea 'sep={delimiter}' de Excel omitida",
    ),
    "note.decimal_comma": (
        "decimal comma: 3,5 read as 3.5",
        "coma decimal: 3,5 se lee como tres y medio",
    ),
    "note.cr_only": (
        "line endings: CR only (old Mac format)",
        "finales de línea: solo CR (formato antiguo de Mac)",
    ),
    "note.unnamed_columns": (
        "columns without a header named by position: {columns}",
        "columnas sin encabezado nombradas por su posición: {columns}",
    ),
    "note.renamed_columns": (
        "duplicate column names made unique: {columns}",
        "nombres de columna repetidos hechos únicos: {columns}",
    ),
    "note.ragged": (
        "{n} rows with too many or too few fields (file rows {rows}): short rows padded with "
        "empty cells, extra fields kept in column_<n> columns",
        "{n} filas con campos de más o de menos (filas del archivo {rows}): las cortas se "
        "completan con celdas vacías, los campos de más se guardan en columnas column_<n>",
    ),
    "note.trimmed": (
        "{n} empty rows at the end of the file ignored",
        "{n} filas vacías al final del archivo ignoradas",
    ),
    "note.json_records": ("JSON records", "registros JSON"),
    "note.json_lines": ("JSON lines", "JSON lines"),
    "note.json_lines_records": (
        "JSON lines: one record per line",
        "JSON lines: un registro por línea",
    ),
    "note.xlsx_sheet": ("Excel workbook, sheet {sheet!r}", "libro de Excel, hoja {sheet!r}"),
    "note.parquet": (
        "Parquet file: {rows} rows, {columns} columns",
        "archivo Parquet: {rows} filas, {columns} columnas",
    ),
    "note.spss_file": ("SPSS file: {name}", "archivo SPSS: {name}"),
    "note.spss_dates": (
        "dates could not be converted; kept as SPSS numbers (seconds since 1582)",
        "las fechas no se han podido convertir; se guardan como números de SPSS (segundos "
        "desde 1582)",
    ),
    "note.spss_missing": (
        "SPSS user-defined missing values set to empty: {columns}",
        "valores perdidos definidos por el usuario en SPSS vaciados: {columns}",
    ),
    "note.spss_value_labels": (
        "value labels for {n} variables kept in value_labels; the frame keeps the codes",
        "etiquetas de valor de {n} variables guardadas en value_labels; la tabla conserva los "
        "códigos",
    ),
    "note.spss_mrset": (
        "multiple-response set {name}: {members}",
        "conjunto de respuesta múltiple {name}: {members}",
    ),
    # how an event log was read (EventLog.notes)
    "log.format": ("Format: {format} (1 file).", "Formato: {format} (1 archivo)."),
    "log.format_files": ("Format: {format} ({n} files).", "Formato: {format} ({n} archivos)."),
    "log.ga4": (
        "GA4 export: event_params flattened into columns ({columns}).",
        "Exportación de GA4: event_params se despliega en columnas ({columns}).",
    ),
    "log.none": ("none", "ninguna"),
    "log.columns": ("Columns: {columns}.", "Columnas: {columns}."),
    "log.ts_aware": (
        "Timestamps `{column}`: time-zone aware, converted to UTC.",
        "Marcas de tiempo `{column}`: con zona horaria, convertidas a UTC.",
    ),
    "log.ts_naive": (
        "Timestamps `{column}`: without time zone, read as UTC.",
        "Marcas de tiempo `{column}`: sin zona horaria, leídas como UTC.",
    ),
    "log.ts_epoch": (
        "Timestamps `{column}`: epoch numbers (seconds below 1e11, milliseconds below 1e14, "
        "else microseconds).",
        "Marcas de tiempo `{column}`: números desde 1970 (segundos por debajo de 1e11, "
        "milisegundos por debajo de 1e14, si no microsegundos).",
    ),
    "log.ts_text": (
        "Timestamps `{column}`: text read as ISO 8601 (offsets converted to UTC), date formats "
        "or epoch numbers.",
        "Marcas de tiempo `{column}`: texto leído como ISO 8601 (desfases convertidos a UTC), "
        "formatos de fecha o números desde 1970.",
    ),
    "log.ts_text_formats": (
        "Timestamps `{column}`: text read as ISO 8601 (offsets converted to UTC), date formats "
        "(formats {formats}) or epoch numbers.",
        "Marcas de tiempo `{column}`: texto leído como ISO 8601 (desfases convertidos a UTC), "
        "formatos de fecha (formatos {formats}) o números desde 1970.",
    ),
    "log.encoding": (
        "Encoding of `{name}`: {encoding}, read as UTF-8.",
        "Codificación de `{name}`: {encoding}, leída como UTF-8.",
    ),
    "log.sessions": (
        "Sessions: derived, a new one after {minutes:g} minutes without events.",
        "Sesiones: derivadas, una nueva tras {minutes:g} minutos sin eventos.",
    ),
    "log.page_column": (
        "Page address: `{column}` (page rules such as `page_view@/product` look at it).",
        "Dirección de la página: `{column}` (la miran las reglas de página como "
        "`page_view@/product`).",
    ),
    "log.no_page_column": (
        "`page_view` events carry no page address (no page_location, page_path or url column): "
        "page rules cannot tell a product page from another, so they are not mapped to a "
        "moment.",
        "Los eventos `page_view` no llevan dirección de página (no hay columna page_location, "
        "page_path ni url): las reglas de página no distinguen una página de producto de otra, "
        "así que no se asignan a ningún momento.",
    ),
    # rows left out of an event log (EventLog.bad_rows)
    "bad_row.user_id": (
        "missing user id (column `{column}`)",
        "falta el id de usuario (columna `{column}`)",
    ),
    "bad_row.event": (
        "missing event name (column `{column}`)",
        "falta el nombre del evento (columna `{column}`)",
    ),
    "bad_row.timestamp": (
        "missing timestamp (column `{column}`)",
        "falta la marca de tiempo (columna `{column}`)",
    ),
    "bad_row.unparseable": (
        "unparseable timestamp (column `{column}`)",
        "marca de tiempo ilegible (columna `{column}`)",
    ),
    "bad_row.out_of_range": (
        "timestamp out of range (column `{column}`; before {earliest} or more than a year "
        "after today)",
        "marca de tiempo fuera de rango (columna `{column}`; anterior a {earliest} o a más de "
        "un año de hoy)",
    ),
    # an event log or its rules that cannot be used (EventLogError, mot.behaviour)
    "word.and": (" and ", " y "),
    "word.or": (" or ", " o "),
    "word.nothing": ("nothing", "nada"),
    "events.rules_columns": (
        "The rules table needs the columns `touchpoint` and `keyword`; `{missing}` is missing "
        "(found: {found}). Start from the table of the current rules.",
        "La tabla de reglas necesita las columnas `touchpoint` y `keyword`; falta `{missing}` "
        "(hay: {found}). Parte de la tabla de las reglas actuales.",
    ),
    "events.rules_unknown_touchpoint": (
        "Rules table, row {row}: touchpoint `{touchpoint}` is not in the journey `{journey}` "
        "(touchpoints: {touchpoints}). Pick one of them or add the touchpoint to the journey "
        "first.",
        "Tabla de reglas, fila {row}: el punto de contacto `{touchpoint}` no está en el "
        "recorrido `{journey}` (puntos de contacto: {touchpoints}). Elige uno de ellos o añade "
        "antes el punto de contacto al recorrido.",
    ),
    "events.rules_outside_journey": (
        "The rules name touchpoint(s) `{unknown}` that are not in the journey `{journey}` "
        "(touchpoints: {touchpoints}). Remove those rules or add the touchpoints to the journey.",
        "Las reglas nombran puntos de contacto (`{unknown}`) que no están en el recorrido "
        "`{journey}` (puntos de contacto: {touchpoints}). Quita esas reglas o añade los puntos "
        "de contacto al recorrido.",
    ),
    "events.not_found": (
        "No event log file found at `{path}`. Check the path (a glob such as `logs/*.parquet` "
        "is allowed).",
        "No hay ningún archivo de registro de eventos en `{path}`. Comprueba la ruta (se admite "
        "un patrón como `logs/*.parquet`).",
    ),
    "events.format": (
        "`{name}` is not a supported event log format (found `{suffix}`). Use CSV (.csv), "
        "Parquet (.parquet) or JSON lines (.jsonl, .ndjson, .json).",
        "`{name}` no tiene un formato de registro de eventos admitido (se ha encontrado "
        "`{suffix}`). Usa CSV (.csv), Parquet (.parquet) o JSON lines (.jsonl, .ndjson, .json).",
    ),
    "events.missing_columns": (
        "`{name}`: cannot find the {roles} column(s). Columns in the file: {columns}. Detected: "
        "{detected}. Rename the columns (for example {hints}) or choose them, e.g. "
        "columns={{'{first}': '<column>'}}, on the Data page.",
        "`{name}`: no se encuentran las columnas de {roles}. Columnas del archivo: {columns}. "
        "Detectadas: {detected}. Cambia el nombre de las columnas (por ejemplo {hints}) o "
        "elígelas en la página Datos, p. ej. columns={{'{first}': '<columna>'}}.",
    ),
    "events.unknown_role": (
        "Unknown column role `{role}`. Roles are: {roles}.",
        "Rol de columna desconocido: `{role}`. Los roles son: {roles}.",
    ),
    "events.role_empty": (
        "The {role} role needs a column; it cannot be left empty.",
        "El rol {role} necesita una columna; no se puede dejar vacío.",
    ),
    "events.absent_column": (
        "Column `{column}` (chosen for {role}) is not in `{name}`. Columns in the file: {columns}.",
        "La columna `{column}` (elegida para {role}) no está en `{name}`. Columnas del archivo: "
        "{columns}.",
    ),
    "events.view_name": (
        "View name `{view}`: use letters, digits and `_` only.",
        "Nombre de vista `{view}`: usa solo letras, cifras y `_`.",
    ),
    "events.session_gap": (
        "session_gap is {gap}: give a positive number of minutes, or None.",
        "session_gap vale {gap}: indica un número positivo de minutos, o None.",
    ),
    "events.not_text": (
        "`{name}` is not text in {encoding}: save it as UTF-8 CSV.",
        "`{name}` no es texto en {encoding}: guárdalo como CSV en UTF-8.",
    ),
    "events.unreadable": (
        "Cannot read the event log `{name}` as {format}: {error}. Check that it is a "
        "well-formed CSV, Parquet or JSON lines file with one event per row and a header row "
        "(CSV).",
        "No se puede leer el registro de eventos `{name}` como {format}: {error}. Comprueba que "
        "es un archivo CSV, Parquet o JSON lines bien formado, con un evento por fila y una "
        "fila de encabezado (CSV).",
    ),
    "events.unopenable": (
        "Cannot read the event log `{name}`: {error}. Check that the file is readable and not "
        "open in another program.",
        "No se puede leer el registro de eventos `{name}`: {error}. Comprueba que el archivo se "
        "puede leer y que no está abierto en otro programa.",
    ),
    "events.no_rows": (
        "`{name}` has no data rows: upload a log with one event per row.",
        "`{name}` no tiene filas de datos: sube un registro con un evento por fila.",
    ),
    "events.bad_rows": (
        "{problem}: {count} (e.g. rows {rows})",
        "{problem}: {count} (p. ej. filas {rows})",
    ),
    "events.no_usable_row": (
        "`{name}`: none of its {n} rows is a usable event ({reasons}). Check that the right "
        "columns are chosen for the user id, time stamp and event name, and that the time "
        "stamps are dates from {year} to a year from today.",
        "`{name}`: ninguna de sus {n} filas es un evento utilizable ({reasons}). Comprueba que "
        "se han elegido las columnas correctas para el id de usuario, la marca de tiempo y el "
        "nombre del evento, y que las marcas de tiempo son fechas desde {year} hasta dentro de "
        "un año.",
    ),
    # a name or text with a NUL character (mot.behaviour._sql)
    "sql.nul": (
        "The text {text!r} holds a NUL character: {fix}.",
        "El texto {text!r} contiene un carácter NUL: {fix}.",
    ),
    "sql.fix.rename_column": (
        "rename it (column names in the file)",
        "cámbialo de nombre (nombres de columna del archivo)",
    ),
    "sql.fix.remove": ("remove it", "quítalo"),
    "sql.fix.rename": ("rename it", "cámbialo de nombre"),
}
