"""The Data page's column mapping as the user edits it: the suggestion, why and how sure.

Each row shows a column's role and target, then **why** it was suggested (the reason of
:data:`mot.mapping.REASONS` and the words matched in its question, in the session's
language) and the **confidence**. A low-confidence suggestion is left out of the mapping
but shown: its row holds the suggested touchpoint and measure with the role *Ignore*, so
setting the role to *Rating* accepts it. A row the user changes becomes the user's
(reason ``edited``); the rows left as they were keep their reason, confidence and evidence.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from mot.journey import Journey
from mot.mapping import ColumnMapping, Mapping, mapping_from_frame
from mot.questions import Evidence
from ui import state
from ui.i18n import MEASURE_KEYS, t
from ui.widgets import md_text

EDITABLE: tuple[str, ...] = (
    "column",
    "role",
    "touchpoint",
    "measure",
    "outcome",
    "scale",
    "reverse",
)
COLUMNS: tuple[str, ...] = (
    "column",
    "role",
    "touchpoint",
    "measure",
    "scale",
    "confidence",
    "why",
    "outcome",
    "reverse",
)
"""The table's columns: what is edited most, then why and how sure, then the rest."""
_SIMPLE = {
    "metadata",
    "column_name",
    "coded",
    "categorical",
    "not_recognised",
    "respondent_id_taken",
    "customer_id_taken",
    "edited",
}


def measure_label(measure: str | None, language: str | None = None) -> str:
    """A measure (or ``comment``) as the catalogue names it."""
    if measure is None:
        return t("data.why.no_measure", language)
    if measure == "comment":
        return t("data.role.comment", language)
    return t(MEASURE_KEYS.get(measure, measure), language)


def _quoted(words: tuple[str, ...], language: str | None) -> str:
    return ", ".join(t("data.why.quoted", language, words=w) for w in words)


def _parts(evidence: Evidence, language: str | None) -> list[str]:
    """The words matched: for the touchpoint, the measure (or outcome) and the scale."""
    parts = []
    if evidence.touchpoint_words:
        parts.append(
            t("data.why.touchpoint", language, words=_quoted(evidence.touchpoint_words, language))
        )
    if evidence.measure_words:
        key = "data.why.outcome" if evidence.role == "outcome" else "data.why.measure"
        parts.append(t(key, language, words=_quoted(evidence.measure_words, language)))
    if evidence.scale_words:
        key = (
            "data.why.scale_labels"
            if evidence.scale_source == "answer_labels"
            else "data.why.scale"
        )
        parts.append(t(key, language, words=_quoted(evidence.scale_words, language)))
    elif evidence.scale_source == "values":
        parts.append(t("data.why.scale_values", language))
    return parts


def why(entry: ColumnMapping, journey: Journey, language: str | None = None) -> str:
    """Why the column has its suggestion, in the language (a mapping file's own text as is)."""
    evidence = entry.evidence or Evidence()
    parts = " · ".join(_parts(evidence, language))
    if entry.reason in _SIMPLE:
        return t(f"data.why.{entry.reason}", language)
    if entry.reason == "naming_convention":
        text = t("data.why.naming_convention", language)
        return f"{text} · {parts}" if parts else text
    if entry.reason == "question":
        return t("data.why.question", language, parts=parts)
    if entry.reason == "question_unsure":
        return t(
            "data.why.question_unsure",
            language,
            suggestion=_suggestion(evidence, journey, language),
            parts=parts,
        )
    if entry.reason == "measure_taken":
        return t(
            "data.why.measure_taken", language, suggestion=_suggestion(evidence, journey, language)
        )
    return entry.reason


def _suggestion(evidence: Evidence, journey: Journey, language: str | None) -> str:
    labels = journey.labels(language or state.language())
    touchpoint = evidence.touchpoint
    place = (
        labels.get(touchpoint, touchpoint) if touchpoint else t("data.why.no_touchpoint", language)
    )
    return f"{place} · {measure_label(evidence.measure, language)}"


def table(mapping: Mapping, journey: Journey, language: str | None = None) -> pd.DataFrame:
    """The mapping as the Data page shows it: :data:`COLUMNS`, ``why`` and ``confidence``
    translated; an unsure row holds its suggested touchpoint and measure."""
    rows = []
    for entry in mapping.columns:
        row = {k: getattr(entry, k) for k in EDITABLE}
        if entry.reason == "question_unsure" and entry.evidence is not None:
            row |= {"touchpoint": entry.evidence.touchpoint, "measure": entry.evidence.measure}
        confidence = (
            t(f"data.confidence.{entry.confidence}", language) if entry.confidence else None
        )
        rows.append(row | {"why": why(entry, journey, language), "confidence": confidence})
    return pd.DataFrame(rows, columns=list(COLUMNS))


def _target(entry: ColumnMapping) -> tuple:
    """What the user chose for a column: only the fields its role uses."""
    role = entry.role
    return (
        role,
        entry.touchpoint if role in ("rating", "comment") else None,
        entry.measure if role == "rating" else None,
        entry.outcome if role == "outcome" else None,
        entry.scale if role in ("rating", "outcome") else None,
        entry.reverse,
    )


def edited(frame: pd.DataFrame, mapping: Mapping) -> Mapping:
    """The mapping the user applies from the edited :func:`table` (raises ``MappingError``).

    A row left as it was keeps its reason, confidence and evidence; a changed row is the
    user's (reason ``edited``, no confidence).
    """
    chosen = mapping_from_frame(frame[list(EDITABLE)])
    out = []
    for entry in chosen.columns:
        if entry.role not in ("rating", "comment"):
            entry = replace(entry, touchpoint=None)
        before = mapping.get(entry.column)
        if before is not None and _target(entry) == _target(before):
            entry = replace(
                entry, reason=before.reason, confidence=before.confidence, evidence=before.evidence
            )
        else:
            entry = replace(entry, reason="edited", confidence=None, evidence=None)
        out.append(entry)
    return Mapping(tuple(out))


def unsure_notice(mapping: Mapping, language: str | None = None) -> str | None:
    """A warning naming the columns whose question reads as a rating too unsurely to apply."""
    unsure = [c.column for c in mapping.columns if c.reason == "question_unsure"]
    if not unsure:
        return None
    shown = ", ".join(md_text(c) for c in unsure[:12]) + (" …" if len(unsure) > 12 else "")
    return t("data.unsure", language, n=len(unsure), columns=shown)
