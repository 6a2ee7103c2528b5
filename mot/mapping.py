"""Column mapping: which column holds which touchpoint measure or respondent field.

A wide survey export has one column per question. The mapping assigns each column a role:

- ``rating``: a touchpoint (journey id) and a measure (:data:`mot.MEASURES`), on a scale;
- ``comment``: free text about a touchpoint;
- ``respondent_id``, ``customer_id`` (links to behaviour data);
- ``outcome``: one of :data:`mot.OUTCOMES` (recommend, overall_satisfaction, ...);
- ``segment``: a categorical column to split by (device, channel, persona, variant);
- ``ignore``: survey-tool metadata and anything else.

:func:`suggest_mapping` proposes one from the column names (the naming convention
``<touchpoint>_<measure>``, English and Spanish synonyms), the question texts
(:mod:`mot.questions`) and the values. Each suggestion says why (a :data:`REASONS` code and,
for ratings, comments and outcomes, the :class:`~mot.questions.Evidence`: the words matched)
and how sure it is (a confidence of :data:`~mot.questions.CONFIDENCES`); every suggestion
can be overridden, and mappings save and load as JSON.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd

from mot import MEASURES, OUTCOMES
from mot.errors import MappingError
from mot.journey import Journey
from mot.jsonfile import load_json, parse_json
from mot.messages import Message, message_of
from mot.naming import (
    CUSTOMER_SYNONYMS,
    ID_SYNONYMS,
    MEASURE_SYNONYMS,
    METADATA_KEYS,
    OUTCOME_SYNONYMS,
    is_metadata,
    parse_column_name,
    respondent_field,
)
from mot.questions import (
    CONFIDENCES,
    Evidence,
    matcher,
    question_text,
    read_question,
    recommends,
    scale_evidence,
)
from mot.scales import (
    KNOWN_SCALES,
    Scale,
    answer_texts,
    detect_scale,
    parse_scale,
    stated_scale,
)

__all__ = [
    "CUSTOMER_SYNONYMS",  # the naming convention (mot.naming), read from here too
    "ID_SYNONYMS",
    "MAPPING_COLUMNS",
    "MEASURE_SYNONYMS",
    "METADATA_KEYS",
    "OUTCOME_SYNONYMS",
    "REASONS",
    "ROLES",
    "ColumnMapping",
    "Mapping",
    "known_scale_names",
    "load_mapping",
    "mapping_from_dict",
    "mapping_from_frame",
    "mapping_from_json",
    "parse_column_name",
    "save_mapping",
    "suggest_mapping",
    "with_measure_scales",
]

ROLES: tuple[str, ...] = (
    "respondent_id",
    "customer_id",
    "rating",
    "comment",
    "outcome",
    "segment",
    "ignore",
)

REASONS: tuple[str, ...] = (
    "metadata",
    "column_name",
    "naming_convention",
    "question",
    "question_unsure",
    "coded",
    "categorical",
    "not_recognised",
    "respondent_id_taken",
    "customer_id_taken",
    "measure_taken",
    "edited",
)
"""Why a column has its role, as :func:`suggest_mapping` writes it: survey-tool metadata; the
column's name (ids, outcomes); the naming convention; the question text (``question``, or
``question_unsure``: the text reads as a rating but too unsurely to apply it, so the column
is left out and the suggestion shown); coded answers with value labels, or few distinct
texts (segments); nothing recognised; another column already is the respondent id, the
customer id, or has this touchpoint's measure; ``edited``: the user chose it (the app)."""


@dataclass(frozen=True)
class ColumnMapping:
    """The role of one column, and for ratings its touchpoint, measure and scale.

    ``reason`` is one of :data:`REASONS` (a mapping file may hold any text), ``confidence``
    one of :data:`~mot.questions.CONFIDENCES` (None when nothing was suggested) and
    ``evidence`` what a suggestion from the question text or scale rests on.
    """

    column: str
    role: str
    touchpoint: str | None = None
    measure: str | None = None
    outcome: str | None = None
    scale: str | None = None
    reverse: bool = False
    reason: str = ""
    confidence: str | None = None
    evidence: Evidence | None = None


MAPPING_COLUMNS: tuple[str, ...] = (
    "column",
    "role",
    "touchpoint",
    "measure",
    "outcome",
    "scale",
    "reverse",
    "reason",
    "confidence",
)


@dataclass(frozen=True)
class Mapping:
    """A column mapping: one :class:`ColumnMapping` per column of the file."""

    columns: tuple[ColumnMapping, ...]

    def to_frame(self) -> pd.DataFrame:
        """One row per column, the table the Data page lets users edit.

        Columns: ``column, role, touchpoint, measure, outcome, scale, reverse, reason,
        confidence`` (the evidence stays in the mapping and its JSON).
        """
        rows = [{k: getattr(c, k) for k in MAPPING_COLUMNS} for c in self.columns]
        return pd.DataFrame(rows, columns=list(MAPPING_COLUMNS))

    def to_dict(self) -> dict:
        """JSON-ready form, read back by :func:`mapping_from_dict`."""
        return {"columns": [_compact(c) for c in self.columns]}

    def by_role(self, role: str) -> tuple[ColumnMapping, ...]:
        """The columns that play ``role``, in file order."""
        return tuple(c for c in self.columns if c.role == role)

    def get(self, column: str) -> ColumnMapping | None:
        """The mapping of ``column``, or None when the mapping does not name it."""
        return next((c for c in self.columns if c.column == column), None)


def _compact(entry: ColumnMapping) -> dict:
    out = {k: v for k, v in asdict(entry).items() if v not in (None, "", False)}
    out.setdefault("role", entry.role)
    if entry.evidence is not None:
        out["evidence"] = entry.evidence.to_dict()
    return out


def _clean(value: object) -> str | None:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return None
    text = str(value).strip()
    return text or None


def _validate_entry(raw: dict, index: int) -> ColumnMapping:
    column = _clean(raw.get("column"))
    if column is None:
        raise MappingError(Message("mapping.entry_no_column", n=index + 1))
    role = (_clean(raw.get("role")) or "ignore").lower()
    if role not in ROLES:
        message = Message("mapping.unknown_role", column=column, role=role, roles=", ".join(ROLES))
        raise MappingError(message)
    measure = _clean(raw.get("measure"))
    outcome = _clean(raw.get("outcome"))
    touchpoint = _clean(raw.get("touchpoint"))
    if role == "rating" and measure not in MEASURES:
        message = Message(
            "mapping.rating_needs_measure",
            column=column,
            measures=", ".join(MEASURES),
            measure=str(measure),
        )
        raise MappingError(message)
    if role in ("rating", "comment") and touchpoint is None:
        message = Message("mapping.needs_touchpoint", column=column, role=Message(f"role.{role}"))
        raise MappingError(message)
    if role == "outcome" and outcome not in OUTCOMES:
        message = Message(
            "mapping.outcome_needs_name",
            column=column,
            outcomes=", ".join(OUTCOMES),
            outcome=str(outcome),
        )
        raise MappingError(message)
    scale = _clean(raw.get("scale"))
    if scale is not None:
        try:
            scale = parse_scale(scale).name
        except MappingError:
            raise
        except ValueError as exc:
            message = Message("mapping.column_error", column=column, error=message_of(exc))
            raise MappingError(message) from exc
    reverse = raw.get("reverse")
    reverse = bool(reverse) and str(reverse).strip().lower() not in ("false", "0", "no", "nan")
    confidence = _clean(raw.get("confidence"))
    return ColumnMapping(
        column,
        role,
        touchpoint,
        measure if role == "rating" else None,
        outcome if role == "outcome" else None,
        scale,
        reverse,
        _reason(_clean(raw.get("reason")) or ""),
        confidence if confidence in CONFIDENCES else None,
        Evidence.from_dict(raw.get("evidence")),
    )


# The sentences earlier versions wrote as reasons, read back as today's codes.
_LEGACY_REASONS: dict[str, str] = {
    "survey-tool metadata": "metadata",
    "column name": "column_name",
    "naming convention": "naming_convention",
    "coded answers with value labels": "coded",
    "few distinct text values": "categorical",
    "does not follow <touchpoint>_<measure>: map it by hand if it is a rating": "not_recognised",
    "another column is the respondent_id": "respondent_id_taken",
    "another column is the customer_id": "customer_id_taken",
    "another column already has this measure": "measure_taken",
}


def _reason(text: str) -> str:
    return _LEGACY_REASONS.get(text, text)


def mapping_from_dict(data: dict) -> Mapping:
    """Build and validate a mapping from its JSON form ``{"columns": [{...}, ...]}``.

    Raises
    ------
    MappingError
        If an entry lacks a column, names an unknown role, measure or outcome, or a column
        appears twice.

    Examples
    --------
    >>> m = mapping_from_dict({"columns": [
    ...     {"column": "TMOT_exp", "role": "rating", "touchpoint": "TMOT",
    ...      "measure": "experienced", "scale": "1 to 7"}]})
    >>> m.columns[0].scale
    '1-7'
    """
    if not isinstance(data, dict) or not isinstance(data.get("columns"), list):
        raise MappingError(Message("mapping.not_a_mapping"))
    entries = tuple(_validate_entry(raw, i) for i, raw in enumerate(data["columns"]))
    seen = set()
    for entry in entries:
        if entry.column in seen:
            raise MappingError(Message("mapping.duplicate_column", column=entry.column))
        seen.add(entry.column)
    return Mapping(entries)


def mapping_from_frame(frame: pd.DataFrame) -> Mapping:
    """Build and validate a mapping from its table form (the edited ``to_frame()``)."""
    records = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return mapping_from_dict({"columns": records})


def load_mapping(source: str | Path) -> Mapping:
    """Read a mapping JSON file."""
    data = load_json(source, what="mapping", error=MappingError)
    return mapping_from_dict(data)


def save_mapping(mapping: Mapping, target: str | Path) -> None:
    """Write the mapping as JSON, readable by :func:`load_mapping`."""
    text = json.dumps(mapping.to_dict(), ensure_ascii=False, indent=2)
    Path(target).write_text(text + "\n", encoding="utf-8")


def _looks_categorical(values: pd.Series) -> bool:
    if pd.api.types.is_bool_dtype(values.dtype) or isinstance(values.dtype, pd.CategoricalDtype):
        return True
    if pd.api.types.is_numeric_dtype(values.dtype):
        return False
    present = values.dropna()
    if present.empty:
        return False
    distinct = present.nunique()
    return 2 <= distinct <= max(2, min(30, len(present) // 2))


# --- suggestion ----------------------------------------------------------------------------


def _suggest_one(
    column: str, label: str, values: pd.Series, journey: Journey, coded: bool
) -> ColumnMapping:
    if is_metadata(column):
        return ColumnMapping(column, "ignore", reason="metadata", confidence="high")
    field = respondent_field(column, label)
    if field is not None:
        role, outcome = field
        return ColumnMapping(column, role, outcome=outcome, reason="column_name", confidence="high")
    if recommends(label):  # a question about recommending, before the naming convention
        found = _from_question(column, label, values, journey, is_question=True)
        if found is not None:
            return found
    parsed = parse_column_name(column, journey)
    if parsed is not None:
        touchpoint, measure = parsed
        role = "comment" if measure == "comment" else "rating"
        measure = None if role == "comment" else measure
        return ColumnMapping(
            column, role, touchpoint, measure, reason="naming_convention", confidence="high"
        )
    question = question_text(column, {column: label} if label else {})
    found = _from_question(column, question or column, values, journey, is_question=bool(question))
    if found is not None:
        return found
    if coded:
        return ColumnMapping(column, "segment", reason="coded", confidence="medium")
    if _looks_categorical(values):
        return ColumnMapping(column, "segment", reason="categorical", confidence="medium")
    return ColumnMapping(column, "ignore", reason="not_recognised")


def _answers(values: pd.Series) -> str:
    """What a column holds, from its first answers: numbers, labels, text or nothing."""
    dtype = values.dtype
    if len(values) == 0:
        return "empty"
    if isinstance(dtype, np.dtype) and dtype.kind in "iuf":
        numbers = values.to_numpy()
        return "numbers" if dtype.kind in "iu" or not np.isnan(numbers).all() else "empty"
    if pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype):
        return "numbers" if values.notna().any() else "empty"
    present = values.iloc[:5000].dropna()
    if present.empty:
        present = values.dropna()
    if present.empty:
        return "empty"
    sample = present.iloc[:500]
    if pd.to_numeric(sample, errors="coerce").notna().mean() >= 0.8:
        return "numbers"
    return "labels" if _looks_categorical(sample) else "text"


def _from_question(
    column: str, question: str, values: pd.Series, journey: Journey, *, is_question: bool
) -> ColumnMapping | None:
    """The column's mapping from its question text, or None when the text suggests nothing.

    A low-confidence reading of a rating is left out (role ``ignore``, reason
    ``question_unsure``) with its evidence, when the text has a measure's wording and the
    answers could be ratings (numbers); other low readings suggest nothing.
    """
    answers = _answers(values)
    if is_question:
        read = read_question(question, journey, answers=answers)
    else:  # a short column name: read as words, not as a question about recommending
        read = matcher(journey).read(question, answers=answers)
    if read is None:
        return None
    evidence, confidence = read
    if confidence == "low":  # shown when it reads as a rating: a measure's wording, numbers
        if evidence.role == "rating" and evidence.measure and answers in ("numbers", "empty"):
            return ColumnMapping(
                column, "ignore", reason="question_unsure", confidence="low", evidence=evidence
            )
        return None
    return ColumnMapping(
        column,
        str(evidence.role),
        evidence.touchpoint,
        evidence.measure if evidence.role == "rating" else None,
        evidence.outcome,
        reason="question",
        confidence=confidence,
        evidence=evidence,
    )


def _pick_unique(entries: list[ColumnMapping], role: str) -> list[ColumnMapping]:
    """Keep the first column for a single-column role; later candidates are ignored."""
    seen = False
    out = []
    for entry in entries:
        if entry.role == role:
            if seen:
                entry = replace(entry, role="ignore", reason=f"{role}_taken", confidence=None)
            seen = True
        out.append(entry)
    return out


def _declared_scales(
    entries: list[ColumnMapping],
    frame: pd.DataFrame,
    labels: dict[str, str],
    value_labels: dict[str, dict],
) -> list[ColumnMapping]:
    """Detect one scale per measure (and per outcome) over all its columns together.

    Pooling the columns of a measure avoids taking a 1–7 item whose answers happen to stay
    within 2–5 for a 1–5 item; a scale named in a question's text, then one its value labels
    state, still wins (:func:`mot.scales.infer_scale`).
    """
    groups: dict[tuple[str, str], list[str]] = {}
    for e in entries:
        if e.role in ("rating", "outcome"):
            groups.setdefault((e.role, e.measure or e.outcome or ""), []).append(e.column)
    answers = {c: answer_texts(frame[c]) for columns in groups.values() for c in columns}
    pooled: dict[tuple[str, str], Scale | None] = {}
    for key, columns in groups.items():
        numbers = pd.concat(
            [pd.to_numeric(frame[c], errors="coerce") for c in columns], ignore_index=True
        )
        texts = [text for c in columns for text in answers[c]]  # scale labels
        default = Scale(0, 10) if key == ("outcome", "recommend") else None
        found = detect_scale(numbers, texts=texts)
        if default is not None and (found is None or found.high <= 10):
            found = default
        pooled[key] = found
    out = []
    for e in entries:
        if e.role in ("rating", "outcome") and e.scale is None:
            scale = pooled[(e.role, e.measure or e.outcome or "")]
            question = question_text(e.column, labels)
            stated = stated_scale(question=question, value_labels=value_labels.get(e.column))
            chosen = stated.scale if stated else scale
            source, words = scale_evidence(question, value_labels.get(e.column), answers[e.column])
            evidence = replace(
                e.evidence or Evidence(e.role, e.touchpoint, e.measure, e.outcome),
                scale_source=source if chosen else None,
                scale_words=words,
            )
            e = replace(e, scale=chosen.name if chosen else None, evidence=evidence)
        out.append(e)
    return out


def suggest_mapping(
    frame: pd.DataFrame,
    journey: Journey,
    *,
    labels: dict[str, str] | None = None,
    value_labels: dict[str, dict] | None = None,
) -> Mapping:
    """Suggest a role for every column of a wide survey table.

    Rules, in order: survey-tool metadata (Qualtrics, SurveyMonkey, Forms) is ignored; the
    respondent id, customer id and outcomes are recognised by name (English and Spanish) or
    by their question text; ``<touchpoint>_<measure>`` names become ratings (or comments);
    other text columns with few distinct values become segments; the rest is ignored. One
    scale is detected per measure over all of its columns; recommendation defaults to 0–10.

    Parameters
    ----------
    frame : DataFrame
        The survey as read (``RawTable.frame``).
    journey : Journey
        Touchpoints that column names may refer to.
    labels : dict, optional
        Column → question text (``RawTable.labels``), used for ids, outcomes and scales.
    value_labels : dict, optional
        Column → {code: label} (SPSS); a coded column that is not a rating is a segment.

    Returns
    -------
    Mapping
        One entry per column, in file order, each with the ``reason`` for its role.

    Examples
    --------
    >>> from mot.journey import default_journey
    >>> frame = pd.DataFrame({"ResponseId": ["R1", "R2"], "StartDate": ["x", "y"],
    ...                       "FMOT_experienced": [5, 7], "device": ["mobile", "desktop"]})
    >>> suggest_mapping(frame, default_journey()).to_frame()[["column", "role", "scale"]]
                 column           role scale
    0        ResponseId  respondent_id   NaN
    1         StartDate         ignore   NaN
    2  FMOT_experienced         rating   1-7
    3            device        segment   NaN
    """
    labels = labels or {}
    coded = set(value_labels or {})
    entries = [
        _suggest_one(str(c), labels.get(str(c), ""), frame[c], journey, str(c) in coded)
        for c in frame.columns
    ]
    for role in ("respondent_id", "customer_id"):
        entries = _pick_unique(entries, role)
    entries = _dedupe_targets(entries)
    return Mapping(tuple(_declared_scales(entries, frame, labels, value_labels or {})))


def _dedupe_targets(entries: list[ColumnMapping]) -> list[ColumnMapping]:
    """Two columns for one (touchpoint, measure) or one outcome: keep the first, say why."""
    seen: set[tuple] = set()
    out = []
    for e in entries:
        target = (e.role, e.touchpoint, e.measure, e.outcome)
        if e.role in ("rating", "outcome"):
            if target in seen:
                e = replace(e, role="ignore", reason="measure_taken", confidence=None)
            seen.add(target)
        out.append(e)
    return out


def known_scale_names() -> tuple[str, ...]:
    """Names of the known scales, for a choice list."""
    return tuple(s.name for s in KNOWN_SCALES)


def with_measure_scales(mapping: Mapping, scales: dict[str, str | None]) -> Mapping:
    """Declare one scale for every column of a measure (or of an outcome).

    Parameters
    ----------
    mapping : Mapping
        The mapping to change (not modified).
    scales : dict of str to str or None
        Measure (for ``rating`` columns) or outcome (for ``outcome`` columns) → scale text
        such as ``"1-7"`` or ``"-3..+3"``. None, or a name absent from the dict, keeps the
        columns' own scale (the detected one).

    Returns
    -------
    Mapping
        A copy in which the scale of every matching column is the declared one.

    Raises
    ------
    MappingError
        If a scale is not a range such as ``1-5``.

    Examples
    --------
    >>> m = mapping_from_dict({"columns": [
    ...     {"column": "F_exp", "role": "rating", "touchpoint": "FMOT",
    ...      "measure": "experienced", "scale": "1-5"},
    ...     {"column": "T_exp", "role": "rating", "touchpoint": "TMOT", "measure": "experienced"},
    ...     {"column": "T_imp", "role": "rating", "touchpoint": "TMOT",
    ...      "measure": "importance", "scale": "1-5"},
    ...     {"column": "nps", "role": "outcome", "outcome": "recommend"}]})
    >>> changed = with_measure_scales(m, {"experienced": "1 to 7", "importance": None,
    ...                                   "recommend": "0-10"})
    >>> [c.scale for c in changed.columns]
    ['1-7', '1-7', '1-5', '0-10']
    """
    declared: dict[str, str] = {}
    for target, spec in scales.items():
        if spec is None or not str(spec).strip():
            continue
        try:
            declared[target] = parse_scale(str(spec)).name
        except ValueError as exc:
            message = Message("mapping.bad_scale", target=target, error=message_of(exc))
            raise MappingError(message) from exc

    def target(entry: ColumnMapping) -> str | None:
        return {"rating": entry.measure, "outcome": entry.outcome}.get(entry.role)

    columns = tuple(
        replace(c, scale=declared[target(c)]) if target(c) in declared else c
        for c in mapping.columns
    )
    return Mapping(columns)


def mapping_from_json(text: str | bytes, *, name: str = "mapping file") -> Mapping:
    """Read and validate a mapping from JSON text (an uploaded mapping file).

    Parameters
    ----------
    text : str or bytes
        The JSON written by :meth:`Mapping.to_dict` (UTF-8, a BOM is allowed).
    name : str
        The file name, for messages.

    Returns
    -------
    Mapping
        The validated mapping.

    Raises
    ------
    MappingError
        If the text is not JSON, or the JSON is not a valid mapping.

    Examples
    --------
    >>> mapping_from_json('{"columns": [{"column": "id", "role": "respondent_id"}]}').columns[0]
    ColumnMapping(column='id', role='respondent_id', touchpoint=None, measure=None, outcome=None, scale=None, reverse=False, reason='', confidence=None, evidence=None)
    >>> mapping_from_json(b"not json", name="m.json")
    Traceback (most recent call last):
    ...
    mot.errors.MappingError: `m.json` is not valid JSON (Expecting value: line 1 column 1 (char 0)). ...
    """  # noqa: E501
    data = parse_json(text, name=name, what="mapping", error=MappingError)
    return mapping_from_dict(data)
