"""The library's words in English and Spanish: validation entries, reading details, bad rows.

``mot/`` never imports the interface, so what the library tells a user carries a **code and
parameters**, and this catalogue renders it in either language:

- :data:`ENTRIES`: code → ``(problem EN, problem ES, fix EN, fix ES)`` of a validation entry
  (:class:`mot.validation.ReportEntry`). A summary entry ("20 more cells like this…") has
  the code of its entries plus ``.more``.
- :data:`TEXTS`: code → ``(EN, ES)`` of everything else: the details of how a file was read
  (``RawTable.notes``), the event log's notes and bad-row problems, and the phrases placed
  inside other texts (a scale's evidence, "… and 3 more").

Templates use ``{placeholders}`` (:meth:`str.format` syntax). A parameter that is itself a
:class:`Message` is rendered in the same language; in Spanish a number is written with a
decimal comma and a thousands point (``1.048.576``, ``7,5``). Parameters that come from a
user's file (column names, cell values, sheet titles) are inserted as they are: whoever shows
the text escapes it (the app through ``ui.widgets.md_message``, the HTML report through its
own escaping).

A :class:`Message` *is* its English text (a ``str``), so code that compares or searches
English texts keeps working; :meth:`Message.render` gives it in another language.
"""

from __future__ import annotations

import numbers
import string
from collections.abc import Mapping, Sequence
from typing import Any

LANGUAGES: tuple[str, ...] = ("en", "es")

# --- validation entries ---------------------------------------------------------------------

_DECLARE_SCALE = (
    "Declare the scale in the mapping (e.g. 1-7, 0-10, -3..3, 0-100).",
    "Declara la escala en la asignación (p. ej. 1-7, 0-10, -3..3, 0-100).",
)
_CHOOSE_SCALE_EN = (
    "choose it under “Scale of each measure” on the Data page, or declare it in the "
    "mapping's `scale` column"
)
_CHOOSE_SCALE_ES = (
    "elígela en «Escala de cada medida» de la página Datos o declárala en la columna "
    "`scale` de la asignación"
)

ENTRIES: dict[str, tuple[str, str, str, str]] = {
    # reading the file (mot.io)
    "columns.duplicate_name": (
        "Columns {first} and {second} are both named `{name}`: column {second} is read as "
        "`{renamed}`.",
        "Las columnas {first} y {second} se llaman las dos `{name}`: la columna {second} se "
        "lee como `{renamed}`.",
        "Both are kept. Map `{renamed}` on the Data page (or in --mapping) if it holds answers "
        "you need, or give the columns distinct names in the file.",
        "Se conservan las dos. Asigna `{renamed}` en la página Datos (o en --mapping) si tiene "
        "respuestas que necesitas, o da a las columnas nombres distintos en el archivo.",
    ),
    "cell.too_long": (
        "The cell holds {n:,} characters, more than the {limit:,} a cell may hold: it was "
        "emptied (the rest of the row is kept).",
        "La celda tiene {n:,} caracteres, más de los {limit:,} que puede tener una celda: se "
        "ha vaciado (el resto de la fila se conserva).",
        'Shorten that text in the file, or look for a quote (") that is never closed, which '
        "runs the following rows into one cell.",
        'Acorta ese texto en el archivo o busca unas comillas (") que no se cierran nunca y '
        "juntan las filas siguientes en una sola celda.",
    ),
    "column.nested": (
        "The column holds lists or key-value maps ({kind}), not one answer per cell: left out.",
        "La columna tiene listas o mapas clave-valor ({kind}), no una respuesta por celda: se "
        "deja fuera.",
        "Store one value per cell (one column per item, or the items joined as text) and "
        "export the file again.",
        "Guarda un valor por celda (una columna por elemento, o los elementos unidos como "
        "texto) y exporta de nuevo el archivo.",
    ),
    "cell.list_value": (
        "The value is a list, not one answer: it was emptied (the rest is kept).",
        "El valor es una lista, no una respuesta: se ha vaciado (el resto se conserva).",
        "Write one value per cell in the file (the items of a list joined as text).",
        "Escribe un valor por celda en el archivo (los elementos de una lista unidos como texto).",
    ),
    "cells.unsaved_formula": (
        "1 formula cell without a saved result ({cells}): read as empty, the other cells are kept.",
        "1 celda con fórmula sin resultado guardado ({cells}): se lee vacía, las demás celdas "
        "se conservan.",
        "Open the file in Excel and save it so that formula results are stored, or paste "
        "values (Paste Special → Values) over the formulas, then upload it again.",
        "Abre el archivo en Excel y guárdalo para que se almacenen los resultados de las "
        "fórmulas, o pega los valores (Pegado especial → Valores) sobre las fórmulas, y "
        "súbelo de nuevo.",
    ),
    "cells.unsaved_formulas": (
        "{n} formula cells without a saved result ({cells}): read as empty, the other cells "
        "are kept.",
        "{n} celdas con fórmula sin resultado guardado ({cells}): se leen vacías, las demás "
        "celdas se conservan.",
        "Open the file in Excel and save it so that formula results are stored, or paste "
        "values (Paste Special → Values) over the formulas, then upload it again.",
        "Abre el archivo en Excel y guárdalo para que se almacenen los resultados de las "
        "fórmulas, o pega los valores (Pegado especial → Valores) sobre las fórmulas, y "
        "súbelo de nuevo.",
    ),
    "column.parquet_struct": (
        "The column holds records (Parquet struct): its fields are read as the columns {fields}.",
        "La columna tiene registros (struct de Parquet): sus campos se leen como las columnas "
        "{fields}.",
        "Nothing to do; map those columns on the Data page if they hold answers.",
        "Nada que hacer; asigna esas columnas en la página Datos si tienen respuestas.",
    ),
    "row.ragged": (
        "This row has a different number of fields than the header: its cells were read in "
        "order and extra cells kept in extra columns.",
        "Esta fila tiene un número de campos distinto del encabezado: sus celdas se han leído "
        "en orden y las que sobran se guardan en columnas extra.",
        "Check the row for a stray delimiter or a missing quote.",
        "Busca en la fila un separador de más o unas comillas que faltan.",
    ),
    "file.unreadable": (
        "{message}",
        "{message}",
        "Fix the file and load it again.",
        "Corrige el archivo y cárgalo de nuevo.",
    ),
    "file.unreadable_retry": (
        "{message}",
        "{message}",
        "Fix the file and try again.",
        "Corrige el archivo y vuelve a intentarlo.",
    ),
    # the mapping (mot.survey)
    "mapping.suggested": (
        "The suggested column mapping was used.",
        "Se ha usado la asignación de columnas sugerida.",
        "Check it on the Data page, or save it and pass it with --mapping.",
        "Revísala en la página Datos, o guárdala y pásala con --mapping.",
    ),
    "mapping.absent_column": (
        "The mapping names this column, but the file has no such column: it is skipped.",
        "La asignación nombra esta columna, pero el archivo no la tiene: se omite.",
        "Check the column's name in the file, or load the mapping that belongs to it.",
        "Comprueba el nombre de la columna en el archivo o carga la asignación que le corresponde.",
    ),
    "mapping.unmapped_columns": (
        "{n} column(s) of the file are not in the mapping and were ignored: {columns}.",
        "{n} columna(s) del archivo no están en la asignación y se han ignorado: {columns}.",
        "Add them to the mapping if they hold ratings, outcomes or segments.",
        "Añádelas a la asignación si tienen valoraciones, resultados o segmentos.",
    ),
    "mapping.unknown_touchpoint": (
        "The mapping ties this column to touchpoint `{touchpoint}`, which is not in the "
        "journey: the column is left out.",
        "La asignación une esta columna al punto de contacto `{touchpoint}`, que no está en el "
        "recorrido: la columna se deja fuera.",
        "Add `{touchpoint}` to the journey, or map the column to one of {touchpoints}.",
        "Añade `{touchpoint}` al recorrido o asigna la columna a uno de estos: {touchpoints}.",
    ),
    # respondents
    "respondent.no_id": (
        "No column is mapped as the respondent id: each row is taken as one respondent.",
        "Ninguna columna está asignada como id de la persona encuestada: cada fila se toma como "
        "una persona.",
        "Map the column that identifies respondents (ResponseId, respondent_id, …) to the role "
        "`respondent_id`.",
        "Asigna al rol `respondent_id` la columna que identifica a cada persona (ResponseId, "
        "respondent_id, …).",
    ),
    "respondent.empty_id": (
        "The respondent id is empty: the row is kept as its own respondent.",
        "El id de la persona está vacío: la fila se conserva como una persona más.",
        "Fill in the id if this respondent appears elsewhere.",
        "Rellena el id si esta persona aparece en otra fila.",
    ),
    "respondent.repeated": (
        "Respondent `{id}` appears again (first at row {first}): this row is left out.",
        "La persona `{id}` aparece de nuevo (la primera vez en la fila {first}): esta fila se "
        "deja fuera.",
        "Keep one row per respondent: remove the repeated row or give it its own id.",
        "Deja una fila por persona: borra la fila repetida o dale su propio id.",
    ),
    # scales and cells
    "scale.no_scale_holds_values": (
        "No known scale holds its values ({low:g} to {high:g}): the column is left out.",
        "Ninguna escala conocida contiene sus valores (de {low:g} a {high:g}): la columna se "
        "deja fuera.",
        *_DECLARE_SCALE,
    ),
    "scale.no_numbers": (
        "No known scale holds its cells, which hold no numbers: the column is left out.",
        "Ninguna escala conocida contiene sus celdas, que no tienen números: la columna se deja "
        "fuera.",
        *_DECLARE_SCALE,
    ),
    "scale.assumed": (
        "Scale of `{target}` ({columns}): {evidence}.",
        "Escala de `{target}` ({columns}): {evidence}.",
        f"If the scale is another one, {_CHOOSE_SCALE_EN}.",
        f"Si la escala es otra, {_CHOOSE_SCALE_ES}.",
    ),
    "scale.to_confirm": (
        "Scale of `{target}` ({columns}): {evidence}.",
        "Escala de `{target}` ({columns}): {evidence}.",
        f"Confirm the scale: {_CHOOSE_SCALE_EN}.",
        f"Confirma la escala: {_CHOOSE_SCALE_ES}.",
    ),
    "cell.dont_know": (
        "`{value}` is a don't-know answer: taken as missing.",
        "`{value}` es una respuesta «no sé»: se toma como vacía.",
        "Nothing to do, unless it should be a scale point.",
        "Nada que hacer, salvo que deba ser un punto de la escala.",
    ),
    "cell.not_a_number": (
        "`{value}` is not a number on the {scale} scale: left out.",
        "`{value}` no es un número de la escala {scale}: se deja fuera.",
        "Leave the cell empty, or write a scale value (a scale label such as `Very satisfied` "
        "/ `Muy satisfecho` also works).",
        "Deja la celda vacía o escribe un valor de la escala (también sirve una etiqueta como "
        "`Muy satisfecho` / `Very satisfied`).",
    ),
    "cell.out_of_scale": (
        "{value} is outside the {scale} scale: left out.",
        "{value} está fuera de la escala {scale}: se deja fuera.",
        "Correct the value, or declare the column's real scale in the mapping.",
        "Corrige el valor o declara en la asignación la escala real de la columna.",
    ),
    "cell.unknown_label": (
        "`{value}` is not one of the answer labels this column uses ({labels}): left out.",
        "`{value}` no es una de las etiquetas de respuesta que usa esta columna ({labels}): se "
        "deja fuera.",
        "Write one of the labels understood ({understood}), a number on the {scale} scale, or "
        "leave the cell empty.",
        "Escribe una de las etiquetas que se entienden ({understood}), un número de la escala "
        "{scale} o deja la celda vacía.",
    ),
    "outcome.recommend_stretched": (
        "Likelihood to recommend is on {scale}, not 0–10: stretched onto 0–10 for NPS.",
        "La probabilidad de recomendar está en {scale}, no en 0–10: se estira a 0–10 para el NPS.",
        "Ask it on 0–10 for an NPS comparable with published benchmarks.",
        "Pregúntala en 0–10 para tener un NPS comparable con las referencias publicadas.",
    ),
    # coverage
    "coverage.no_ratings": (
        "No column holds touchpoint ratings, so there is nothing to score.",
        "Ninguna columna tiene valoraciones de puntos de contacto, así que no hay nada que "
        "puntuar.",
        "Name rating columns <touchpoint>_<measure> (e.g. `FMOT_experienced`, "
        "`TMOT_expectativa`) or map them on the Data page / with --mapping.",
        "Llama a las columnas de valoración <punto>_<medida> (p. ej. `FMOT_experienced`, "
        "`TMOT_expectativa`) o asígnalas en la página Datos / con --mapping.",
    ),
    "coverage.few_answers": (
        "Touchpoint {touchpoint}, {measure}: only {n} answer(s), too few for a confidence "
        "interval.",
        "Punto de contacto {touchpoint}, {measure}: solo {n} respuesta(s), demasiado pocas "
        "para un intervalo de confianza.",
        "Collect more answers, or read this score as anecdotal.",
        "Reúne más respuestas o lee esta puntuación como anecdótica.",
    ),
    # tidy tables
    "tidy.unknown_measure": (
        "`{measure}` is not a measure: the row is left out.",
        "`{measure}` no es una medida: la fila se deja fuera.",
        "Use one of {measures}, an outcome ({outcomes}) or `comment`.",
        "Usa una de estas: {measures}, un resultado ({outcomes}) o `comment`.",
    ),
    "tidy.extra_touchpoints": (
        "Touchpoint(s) {touchpoints} are not in the journey: added after its last touchpoint.",
        "Los puntos de contacto {touchpoints} no están en el recorrido: se añaden tras su "
        "último punto.",
        "Add them to the journey (with a moment tag) to place them in order.",
        "Añádelos al recorrido (con su momento de la verdad) para ponerlos en orden.",
    ),
}

_MORE: dict[str, tuple[str, str]] = {
    # summary of an entry's further rows: the entry's code + ".more", the same fix
    "cell.too_long": (
        "{n} more cells over {limit:,} characters emptied (rows {rows}).",
        "{n} celdas más de {limit:,} caracteres vaciadas (filas {rows}).",
    ),
    "cell.list_value": (
        "{n} more list values emptied (rows {rows}).",
        "{n} listas más vaciadas (filas {rows}).",
    ),
    "respondent.empty_id": (
        "{n} more rows have an empty id (rows {rows}).",
        "{n} filas más tienen el id vacío (filas {rows}).",
    ),
    "respondent.repeated": (
        "{n} more repeated respondents were left out (rows {rows}).",
        "Se han dejado fuera {n} personas repetidas más (filas {rows}).",
    ),
    "cell.dont_know": (
        "{n} more cells like this (rows {rows}): dont know.",
        "{n} celdas más como esta (filas {rows}): «no sé».",
    ),
    "cell.not_a_number": (
        "{n} more cells like this (rows {rows}): not a number.",
        "{n} celdas más como esta (filas {rows}): no es un número.",
    ),
    "cell.out_of_scale": (
        "{n} more cells like this (rows {rows}): out of scale.",
        "{n} celdas más como esta (filas {rows}): fuera de escala.",
    ),
    "cell.unknown_label": (
        "{n} more cells like this (rows {rows}): unknown label.",
        "{n} celdas más como esta (filas {rows}): etiqueta desconocida.",
    ),
    "tidy.unknown_measure": (
        "{n} more rows with an unknown measure (rows {rows}).",
        "{n} filas más con una medida desconocida (filas {rows}).",
    ),
}
ENTRIES.update(
    {f"{code}.more": (*texts, *ENTRIES[code][2:]) for code, texts in _MORE.items()}  # type: ignore[misc]
)

# --- other texts ----------------------------------------------------------------------------

TEXTS: dict[str, tuple[str, str]] = {
    # phrases inside other texts
    "list.more": ("{items} and {n} more", "{items} y {n} más"),
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
    # a file that cannot be read (UnreadableFileError)
    "file.not_a_table": (
        "`{name}` is not a text table ({what}). {fix}",
        "`{name}` no es una tabla de texto ({what}). {fix}",
    ),
    "file.no_table": (
        "`{name}` contains no table (only blank lines). {fix}",
        "`{name}` no contiene ninguna tabla (solo líneas en blanco). {fix}",
    ),
    "file.empty": ("`{name}` is empty (0 bytes). {fix}", "`{name}` está vacío (0 bytes). {fix}"),
    "file.no_line_break": (
        "`{name}` has no line break in its first {mb} MB: it does not look like a table. {fix}",
        "`{name}` no tiene ningún salto de línea en sus primeros {mb} MB: no parece una tabla. "
        "{fix}",
    ),
    "file.kind.appledouble": (
        "it looks like a macOS AppleDouble metadata file, binary",
        "parece un archivo de metadatos AppleDouble de macOS, binario",
    ),
    "file.kind.ole": (
        "it looks like an old Excel 97-2003 workbook (.xls) or another Office file",
        "parece un libro antiguo de Excel 97-2003 (.xls) u otro archivo de Office",
    ),
    "file.kind.ods": (
        "it is an OpenDocument spreadsheet (.ods)",
        "es una hoja de cálculo OpenDocument (.ods)",
    ),
    "file.kind.zip": (
        "it is a zip archive without an Excel workbook inside",
        "es un archivo zip sin un libro de Excel dentro",
    ),
    "file.kind.gzip": ("it is compressed with gzip", "está comprimido con gzip"),
    "file.kind.archive": ("it is a compressed archive", "es un archivo comprimido"),
    "file.kind.pdf": ("it is a PDF document", "es un documento PDF"),
    "file.kind.image": ("it is an image", "es una imagen"),
    "file.kind.binary": (
        "it looks like binary data, not CSV, Excel, SPSS, Parquet or JSON",
        "parecen datos binarios, no CSV, Excel, SPSS, Parquet ni JSON",
    ),
    "fix.export_again": (
        "Export the survey again as CSV, Excel, SPSS or Parquet.",
        "Exporta de nuevo la encuesta como CSV, Excel, SPSS o Parquet.",
    ),
    "fix.unpack": (
        "Decompress it and upload the CSV, Excel, SPSS or Parquet file inside.",
        "Descomprímelo y sube el archivo CSV, Excel, SPSS o Parquet que contiene.",
    ),
    "fix.resave": (
        "Open it in Excel or LibreOffice and save it as .xlsx or CSV.",
        "Ábrelo en Excel o LibreOffice y guárdalo como .xlsx o CSV.",
    ),
    # what an analysis needs and the data lacks (MissingMeasureError)
    "analysis.compare": ("Comparing groups", "comparar grupos"),
    "analysis.emotion_curve": ("The emotion curve", "la curva emocional"),
    "analysis.respondent_curves": ("Respondent curves", "las curvas de cada persona"),
    "analysis.extreme_locations": (
        "The location of peaks and troughs",
        "situar los picos y los valles",
    ),
    "analysis.individual_curves": ("Individual curves", "las curvas individuales"),
    "analysis.drivers": ("Driver importance", "la importancia de los impulsores"),
    "analysis.importance_performance": (
        "Importance–performance",
        "el análisis importancia–desempeño",
    ),
    "analysis.gaps": ("Gaps", "las brechas"),
    "analysis.peak_end": ("The peak-end analysis", "el análisis pico-final"),
    "missing.measure": (
        "{needed_for} needs `{measure}` ratings, and this dataset has none. Map columns such "
        "as `FMOT_{measure}` to the measure `{measure}` on the Data page.",
        "Para {needed_for} hacen falta valoraciones de `{measure}`, y este conjunto de datos no "
        "tiene ninguna. Asigna columnas como `FMOT_{measure}` a la medida `{measure}` en la "
        "página Datos.",
    ),
    "missing.curve_measure": (
        "{needed_for} needs `emotion` ratings or, failing those, `experienced` ratings, and "
        "this dataset has neither. Map columns such as `FMOT_emotion` or `FMOT_experienced` to "
        "the measure `emotion` or `experienced` on the Data page.",
        "Para {needed_for} hacen falta valoraciones de `emotion` o, si no las hay, de "
        "`experienced`, y este conjunto de datos no tiene ninguna de las dos. Asigna columnas "
        "como `FMOT_emotion` o `FMOT_experienced` a la medida `emotion` o `experienced` en la "
        "página Datos.",
    ),
    "missing.drivers_outcome": (
        "Driver importance needs the outcome `{outcome}` in the respondents table, and it has "
        "none. Map a column to `{outcome}` on the Data page, or pick an outcome that is mapped "
        "({mapped}).",
        "La importancia de los impulsores necesita el resultado `{outcome}` en la tabla de "
        "personas, y no lo tiene. Asigna una columna a `{outcome}` en la página Datos o elige "
        "un resultado asignado ({mapped}).",
    ),
    "missing.gaps_reference": (
        "Gaps need `anticipated` (expected) or `excellent` (ideal) ratings, and this dataset "
        "has neither. Map columns such as `FMOT_anticipated` (or `FMOT_expected`) or "
        "`FMOT_excellent` (or `FMOT_ideal`, `FMOT_excelente`) on the Data page.",
        "Las brechas necesitan valoraciones de `anticipated` (lo esperado) o de `excellent` (lo "
        "ideal), y este conjunto de datos no tiene ninguna de las dos. Asigna columnas como "
        "`FMOT_anticipated` (o `FMOT_expected`) o `FMOT_excellent` (o `FMOT_ideal`, "
        "`FMOT_excelente`) en la página Datos.",
    ),
    "missing.importance": (
        "Importance is not stated for {where}. Map `importance` columns (such as "
        "`{first}_importance`) on the Data page, or derive it from an outcome: pass the "
        "respondents table with a `{outcome}` column.",
        "La importancia no está indicada para {where}. Asigna columnas de `importance` (como "
        "`{first}_importance`) en la página Datos o derívala de un resultado: pasa la tabla de "
        "personas con una columna `{outcome}`.",
    ),
    "missing.peak_end_outcome": (
        "The peak-end analysis needs the remembered outcome `{outcome}` in the respondents "
        "table, and it is not there. Map a column such as `{outcome}` to that outcome on the "
        "Data page, or pass another outcome.",
        "El análisis pico-final necesita el resultado recordado `{outcome}` en la tabla de "
        "personas, y no está. Asigna una columna como `{outcome}` a ese resultado en la página "
        "Datos o usa otro resultado.",
    ),
    "missing.outcome_answers": (
        "The outcome `{outcome}` has no answers, so the peak-end rule cannot be tested. Check "
        "the column mapped to it on the Data page.",
        "El resultado `{outcome}` no tiene respuestas, así que la regla pico-final no se puede "
        "comprobar. Revisa la columna asignada a él en la página Datos.",
    ),
    "missing.utilities": (
        "Utility scores need anticipated, experienced or retrospective ratings, and this "
        "dataset has none. Map columns such as `FMOT_experienced` to the measure `experienced` "
        "on the Data page.",
        "Las puntuaciones de utilidad necesitan valoraciones anticipadas, vividas o recordadas, "
        "y este conjunto de datos no tiene ninguna. Asigna columnas como `FMOT_experienced` a "
        "la medida `experienced` en la página Datos.",
    ),
    "missing.shifts_experienced": (
        "Utility shifts compare experienced utility with anticipated and retrospective "
        "utility, and this dataset has no `experienced` ratings. Map columns such as "
        "`FMOT_experienced` to the measure `experienced` on the Data page.",
        "Los cambios de utilidad comparan la utilidad vivida con la anticipada y la recordada, "
        "y este conjunto de datos no tiene valoraciones de `experienced`. Asigna columnas como "
        "`FMOT_experienced` a la medida `experienced` en la página Datos.",
    ),
    "missing.shifts_reference": (
        "Utility shifts need `anticipated` or `retrospective` ratings besides the experienced "
        "ones, and this dataset has neither. Map columns such as `FMOT_anticipated` or "
        "`FMOT_retrospective` on the Data page.",
        "Los cambios de utilidad necesitan valoraciones de `anticipated` o de `retrospective` "
        "además de las vividas, y este conjunto de datos no tiene ninguna de las dos. Asigna "
        "columnas como `FMOT_anticipated` o `FMOT_retrospective` en la página Datos.",
    ),
    "missing.nps_column": (
        "NPS needs the likelihood to recommend (0–10) in a column `{column}`, and the "
        "respondents table has none. Map the column such as `recommend` or `NPS` to the "
        "outcome `recommend` on the Data page.",
        "El NPS necesita la probabilidad de recomendar (0–10) en una columna `{column}`, y la "
        "tabla de personas no la tiene. Asigna la columna, como `recommend` o `NPS`, al "
        "resultado `recommend` en la página Datos.",
    ),
    "missing.nps_answers": (
        "NPS needs answers from 0 to 10 in `{column}`, and none of its {n} non-empty values is "
        "a number in that range. Keep the raw 0–10 answers for `recommend` (do not rescale "
        "them to 0–100) when mapping it on the Data page.",
        "El NPS necesita respuestas de 0 a 10 en `{column}`, y ninguno de sus {n} valores no "
        "vacíos es un número en ese rango. Conserva las respuestas originales de 0–10 para "
        "`recommend` (no las reescales a 0–100) al asignarla en la página Datos.",
    ),
    "missing.customer_id": (
        "The respondents have no `{column}` column to link to the event log's user_id. Map the "
        "survey's customer id column to the role `customer_id` on the Data page.",
        "Las personas encuestadas no tienen una columna `{column}` para unirlas con el user_id "
        "del registro de eventos. Asigna la columna del id de cliente de la encuesta al rol "
        "`customer_id` en la página Datos.",
    ),
    # the command line's score output
    "cli.respondents": ("Respondents: {n}", "Personas encuestadas: {n}"),
    "cli.utilities": ("Utilities (0–100, 95% CI):", "Utilidades (0–100, IC del 95 %):"),
    "cli.nps": (
        "NPS: {score:.1f} (95% CI {low:.1f} to {high:.1f}, n = {n})",
        "NPS: {score:.1f} (IC del 95 % de {low:.1f} a {high:.1f}, n = {n})",
    ),
    "cli.nps_no_interval": (
        "NPS: {score:.1f} (no interval: too few answers, n = {n})",
        "NPS: {score:.1f} (sin intervalo: demasiado pocas respuestas, n = {n})",
    ),
    "cli.verdict": ("Peak-end verdict: {verdict}", "Veredicto pico-final: {verdict}"),
    "cli.notes": ("Notes:", "Notas:"),
}


# --- rendering ------------------------------------------------------------------------------


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise KeyError(f"Unknown language {language!r}; use one of {', '.join(LANGUAGES)}.")


class _Formatter(string.Formatter):
    """``str.format`` that renders nested messages and writes numbers as the language does."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Message):
            return format(value.render(self.language), format_spec)
        text = format(value, format_spec)
        if (
            self.language == "es"
            and isinstance(value, numbers.Real)
            and not isinstance(value, bool)
        ):
            text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
        return text


def fill(template: str, params: Mapping[str, Any], language: str = "en") -> str:
    """``template`` with its placeholders filled in ``language`` (see the module's notes)."""
    _check_language(language)
    return _Formatter(language).vformat(template, (), dict(params))


def text(code: str, language: str = "en", /, **params: Any) -> str:
    """The text ``code`` of :data:`TEXTS` in ``language`` with ``params`` filled in.

    Raises
    ------
    KeyError
        If ``code`` is not in :data:`TEXTS` or ``language`` is not ``en`` or ``es``.

    Examples
    --------
    >>> text("note.trimmed", "es", n=2)
    '2 filas vacías al final del archivo ignoradas'
    """
    _check_language(language)
    if code not in TEXTS:
        raise KeyError(f"No text {code!r} in mot.messages.TEXTS.")
    return fill(TEXTS[code][LANGUAGES.index(language)], params, language)


def entry_texts(code: str, params: Mapping[str, Any], language: str = "en") -> tuple[str, str]:
    """Problem and fix of the validation entry ``code`` in ``language``.

    Raises
    ------
    KeyError
        If ``code`` is not in :data:`ENTRIES` or ``language`` is not ``en`` or ``es``.

    Examples
    --------
    >>> entry_texts("cell.too_long", {"n": 2000000, "limit": 1048576}, "es")[0][:35]
    'La celda tiene 2.000.000 caracteres'
    """
    _check_language(language)
    if code not in ENTRIES:
        raise KeyError(f"No validation entry {code!r} in mot.messages.ENTRIES.")
    texts = ENTRIES[code]
    at = LANGUAGES.index(language)
    return fill(texts[at], params, language), fill(texts[2 + at], params, language)


class Message(str):
    """A text of :data:`TEXTS` with its parameters: the English text, renderable in Spanish.

    It is a ``str`` (the English rendering, which is also its ``repr``), so it can go wherever
    a text went before; the code and parameters travel with it.

    Examples
    --------
    >>> note = Message("note.encoding", encoding="cp1252")
    >>> note == "encoding cp1252", note.render("es")
    (True, 'codificación cp1252')
    """

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, /, **params: Any) -> Message:  # noqa: D102 (documented on the class)
        self = super().__new__(cls, text(code, "en", **params))
        self.code = code
        self.params = params
        return self

    def render(self, language: str = "en") -> str:
        """The text in ``language`` (``en`` or ``es``)."""
        return text(self.code, language, **self.params)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (self.code, self.params))


def _restore(code: str, params: dict[str, Any]) -> Message:
    return Message(code, **params)


def render(value: object, language: str = "en") -> str:
    """Any text in ``language``: a :class:`Message` rendered, anything else as ``str``.

    An exception whose message is a :class:`Message` is rendered too.
    """
    if isinstance(value, BaseException) and value.args and isinstance(value.args[0], Message):
        value = value.args[0]
    if isinstance(value, Message):
        return value.render(language)
    return str(value)


def listing(items: Sequence[Any], limit: int = 5) -> str:
    """The first ``limit`` items joined by commas, then "and N more" (a :class:`Message`).

    Examples
    --------
    >>> listing([1, 2, 3], limit=2), listing([1, 2, 3], limit=2).render("es")
    ('1, 2 and 1 more', '1, 2 y 1 más')
    """
    shown = ", ".join(str(item) for item in items[:limit])
    if len(items) <= limit:
        return shown
    return Message("list.more", items=shown, n=len(items) - limit)
