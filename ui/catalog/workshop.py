"""Workshop strings: a live room (the facilitator's page and the projector's view)."""

STRINGS = {
    "nav.workshop": ("Workshop", "Taller"),
    "workshop.caption": (
        "Run the six-step method live: open a room, show its code, and the participants rate "
        "each moment from their phones. Their answers appear here as they come in.",
        "Aplica el método de seis pasos en directo: abre una sala, muestra su código y quienes "
        "participan puntúan cada momento desde su teléfono. Sus respuestas aparecen aquí al "
        "momento.",
    ),
    "workshop.open_title": ("Open a room", "Abrir una sala"),
    "workshop.name": ("Name of the room", "Nombre de la sala"),
    "workshop.scale": ("Rating scale", "Escala de puntuación"),
    "workshop.step": ("One touchpoint at a time", "Un punto de contacto cada vez"),
    "workshop.step_help": (
        "Participants see only the touchpoint you open; opening the next one closes the "
        "previous one. Off: every touchpoint is open from the start.",
        "Quienes participan ven solo el punto de contacto que abras; abrir el siguiente "
        "cierra el anterior. Desactivado: todos están abiertos desde el principio.",
    ),
    "workshop.open": ("Open the room", "Abrir la sala"),
    "workshop.take_over_title": (
        "Run a room opened elsewhere",
        "Dirigir una sala abierta en otro sitio",
    ),
    "workshop.take_over_caption": (
        "A room opened on another device or with `python -m mot room open`: its code and the "
        "facilitator key printed when it was opened.",
        "Una sala abierta en otro dispositivo o con `python -m mot room open`: su código y la "
        "clave de quien dirige que se mostró al abrirla.",
    ),
    "workshop.code": ("Room code", "Código de la sala"),
    "workshop.key": ("Facilitator key", "Clave de quien dirige"),
    "workshop.take_over": ("Run this room", "Dirigir esta sala"),
    "workshop.join_at": (
        "Join on your phone with the code",
        "Entra desde tu teléfono con el código",
    ),
    "workshop.scan": ("Scan to join", "Escanea para entrar"),
    "workshop.local_only": (
        "Phones cannot open this address: it names this computer only. Start the dashboard "
        "with `make run ADDRESS=0.0.0.0` and open it through this computer's network address, "
        "or set MOT_PUBLIC_URL to the address phones use.",
        "Los teléfonos no pueden abrir esta dirección: solo vale en este ordenador. Arranca el "
        "panel con `make run ADDRESS=0.0.0.0` y ábrelo con la dirección de red de este "
        "ordenador, o define MOT_PUBLIC_URL con la dirección que usan los teléfonos.",
    ),
    "workshop.ended": (
        "This room has ended: phones can no longer answer. Its answers are below.",
        "Esta sala ha terminado: los teléfonos ya no pueden responder. Sus respuestas están abajo.",
    ),
    "workshop.key_note": (
        "Facilitator key (to run this room from another device; keep it private)",
        "Clave de quien dirige (para dirigir esta sala desde otro dispositivo; no la compartas)",
    ),
    "workshop.controls": ("Facilitator controls", "Controles de quien dirige"),
    "workshop.hide_results": ("Hide results until revealed", "Ocultar resultados hasta mostrarlos"),
    "workshop.lock": ("Lock joining", "Cerrar la entrada"),
    "workshop.open_now": ("Open now", "Abierto ahora"),
    "workshop.open_caption": (
        "Open touchpoints take answers; a closed one keeps its answers as they are.",
        "Los puntos abiertos admiten respuestas; uno cerrado conserva las que tiene.",
    ),
    "workshop.participants": ("Participants", "Participantes"),
    "workshop.ratings": ("Ratings", "Puntuaciones"),
    "workshop.open_count": ("Touchpoints open", "Puntos de contacto abiertos"),
    "workshop.results_hidden": (
        "Results are hidden: only the number of answers shows. Switch off “Hide results until "
        "revealed” to reveal them.",
        "Los resultados están ocultos: solo se ve cuántas respuestas hay. Desactiva «Ocultar "
        "resultados hasta mostrarlos» para enseñarlos.",
    ),
    "workshop.col.n": ("Answered", "Respondieron"),
    "workshop.col.gap_expected": ("Got − expected", "Obtenido − esperado"),
    "workshop.col.gap_excellent": ("Got − excellent", "Obtenido − excelente"),
    "workshop.levels": (
        "What the room expects, would find excellent and gets",
        "Lo que la sala espera, lo que sería excelente y lo que obtiene",
    ),
    "workshop.levels_caption": (
        "Means on the room's {low}–{high} scale (felt: −3 to +3). A negative gap is a "
        "shortfall: what they get is below what they expected, or below excellent.",
        "Medias en la escala {low}–{high} de la sala (sentido: de −3 a +3). Una brecha "
        "negativa es una carencia: lo que obtienen queda por debajo de lo esperado, o de lo "
        "excelente.",
    ),
    "workshop.gaps": (
        "Live gaps (0–100, as on the Gaps page)",
        "Brechas en directo (0–100, como en la página Brechas)",
    ),
    "workshop.curve": ("The room's emotion curve", "La curva emocional de la sala"),
    "workshop.distribution": ("How each question was answered", "Cómo se respondió cada pregunta"),
    "workshop.no_answers": (
        "No answers to this touchpoint yet.",
        "Aún no hay respuestas a este punto de contacto.",
    ),
    "workshop.comments_on": ("Comments on {touchpoint}", "Comentarios sobre {touchpoint}"),
    "workshop.no_comments": ("No comments yet.", "Aún no hay comentarios."),
    "workshop.hidden_comment": ("(hidden from the room)", "(oculto para la sala)"),
    "workshop.hide_comment": ("Hide", "Ocultar"),
    "workshop.show_comment": ("Show again", "Mostrar de nuevo"),
    "workshop.after": ("The room's answers", "Las respuestas de la sala"),
    "workshop.save_wave": ("Save as a wave", "Guardar como oleada"),
    "workshop.saved_wave": (
        "The room's answers are saved as the newest wave: every analysis page now shows them.",
        "Las respuestas de la sala se guardaron como la oleada más reciente: todas las páginas "
        "de análisis las muestran ya.",
    ),
    "workshop.download_csv": ("Answers (CSV)", "Respuestas (CSV)"),
    "workshop.download_deck": (
        "Follow-up deck (PowerPoint)",
        "Presentación de seguimiento (PowerPoint)",
    ),
    "workshop.deck_help": (
        "PowerPoint: one slide per touchpoint with its chart, gaps, latest comments and "
        "corrective actions (add actions below first).",
        "PowerPoint: una diapositiva por punto de contacto con su gráfico, brechas, últimos "
        "comentarios y acciones correctoras (añade antes las acciones abajo).",
    ),
    "workshop.end_sure": ("Yes, end the room for everyone", "Sí, terminar la sala para todos"),
    "workshop.end": ("End the room", "Terminar la sala"),
    "workshop.leave": ("Close this room here", "Cerrar esta sala aquí"),
}
