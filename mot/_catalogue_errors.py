"""Texts of the EN/ES catalogue: what cannot be read or used, what an analysis lacks, the CLI.

Files that cannot be read, the mapping and journey files, a journey, a mapping or a scale
that cannot be used, what an analysis lacks, the command line's output.

Part of the catalogue :mod:`mot.messages`, which joins the parts and renders them: read
the texts from there (``mot.messages.ENTRIES``, ``mot.messages.TEXTS``).
"""

from __future__ import annotations

ERRORS: dict[str, tuple[str, str]] = {
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
        "NPS: {score:.1f} (95% CI {low:.1f} to {high:.1f}, {method}, n = {n})",
        "NPS: {score:.1f} (IC del 95 % de {low:.1f} a {high:.1f}, {method}, n = {n})",
    ),
    "cli.nps_no_interval": (
        "NPS: {score:.1f} (no interval: too few answers, n = {n}; an interval needs {min_n})",
        "NPS: {score:.1f} (sin intervalo: demasiado pocas respuestas, n = {n}; un intervalo "
        "necesita {min_n})",
    ),
    "cli.nps_method.adjusted_wald": ("adjusted Wald", "Wald ajustado"),
    "cli.nps_method.wald": ("Wald", "Wald"),
    "cli.gaps": (
        "Gaps (actual − target; p adjusted across touchpoints, Holm; the test: paired, "
        "partially overlapping or Welch):",
        "Brechas (real − objetivo; p ajustado entre puntos de contacto, Holm; la prueba: "
        "emparejada, parcialmente solapada o de Welch):",
    ),
    "cli.verdict": ("Peak-end verdict: {verdict}", "Veredicto pico-final: {verdict}"),
    "cli.peak_end_sample": (
        "Compared: {n} respondents with a complete curve and the remembered rating; left out: "
        "{no_curve} without a curve, {no_outcome} without the remembered rating, {incomplete} "
        "with an incomplete curve",
        "Comparadas: {n} personas con la curva completa y la valoración recordada; fuera: "
        "{no_curve} sin curva, {no_outcome} sin valoración recordada, {incomplete} con la "
        "curva incompleta",
    ),
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
