"""Gaps & priorities page strings (also used by the report's gaps section)."""

STRINGS = {
    "gaps.caption": (
        "What customers expect, what would be excellent and what they actually get at each "
        "moment of truth, and which moment to fix first.",
        "Lo que los clientes esperan, lo que sería excelente y lo que realmente reciben en cada "
        "momento de la verdad, y qué momento corregir primero.",
    ),
    "gaps.outcome": ("Outcome for derived importance", "Resultado para la importancia derivada"),
    "gaps.outcome_help": (
        "Used only where respondents did not rate importance: the touchpoint's share of what "
        "explains this outcome stands in for it.",
        "Solo se usa donde las personas no valoraron la importancia: la parte de este "
        "resultado que explica cada punto de contacto la sustituye.",
    ),
    # the six-step method
    "gaps.method": ("The six-step method", "El método de seis pasos"),
    "gaps.method_caption": (
        "Service excellence step by step: what this dataset already covers and what to do next.",
        "La excelencia en el servicio paso a paso: lo que ya cubren estos datos y qué hacer "
        "después.",
    ),
    "gaps.step.map": ("Define and map the moments of truth", "Definir y mapear los momentos"),
    "gaps.step.expect": (
        "Learn what customers expect",
        "Conocer lo que esperan los clientes",
    ),
    "gaps.step.excellent": ("Define what would be excellent", "Definir qué sería excelente"),
    "gaps.step.measure": (
        "Measure actual performance",
        "Medir el desempeño real",
    ),
    "gaps.step.analyse": ("Analyse the gaps", "Analizar las brechas"),
    "gaps.step.act": (
        "Take corrective action and measure again",
        "Corregir y volver a medir",
    ),
    "gaps.step.map.done": (
        "{n} touchpoints rated: {evidence}.",
        "{n} puntos de contacto valorados: {evidence}.",
    ),
    "gaps.step.map.missing": (
        "No touchpoint has ratings yet. Map rating columns to touchpoints on the Data page.",
        "Ningún punto de contacto tiene valoraciones. Asigna columnas de valoración en la "
        "página Datos.",
    ),
    "gaps.step.expect.done": (
        "Anticipated (expected) ratings are in the data.",
        "Los datos incluyen valoraciones anticipadas (esperadas).",
    ),
    "gaps.step.expect.missing": (
        "Ask what customers expect at each moment (e.g. a column `FMOT_anticipated`).",
        "Pregunta qué esperan los clientes en cada momento (p. ej. una columna `FMOT_anticipada`).",
    ),
    "gaps.step.excellent.done": (
        "Excellent (ideal) ratings are in the data.",
        "Los datos incluyen valoraciones de lo excelente (ideal).",
    ),
    "gaps.step.excellent.missing": (
        "Ask what would be excellent at each moment (e.g. a column `FMOT_excellent`), or "
        "work on it in a focus group.",
        "Pregunta qué sería excelente en cada momento (p. ej. una columna `FMOT_excelente`) "
        "o trabájalo en un grupo focal.",
    ),
    "gaps.step.measure.done": (
        "Experienced ratings measure actual performance.",
        "Las valoraciones vividas miden el desempeño real.",
    ),
    "gaps.step.measure.missing": (
        "Measure how each moment is actually experienced (e.g. a column `FMOT_experienced`).",
        "Mide cómo se vive realmente cada momento (p. ej. una columna `FMOT_vivida`).",
    ),
    "gaps.step.analyse.done": (
        "Gaps computed; the largest shortfall is at {evidence}.",
        "Brechas calculadas; la mayor carencia está en {evidence}.",
    ),
    "gaps.step.analyse.missing": (
        "Needs experienced ratings and expected or excellent ratings.",
        "Hacen falta valoraciones vividas y esperadas o excelentes.",
    ),
    "gaps.step.act.next": (
        "Next: improve {evidence} first, then survey again and compare the new gaps.",
        "Siguiente: mejora primero {evidence}; después vuelve a encuestar y compara las "
        "nuevas brechas.",
    ),
    "gaps.step.act.missing": (
        "Priorities need importance ratings, or an outcome such as likelihood to recommend.",
        "Las prioridades necesitan valoraciones de importancia o un resultado como la "
        "probabilidad de recomendar.",
    ),
    # gaps
    "gaps.levels": ("Expected, excellent and actual", "Esperado, excelente y real"),
    "gaps.levels_caption": (
        "Mean ratings on 0–100. A gap is actual minus the target: negative means the moment "
        "falls short.",
        "Valoraciones medias de 0 a 100. Una brecha es lo real menos el objetivo: si es "
        "negativa, el momento se queda corto.",
    ),
    "gaps.col.n_actual": ("n (actual)", "n (real)"),
    # how each gap is tested
    "gaps.tests": ("How sure each gap is", "Qué seguridad tiene cada brecha"),
    "gaps.tests_caption": (
        "Each gap is the difference of the two means above, over all ratings of each side. "
        "Its test depends on who rated both: a paired t-test when everyone did, Welch's "
        "t-test when nobody did, and in between the partially overlapping samples t-test "
        "(Derrick, Russ, Toher & White, 2017), which uses every rating. Every touchpoint is a "
        "test of its own, so p is also adjusted across touchpoints (Holm): read a gap as real "
        "when its adjusted p is below 0.05. The 95% intervals on the chart are each "
        "touchpoint's own.",
        "Cada brecha es la diferencia de las dos medias de arriba, con todas las valoraciones "
        "de cada lado. Su prueba depende de quién valoró ambos: una prueba t emparejada si "
        "lo hicieron todos, la t de Welch si no lo hizo nadie y, entre medias, la prueba t "
        "de muestras parcialmente solapadas (Derrick, Russ, Toher y White, 2017), que usa "
        "todas las valoraciones. Cada punto de contacto es una prueba distinta, así que el p "
        "también se ajusta entre puntos de contacto (Holm): da una brecha por real cuando su "
        "p ajustado es menor que 0,05. Los intervalos del 95 % del gráfico son los de cada "
        "punto de contacto.",
    ),
    "gaps.col.method.expected": ("Test (to expected)", "Prueba (con lo esperado)"),
    "gaps.col.p.expected": ("p (to expected)", "p (con lo esperado)"),
    "gaps.col.p_adjusted.expected": (
        "Adjusted p (to expected)",
        "p ajustado (con lo esperado)",
    ),
    "gaps.col.n_paired.expected": ("Rated both (expected)", "Valoraron ambos (esperado)"),
    "gaps.col.method.excellent": ("Test (to excellent)", "Prueba (con lo excelente)"),
    "gaps.col.p.excellent": ("p (to excellent)", "p (con lo excelente)"),
    "gaps.col.p_adjusted.excellent": (
        "Adjusted p (to excellent)",
        "p ajustado (con lo excelente)",
    ),
    "gaps.col.n_paired.excellent": ("Rated both (excellent)", "Valoraron ambos (excelente)"),
    "gaps.test.paired": ("paired t-test", "prueba t emparejada"),
    "gaps.test.partially_overlapping": (
        "partially overlapping t-test",
        "prueba t parcialmente solapada",
    ),
    "gaps.test.welch": ("Welch t-test", "prueba t de Welch"),
    "gaps.test.none": ("no gap", "sin brecha"),
    # importance–performance
    "gaps.grid": ("Importance–performance grid", "Matriz importancia–desempeño"),
    "gaps.grid_caption": (
        "Each moment placed by how much it matters and how well it performs. Performance is "
        "split at its mean; stated importance (0–100) at its mean; importance derived from the "
        "outcome (a share of R²) at an equal share, 100 ÷ the number of moments. The two kinds "
        "of importance are never averaged together. Concentrate on important moments that "
        "perform below average.",
        "Cada momento según lo que importa y lo bien que funciona. El desempeño se divide en su "
        "media; la importancia declarada (0–100), en su media; la importancia derivada del "
        "resultado (una parte del R²), en una parte igual, 100 ÷ el número de momentos. Los dos "
        "tipos de importancia nunca se promedian juntos. Concéntrate en los momentos "
        "importantes con desempeño por debajo de la media.",
    ),
    "gaps.col.performance": ("Performance", "Desempeño"),
    "gaps.source.stated": ("stated", "declarada"),
    "gaps.source.derived": ("derived", "derivada"),
    # priorities
    "gaps.priorities": ("What to fix first", "Qué corregir primero"),
    "gaps.rule.to_excellent": (
        "Priority = importance (0–100, {source}) ÷ 100 × how far actual performance falls "
        "short of excellent.",
        "Prioridad = importancia (0–100, {source}) ÷ 100 × cuánto se queda el desempeño real "
        "por debajo de lo excelente.",
    ),
    "gaps.rule.to_expected": (
        "Priority = importance (0–100, {source}) ÷ 100 × how far actual performance falls "
        "short of what customers expected (no excellent ratings there).",
        "Prioridad = importancia (0–100, {source}) ÷ 100 × cuánto se queda el desempeño real "
        "por debajo de lo esperado (sin valoraciones de lo excelente).",
    ),
    "gaps.rule.applies_to": ("Applies to: {touchpoints}.", "Se aplica a: {touchpoints}."),
    "gaps.rule.source.stated": ("stated by respondents", "declarada por las personas"),
    "gaps.rule.source.derived": (
        "derived from what drives the outcome",
        "derivada de lo que impulsa el resultado",
    ),
    "gaps.rule.source.mixed": (
        "stated where rated, otherwise derived",
        "declarada donde se valoró, si no derivada",
    ),
    "gaps.rule.top": (
        "Rank 1 is the most urgent: {touchpoint}, importance {importance}, {gap} points "
        "against its target → priority {priority}.",
        "El puesto 1 es el más urgente: {touchpoint}, importancia {importance}, {gap} puntos "
        "frente a su objetivo → prioridad {priority}.",
    ),
    "gaps.rule.none": (
        "No touchpoint has a target to compare with, so nothing can be ranked.",
        "Ningún punto de contacto tiene un objetivo con el que comparar; no se puede ordenar.",
    ),
    "gaps.col.gap": ("Gap to target", "Brecha con el objetivo"),
    "gaps.col.priority": ("Priority", "Prioridad"),
}
