"""Report page strings, and the texts of the downloadable report."""

STRINGS = {
    "report.caption": (
        "One self-contained report of the current dataset, as HTML (it opens offline) or PDF, "
        "every chart as an image and every table as a spreadsheet.",
        "Un informe autónomo del conjunto de datos actual, en HTML (se abre sin conexión) o "
        "PDF, cada gráfico como imagen y cada tabla como hoja de cálculo.",
    ),
    "report.build": ("Build report", "Generar informe"),
    "report.building": (
        "Building the report: running every analysis and drawing every chart…",
        "Generando el informe: se ejecutan todos los análisis y se dibujan todos los gráficos…",
    ),
    "report.not_built": (
        "Press “Build report” to make the report of the current dataset, in the current language.",
        "Pulsa «Generar informe» para crear el informe del conjunto de datos actual, en el "
        "idioma actual.",
    ),
    "report.stale": (
        "The data, the filter or the language changed since this report was built. Build it "
        "again to include the changes; the downloads below are the earlier report.",
        "Los datos, el filtro o el idioma han cambiado desde que se generó este informe. "
        "Vuelve a generarlo para incluir los cambios; las descargas de abajo son del informe "
        "anterior.",
    ),
    "report.ready": (
        "Report ready: {sections} sections, {charts} charts, {tables} tables.",
        "Informe listo: {sections} secciones, {charts} gráficos, {tables} tablas.",
    ),
    "report.missing_sections": (
        "Some sections only say what is missing: {sections}.",
        "Algunas secciones solo indican lo que falta: {sections}.",
    ),
    "report.download_html": ("Download the HTML report", "Descargar el informe HTML"),
    "report.download.pdf": ("Download the PDF report", "Descargar el informe PDF"),
    "report.download_help.pdf": (
        "The same report laid out for A4 paper, drawn when you press the button (a few seconds).",
        "El mismo informe maquetado en A4, que se dibuja al pulsar el botón (unos segundos).",
    ),
    "report.pdf_unavailable": (
        "The PDF report is not available on this server. {reason}",
        "El informe PDF no está disponible en este servidor. {reason}",
    ),
    "report.charts": ("Charts", "Gráficos"),
    "report.chart": ("Chart", "Gráfico"),
    "report.download_png": ("Download PNG", "Descargar PNG"),
    "report.download_svg": ("Download SVG", "Descargar SVG"),
    "report.tables": ("Tables", "Tablas"),
    "report.tables_caption": (
        "Every column, unrounded, as the analyses return them (column names are the same in "
        "both languages).",
        "Todas las columnas, sin redondear, tal como las devuelven los análisis (los nombres "
        "de columna son los mismos en ambos idiomas).",
    ),
    "report.download_excel": (
        "Download every table (Excel)",
        "Descargar todas las tablas (Excel)",
    ),
    "report.download.zip": (
        "Download everything (zip)",
        "Descargarlo todo (zip)",
    ),
    "report.download_help.zip": (
        "The HTML and PDF report, every chart as PNG and every table as CSV, named in the "
        "report's language.",
        "El informe HTML y PDF, cada gráfico en PNG y cada tabla en CSV, con nombres en el "
        "idioma del informe.",
    ),
    "report.contents": ("In the report", "En el informe"),
    # the document
    "report.doc_title": ("Moments of Truth report", "Informe de Momentos de la Verdad"),
    "report.doc_subtitle": ("{dataset} · {n} respondents", "{dataset} · {n} personas"),
    "report.demo_name": ("Demo survey", "Encuesta de demostración"),
    "report.scope_all": ("All respondents (no filter)", "Todas las personas (sin filtro)"),
    "report.scope_kept": ("Filter: {segment} = {values}", "Filtro: {segment} = {values}"),
    "report.section_missing": (
        "This section needs data the dataset does not have. {error}",
        "Esta sección necesita información que el conjunto de datos no tiene. {error}",
    ),
    "report.validation.text": (
        "Reading the file found {errors} error(s) and {warnings} warning(s). An error means "
        "something was left out of the analysis; a warning, that data was kept with an "
        "assumption. Rows are numbered as in the file.",
        "Al leer el archivo se han encontrado {errors} error(es) y {warnings} aviso(s). Un "
        "error significa que algo quedó fuera del análisis; un aviso, que los datos se "
        "conservaron con una suposición. Las filas se numeran como en el archivo.",
    ),
    "report.behaviour.text": (
        "Event log: {log}. {events} events of {users} users; {unmatched} events match no rule "
        "and are left out.",
        "Registro de eventos: {log}. {events} eventos de {users} usuarios; {unmatched} eventos "
        "no coinciden con ninguna regla y quedan fuera.",
    ),
    "report.behaviour.no_funnel": (
        "Fewer than two touchpoints have events, so there is no funnel or trend to show.",
        "Menos de dos puntos de contacto tienen eventos: no hay embudo ni tendencia que mostrar.",
    ),
    "report.behaviour.trend": (
        "Users per week at each touchpoint, with its usual level (the median week).",
        "Usuarios por semana en cada punto de contacto, con su nivel habitual (la semana mediana).",
    ),
    "report.behaviour.unusual": (
        "Unusual weeks (users far below or above the usual level):",
        "Semanas inusuales (usuarios muy por debajo o por encima de lo habitual):",
    ),
    "report.behaviour.no_unusual": (
        "No unusual week: every touchpoint stays near its usual level.",
        "Ninguna semana inusual: cada punto de contacto se mantiene cerca de su nivel habitual.",
    ),
    "report.behaviour.dip": (
        "{touchpoint}, week of {start}: {users} users, usually {baseline} (a dip)",
        "{touchpoint}, semana del {start}: {users} usuarios, lo habitual es {baseline} (una caída)",
    ),
    "report.behaviour.spike": (
        "{touchpoint}, week of {start}: {users} users, usually {baseline} (a spike)",
        "{touchpoint}, semana del {start}: {users} usuarios, lo habitual es {baseline} (un pico)",
    ),
    "report.overview.respondents": ("{n} respondents.", "{n} personas encuestadas."),
    "report.overview.nps": (
        "Net Promoter Score {score} (95% CI {low} to {high}, {method}).",
        "Net Promoter Score {score} (IC 95 % de {low} a {high}, {method}).",
    ),
    "report.overview.nps_no_interval": (
        "Net Promoter Score {score} (no interval: fewer than {min_n} answers).",
        "Net Promoter Score {score} (sin intervalo: menos de {min_n} respuestas).",
    ),
    "report.overview.best_worst": (
        "Best moment: {best} (experienced {best_mean} / 100). Worst moment: {worst} "
        "({worst_mean} / 100).",
        "Mejor momento: {best} (vivida {best_mean} / 100). Peor momento: {worst} "
        "({worst_mean} / 100).",
    ),
    "report.overview.gap.to_expected": (
        "Biggest gap: {touchpoint}, {gap} points below what customers expected.",
        "Mayor brecha: {touchpoint}, {gap} puntos por debajo de lo esperado.",
    ),
    "report.overview.gap.to_excellent": (
        "Biggest gap: {touchpoint}, {gap} points below excellent.",
        "Mayor brecha: {touchpoint}, {gap} puntos por debajo de lo excelente.",
    ),
    "report.overview.peak": (
        "Emotional peak: {peak}; trough: {trough}.",
        "Pico emocional: {peak}; valle: {trough}.",
    ),
    "report.utilities.text": (
        "Anticipated, experienced and remembered utility per touchpoint (0–100, with 95% "
        "intervals).",
        "Utilidad anticipada, vivida y recordada por punto de contacto (0–100, con intervalos "
        "del 95 %).",
    ),
    "report.utilities.shift": (
        "Largest change from {comparison}: {touchpoint}, {diff} points.",
        "Mayor cambio en {comparison}: {touchpoint}, {diff} puntos.",
    ),
    "report.emotion.text": (
        "Mean emotion at each touchpoint in journey order (−100 to +100), with its peaks and "
        "troughs.",
        "Emoción media en cada punto de contacto en orden del recorrido (−100 a +100), con sus "
        "picos y valles.",
    ),
    "report.memory.text": (
        "How well each summary of the emotion curve predicts the remembered rating "
        "(correlation r, n = {n} complete curves).",
        "Qué tan bien predice la valoración recordada cada resumen de la curva emocional "
        "(correlación r, n = {n} curvas completas).",
    ),
    "report.memory.verdict.peak_end": (
        "The peak-end average predicts memory better than the plain average (r {r_pe} vs "
        "{r_mean}, {p}): protect the most intense moment and the end.",
        "La media de pico y final predice el recuerdo mejor que la media simple (r {r_pe} "
        "frente a {r_mean}, {p}): cuida el momento más intenso y el final.",
    ),
    "report.memory.verdict.mean": (
        "The plain average predicts memory better than the peak-end average (r {r_mean} vs "
        "{r_pe}, {p}).",
        "La media simple predice el recuerdo mejor que la media de pico y final (r {r_mean} "
        "frente a {r_pe}, {p}).",
    ),
    "report.memory.verdict.no_difference": (
        "Peak-end and plain averages predict memory about equally well (r {r_pe} vs {r_mean}, "
        "{p}).",
        "La media de pico y final y la media simple predicen el recuerdo de forma parecida "
        "(r {r_pe} frente a {r_mean}, {p}).",
    ),
    "report.drivers.outcome": (
        "Driver importance for {outcome}.",
        "Importancia de los impulsores para {outcome}.",
    ),
    "report.drivers.comparison": ("Comparison by {segment}: ", "Comparación por {segment}: "),
    # chart and table names (downloads and captions)
    "report.name.nps": ("Net Promoter Score", "Net Promoter Score"),
    "report.name.shifts": ("Utility shifts", "Cambios de utilidad"),
    "report.name.emotion_curve": ("Emotion curve", "Curva emocional"),
    "report.name.extremes": ("Peaks and troughs", "Picos y valles"),
    "report.name.peak_end": ("Peak-end rule", "Regla pico-final"),
    "report.name.memory_scatter": ("Remembered vs peak-end", "Recuerdo frente a pico-final"),
    "report.name.gaps": ("Gaps", "Brechas"),
    "report.name.importance_performance": (
        "Importance–performance",
        "Importancia–desempeño",
    ),
    "report.name.priorities": ("Priorities", "Prioridades"),
    "report.name.method": ("Six-step method", "Método de seis pasos"),
    "report.name.drivers": ("Drivers", "Impulsores"),
    "report.name.nps_by": ("NPS by segment", "NPS por segmento"),
    "report.name.trend": ("Users per week", "Usuarios por semana"),
    "report.col.detail": ("What the data says", "Qué dicen los datos"),
    "report.col.predictor": ("Predictor", "Predictor"),
    "report.kind.peak": ("peak", "pico"),
    "report.kind.trough": ("trough", "valle"),
    "report.status.done": ("done", "hecho"),
    "report.status.missing": ("missing", "falta"),
    "report.status.next": ("next", "siguiente"),
}
