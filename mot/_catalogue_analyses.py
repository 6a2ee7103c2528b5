"""Texts of the EN/ES catalogue: arguments, analyses, charts, exports, behaviour metrics.

The library's arguments, the tables an analysis reads, the analyses, charts, exports, the
behaviour metrics and their queries.

Part of the catalogue :mod:`mot.messages`, which joins the parts and renders them: read
the texts from there (``mot.messages.ENTRIES``, ``mot.messages.TEXTS``).
"""

from __future__ import annotations

ANALYSES: dict[str, tuple[str, str]] = {
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
    "ratings.repeated": (
        "Respondent `{id}` has {n} `{measure}` ratings at touchpoint `{touchpoint}` (rows "
        "{rows} of the ratings table, counted from 0 as `ratings.iloc` does; {cells} "
        "respondent × touchpoint × measure cell(s) are rated more than once in all). Each "
        "analysis needs one rating per respondent, touchpoint and measure, and none averages "
        "or picks one silently: keep the first with "
        "`ratings.drop_duplicates(['respondent_id', 'touchpoint', 'measure'])` or average them "
        "yourself, then run it again. A survey loaded with `mot.survey` keeps the first already "
        "and names the others in its validation report.",
        "La persona `{id}` tiene {n} valoraciones de `{measure}` en el punto de contacto "
        "`{touchpoint}` (filas {rows} de la tabla de valoraciones, contadas desde 0 como hace "
        "`ratings.iloc`; en total hay {cells} celda(s) persona × punto de contacto × medida "
        "valoradas más de una vez). Cada análisis necesita una valoración por persona, punto de "
        "contacto y medida, y ninguno las promedia ni elige una sin decirlo: quédate con la "
        "primera con `ratings.drop_duplicates(['respondent_id', 'touchpoint', 'measure'])` o "
        "promédialas tú, y vuelve a ejecutarlo. Una encuesta cargada con `mot.survey` ya se "
        "queda con la primera y nombra las demás en su informe de validación.",
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
    "wom.min_n": (
        "`min_n` is the fewest answers for an NPS interval, a whole number ≥ 2 (the default is "
        "{default}); got {min_n!r}.",
        "`min_n` es el mínimo de respuestas para un intervalo del NPS, un número entero ≥ 2 (el "
        "valor por defecto es {default}); se ha recibido {min_n!r}.",
    ),
    "drivers.no_drivers": (
        "The driver table is empty: pass the table that `driver_importance` returns.",
        "La tabla de impulsores está vacía: pasa la tabla que devuelve `driver_importance`.",
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
    "drivers.too_few_rows": (
        "Relative importance over {predictors} predictors needs at least {needed} rows with "
        "every predictor and the outcome; there are {n} ({excluded} left out for a missing or "
        "non-numeric value). Use fewer predictors or more complete rows.",
        "La importancia relativa sobre {predictors} predictores necesita al menos {needed} "
        "filas con todos los predictores y el resultado; hay {n} ({excluded} dejadas fuera por "
        "un valor vacío o no numérico). Usa menos predictores o más filas completas.",
    ),
    "drivers.constant_columns": (
        "Relative importance needs columns that vary, but every complete row has the same "
        "value in: {columns}. Leave such a column out.",
        "La importancia relativa necesita columnas que varíen, pero todas las filas completas "
        "tienen el mismo valor en: {columns}. Deja fuera esa columna.",
    ),
    "drivers.dominance_limit": (
        "Dominance analysis fits a regression on every subset of the predictors: {p} "
        "predictors would be {models} models, and it takes at most {limit} ({limit_models} "
        "models). Use method='relative_weights', which divides R² the same way in one step, "
        "or analyse fewer predictors.",
        "El análisis de dominancia ajusta una regresión para cada subconjunto de los "
        "predictores: {p} predictores serían {models} modelos, y admite como mucho {limit} "
        "({limit_models} modelos). Usa method='relative_weights', que reparte el R² de la misma "
        "manera en un solo paso, o analiza menos predictores.",
    ),
    "drivers.no_predictors": (
        "`predictors` is the list of predictor columns, such as ['price', 'delivery']; got "
        "{given}.",
        "`predictors` es la lista de columnas predictoras, como ['price', 'delivery']; se ha "
        "recibido {given}.",
    ),
    "drivers.no_column": (
        "The table has no column {missing}. Its columns are: {columns}.",
        "La tabla no tiene ninguna columna {missing}. Sus columnas son: {columns}.",
    ),
    "drivers.repeated_predictor": (
        "Each predictor is named once; repeated: {columns}.",
        "Cada predictor se nombra una sola vez; repetidos: {columns}.",
    ),
    "drivers.outcome_is_predictor": (
        "The outcome `{outcome}` is also listed as a predictor; a column cannot explain "
        "itself. Leave it out of `predictors`.",
        "El resultado `{outcome}` figura también como predictor; una columna no puede "
        "explicarse a sí misma. Quítalo de `predictors`.",
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
    "ttest.not_numbers": (
        "The two samples must be numbers (NaN where a respondent did not answer).",
        "Las dos muestras deben ser números (NaN donde una persona no respondió).",
    ),
    "ttest.lengths": (
        "The two samples are aligned by respondent and must have the same length; got {n_a} "
        "and {n_b} values. Put NaN where a respondent answered only one of them.",
        "Las dos muestras van alineadas por persona y deben tener la misma longitud; se han "
        "recibido {n_a} y {n_b} valores. Pon NaN donde una persona respondió solo una de ellas.",
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
    "summary.columns": (
        "touchpoint_facts needs the table {table} as {source} returns it; missing: {missing}. "
        "Pass that table unchanged (without `by`).",
        "touchpoint_facts necesita la tabla {table} tal como la devuelve {source}; faltan: "
        "{missing}. Pasa esa tabla sin cambios (sin `by`).",
    ),
    "charts.highlight_with_by": (
        "emotion_curve_chart highlights a touchpoint on a single curve: pass `highlight=` "
        "without `by`.",
        "emotion_curve_chart resalta un punto de contacto en una sola curva: pasa "
        "`highlight=` sin `by`.",
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
    "export.pdf_no_font": (
        "No font for the PDF was found on this server. Install DejaVu Sans (Debian/Ubuntu: "
        "`apt-get install fonts-dejavu-core`) or set MOT_PDF_FONT to a .ttf file.",
        "No se ha encontrado una fuente para el PDF en este servidor. Instale DejaVu Sans "
        "(Debian/Ubuntu: `apt-get install fonts-dejavu-core`) o indique un archivo .ttf en "
        "MOT_PDF_FONT.",
    ),
    "export.pdf_font_missing": (
        "MOT_PDF_FONT names the font {path}, which is not on this server: give the full path "
        "of a .ttf file, or unset it to use DejaVu Sans.",
        "MOT_PDF_FONT indica la fuente {path}, que no está en este servidor: indique la ruta "
        "completa de un archivo .ttf, o quítela para usar DejaVu Sans.",
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
}
