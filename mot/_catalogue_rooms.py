"""Texts of the EN/ES catalogue: live workshop rooms (joining, answering, the facilitator).

Part of the catalogue :mod:`mot.messages`, which joins the parts and renders them: read
the texts from there (``mot.messages.TEXTS``).
"""

from __future__ import annotations

ROOMS: dict[str, tuple[str, str]] = {
    "store.what.room": ("workshop room", "la sala del taller"),
    "cli.room.default_name": ("Workshop", "Taller"),
    "cli.room.opened": (
        "Room {code} is open, with {n} touchpoint(s).",
        "La sala {code} está abierta, con {n} punto(s) de contacto.",
    ),
    "cli.room.join": ("Participants open: {url}", "Quienes participan abren: {url}"),
    "cli.room.key": (
        "Facilitator key (keep it; it is shown only once): {key}",
        "Clave de quien dirige (guárdala; solo se muestra una vez): {key}",
    ),
    "cli.room.ended": ("Room {code} has ended.", "La sala {code} ha terminado."),
    "room.unknown": (
        "There is no open room with this code: check the code on the screen, or ask the "
        "facilitator whether the room has ended.",
        "No hay ninguna sala abierta con este código: comprueba el código de la pantalla o "
        "pregunta a quien dirige el taller si la sala ya terminó.",
    ),
    "room.locked": (
        "This room is not taking new participants: the facilitator locked joining.",
        "Esta sala no admite más participantes: quien dirige el taller cerró la entrada.",
    ),
    "room.closed": (
        "“{touchpoint}” is closed: answers to it can no longer change.",
        "«{touchpoint}» está cerrado: sus respuestas ya no pueden cambiar.",
    ),
    "room.unknown_touchpoint": (
        "This room has no touchpoint “{touchpoint}”.",
        "Esta sala no tiene el punto de contacto «{touchpoint}».",
    ),
    "room.full": (
        "This room is full: it takes {limit} participants at most.",
        "Esta sala está completa: admite como máximo {limit} participantes.",
    ),
    "room.too_large": (
        "This request is too large: an answer is at most {limit} bytes.",
        "Esta petición es demasiado grande: una respuesta ocupa como máximo {limit} bytes.",
    ),
    "room.not_json": (
        "Send the answer as JSON (Content-Type: application/json).",
        "Envía la respuesta como JSON (Content-Type: application/json).",
    ),
    "room.too_many_codes": (
        "Too many unknown room codes from this address: wait {seconds} second(s), then check "
        "the code on the screen.",
        "Demasiados códigos de sala desconocidos desde esta dirección: espera {seconds} "
        "segundo(s) y comprueba el código de la pantalla.",
    ),
    "room.unavailable": (
        "The room cannot be reached just now: your answer waits on this phone and is sent again.",
        "Ahora mismo no se puede acceder a la sala: tu respuesta espera en este teléfono y se "
        "volverá a enviar.",
    ),
    "room.no_token": (
        "Join the room first: this device has no valid participant token.",
        "Entra primero en la sala: este dispositivo no tiene un código de participante válido.",
    ),
    "room.no_key": (
        "The facilitator key is missing or wrong: only the room's facilitator sees this.",
        "Falta la clave de quien dirige el taller o no es correcta: solo quien dirige la sala "
        "ve esto.",
    ),
    "room.too_fast": (
        "Too many answers in a short time: wait {seconds} second(s), then send again.",
        "Demasiadas respuestas en poco tiempo: espera {seconds} segundo(s) y vuelve a enviar.",
    ),
    "room.answer_not_object": (
        'An answer is a JSON object such as {{"experienced": 5}}.',
        'Una respuesta es un objeto JSON como {{"experienced": 5}}.',
    ),
    "room.unknown_field": (
        "“{field}” is not part of an answer; an answer holds {fields}.",
        "«{field}» no forma parte de una respuesta; una respuesta tiene {fields}.",
    ),
    "room.bad_rating": (
        "“{field}” must be a whole number from {low} to {high} (got {value}).",
        "«{field}» debe ser un número entero del {low} al {high} (llegó {value}).",
    ),
    "room.comment_not_text": (
        "A comment is text.",
        "Un comentario es texto.",
    ),
    "room.comment_too_long": (
        "A comment holds at most {limit} characters (this one has {length}): shorten it.",
        "Un comentario tiene como máximo {limit} caracteres (este tiene {length}): acórtalo.",
    ),
    "room.bad_scale": (
        "A room rates on one of the scales {scales}; “{scale}” is not one of them.",
        "Una sala puntúa en una de las escalas {scales}; «{scale}» no es una de ellas.",
    ),
    "room.other_workspace": (
        "The answers become a wave of the workspace the room was opened in: open that "
        "workspace (its link) in this browser to save them. The facilitator key runs the "
        "room; it does not open the workspace.",
        "Las respuestas pasan a ser una oleada del espacio de trabajo en el que se abrió la "
        "sala: abre ese espacio (su enlace) en este navegador para guardarlas. La clave de "
        "quien dirige gestiona la sala; no abre el espacio de trabajo.",
    ),
    "room.no_touchpoints": (
        "A room needs at least one touchpoint: its journey has none.",
        "Una sala necesita al menos un punto de contacto: su recorrido no tiene ninguno.",
    ),
}
