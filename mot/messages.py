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
    "mapping.unsure": (
        "The question reads like a rating of touchpoint `{touchpoint}`, measure `{measure}` "
        "(words matched: {words}{also}), but too unsurely to use it: the column is left out.",
        "La pregunta parece una valoración del punto de contacto `{touchpoint}`, medida "
        "`{measure}` (palabras reconocidas: {words}{also}), pero sin seguridad suficiente para "
        "usarla: la columna se deja fuera.",
        "If that is right, confirm it: make the column a rating on the Data page, or add "
        "{entry} to the mapping file you pass with --mapping (the Data page downloads the "
        "suggested one).",
        "Si es correcto, confírmalo: haz de la columna una valoración en la página Datos o "
        "añade {entry} al archivo de asignación que pasas con --mapping (la página Datos "
        "descarga el sugerido).",
    ),
    "mapping.unsure_no_touchpoint": (
        "The question reads like a rating, measure `{measure}` (words matched: {words}{also}), "
        "but names no touchpoint surely enough to use it: the column is left out.",
        "La pregunta parece una valoración, medida `{measure}` (palabras reconocidas: "
        "{words}{also}), pero no nombra ningún punto de contacto con seguridad suficiente para "
        "usarla: la columna se deja fuera.",
        "If it is a rating, confirm it: make the column a rating of its touchpoint on the Data "
        "page, or add {entry} to the mapping file you pass with --mapping, with the "
        "touchpoint's id.",
        "Si es una valoración, confírmalo: haz de la columna una valoración de su punto de "
        "contacto en la página Datos o añade {entry} al archivo de asignación que pasas con "
        "--mapping, con el id del punto de contacto.",
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
    # arguments of the library's functions
    "word.none": ("none", "ninguno"),
    "arg.confidence": (
        "`confidence` must be between 0 and 1 (e.g. 0.95); got {confidence!r}.",
        "`confidence` debe estar entre 0 y 1 (p. ej. 0.95); se ha recibido {confidence!r}.",
    ),
    "arg.one_of": (
        "`{name}` must be one of {values}; got {value!r}.",
        "`{name}` debe ser uno de estos: {values}; se ha recibido {value!r}.",
    ),
    "arg.count": (
        "`{name}` must be a whole number ≥ 0; got {value!r}.",
        "`{name}` debe ser un número entero ≥ 0; se ha recibido {value!r}.",
    ),
    "arg.measure": (
        "Unknown measure `{measure}`. A measure is one of {measures}.",
        "Medida desconocida: `{measure}`. Una medida es una de estas: {measures}.",
    ),
    # the tables an analysis reads (mot.tidy, mot.survey)
    "tidy.columns": (
        "A ratings table needs the columns {columns}; missing: {missing}.",
        "Una tabla de valoraciones necesita las columnas {columns}; faltan: {missing}.",
    ),
    "tidy.unknown_measures": (
        "Unknown measure(s) {unknown}. A measure is one of {measures}.",
        "Medidas desconocidas: {unknown}. Una medida es una de estas: {measures}.",
    ),
    "tidy.no_segment": (
        "There is no segment column `{by}`. Segments: {segments}.",
        "No hay ninguna columna de segmento `{by}`. Segmentos: {segments}.",
    ),
    "survey.no_segment": (
        "There is no segment `{segment}` to filter by. Segments: {segments}.",
        "No hay ningún segmento `{segment}` por el que filtrar. Segmentos: {segments}.",
    ),
    # the analyses (mot.scoring, mot.curves, mot.memory, mot.gaps, mot.wom, mot.drivers,
    # mot.compare)
    "scoring.confidence": (
        "`confidence` is the coverage of an interval, a number between 0 and 1 such as 0.95; "
        "got {confidence!r}.",
        "`confidence` es la cobertura de un intervalo, un número entre 0 y 1 como 0.95; se ha "
        "recibido {confidence!r}.",
    ),
    "scoring.no_segment": (
        "There is no segment column `{by}` in the ratings. Add it with "
        "`mot.tidy.with_segment(ratings, respondents, {by!r})`; segments are respondent "
        "columns such as device or channel.",
        "Las valoraciones no tienen ninguna columna de segmento `{by}`. Añádela con "
        "`mot.tidy.with_segment(ratings, respondents, {by!r})`; los segmentos son columnas de "
        "las personas, como el dispositivo o el canal.",
    ),
    "scoring.ci": (
        "Unknown confidence-interval method ci={ci!r}. Use 't' (Student t-interval) or "
        "'bootstrap' (percentile bootstrap of the mean).",
        "Método de intervalo de confianza desconocido: ci={ci!r}. Usa 't' (intervalo t de "
        "Student) o 'bootstrap' (bootstrap de percentiles de la media).",
    ),
    "scoring.n_boot": (
        "`n_boot` is the number of bootstrap resamples, such as 2000; got {n_boot!r}.",
        "`n_boot` es el número de remuestreos bootstrap, como 2000; se ha recibido {n_boot!r}.",
    ),
    "scoring.repeated_rating": (
        "Respondent `{id}` has {n} `{measure}` ratings for touchpoint `{touchpoint}`; a ratings "
        "table has one row per respondent, touchpoint and measure. Remove the duplicate rows or "
        "map each column to one touchpoint and measure.",
        "La persona `{id}` tiene {n} valoraciones de `{measure}` para el punto de contacto "
        "`{touchpoint}`; una tabla de valoraciones tiene una fila por persona, punto de "
        "contacto y medida. Quita las filas repetidas o asigna cada columna a un solo punto de "
        "contacto y una sola medida.",
    ),
    "scoring.shift_columns": (
        "Shift highlights read the table of `utility_shifts`; this one lacks {missing}. Pass "
        "the result of `utility_shifts`.",
        "Los cambios destacados leen la tabla de `utility_shifts`; a esta le falta {missing}. "
        "Pasa el resultado de `utility_shifts`.",
    ),
    "curves.extremes_columns": (
        "curve_extremes reads a mean curve with the columns touchpoint, position and mean (the "
        "output of `emotion_curve`); missing: {missing}.",
        "curve_extremes lee una curva media con las columnas touchpoint, position y mean (el "
        "resultado de `emotion_curve`); faltan: {missing}.",
    ),
    "curves.prominence": (
        "`prominence` is how far (in curve points, −100..+100 scale) a peak must rise above its "
        "surroundings, a number ≥ 0 such as 5; got {prominence!r}.",
        "`prominence` es cuánto (en puntos de la curva, escala −100..+100) debe elevarse un pico "
        "sobre lo que lo rodea, un número ≥ 0 como 5; se ha recibido {prominence!r}.",
    ),
    "memory.respondent_id": (
        "The respondents table needs a `respondent_id` column to link each remembered rating "
        "to the respondent's curve.",
        "La tabla de personas necesita una columna `respondent_id` para unir cada valoración "
        "recordada con la curva de esa persona.",
    ),
    "memory.outcome_type": (
        "The outcome `{outcome}` must be numbers on 0–100; its column holds {dtype} values. Map "
        "it through a rating scale on the Data page.",
        "El resultado `{outcome}` deben ser números de 0–100; su columna tiene valores {dtype}. "
        "Asígnalo con una escala de valoración en la página Datos.",
    ),
    "memory.repeated_id": (
        "Respondent `{id}` appears {n} times in the respondents table; each respondent has one "
        "row. Remove the duplicates.",
        "La persona `{id}` aparece {n} veces en la tabla de personas; cada persona tiene una "
        "fila. Quita las repetidas.",
    ),
    "memory.too_few": (
        "The peak-end analysis needs at least {minimum} respondents with both a curve and "
        "`{outcome}`; this dataset has {n} ({excluded} left out for lacking one or the other). "
        "Collect more answers or check the respondent ids match.",
        "El análisis pico-final necesita al menos {minimum} personas con una curva y "
        "`{outcome}`; este conjunto de datos tiene {n} ({excluded} dejadas fuera por faltarles "
        "una cosa u otra). Reúne más respuestas o comprueba que los ids de las personas "
        "coinciden.",
    ),
    "gaps.no_segment": (
        "The ratings have no segment column `{by}`. Add it with "
        '`mot.tidy.with_segment(ratings, respondents, "{by}")`, or choose a segment mapped on '
        "the Data page.",
        "Las valoraciones no tienen ninguna columna de segmento `{by}`. Añádela con "
        '`mot.tidy.with_segment(ratings, respondents, "{by}")` o elige un segmento asignado en '
        "la página Datos.",
    ),
    "wom.no_segment": (
        "There is no segment column `{by}` in the respondents table. Its columns are: "
        "{columns}. Map a column to a segment on the Data page, or pick one of these.",
        "La tabla de personas no tiene ninguna columna de segmento `{by}`. Sus columnas son: "
        "{columns}. Asigna una columna a un segmento en la página Datos o elige una de estas.",
    ),
    "drivers.too_few": (
        "Driver importance over {touchpoints} touchpoints needs at least {needed} respondents "
        "who rated every touchpoint and have `{outcome}`; there are {n} ({excluded} left out "
        "for a missing rating or outcome). Analyse fewer touchpoints (filter the ratings) or "
        "collect more complete answers.",
        "La importancia de los impulsores sobre {touchpoints} puntos de contacto necesita al "
        "menos {needed} personas que hayan valorado todos los puntos y tengan `{outcome}`; hay "
        "{n} ({excluded} dejadas fuera por faltarles una valoración o el resultado). Analiza "
        "menos puntos de contacto (filtra las valoraciones) o reúne respuestas más completas.",
    ),
    "drivers.constant": (
        "Driver importance needs ratings that vary, but every complete respondent gave the "
        "same value for: {columns}. Leave such a touchpoint out, or use an outcome that varies.",
        "La importancia de los impulsores necesita valoraciones que varíen, pero todas las "
        "personas completas dieron el mismo valor en: {columns}. Deja fuera ese punto de "
        "contacto o usa un resultado que varíe.",
    ),
    "drivers.respondent_id": (
        "The respondents table needs a `respondent_id` column to link each outcome to that "
        "respondent's ratings. Map the respondent id column on the Data page.",
        "La tabla de personas necesita una columna `respondent_id` para unir cada resultado con "
        "las valoraciones de esa persona. Asigna la columna del id de persona en la página "
        "Datos.",
    ),
    "drivers.repeated_id": (
        "Respondent ids must be unique in the respondents table; `{id}` appears more than once. "
        "Map a column with one distinct id per respondent on the Data page.",
        "Los ids de las personas deben ser únicos en la tabla de personas; `{id}` aparece más "
        "de una vez. Asigna en la página Datos una columna con un id distinto por persona.",
    ),
    "drivers.n_boot": (
        "`n_boot` must be a whole number ≥ 0 (e.g. 500); got {n_boot!r}.",
        "`n_boot` debe ser un número entero ≥ 0 (p. ej. 500); se ha recibido {n_boot!r}.",
    ),
    "compare.correction": (
        "Unknown multiple-comparison correction `{correction}`. Choose one of: {choices}.",
        "Corrección de comparaciones múltiples desconocida: `{correction}`. Elige una de estas: "
        "{choices}.",
    ),
    "compare.test": (
        "Unknown test `{test}`. Choose one of: {choices}.",
        "Prueba desconocida: `{test}`. Elige una de estas: {choices}.",
    ),
    "compare.no_group": (
        "The ratings have no group column `{by}`. Add a segment with "
        '`mot.tidy.with_segment(ratings, respondents, "{by}")`, or map an A/B variant column '
        "on the Data page.",
        "Las valoraciones no tienen ninguna columna de grupo `{by}`. Añade un segmento con "
        '`mot.tidy.with_segment(ratings, respondents, "{by}")` o asigna una columna de variante '
        "A/B en la página Datos.",
    ),
    "compare.no_answers": (
        "Group {group} has no answers (n_{group} = 0): a share needs at least one.",
        "El grupo {group} no tiene respuestas (n_{group} = 0): una proporción necesita al menos "
        "una.",
    ),
    "compare.successes": (
        "Group {group} has more successes ({successes}) than answers ({n}). Pass the number of "
        "answers as n and the number of top-box (or yes) answers as successes.",
        "El grupo {group} tiene más éxitos ({successes}) que respuestas ({n}). Pasa el número de "
        "respuestas como n y el de respuestas en lo más alto de la escala (o «sí») como "
        "successes.",
    ),
    # charts (mot.charts)
    "charts.not_a_table": (
        "{builder} needs a table (pandas DataFrame), the output of {source}; it got {kind}. "
        "Pass that table unchanged.",
        "{builder} necesita una tabla (un DataFrame de pandas), el resultado de {source}; ha "
        "recibido {kind}. Pasa esa tabla sin cambios.",
    ),
    "charts.columns": (
        "{builder} needs the columns {columns} (the output of {source}); missing: {missing}. "
        "Pass the table that {source} returned, unchanged.",
        "{builder} necesita las columnas {columns} (el resultado de {source}); faltan: "
        "{missing}. Pasa la tabla que devolvió {source}, sin cambios.",
    ),
    "charts.split": (
        "{builder} found several rows for {where}: the table looks split by a segment. Pass "
        "`by=` with the segment column where the builder takes it, or the rows of one segment "
        "only.",
        "{builder} ha encontrado varias filas para {where}: la tabla parece dividida por un "
        "segmento. Pasa `by=` con la columna del segmento si el gráfico lo admite, o solo las "
        "filas de un segmento.",
    ),
    "insights.flag": (
        "`flag` must be `converted` or `repurchased`; got {flag}.",
        "`flag` debe ser `converted` o `repurchased`; se ha recibido {flag}.",
    ),
    "insights.link_columns": (
        "The survey link has no column {missing}: pass the table that `link_survey` returns.",
        "El enlace con la encuesta no tiene la columna {missing}: pasa la tabla que devuelve "
        "`link_survey`.",
    ),
    "insights.funnel_columns": (
        "The funnel has no column {missing}: pass the table that `ordered_funnel` returns "
        "(without `by`).",
        "El embudo no tiene la columna {missing}: pasa la tabla que devuelve `ordered_funnel` "
        "(sin `by`).",
    ),
    "charts.nps_rows": (
        "nps_chart got {n} rows but no `by`: pass `by=` with the segment column the NPS was "
        "split by.",
        "nps_chart ha recibido {n} filas pero ningún `by`: pasa `by=` con la columna del "
        "segmento por el que se dividió el NPS.",
    ),
    "charts.trend_points": (
        "The trend has {n:,} points ({series} series); a chart draws at most {limit:,}. Choose "
        "a longer period (a week or a month) or fewer touchpoints.",
        "La tendencia tiene {n:,} puntos ({series} series); un gráfico dibuja como mucho "
        "{limit:,}. Elige un periodo más largo (una semana o un mes) o menos puntos de contacto.",
    ),
    # exports (mot.report)
    "export.where": (" ({where})", " ({where})"),
    "export.where_section": (
        "section “{title}”, chart {index}",
        "sección «{title}», gráfico {index}",
    ),
    "export.chart_titled": ("the chart “{title}”", "el gráfico «{title}»"),
    "export.chart_untitled_kind": ("the untitled {kind} chart", "el gráfico {kind} sin título"),
    "export.chart_untitled": ("the untitled chart", "el gráfico sin título"),
    "export.scale": (
        "`scale` must be a positive number of pixels per chart unit (e.g. 2); got {scale!r}.",
        "`scale` debe ser un número positivo de píxeles por unidad del gráfico (p. ej. 2); se ha "
        "recibido {scale!r}.",
    ),
    "export.not_a_chart": (
        "Cannot export a {kind!r} object{where} as a chart: it has no to_dict() or to_json() "
        "method. Pass a chart built by mot.charts or a Vega-Lite spec (a dict).",
        "No se puede exportar un objeto {kind!r}{where} como gráfico: no tiene método to_dict() "
        "ni to_json(). Pasa un gráfico hecho con mot.charts o una especificación Vega-Lite (un "
        "dict).",
    ),
    "export.invalid_spec": (
        "Could not export the chart{where}: it is not a valid Vega-Lite spec ({reason}). Check "
        "that the chart displays in the app; inf or NaN values in its data must be replaced by "
        "empty values first.",
        "No se ha podido exportar el gráfico{where}: no es una especificación Vega-Lite válida "
        "({reason}). Comprueba que el gráfico se ve en la aplicación; antes hay que cambiar por "
        "valores vacíos los inf o NaN de sus datos.",
    ),
    "export.draw_failed": (
        "Could not draw {chart}{where} as {format}: {reason}. {hint}",
        "No se ha podido dibujar {chart}{where} como {format}: {reason}. {hint}",
    ),
    "export.hint_inline": (
        "Give the chart inline data (a DataFrame) instead of a URL.",
        "Da al gráfico los datos directamente (un DataFrame) en vez de una URL.",
    ),
    "export.hint_table": (
        "Check that the chart displays in the app, or export its table instead.",
        "Comprueba que el gráfico se ve en la aplicación o exporta su tabla en su lugar.",
    ),
    "export.not_a_spec": (
        "to_dict() gave a {kind}, not a Vega-Lite spec (a dict)",
        "to_dict() ha dado un {kind}, no una especificación Vega-Lite (un dict)",
    ),
    "export.decimals": (
        "`decimals` must be a whole number of 0 or more; got {decimals!r}.",
        "`decimals` debe ser un número entero de 0 o más; se ha recibido {decimals!r}.",
    ),
    "export.not_a_number": (
        "format_number writes numbers; got {value!r} ({kind}). Write text and yes/no values as "
        "they are.",
        "format_number escribe números; se ha recibido {value!r} ({kind}). Escribe los textos y "
        "los valores sí/no tal como son.",
    ),
    "export.no_tables": (
        "An Excel workbook needs at least one table: pass a dict of sheet name → DataFrame; got "
        "{tables:.80}.",
        "Un libro de Excel necesita al menos una tabla: pasa un dict de nombre de hoja → "
        "DataFrame; se ha recibido {tables:.80}.",
    ),
    "export.not_a_frame": (
        "Table `{name}` is a {kind}, not a DataFrame.",
        "La tabla `{name}` es un {kind}, no un DataFrame.",
    ),
    "export.too_big_for_excel": (
        "Table `{name}` has {rows:,} rows and {columns:,} columns; an Excel sheet holds "
        "{max_rows:,} rows under its header and {max_columns:,} columns. Filter or split the "
        "table, or export it as CSV.",
        "La tabla `{name}` tiene {rows:,} filas y {columns:,} columnas; una hoja de Excel admite "
        "{max_rows:,} filas bajo su encabezado y {max_columns:,} columnas. Filtra o divide la "
        "tabla, o expórtala como CSV.",
    ),
    "export.takes_a_frame": (
        "{function} takes a DataFrame; got a {kind}.",
        "{function} recibe un DataFrame; se ha recibido un {kind}.",
    ),
    "export.writes_a_frame": (
        "table_to_csv writes a DataFrame; got a {kind}.",
        "table_to_csv escribe un DataFrame; se ha recibido un {kind}.",
    ),
    "export.title": (
        "A file name needs a title with a letter or digit; got {title:.60}.",
        "Un nombre de archivo necesita un título con una letra o una cifra; se ha recibido "
        "{title:.60}.",
    ),
    "export.extension": (
        "A file extension is letters and digits without the dot; got {extension!r}.",
        "Una extensión de archivo son letras y cifras sin el punto; se ha recibido {extension!r}.",
    ),
    "export.zip_empty": (
        "A zip bundle needs at least one file: a mapping of name to bytes.",
        "Un paquete zip necesita al menos un archivo: un diccionario de nombre → bytes.",
    ),
    "export.zip_name": (
        "A file in the zip bundle needs a plain file name; got {name:.60}.",
        "Un archivo del paquete zip necesita un nombre de archivo simple; se ha recibido "
        "{name:.60}.",
    ),
    "export.zip_content": (
        "The content of `{name}` must be bytes; got {kind}.",
        "El contenido de `{name}` deben ser bytes; se ha recibido {kind}.",
    ),
    "export.section": (
        "A report section needs a text title and text; got title {title:.60} and text of type "
        "{kind}.",
        "Una sección del informe necesita un título y un texto que sean textos; se ha recibido "
        "el título {title:.60} y un texto de tipo {kind}.",
    ),
    "export.section_table": (
        "Section “{title}”: each table must be a (caption, DataFrame) pair, such as "
        '("Utilities", scores); got {pair:.80}.',
        "Sección «{title}»: cada tabla debe ser un par (título, DataFrame), como "
        '("Utilidades", scores); se ha recibido {pair:.80}.',
    ),
    "export.report_text": (
        "Report `{name}` must be text; got {value:.60}.",
        "`{name}` del informe debe ser un texto; se ha recibido {value:.60}.",
    ),
    "export.report_section": (
        "Report sections must be ReportSection objects; got a {kind}. Wrap it: "
        "ReportSection(title, text, charts, tables).",
        "Las secciones del informe deben ser objetos ReportSection; se ha recibido un {kind}. "
        "Envuélvelo: ReportSection(title, text, charts, tables).",
    ),
    "export.max_rows": (
        "`max_rows` must be a whole number of 1 or more, or None; got {max_rows!r}.",
        "`max_rows` debe ser un número entero de 1 o más, o None; se ha recibido {max_rows!r}.",
    ),
    # behaviour metrics on an event log (mot.behaviour)
    "period.day": ("day", "día"),
    "period.week": ("week", "semana"),
    "period.month": ("month", "mes"),
    "behaviour.what.steps": ("funnel steps", "pasos del embudo"),
    "behaviour.what.touchpoints": ("touchpoints", "puntos de contacto"),
    "behaviour.what.entries": ("entries", "entradas"),
    "behaviour.what.values": ("{column} values", "valores de {column}"),
    "behaviour.span.funnel": ("funnel", "El embudo"),
    "behaviour.span.retention": ("retention", "La retención"),
    "behaviour.span.trend": ("trend", "La tendencia"),
    "behaviour.view_columns": (
        "The event view `{view}` lacks the column(s) {missing} (it has {present}). Map the "
        "log's id, timestamp and event columns when loading it.",
        "A la vista de eventos `{view}` le faltan columnas: {missing} (tiene {present}). Asigna "
        "las columnas de id, marca de tiempo y evento del registro al cargarlo.",
    ),
    "behaviour.no_property": (
        "There is no property column `{by}` to split by. Properties of this log: {properties}.",
        "No hay ninguna columna de propiedad `{by}` por la que dividir. Propiedades de este "
        "registro: {properties}.",
    ),
    "behaviour.names": (
        "Give at least {minimum} {what} as a list of names (e.g. ['FMOT', 'SMOT']); got {names!r}.",
        "Indica al menos {minimum} {what} como una lista de nombres (p. ej. ['FMOT', 'SMOT']); "
        "se ha recibido {names!r}.",
    ),
    "behaviour.hint_longer": (
        "choose a longer period ({periods})",
        "elige un periodo más largo ({periods})",
    ),
    "behaviour.hint_shorten": ("shorten it", "acorta el periodo"),
    "behaviour.too_many_periods": (
        "The {what} by {period} would have {n:,} periods (events from {low} to {high}); at most "
        "{limit:,} are built: {hint}, or filter the log to a shorter time span.",
        "{what} por {period} tendría {n:,} periodos (eventos del {low} al {high}); se construyen "
        "{limit:,} como mucho: {hint}, o filtra el registro a un intervalo de tiempo más corto.",
    ),
    "behaviour.window": (
        "`window` must be a positive duration such as datetime.timedelta(days=7); got {window!r}.",
        "`window` debe ser una duración positiva como datetime.timedelta(days=7); se ha "
        "recibido {window!r}.",
    ),
    "behaviour.by_and_cohort": (
        "Pass `by` or `cohort`, not both: a funnel has one grouping.",
        "Indica `by` o `cohort`, no los dos: un embudo tiene una sola agrupación.",
    ),
    "behaviour.steps_outside": (
        "Funnel step(s) {steps} are not among the touchpoints {touchpoints}: give the steps as "
        "touchpoint ids of the journey.",
        "Los pasos del embudo {steps} no están entre los puntos de contacto {touchpoints}: "
        "indica los pasos como ids de puntos de contacto del recorrido.",
    ),
    "behaviour.compare_needs_by": (
        "compare_conversion needs a funnel computed with `by=` (e.g. ordered_funnel(con, "
        "steps=[...], by='variant')): this table has no group column.",
        "compare_conversion necesita un embudo calculado con `by=` (p. ej. ordered_funnel(con, "
        "steps=[...], by='variant')): esta tabla no tiene columna de grupo.",
    ),
    "behaviour.base": (
        "`base` must be 'previous' or 'start'; got {base!r}.",
        "`base` debe ser 'previous' o 'start'; se ha recibido {base!r}.",
    ),
    "behaviour.no_step": (
        "The funnel has no step {step!r}. Its steps: {steps}.",
        "El embudo no tiene el paso {step!r}. Sus pasos: {steps}.",
    ),
    "behaviour.days": (
        "`days` must be positive whole numbers of days, e.g. (30, 60, 90); got {days!r}.",
        "`days` deben ser números enteros positivos de días, p. ej. (30, 60, 90); se ha "
        "recibido {days!r}.",
    ),
    "behaviour.needs_event_trend": (
        "offsetting_events needs the table of mot.behaviour.event_trend (columns {columns}).",
        "offsetting_events necesita la tabla de mot.behaviour.event_trend (columnas {columns}).",
    ),
    "behaviour.respondent_id": (
        "The respondents table needs a `respondent_id` column (one row per respondent).",
        "La tabla de personas necesita una columna `respondent_id` (una fila por persona).",
    ),
    "behaviour.needs_link": (
        "The linked table needs `respondent_id` and `{column}`: pass the result of "
        "mot.behaviour.link_survey.",
        "La tabla unida necesita `respondent_id` y `{column}`: pasa el resultado de "
        "mot.behaviour.link_survey.",
    ),
    "behaviour.no_linked_rating": (
        "No linked respondent has a `{measure}` rating at `{touchpoint}`: check the touchpoint "
        "id and that the survey's customer ids match the log's user ids.",
        "Ninguna persona unida tiene una valoración de `{measure}` en `{touchpoint}`: comprueba "
        "el id del punto de contacto y que los ids de cliente de la encuesta coinciden con los "
        "ids de usuario del registro.",
    ),
    # running a metric's query (mot.behaviour.engine)
    "engine.schema_hint": (
        "Check that the event view has the columns user_id, session_id, ts (timestamp), event "
        "and touchpoint.",
        "Comprueba que la vista de eventos tiene las columnas user_id, session_id, ts (marca de "
        "tiempo), event y touchpoint.",
    ),
    "engine.not_a_connection": (
        "Expected a DuckDB connection (duckdb.connect()) or a pyspark SparkSession, got "
        "{kind}. Load the event log with mot.behaviour.open_event_log first.",
        "Se esperaba una conexión de DuckDB (duckdb.connect()) o una SparkSession de pyspark, "
        "y se ha recibido {kind}. Carga antes el registro de eventos con "
        "mot.behaviour.open_event_log.",
    ),
    "engine.on.duckdb": ("connection", "esta conexión"),
    "engine.on.spark": ("Spark session", "esta sesión de Spark"),
    "engine.no_view": (
        "There is no event view `{view}` on this {where} ({error}). Load and map the event log "
        "first (mot.behaviour), or pass the name of the view.",
        "No hay ninguna vista de eventos `{view}` en {where} ({error}). Carga y asigna antes el "
        "registro de eventos (mot.behaviour) o indica el nombre de la vista.",
    ),
    "engine.failed_duckdb": (
        "The event query failed in DuckDB ({error}). {hint}",
        "La consulta de eventos ha fallado en DuckDB ({error}). {hint}",
    ),
    "engine.failed_spark": (
        "The event query failed in Spark ({error}). {hint}",
        "La consulta de eventos ha fallado en Spark ({error}). {hint}",
    ),
    "engine.untranslatable": (
        "This metric cannot run on Spark: its SQL does not translate ({error}).",
        "Esta métrica no se puede ejecutar en Spark: su SQL no se puede traducir ({error}).",
    ),
    "engine.old_pyspark": (
        "Running the metrics on Spark needs PySpark 4.0 or later (DataFrame.toArrow); this is "
        "PySpark {version}.",
        "Ejecutar las métricas en Spark necesita PySpark 4.0 o posterior (DataFrame.toArrow); "
        "esta es PySpark {version}.",
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
    "file.the_file": ("the file", "el archivo"),
    "file.the_upload": ("the upload", "el archivo subido"),
    "file.what.xlsx": ("an Excel workbook", "un libro de Excel"),
    "file.what.zip": ("a zip archive", "un archivo zip"),
    "file.source_type": (
        "read_table() takes a path, bytes or a binary file object; got {kind}.",
        "read_table() recibe una ruta, bytes o un objeto de archivo binario; se ha recibido "
        "{kind}.",
    ),
    "file.none_given": ("No file was given.", "No se ha indicado ningún archivo."),
    "file.not_found": (
        "`{path}` was not found or is a folder. Check the path and try again.",
        "`{path}` no existe o es una carpeta. Comprueba la ruta y vuelve a intentarlo.",
    ),
    "file.upload_unreadable": (
        "`{name}` could not be read ({error}). Upload it again.",
        "`{name}` no se ha podido leer ({error}). Súbelo de nuevo.",
    ),
    "file.upload_not_bytes": (
        "`{name}` did not give bytes when read. Upload the file again.",
        "`{name}` no ha dado bytes al leerlo. Sube el archivo de nuevo.",
    ),
    "file.out_of_memory": (
        "`{name}` is too large to read in memory. Split it or upload Parquet.",
        "`{name}` es demasiado grande para leerlo en memoria. Divídelo o súbelo como Parquet.",
    ),
    "file.not_read": (
        "`{name}` could not be read as a table ({error}: {detail}). {fix}",
        "`{name}` no se ha podido leer como una tabla ({error}: {detail}). {fix}",
    ),
    "file.too_large": (
        "`{name}` is {mb:,.0f} MB; the largest file this installation reads is {limit_mb:,.0f} "
        "MB (loading needs up to {factor}× the file's size in memory). Split it into smaller "
        "files (for example by wave or by month), or remove the columns you do not analyse, and "
        "load them one at a time. On your own machine you can raise the limit with the "
        "environment variable MOT_MAX_FILE_MB.",
        "`{name}` ocupa {mb:,.0f} MB; el archivo más grande que lee esta instalación es de "
        "{limit_mb:,.0f} MB (cargarlo necesita en memoria hasta {factor} veces su tamaño). "
        "Divídelo en archivos más pequeños (por ejemplo por oleada o por mes) o quita las "
        "columnas que no analizas, y cárgalos de uno en uno. En tu propio equipo puedes subir "
        "el límite con la variable de entorno MOT_MAX_FILE_MB.",
    ),
    "file.too_large_unpacked": (
        "`{name}` is {mb:,.1f} MB on disk but holds {unpacked_mb:,.0f} MB of data once "
        "unpacked; the largest this installation reads is {limit_mb:,.0f} MB. Split it into "
        "smaller files (for example by wave or by month), or keep only the columns you analyse, "
        "and load them one at a time. On your own machine you can raise the limit with the "
        "environment variable MOT_MAX_FILE_MB.",
        "`{name}` ocupa {mb:,.1f} MB en disco pero contiene {unpacked_mb:,.0f} MB de datos una "
        "vez descomprimido; lo más grande que lee esta instalación son {limit_mb:,.0f} MB. "
        "Divídelo en archivos más pequeños (por ejemplo por oleada o por mes) o deja solo las "
        "columnas que analizas, y cárgalos de uno en uno. En tu propio equipo puedes subir el "
        "límite con la variable de entorno MOT_MAX_FILE_MB.",
    ),
    "file.damaged": (
        "`{name}` looks like {what} but is damaged ({detail}). {fix}",
        "`{name}` parece {what} pero está dañado ({detail}). {fix}",
    ),
    "file.not_split": (
        "`{name}` cannot be split into rows and columns ({error}). Check its quotes, or export "
        "it again. {fix}",
        "`{name}` no se puede dividir en filas y columnas ({error}). Revisa sus comillas o "
        "expórtalo de nuevo. {fix}",
    ),
    "file.bad_json": (
        "`{name}` is not valid JSON ({detail}). {fix}",
        "`{name}` no es un JSON válido ({detail}). {fix}",
    ),
    "file.json_not_records": (
        "`{name}` holds JSON that is not a list of records (objects with one key per column). "
        "{fix}",
        "`{name}` contiene un JSON que no es una lista de registros (objetos con una clave por "
        "columna). {fix}",
    ),
    "file.xlsx_unopenable": (
        "`{name}` looks like an Excel workbook but cannot be opened ({error}: {detail}). {fix}",
        "`{name}` parece un libro de Excel pero no se puede abrir ({error}: {detail}). {fix}",
    ),
    "file.no_sheet": (
        "`{name}` has no sheet {sheet!r}; its sheets are: {sheets}. Choose one of these.",
        "`{name}` no tiene la hoja {sheet!r}; sus hojas son: {sheets}. Elige una de ellas.",
    ),
    "file.empty_sheet": (
        "Sheet {sheet!r} of `{name}` is empty. Choose the sheet with the data.",
        "La hoja {sheet!r} de `{name}` está vacía. Elige la hoja que tiene los datos.",
    ),
    "file.parquet_unreadable": (
        "`{name}` looks like a Parquet file but cannot be read ({error}: {detail}). Write it "
        "again, or export CSV.",
        "`{name}` parece un archivo Parquet pero no se puede leer ({error}: {detail}). "
        "Escríbelo de nuevo o expórtalo como CSV.",
    ),
    "file.spss_unreadable": (
        "`{name}` looks like an SPSS file but cannot be read ({error}: {detail}). Save it "
        "again from SPSS, or export CSV.",
        "`{name}` parece un archivo SPSS pero no se puede leer ({error}: {detail}). Guárdalo "
        "de nuevo desde SPSS o expórtalo como CSV.",
    ),
    # the mapping and journey JSON files (mot.jsonfile)
    "json.what.mapping": ("mapping", "la asignación"),
    "json.what.journey": ("journey", "el recorrido"),
    "json.file.mapping": ("mapping", "de asignación"),
    "json.file.journey": ("journey", "del recorrido"),
    "json.invalid": (
        "`{name}` is not valid JSON ({detail}). Check its syntax, or download the {what} from "
        "the Data page and edit that file.",
        "`{name}` no es un JSON válido ({detail}). Revisa su sintaxis o descarga {what} desde "
        "la página Datos y edita ese archivo.",
    ),
    "json.cannot_open": (
        "Cannot open the {what} file `{path}`: {reason}.",
        "No se puede abrir el archivo {what} `{path}`: {reason}.",
    ),
    "json.at": (
        "{problem}: line {line} column {column} (char {char})",
        "{problem}: línea {line}, columna {column} (carácter {char})",
    ),
    "json.problem.value": ("Expecting value", "se esperaba un valor"),
    "json.problem.property_name": (
        "Expecting property name enclosed in double quotes",
        "se esperaba un nombre de propiedad entre comillas dobles",
    ),
    "json.problem.comma": ("Expecting ',' delimiter", "se esperaba el separador ','"),
    "json.problem.colon": ("Expecting ':' delimiter", "se esperaba el separador ':'"),
    "json.problem.extra_data": ("Extra data", "datos de más"),
    "json.problem.unterminated_string": (
        "Unterminated string starting at",
        "texto sin cerrar que empieza en",
    ),
    "json.problem.control_character": (
        "Invalid control character at",
        "carácter de control no válido en",
    ),
    "json.problem.escape": ("Invalid \\escape", "secuencia de escape \\ no válida"),
    "json.problem.trailing_comma_object": (
        "Illegal trailing comma before end of object",
        "coma final no permitida antes del cierre del objeto",
    ),
    "json.problem.trailing_comma_array": (
        "Illegal trailing comma before end of array",
        "coma final no permitida antes del cierre de la lista",
    ),
    "json.os.not_found": ("No such file or directory", "no existe el archivo o la carpeta"),
    "json.os.permission": ("Permission denied", "permiso denegado"),
    "json.os.folder": ("Is a directory", "es una carpeta"),
    # a journey definition (JourneyError)
    "journey.not_a_moment": (
        "`{key}` is not a moment of truth. Use one of {keys}.",
        "`{key}` no es un momento de la verdad. Usa uno de estos: {keys}.",
    ),
    "journey.unknown_touchpoint": (
        "Touchpoint `{touchpoint}` is not in the journey `{journey}` (touchpoints: "
        "{touchpoints}). Add it on the Data page or fix the id.",
        "El punto de contacto `{touchpoint}` no está en el recorrido `{journey}` (puntos de "
        "contacto: {touchpoints}). Añádelo en la página Datos o corrige el id.",
    ),
    "journey.not_an_object": (
        "The journey's touchpoint {n} is not an object with an `id`. Found {raw!r}.",
        "El punto de contacto {n} del recorrido no es un objeto con un `id`. Se ha encontrado "
        "{raw!r}.",
    ),
    "journey.bad_id": (
        "The journey's touchpoint {n} has id `{id}`: an id starts with a letter and holds only "
        "letters, digits and `_` (it is used in column names such as `delivery_experienced`).",
        "El punto de contacto {n} del recorrido tiene el id `{id}`: un id empieza por una letra "
        "y solo tiene letras, cifras y `_` (se usa en nombres de columna como "
        "`delivery_experienced`).",
    ),
    "journey.bad_moment": (
        "Touchpoint `{id}` is tagged `{tag}`, which is not a moment of truth. Use one of {keys} "
        "or leave the tag empty.",
        "El punto de contacto `{id}` tiene la etiqueta `{tag}`, que no es un momento de la "
        "verdad. Usa uno de estos: {keys}, o deja la etiqueta vacía.",
    ),
    "journey.not_a_journey": (
        "A journey file is a JSON object with a `touchpoints` list.",
        "Un archivo de recorrido es un objeto JSON con una lista `touchpoints`.",
    ),
    "journey.no_touchpoints": (
        "The journey has no touchpoints: add at least one.",
        "El recorrido no tiene puntos de contacto: añade al menos uno.",
    ),
    "journey.duplicate_id": (
        "Touchpoint id `{id}` appears twice (touchpoints {first} and {second}). Ids must be "
        "unique: rename one of them.",
        "El id de punto de contacto `{id}` aparece dos veces (puntos de contacto {first} y "
        "{second}). Los ids deben ser únicos: cambia el de uno de ellos.",
    ),
    # a column mapping (MappingError)
    "role.rating": ("rating", "una valoración"),
    "role.comment": ("comment", "un comentario"),
    "mapping.entry_no_column": (
        "Mapping entry {n} has no `column`: name the file's column.",
        "La entrada {n} de la asignación no tiene `column`: indica la columna del archivo.",
    ),
    "mapping.unknown_role": (
        "Column `{column}`: role `{role}` is unknown. Use one of {roles}.",
        "Columna `{column}`: el rol `{role}` no existe. Usa uno de estos: {roles}.",
    ),
    "mapping.rating_needs_measure": (
        "Column `{column}` is a rating, so it needs a measure: one of {measures} (found "
        "`{measure}`).",
        "La columna `{column}` es una valoración, así que necesita una medida, una de estas: "
        "{measures} (se ha encontrado `{measure}`).",
    ),
    "mapping.needs_touchpoint": (
        "Column `{column}` is a {role}: choose the touchpoint it is about.",
        "La columna `{column}` es {role}: elige el punto de contacto del que trata.",
    ),
    "mapping.outcome_needs_name": (
        "Column `{column}` is an outcome: choose one of {outcomes} (found `{outcome}`).",
        "La columna `{column}` es un resultado: elige uno de estos: {outcomes} (se ha "
        "encontrado `{outcome}`).",
    ),
    "mapping.column_error": ("Column `{column}`: {error}", "Columna `{column}`: {error}"),
    "mapping.not_a_mapping": (
        'A mapping file is a JSON object with a "columns" list.',
        'Un archivo de asignación es un objeto JSON con una lista "columns".',
    ),
    "mapping.duplicate_column": (
        "Column `{column}` appears twice in the mapping.",
        "La columna `{column}` aparece dos veces en la asignación.",
    ),
    "mapping.bad_scale": (
        "The scale chosen for `{target}` cannot be used: {error}",
        "La escala elegida para `{target}` no se puede usar: {error}",
    ),
    # a rating scale (ScaleError)
    "scale.not_a_scale": (
        "`{spec}` is not a scale. Write it as low-high, e.g. 1-5, 0-10, -3..3 or 0-100.",
        "`{spec}` no es una escala. Escríbela como mínimo-máximo, p. ej. 1-5, 0-10, -3..3 o 0-100.",
    ),
    "scale.empty": (
        "The scale `{spec}` is empty: its low end must be below its high end.",
        "La escala `{spec}` está vacía: su extremo inferior debe ser menor que el superior.",
    ),
    "scale.label_twice": (
        "Label `{label}` names two points of the {scale} scale.",
        "La etiqueta `{label}` nombra dos puntos de la escala {scale}.",
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
    "cli.error": ("error: {error}", "error: {error}"),
    "cli.progress.reading": ("reading", "leyendo"),
    "cli.progress.mapping": ("mapping", "asignando"),
    "cli.progress.scoring": ("scoring", "puntuando"),
    "cli.progress.funnel": ("funnel and reach", "embudo y alcance"),
    # the command line's behaviour output
    "cli.events": ("Events: {n}", "Eventos: {n}"),
    "cli.users": ("Users: {n}", "Usuarios: {n}"),
    "cli.bad_rows": ("Bad rows (left out): {n}", "Filas erróneas (dejadas fuera): {n}"),
    "cli.bad_row": ("{problem}: {n} (e.g. rows {rows})", "{problem}: {n} (p. ej. filas {rows})"),
    "cli.funnel": (
        "Ordered funnel (conversion from the first step, 95% CI):",
        "Embudo ordenado (conversión desde el primer paso, IC del 95 %):",
    ),
    "cli.reach": ("Touchpoint reach:", "Alcance de cada punto de contacto:"),
    "cli.unmatched": (
        "Events matched to no touchpoint (add keywords to the journey to map them):",
        "Eventos sin punto de contacto (añade palabras clave al recorrido para asignarlos):",
    ),
    "cli.all_matched": (
        "Every event matches a touchpoint.",
        "Todos los eventos corresponden a un punto de contacto.",
    ),
    "cli.log_notes": ("How the log was read:", "Cómo se ha leído el registro:"),
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
        if isinstance(value, Message | Joined):
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


class Joined(str):
    """Texts joined by a separator, each (and the separator) rendered in the language around it.

    A list inside a message whose items are messages themselves (the reasons a log has no
    usable row) or whose separator is a word ("and").

    Examples
    --------
    >>> both = Joined([Message("language.en"), Message("language.es")], Message("word.and"))
    >>> both, both.render("es")
    ('English and Spanish', 'inglés y español')
    """

    items: tuple[Any, ...]
    separator: Any

    def __new__(cls, items: Sequence[Any], separator: Any = ", ") -> Joined:  # noqa: D102
        items = tuple(items)
        self = super().__new__(cls, str(separator).join(str(item) for item in items))
        self.items = items
        self.separator = separator
        return self

    def render(self, language: str = "en") -> str:
        """The items and the separator in ``language``."""
        return render(self.separator, language).join(render(i, language) for i in self.items)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Joined, (self.items, self.separator))


def message_of(exc: BaseException) -> object:
    """What ``exc`` says: its :class:`Message` when it carries one, else its text.

    To put an error inside another message (``Message("mapping.column_error", error=...)``)
    so that it renders in the language of the text around it.
    """
    if exc.args and isinstance(exc.args[0], Message | Joined):
        return exc.args[0]
    return str(exc)


def render(value: object, language: str = "en") -> str:
    """Any text in ``language``: a :class:`Message` rendered, anything else as ``str``.

    An exception whose message is a :class:`Message` is rendered too.
    """
    if isinstance(value, BaseException):
        value = message_of(value)
    if isinstance(value, Message | Joined):
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
