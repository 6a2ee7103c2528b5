"""The validation entries of the EN/ES catalogue: code → problem and fix in both languages.

Part of the catalogue :mod:`mot.messages`, which joins the parts and renders them: read
the texts from there (``mot.messages.ENTRIES``, ``mot.messages.TEXTS``).
"""

from __future__ import annotations

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
    "rating.repeated": (
        "Respondent `{id}` already has a rating of `{measure}` at `{touchpoint}` (first at "
        "row {first}): this row is left out.",
        "La persona `{id}` ya tiene una valoración de `{measure}` en `{touchpoint}` (la primera "
        "en la fila {first}): esta fila se deja fuera.",
        "Keep one rating per respondent, touchpoint and measure: remove the repeated row or "
        "correct its touchpoint or measure. The first rating is the one analysed; no analysis "
        "averages repeated ratings.",
        "Deja una valoración por persona, punto de contacto y medida: borra la fila repetida o "
        "corrige su punto de contacto o su medida. Se analiza la primera valoración; ningún "
        "análisis promedia valoraciones repetidas.",
    ),
    "rating.repeated_column": (
        "Respondent `{id}` already has a rating of `{measure}` at `{touchpoint}` in column "
        "`{first}`: this cell is left out.",
        "La persona `{id}` ya tiene una valoración de `{measure}` en `{touchpoint}` en la "
        "columna `{first}`: esta celda se deja fuera.",
        "Two columns are mapped to `{measure}` at `{touchpoint}`: map this one to its own "
        "touchpoint and measure, or to ignore, on the Data page or in --mapping. A respondent "
        "who left the first column empty keeps this one's rating; no analysis averages "
        "repeated ratings.",
        "Hay dos columnas asignadas a `{measure}` en `{touchpoint}`: asigna esta a su propio "
        "punto de contacto y medida, o a ignorar, en la página Datos o en --mapping. Quien dejó "
        "vacía la primera columna conserva la valoración de esta; ningún análisis promedia "
        "valoraciones repetidas.",
    ),
    "outcome.repeated": (
        "Respondent `{id}` already has an answer for `{measure}` (first at row {first}): this "
        "row is left out.",
        "La persona `{id}` ya tiene una respuesta de `{measure}` (la primera en la fila "
        "{first}): esta fila se deja fuera.",
        "Keep one answer per respondent for each outcome: remove the repeated row. The first "
        "answer is the one analysed.",
        "Deja una respuesta por persona para cada resultado: borra la fila repetida. Se "
        "analiza la primera respuesta.",
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
    "rating.repeated": (
        "{n} more repeated `{measure}` ratings were left out (rows {rows}).",
        "Se han dejado fuera {n} valoraciones repetidas más de `{measure}` (filas {rows}).",
    ),
    "rating.repeated_column": (
        "{n} more `{measure}` ratings at `{touchpoint}` already in an earlier column were left "
        "out (rows {rows}).",
        "Se han dejado fuera {n} valoraciones más de `{measure}` en `{touchpoint}` que ya "
        "estaban en una columna anterior (filas {rows}).",
    ),
    "outcome.repeated": (
        "{n} more repeated `{measure}` answers were left out (rows {rows}).",
        "Se han dejado fuera {n} respuestas repetidas más de `{measure}` (filas {rows}).",
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
