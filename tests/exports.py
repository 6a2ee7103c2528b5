# ruff: noqa: E501  (tables of question texts, one per line)
"""Generated survey-tool exports whose columns are named ``Q…`` and say what they rate only in
their question text, with the hand-written mapping a user would make for them.

:func:`qualtrics_export` writes a current Qualtrics CSV (three header rows: ``Q``-numbered
names, the question text, the ImportId JSON) covering the five moments × anticipated,
experienced, retrospective, emotion and excellent, plus importance, comments, outcomes, a
segment and Qualtrics' metadata; in Spanish or English. The wording mixes Qualtrics matrix
items (``stem - item``) and single questions, with and without the scale in the text.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

import numpy as np

from mot.mapping import Mapping, mapping_from_dict

TOUCHPOINTS = ("ZMOT", "FMOT", "SMOT", "TMOT", "UMOT")

# Matrix items: how each language names the five moments in a Qualtrics matrix question.
ITEMS = {
    "es": (
        "Búsqueda de información y reseñas en internet",
        "Página del producto",
        "Proceso de compra y pago",
        "Entrega del pedido",
        "Compartir su opinión con otras personas",
    ),
    "en": (
        "Searching for information and reading reviews online",
        "The product page",
        "Checkout and payment",
        "Delivery of your order",
        "Sharing your experience with other people",
    ),
}

# One matrix question per measure: (measure, stem, scale of the answers).
MATRICES = {
    "es": (
        ("anticipated", "Antes de comprar, ¿qué esperaba de cada uno de estos momentos? (1-7)"),
        ("experienced", "¿Qué tan satisfecho quedó con cada momento de su compra? (del 1 al 7)"),
        ("excellent", "¿Qué sería excelente para usted en cada momento? (1-7)"),
        ("importance", "¿Qué importancia tiene para usted cada momento?"),
    ),
    "en": (
        ("anticipated", "Before buying, what did you expect from each of these steps? (1-7)"),
        ("experienced", "How satisfied were you with each step of your purchase? (1 to 7)"),
        ("excellent", "What would be excellent for you at each step? (1-7)"),
        ("importance", "How important is each step to you?"),
    ),
}

# Single questions: (touchpoint, measure, text).
SINGLES = {
    "es": (
        ("ZMOT", "retrospective", "Hoy, al recordar su búsqueda antes de comprar, ¿cómo la valora? (1-7)"),
        ("FMOT", "retrospective", "¿Cómo recuerda la página del producto que vio? (1-7)"),
        ("SMOT", "retrospective", "Mirando atrás, ¿cómo recuerda el proceso de compra? (1-7)"),
        ("TMOT", "retrospective", "¿Cómo recuerda la entrega de su pedido? (1-7)"),
        ("UMOT", "retrospective", "Con el tiempo, ¿cómo recuerda haber compartido su experiencia con otros? (1-7)"),
        ("ZMOT", "emotion", "¿Cómo se sintió mientras buscaba información sobre el producto? (de -3 a +3)"),
        ("FMOT", "emotion", "¿Qué sintió al ver la página del producto por primera vez? (de -3 a +3)"),
        ("SMOT", "emotion", "¿Cómo se sintió al pagar su compra? (de -3 a +3)"),
        ("TMOT", "emotion", "¿Cómo se sintió cuando llegó su pedido? (de -3 a +3)"),
        ("UMOT", "emotion", "¿Cómo se sintió al recomendarnos a otras personas? (de -3 a +3)"),
    ),
    "en": (
        ("ZMOT", "retrospective", "Looking back, how do you rate your search before buying? (1-7)"),
        ("FMOT", "retrospective", "How do you remember the product page you saw? (1-7)"),
        ("SMOT", "retrospective", "Looking back, how do you remember the checkout? (1-7)"),
        ("TMOT", "retrospective", "How do you remember the delivery of your order? (1-7)"),
        ("UMOT", "retrospective", "Thinking back, how do you remember sharing your experience with others? (1-7)"),
        ("ZMOT", "emotion", "How did you feel while searching for information about the product? (-3 to +3)"),
        ("FMOT", "emotion", "How did you feel when you first saw the product page? (-3 to +3)"),
        ("SMOT", "emotion", "How did you feel when you paid for your purchase? (-3 to +3)"),
        ("TMOT", "emotion", "How did you feel when your order arrived? (-3 to +3)"),
        ("UMOT", "emotion", "How did you feel when you recommended us to others? (-3 to +3)"),
    ),
}  # fmt: skip

COMMENTS = {
    "es": (
        ("SMOT", "¿Quiere contarnos algo más sobre el proceso de compra?"),
        ("TMOT", "¿Quiere contarnos algo más sobre la entrega?"),
    ),
    "en": (
        ("SMOT", "Is there anything else you would like to tell us about the checkout?"),
        ("TMOT", "Is there anything else you would like to tell us about the delivery?"),
    ),
}

# (outcome, text, scale)
OUTCOMES = {
    "es": (
        ("recommend", "¿Qué probabilidad hay de que recomiende nuestra tienda a un amigo? (0-10)", "0-10"),
        ("overall_satisfaction", "En general, ¿qué tan satisfecho está con su experiencia de compra? (1-7)", "1-7"),
        ("repurchase", "¿Volvería a comprar en nuestra tienda? (1-5)", "1-5"),
    ),
    "en": (
        ("recommend", "How likely are you to recommend our store to a friend? (0-10)", "0-10"),
        ("overall_satisfaction", "Overall, how satisfied are you with your shopping experience? (1-7)", "1-7"),
        ("repurchase", "How likely are you to buy from us again? (1-5)", "1-5"),
    ),
}  # fmt: skip

DEVICE = {
    "es": ("¿Desde qué dispositivo hizo su compra?", ("Móvil", "Ordenador", "Tableta")),
    "en": ("Which device did you buy on?", ("Phone", "Computer", "Tablet")),
}

METADATA = (
    ("StartDate", "Start Date"),
    ("EndDate", "End Date"),
    ("Status", "Response Type"),
    ("IPAddress", "IP Address"),
    ("Progress", "Progress"),
    ("Duration (in seconds)", "Duration (in seconds)"),
    ("Finished", "Finished"),
    ("RecordedDate", "Recorded Date"),
    ("ResponseId", "Response ID"),
    ("RecipientLastName", "Recipient Last Name"),
    ("RecipientFirstName", "Recipient First Name"),
    ("RecipientEmail", "Recipient Email"),
    ("ExternalReference", "External Data Reference"),
    ("LocationLatitude", "Location Latitude"),
    ("LocationLongitude", "Location Longitude"),
    ("DistributionChannel", "Distribution Channel"),
    ("UserLanguage", "User Language"),
)


@dataclass(frozen=True)
class Column:
    """One column of the export and what a user would map it to."""

    name: str
    question: str
    import_id: str
    role: str
    touchpoint: str | None = None
    measure: str | None = None
    outcome: str | None = None
    scale: str | None = None


def columns(language: str) -> list[Column]:
    """Every column of the export in file order, with its true mapping."""
    out = [Column(name, text, name, "ignore") for name, text in METADATA]
    out[8] = Column("ResponseId", "Response ID", "_recordId", "respondent_id")
    out.append(Column("Q1", DEVICE[language][0], "QID1", "segment"))
    q = 2
    for measure, stem in MATRICES[language]:
        scale = "1-5" if measure == "importance" else "1-7"
        for i, (tp, item) in enumerate(zip(TOUCHPOINTS, ITEMS[language], strict=True), 1):
            question = f"{stem} - {item}"
            out.append(
                Column(f"Q{q}_{i}", question, f"QID{q}_{i}", "rating", tp, measure, None, scale)
            )
        q += 1
    for tp, measure, text in SINGLES[language]:
        scale = "-3..3" if measure == "emotion" else "1-7"
        out.append(Column(f"Q{q}", text, f"QID{q}", "rating", tp, measure, None, scale))
        q += 1
    for tp, text in COMMENTS[language]:
        out.append(Column(f"Q{q}", text, f"QID{q}_TEXT", "comment", tp))
        q += 1
    for outcome, text, scale in OUTCOMES[language]:
        out.append(Column(f"Q{q}", text, f"QID{q}", "outcome", None, None, outcome, scale))
        q += 1
    return out


def _answers(column: Column, rng: np.random.Generator, n: int, language: str) -> list[str]:
    if column.role == "rating" or column.role == "outcome":
        low, high = (-3, 3) if column.scale == "-3..3" else map(int, column.scale.split("-"))
        values = rng.integers(low, high + 1, size=n)
        values[:2] = (low, high)  # every scale reaches both ends
        blank = rng.random(n) < 0.05
        blank[:2] = False
        return ["" if b else str(v) for v, b in zip(values, blank, strict=True)]
    if column.role == "comment":
        topic = "entrega" if column.touchpoint == "TMOT" else "compra"
        if language == "en":
            topic = "delivery" if column.touchpoint == "TMOT" else "checkout"
        return [f"{topic} note {i}: {rng.integers(1000)}" if i % 3 else "" for i in range(n)]
    if column.role == "segment":
        return [DEVICE[language][1][i] for i in rng.integers(0, 3, size=n)]
    if column.role == "respondent_id":
        return [f"R_{i:05d}" for i in range(n)]
    return _metadata(column.name, rng, n)


def _metadata(name: str, rng: np.random.Generator, n: int) -> list[str]:
    samples = {
        "StartDate": "2026-03-01 10:00:00",
        "EndDate": "2026-03-01 10:09:00",
        "Status": "0",
        "Progress": "100",
        "Finished": "1",
        "RecordedDate": "2026-03-01 10:09:01",
        "DistributionChannel": "anonymous",
        "UserLanguage": "ES",
    }
    if name == "IPAddress":
        return [f"10.0.{i // 250}.{i % 250}" for i in range(n)]
    if name == "Duration (in seconds)":
        return [str(v) for v in rng.integers(120, 900, size=n)]
    if name.startswith("Location"):
        return [f"{v:.4f}" for v in rng.uniform(36, 43, size=n)]
    return [samples.get(name, "")] * n


def qualtrics_export(language: str = "es", *, n: int = 240, seed: int = 10) -> bytes:
    """The export as a Qualtrics CSV file's bytes (UTF-8 with a BOM, as Qualtrics writes)."""
    rng = np.random.default_rng(seed)
    cols = columns(language)
    answers = [_answers(c, rng, n, language) for c in cols]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.name for c in cols])
    writer.writerow([c.question for c in cols])
    writer.writerow([json.dumps({"ImportId": c.import_id}) for c in cols])
    writer.writerows(zip(*answers, strict=True))
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


def hand_mapping(language: str = "es") -> Mapping:
    """The mapping a user would write by hand for :func:`qualtrics_export`."""
    entries = []
    for c in columns(language):
        entry = {"column": c.name, "role": c.role}
        entry |= {
            k: v for k in ("touchpoint", "measure", "outcome", "scale") if (v := getattr(c, k))
        }
        entries.append(entry)
    return mapping_from_dict({"columns": entries})
