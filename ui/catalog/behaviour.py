"""Behaviour page strings (event logs mapped to the moments of truth)."""

STRINGS = {
    "behaviour.caption": (
        "What customers did, from the event log: how far they get along the journey, how long "
        "each step takes, when something breaks, and how it links to what they said.",
        "Lo que hicieron los clientes, según el registro de eventos: hasta dónde llegan en el "
        "recorrido, cuánto tarda cada paso, cuándo algo falla y cómo se relaciona con lo que "
        "dijeron.",
    ),
    "behaviour.too_many_periods": (
        "This view cannot be built for this log: {error}",
        "Esta vista no se puede construir para este registro: {error}",
    ),
    "behaviour.load_error": (
        "The event log cannot be used: {error}",
        "No se puede usar el registro de eventos: {error}",
    ),
    "behaviour.current": ("Event log: **{name}**", "Registro de eventos: **{name}**"),
    "behaviour.demo_log": ("demo shop log", "registro de la tienda de demostración"),
    "behaviour.sessions": ("Sessions", "Sesiones"),
    "behaviour.unmatched_events": ("Unmatched events", "Eventos sin asignar"),
    "behaviour.bad_rows": ("Rows left out", "Filas descartadas"),
    "behaviour.bad_rows_note": (
        "{n} rows of the log were left out (missing user id, unreadable time stamp or no event "
        "name). The Data page lists them by problem, with examples.",
        "Se descartaron {n} filas del registro (sin id de usuario, marca de tiempo ilegible o "
        "sin nombre de evento). La página Datos las enumera por problema, con ejemplos.",
    ),
    "behaviour.tab.funnel": ("Funnel", "Embudo"),
    "behaviour.tab.time": ("Time & retention", "Tiempos y retención"),
    "behaviour.tab.trend": ("Trend", "Tendencia"),
    "behaviour.tab.segments": ("Segments", "Segmentos"),
    "behaviour.tab.survey": ("Survey link", "Vínculo con la encuesta"),
    "behaviour.tab.rules": ("Event rules", "Reglas de eventos"),
    # funnel
    "behaviour.steps": ("Funnel steps", "Pasos del embudo"),
    "behaviour.steps_help": (
        "Touchpoints with event rules, in journey order. A user reaches a step when one of its "
        "events comes strictly after the event at which they reached the step before.",
        "Puntos de contacto con reglas de eventos, en el orden del recorrido. Un usuario llega "
        "a un paso cuando uno de sus eventos ocurre estrictamente después del evento con el que "
        "llegó al paso anterior.",
    ),
    "behaviour.window": ("Conversion window (days)", "Ventana de conversión (días)"),
    "behaviour.window_help": (
        "Count a step only when it is reached within this many days of the user's first step; "
        "0 means no limit.",
        "Contar un paso solo si se alcanza en estos días desde el primer paso del usuario; 0 "
        "significa sin límite.",
    ),
    "behaviour.two_steps": (
        "Choose at least two steps to draw a funnel.",
        "Elige al menos dos pasos para dibujar un embudo.",
    ),
    "behaviour.summary.start": (
        "Of {n} users who reached {first}, {share} went on to {last} in that order",
        "De {n} usuarios que llegaron a {first}, {share} siguieron hasta {last} en ese orden",
    ),
    "behaviour.summary.loss": (
        "; the largest loss is from {source} to {target}: {share} of users did not continue",
        "; la mayor pérdida es de {source} a {target}: {share} de los usuarios no siguió",
    ),
    "behaviour.summary.empty": (
        "No user reached {first}, the first step",
        "Ningún usuario llegó a {first}, el primer paso",
    ),
    "behaviour.reach_title": ("Reach per touchpoint", "Alcance por punto de contacto"),
    "behaviour.reach_caption": (
        "Users, sessions and events with at least one event of each touchpoint, in any order.",
        "Usuarios, sesiones y eventos con al menos un evento de cada punto de contacto, en "
        "cualquier orden.",
    ),
    "behaviour.bounce": ("Bounce rate at {touchpoint}", "Tasa de rebote en {touchpoint}"),
    "behaviour.bounce_help": (
        "95% CI {low} – {high} · {n} sessions",
        "IC 95 % {low} – {high} · {n} sesiones",
    ),
    "behaviour.time_by": (
        "Time between touchpoints by segment (a user's group is the one of their first event "
        "at the earlier touchpoint): median and quartiles.",
        "Tiempo entre puntos de contacto por segmento (el grupo de un usuario es el de su "
        "primer evento en el punto anterior): mediana y cuartiles.",
    ),
    "behaviour.bounce_by": (
        "Bounce rate at {touchpoint} by segment: sessions that never go beyond it.",
        "Tasa de rebote en {touchpoint} por segmento: sesiones que no pasan de ahí.",
    ),
    # time and retention
    "behaviour.time_caption": (
        "Time from the first event of one touchpoint to the first later event of the next, "
        "per user: median and interquartile range.",
        "Tiempo desde el primer evento de un punto de contacto hasta el primer evento posterior "
        "del siguiente, por usuario: mediana y rango intercuartílico.",
    ),
    "behaviour.no_pairs": (
        "No user goes from one touchpoint to the next, so there is no time to measure.",
        "Ningún usuario pasa de un punto de contacto al siguiente: no hay tiempo que medir.",
    ),
    "behaviour.minutes": ("{n} min", "{n} min"),
    "behaviour.hours": ("{n} h", "{n} h"),
    "behaviour.days": ("{n} days", "{n} días"),
    "behaviour.retention_title": (
        "Repeat purchase after the first purchase",
        "Recompra después de la primera compra",
    ),
    "behaviour.retention_caption": (
        "Share of buyers of each monthly cohort (month of first purchase) who buy again within "
        "30, 60 and 90 days. A censored cohort has not been observed that long yet: its rate "
        "is a floor.",
        "Proporción de compradores de cada cohorte mensual (mes de la primera compra) que "
        "vuelven a comprar en 30, 60 y 90 días. Una cohorte censurada aún no se ha observado "
        "tanto tiempo: su tasa es un mínimo.",
    ),
    "behaviour.no_purchases": (
        "The log has no purchase events, so there is no repeat purchase to measure.",
        "El registro no tiene eventos de compra: no hay recompra que medir.",
    ),
    # trend
    "behaviour.period": ("Period", "Periodo"),
    "behaviour.period.week": ("Week", "Semana"),
    "behaviour.period.day": ("Day", "Día"),
    "behaviour.period.month": ("Month", "Mes"),
    "behaviour.level": ("Show", "Mostrar"),
    "behaviour.level.touchpoint": ("Touchpoints", "Puntos de contacto"),
    "behaviour.level_help": (
        "A touchpoint adds up its events, so a dip in one event (deliveries) can hide behind a "
        "spike in another (support tickets): look at the events to find an incident.",
        "Un punto de contacto suma sus eventos, así que una caída en uno (entregas) puede "
        "quedar oculta tras un pico en otro (tickets de soporte): mira los eventos para "
        "encontrar un incidente.",
    ),
    "behaviour.trend_caption": (
        "Users per period at each touchpoint. A dip (red) is a period well below the usual "
        "level (dashed): more than two robust deviations below the median, or under half of "
        "it; a spike (green) is the same above it: more than two deviations above, or over "
        "twice the median. The log's first and last periods are partial and never judged.",
        "Usuarios por periodo en cada punto de contacto. Una caída (rojo) es un periodo muy por "
        "debajo del nivel habitual (discontinuo): más de dos desviaciones robustas bajo la "
        "mediana, o menos de la mitad; un pico (verde) es lo mismo por encima: más de dos "
        "desviaciones sobre la mediana, o más del doble. El primer y el último periodo del "
        "registro están incompletos y no se juzgan.",
    ),
    "behaviour.cohort_title.week": (
        "Conversion by week of entry",
        "Conversión por semana de entrada",
    ),
    "behaviour.cohort_title.day": ("Conversion by day of entry", "Conversión por día de entrada"),
    "behaviour.cohort_title.month": (
        "Conversion by month of entry",
        "Conversión por mes de entrada",
    ),
    "behaviour.cohort_caption": (
        "The funnel of the Funnel tab (its steps and conversion window), for the users who "
        "entered it in each period: the share who went on from the step before. A period "
        "whose share falls below the others is an incident at that step.",
        "El embudo de la pestaña Embudo (sus pasos y su ventana de conversión), para los "
        "usuarios que entraron en cada periodo: la proporción que siguió desde el paso "
        "anterior. Un periodo cuya proporción cae por debajo del resto es un incidente en ese "
        "paso.",
    ),
    "behaviour.no_dips": (
        "No dips or spikes: every touchpoint stays near its usual level.",
        "Sin caídas ni picos: cada punto de contacto se mantiene cerca de su nivel habitual.",
    ),
    "behaviour.dips": ("Dips, fewer users than usual:", "Caídas, menos usuarios de lo habitual:"),
    "behaviour.spikes": ("Spikes, more users than usual:", "Picos, más usuarios de lo habitual:"),
    "behaviour.flagged.week": (
        "**{touchpoint}**, week of {start}: {users} users, usually {baseline}",
        "**{touchpoint}**, semana del {start}: {users} usuarios, lo habitual es {baseline}",
    ),
    "behaviour.flagged.month": (
        "**{touchpoint}**, month of {start}: {users} users, usually {baseline}",
        "**{touchpoint}**, mes de {start}: {users} usuarios, lo habitual es {baseline}",
    ),
    "behaviour.flagged.day": (
        "**{touchpoint}**, {start}: {users} users, usually {baseline}",
        "**{touchpoint}**, {start}: {users} usuarios, lo habitual es {baseline}",
    ),
    "behaviour.hidden": (
        "Hidden in a touchpoint's total, one event falls while another rises:",
        "Ocultos en el total de un punto de contacto, un evento cae mientras otro sube:",
    ),
    "behaviour.hidden.week": (
        "**{touchpoint}**, week of {start}: {changes}",
        "**{touchpoint}**, semana del {start}: {changes}",
    ),
    "behaviour.hidden.month": (
        "**{touchpoint}**, month of {start}: {changes}",
        "**{touchpoint}**, mes de {start}: {changes}",
    ),
    "behaviour.hidden.day": (
        "**{touchpoint}**, {start}: {changes}",
        "**{touchpoint}**, {start}: {changes}",
    ),
    "behaviour.change.dip": (
        "**{event}** down to {users} users (usually {baseline})",
        "**{event}** baja a {users} usuarios (lo habitual es {baseline})",
    ),
    "behaviour.change.spike": (
        "**{event}** up to {users} users (usually {baseline})",
        "**{event}** sube a {users} usuarios (lo habitual es {baseline})",
    ),
    "behaviour.partial.week": (
        "The log's first and last weeks ({periods}) are partial: they are never called a dip "
        "or a spike.",
        "La primera y la última semana del registro ({periods}) están incompletas: nunca se "
        "las llama caída ni pico.",
    ),
    "behaviour.partial.month": (
        "The log's first and last months ({periods}) are partial: they are never called a dip "
        "or a spike.",
        "El primer y el último mes del registro ({periods}) están incompletos: nunca se los "
        "llama caída ni pico.",
    ),
    "behaviour.partial.day": (
        "The log's first and last days ({periods}) are partial: they are never called a dip "
        "or a spike.",
        "El primer y el último día del registro ({periods}) están incompletos: nunca se los "
        "llama caída ni pico.",
    ),
    # segments
    "behaviour.no_segments": (
        "The log has no property to split by (a text column such as device, channel or "
        "variant with 2 to 12 values).",
        "El registro no tiene ninguna propiedad para segmentar (una columna de texto como "
        "dispositivo, canal o variante con 2 a 12 valores).",
    ),
    "behaviour.compare_step": ("Compare conversion to", "Comparar la conversión a"),
    "behaviour.compare_step_help": (
        "Conversion from the step before, between every pair of groups: two-proportion z test, "
        "Holm correction.",
        "Conversión desde el paso anterior, entre cada par de grupos: prueba z de dos "
        "proporciones, corrección de Holm.",
    ),
    # survey link
    "behaviour.survey_caption": (
        "Respondents are found in the log by the survey column mapped as customer id.",
        "Las personas encuestadas se buscan en el registro por la columna de la encuesta "
        "asignada como id de cliente.",
    ),
    "behaviour.in_log": ("Found in the log", "Encontradas en el registro"),
    "behaviour.purchased": ("Purchased", "Compraron"),
    "behaviour.converted_step": ("Conversion means reaching", "Convertir es llegar a"),
    "behaviour.converted_step_help": (
        "A respondent converted when the log has this event for them; a repeat purchase (the "
        "default) is a second purchase or a repurchase event.",
        "Una persona encuestada convirtió cuando el registro tiene este evento suyo; una "
        "recompra (la opción por defecto) es una segunda compra o un evento de recompra.",
    ),
    "behaviour.repeat_purchase": ("a repeat purchase", "una recompra"),
    "behaviour.repurchased": ("Bought again", "Volvieron a comprar"),
    "behaviour.nobody_linked": (
        "No respondent's customer id appears in this event log: check that the survey and the "
        "log come from the same customers and that the right column is mapped as customer id.",
        "El id de cliente de ninguna persona encuestada aparece en este registro: comprueba que "
        "la encuesta y el registro son de los mismos clientes y que la columna correcta está "
        "asignada como id de cliente.",
    ),
    "behaviour.converters_title": (
        "Experienced utility: converters against the rest",
        "Utilidad vivida: quienes convierten frente al resto",
    ),
    "behaviour.conversion": ("conversion", "conversión"),
    "behaviour.group.converter": ("converters", "quienes convierten"),
    "behaviour.group.non_converter": ("the rest", "el resto"),
    "behaviour.group.repeat_buyer": ("repeat buyers", "quienes vuelven a comprar"),
    "behaviour.all_converted": (
        "Every linked respondent reached {event} ({n} of {n}): nobody is left to compare them "
        "with. Choose a later event, such as a repeat purchase or a review.",
        "Todas las personas vinculadas llegaron a {event} ({n} de {n}): no queda nadie con "
        "quien compararlas. Elige un evento posterior, como una recompra o una reseña.",
    ),
    "behaviour.none_converted": (
        "None of the {n} linked respondents reached {event}: there is nobody to compare. "
        "Choose an earlier event, such as purchase.",
        "Ninguna de las {n} personas vinculadas llegó a {event}: no hay a quién comparar. "
        "Elige un evento anterior, como purchase.",
    ),
    "behaviour.few_ratings": (
        "{k} of the {n} linked respondents reached {event}, but one of the two groups has too "
        "few experienced ratings at every touchpoint to compare them.",
        "{k} de las {n} personas vinculadas llegaron a {event}, pero uno de los dos grupos "
        "tiene demasiado pocas valoraciones vividas en cada punto de contacto para "
        "compararlos.",
    ),
    "behaviour.repurchase_title": (
        "Does experienced utility predict buying again?",
        "¿La utilidad vivida predice volver a comprar?",
    ),
    "behaviour.repurchase_caption": (
        "Repeat-purchase rate of respondents who rated the touchpoint in the top box against "
        "the rest (difference with 95% CI), and the logistic slope per 10 points of utility.",
        "Tasa de recompra de quienes valoraron el punto de contacto en la casilla superior "
        "frente al resto (diferencia con IC 95 %), y la pendiente logística por cada 10 puntos "
        "de utilidad.",
    ),
    "behaviour.no_model": (
        "Too few linked respondents rated the touchpoints to model repeat purchase.",
        "Muy pocas personas vinculadas valoraron los puntos de contacto para modelar la recompra.",
    ),
    "behaviour.pp": ("{value} pp", "{value} p. p."),
    # rules
    "behaviour.rules_caption": (
        "Each event whose name contains a keyword belongs to that touchpoint (the longest "
        "keyword wins; letter case and accents are ignored). A keyword written event@text "
        "(page_view@/product) takes the event only on pages whose address holds the text "
        "(| separates alternatives). Add, edit or delete rows, then apply. The rules are saved "
        "in the journey file.",
        "Cada evento cuyo nombre contiene una palabra clave pertenece a ese punto de contacto "
        "(gana la palabra más larga; no se distinguen mayúsculas ni tildes). Una palabra clave "
        "escrita evento@texto (page_view@/product) toma el evento solo en las páginas cuya "
        "dirección contiene el texto (| separa alternativas). Añade, edita o borra filas y "
        "aplica. Las reglas se guardan en el archivo del recorrido.",
    ),
    "behaviour.keyword_help": (
        "Part of an event name, e.g. checkout; several separated by commas.",
        "Parte del nombre de un evento, p. ej. checkout; varias separadas por comas.",
    ),
    "behaviour.apply_rules": ("Apply the rules", "Aplicar las reglas"),
    "behaviour.rules_error": (
        "The rules were not applied: {error}",
        "No se aplicaron las reglas: {error}",
    ),
    "behaviour.download_journey": (
        "Download the journey with its rules",
        "Descargar el recorrido con sus reglas",
    ),
    "behaviour.download_journey_help": (
        "Upload it on the Data page (Journey tab) to use these rules again.",
        "Súbelo en la página Datos (pestaña Recorrido) para volver a usar estas reglas.",
    ),
    "behaviour.unmatched_caption": (
        "Events that no rule maps to a touchpoint: they are left out of the funnel and the "
        "touchpoint metrics. Add a keyword if one of them belongs to a moment.",
        "Eventos que ninguna regla asigna a un punto de contacto: quedan fuera del embudo y de "
        "las métricas por punto de contacto. Añade una palabra clave si alguno pertenece a un "
        "momento.",
    ),
    "behaviour.all_matched": (
        "Every event maps to a touchpoint.",
        "Todos los eventos se asignan a un punto de contacto.",
    ),
    "behaviour.no_rules": (
        "No touchpoint has event rules yet: add keywords in the Event rules tab.",
        "Ningún punto de contacto tiene reglas de eventos: añade palabras clave en la pestaña "
        "Reglas de eventos.",
    ),
    "behaviour.nothing_reached": (
        "No event of the log matches a touchpoint's keywords: add keywords for the unmatched "
        "events in the Event rules tab.",
        "Ningún evento del registro coincide con las palabras clave de un punto de contacto: "
        "añade palabras clave para los eventos sin asignar en la pestaña Reglas de eventos.",
    ),
    # table columns
    "behaviour.col.entrants": ("Entered", "Entraron"),
    "behaviour.col.event": ("Event", "Evento"),
    "behaviour.col.count": ("Count", "Recuento"),
    "behaviour.col.keyword": ("Keyword", "Palabra clave"),
    "behaviour.col.from_previous": ("Conversion from previous", "Conversión desde el anterior"),
    "behaviour.col.from_start": ("Conversion from start", "Conversión desde el inicio"),
    "behaviour.col.drop_off": ("Drop-off", "Abandono"),
    "behaviour.col.from": ("From", "Desde"),
    "behaviour.col.to": ("To", "Hasta"),
    "behaviour.col.median": ("Median", "Mediana"),
    "behaviour.col.q1": ("1st quartile", "1.er cuartil"),
    "behaviour.col.q3": ("3rd quartile", "3.er cuartil"),
    "behaviour.col.cohort": ("Cohort", "Cohorte"),
    "behaviour.col.days": ("Within (days)", "En (días)"),
    "behaviour.col.rate": ("Rate", "Tasa"),
    "behaviour.col.censored": ("Censored", "Censurada"),
    "behaviour.col.bounced": ("Bounced", "Rebotaron"),
    "behaviour.col.p_a": ("Conversion A", "Conversión A"),
    "behaviour.col.p_b": ("Conversion B", "Conversión B"),
    "behaviour.col.difference": ("Difference", "Diferencia"),
    "behaviour.col.rate_top_box": ("Repurchase, top box", "Recompra, casilla superior"),
    "behaviour.col.rate_rest": ("Repurchase, the rest", "Recompra, el resto"),
    "behaviour.col.odds_ratio": ("Odds ratio per 10 points", "Razón de momios por 10 puntos"),
    "behaviour.col.slope_p": ("Slope p", "p de la pendiente"),
    "behaviour.repurchase_left_out": (
        "No model for {touchpoints}: no linked respondent rated them.",
        "Sin modelo para {touchpoints}: ninguna persona vinculada los valoró.",
    ),
}
