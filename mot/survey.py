"""From a survey file to the tidy tables every analysis reads.

:func:`load_survey` reads a file (:mod:`mot.io`), suggests or applies a column mapping
(:mod:`mot.mapping`), puts every rating on the common scale (:mod:`mot.scales`) and returns a
:class:`SurveyData`: tidy ``ratings``, ``respondents`` and ``comments`` plus the
:class:`~mot.validation.ValidationReport`. Bad cells become report entries; good rows and
good cells are always kept.

Two input shapes are accepted: a wide export (one row per respondent) and an already tidy
table with columns ``respondent_id, touchpoint, measure, value`` (one row per rating).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from mot import MEASURES, OUTCOMES
from mot.errors import MotError
from mot.io import COMPACTED, RawTable, read_table, release_memory
from mot.journey import Journey, default_journey
from mot.mapping import ColumnMapping, Mapping, suggest_mapping
from mot.messages import Joined, Message, message_of
from mot.naming import MEASURE_NAMES, OUTCOME_NAMES, name_words
from mot.questions import question_text
from mot.scales import (
    STATUSES,
    LabelSet,
    Scale,
    ScaleAssumption,
    ScaleGuess,
    answer_texts,
    infer_scale,
    match_label_set,
    normalise,
    parse_ratings,
    parse_scale,
    stated_scale,
    top_box,
    with_sibling_support,
)
from mot.validation import ROWS_LISTED, ReportBuilder, ReportEntry, ValidationReport

MIN_ANSWERS_FOR_CI = 2
GAP_MEASURES = ("anticipated", "experienced", "retrospective", "excellent")
"""Measures asked alike and compared by the gaps: each supports the others' scale."""

STATUS_ENTRIES: dict[str, tuple[str, str]] = {
    # status: (severity, code of mot.messages.ENTRIES; parameters value, scale, labels and
    # understood: the label set's name and labels, for unknown labels)
    "dont_know": ("warning", "cell.dont_know"),
    "not_a_number": ("error", "cell.not_a_number"),
    "out_of_scale": ("error", "cell.out_of_scale"),
    "unknown_label": ("error", "cell.unknown_label"),
}


@dataclass(frozen=True)
class SurveyData:
    """A survey as the analyses read it.

    Attributes
    ----------
    ratings : DataFrame
        ``respondent_id, touchpoint, measure, value, top_box`` (see docs/ARCHITECTURE.md).
    respondents : DataFrame
        ``respondent_id, row``, then ``customer_id`` and the outcomes when mapped, then one
        categorical column per segment.
    comments : DataFrame
        ``respondent_id, touchpoint, comment``.
    journey, mapping, report, name
        What was used to build it, and what was found wrong.
    scale_assumptions : tuple of ScaleAssumption
        Wide input: the scales nobody declared, with their evidence (each is also a report
        warning; a tidy table's are report warnings only). Those whose
        ``guess.needs_confirmation`` is true should be confirmed by the user.
    """

    ratings: pd.DataFrame
    respondents: pd.DataFrame
    comments: pd.DataFrame
    journey: Journey
    mapping: Mapping
    report: ValidationReport
    name: str = ""
    scale_assumptions: tuple[ScaleAssumption, ...] = ()

    @property
    def segments(self) -> tuple[str, ...]:
        """Names of the segment columns of ``respondents``."""
        return tuple(
            c.column
            for c in self.mapping.by_role("segment")
            if c.column in self.respondents.columns
        )

    @property
    def outcomes(self) -> tuple[str, ...]:
        """Outcomes present in ``respondents`` with at least one answer."""
        return tuple(
            o for o in OUTCOMES if o in self.respondents and self.respondents[o].notna().any()
        )

    @property
    def measures(self) -> tuple[str, ...]:
        """Measures with at least one rating, in :data:`mot.MEASURES` order."""
        present = set(self.ratings["measure"].unique())
        return tuple(m for m in MEASURES if m in present)

    @property
    def rated_touchpoints(self) -> tuple[str, ...]:
        """Touchpoints with at least one rating, in journey order."""
        codes = self.ratings["touchpoint"].cat.codes.to_numpy()
        categories = self.ratings["touchpoint"].cat.categories
        counts = np.bincount(codes[codes >= 0], minlength=len(categories))
        return tuple(str(tp) for tp, n in zip(categories, counts, strict=True) if n)

    @property
    def n_respondents(self) -> int:
        """Number of respondents kept."""
        return len(self.respondents)


# --- wide input -----------------------------------------------------------------------------


def _respondent_ids(
    raw: RawTable, mapping: Mapping, log: ReportBuilder
) -> tuple[np.ndarray, np.ndarray]:
    """Ids as strings and a mask of the rows kept (duplicates are left out)."""
    frame = raw.frame
    rows = raw.first_data_line + np.arange(len(frame))
    id_columns = mapping.by_role("respondent_id")
    if not id_columns or id_columns[0].column not in frame:
        log.add("warning", "respondent.no_id")
        return _compact_ids(np.array([f"row_{r}" for r in rows], dtype=object)), np.ones(
            len(frame), bool
        )
    column = id_columns[0].column
    ids = _column(frame, column).astype("string").str.strip()
    missing = ids.isna() | (ids == "")
    if missing.any():
        log.add_rows("warning", rows[missing.to_numpy()], column, "respondent.empty_id")
        ids = ids.copy()
        ids[missing.to_numpy()] = [f"row_{r}" for r in rows[missing.to_numpy()]]
    duplicated, first_at = _repeats(ids)
    if duplicated.any():
        first_row = rows[first_at[duplicated]]
        dup_ids = ids[duplicated].to_numpy()
        log.add_rows(
            "error",
            rows[duplicated],
            column,
            "respondent.repeated",
            [
                {"id": str(i), "first": int(r)}
                for i, r in zip(dup_ids[:ROWS_LISTED], first_row[:ROWS_LISTED], strict=True)
            ],
        )
    return _compact_ids(ids), ~duplicated


_FLOAT32_EXACT = 2**24  # every integer up to this is exact in float32


def _compact_numbers(frame: pd.DataFrame) -> None:
    """Hold whole-number columns in 4 (float) or 2 (int) bytes a cell instead of 8, in place.

    Only for a frame nobody else holds (:func:`load_survey`'s own). Ratings are small whole
    numbers, exact in float32; :func:`_column` gives each column back in the dtype it was
    read with before any value is used, so no number changes. Columns a compact read
    (``read_table(..., compact=True)``) already holds small are recorded there already.
    """
    compacted: dict[str, np.dtype] = dict(frame.attrs.get(COMPACTED, {}))
    for name in list(frame.columns):
        if frame[name].dtype not in (np.float64, np.int64):
            continue  # text stays as it is: no Python objects made for it here
        values = frame[name].to_numpy()
        if values.dtype == np.float64:
            present = values[~np.isnan(values)]
            small = np.abs(present) <= _FLOAT32_EXACT
            if small.all() and (present == np.round(present)).all():
                compacted[name] = values.dtype
                frame[name] = values.astype(np.float32)
        elif values.dtype == np.int64 and values.size and _fits_int16(values):
            compacted[name] = values.dtype
            frame[name] = values.astype(np.int16)
    frame.attrs[COMPACTED] = compacted


def _restore_if_tidy(raw: RawTable) -> None:
    """A tidy table's columns are read as they are: a compact read's dtypes are restored."""
    compacted = raw.frame.attrs.get(COMPACTED)
    if not compacted or tidy_columns(raw.frame) is None:
        return
    for name, dtype in compacted.items():
        raw.frame[name] = raw.frame[name].astype(dtype)
    del raw.frame.attrs[COMPACTED]


def _fits_int16(values: np.ndarray) -> bool:
    info = np.iinfo(np.int16)
    return bool(values.min() >= info.min and values.max() <= info.max)


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    """A column of the file in the dtype it was read with (see :func:`_compact_numbers`)."""
    values = frame[name]
    dtype = frame.attrs.get(COMPACTED, {}).get(name)
    return values if dtype is None else values.astype(dtype)


def _repeats(ids: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Which ids repeat an earlier one, and the position of each id's first occurrence.

    From a stable sort of the Arrow strings: equal neighbours are repeats. A hash of every
    id (``duplicated``, ``factorize``) would cost about 100 bytes per respondent.
    """
    text = pa.array(ids.array).cast(pa.large_string())
    order = pc.sort_indices(text).to_numpy()
    ordered = text.take(order)
    same = pc.equal(ordered[1:], ordered[:-1]).to_numpy(zero_copy_only=False)
    same = np.concatenate([[False], same]) if len(order) else np.zeros(0, bool)
    run_start = np.maximum.accumulate(np.where(same, 0, np.arange(len(order))))
    duplicated = np.zeros(len(order), bool)
    duplicated[order[same]] = True
    first_at = np.empty(len(order), np.int64)
    first_at[order] = order[run_start]
    return duplicated, first_at


def _compact_ids(ids: object) -> pd.api.extensions.ExtensionArray:
    """Ids as one Arrow-backed string array (not a Python object per respondent)."""
    return pd.array(ids, dtype=pd.StringDtype("pyarrow", na_value=np.nan))


def _rating_scale(
    entry: ColumnMapping, values: pd.Series, raw: RawTable, log: ReportBuilder
) -> Scale | None:
    if entry.scale:
        return parse_scale(entry.scale)
    guess = _column_guess(raw, entry.column, values)
    if guess.scale is None:
        if guess.n:
            span = {"low": float(guess.low), "high": float(guess.high)}
            log.add("error", "scale.no_scale_holds_values", span, column=entry.column)
        else:
            log.add("error", "scale.no_numbers", column=entry.column)
    return guess.scale


def _column_labels(values: pd.Series, scale: Scale) -> LabelSet | None:
    """The label set of a column's text answers read on ``scale`` (None: no text labels)."""
    texts = answer_texts(values)
    return match_label_set(texts, points=scale.points) if texts else None


def _column_guess(raw: RawTable, column: str, values: pd.Series) -> ScaleGuess:
    question = question_text(column, raw.labels)
    return infer_scale(values, question=question, value_labels=raw.value_labels.get(column))


def _assumed_scales(
    raw: RawTable, mapping: Mapping, *, suggested: bool
) -> tuple[ScaleAssumption, ...]:
    """The scales nobody declared, as :func:`mot.mapping.suggest_mapping` or detection chose them.

    A suggested mapping reads one scale per measure (and per outcome) from all its columns
    together, unless a column's question text or value labels state its own; a hand-made
    mapping's column without a scale is read on its own.
    """
    groups: dict[str, list[str]] = {}
    found = []
    for entry in mapping.columns:
        target = entry.measure if entry.role == "rating" else entry.outcome
        if entry.role not in ("rating", "outcome") or (entry.scale and not suggested):
            continue
        column = entry.column
        stated = stated_scale(
            question=question_text(column, raw.labels), value_labels=raw.value_labels.get(column)
        )
        if not suggested or stated is not None:
            guess = stated or _column_guess(raw, column, raw.frame[column])
            found.append(ScaleAssumption(str(target), (column,), guess))
        groups.setdefault(str(target), []).append(column)
    if suggested:
        found.extend(_pooled_assumption(raw, mapping, t, c) for t, c in groups.items())
    return with_sibling_support([a for a in found if a.columns], siblings=GAP_MEASURES)


def _pooled_assumption(
    raw: RawTable, mapping: Mapping, target: str, columns: list[str]
) -> ScaleAssumption:
    numbers = [
        pd.to_numeric(raw.frame[c], errors="coerce").to_numpy("float64", na_value=np.nan)
        for c in columns
    ]
    texts = [text for c in columns for text in answer_texts(raw.frame[c])]
    guess = infer_scale(np.concatenate(numbers), texts=texts)
    chosen = {mapping.get(c).scale for c in columns} - {None}
    if target == "recommend" and chosen == {"0-10"} and guess.scale != Scale(0, 10):
        guess = replace(guess, scale=Scale(0, 10), evidence="default", also_fit=())
    plain = tuple(
        c
        for c in columns
        if stated_scale(question=question_text(c, raw.labels), value_labels=raw.value_labels.get(c))
        is None
    )
    return ScaleAssumption(target, plain, guess)


def _report_unsure(mapping: Mapping, log: ReportBuilder) -> None:
    """One warning per column whose question reads as a rating too unsurely to apply.

    It names what was suggested, the words it rests on and the mapping entry that confirms
    it (the Data page shows the same suggestion in its mapping table).
    """
    for entry in mapping.columns:
        evidence = entry.evidence
        if entry.reason != "question_unsure" or evidence is None or evidence.measure is None:
            continue
        found = (*evidence.touchpoint_words, *evidence.measure_words, *evidence.scale_words)
        words = Joined([Message("mapping.word", word=w) for w in dict.fromkeys(found)])
        confirm = {
            "column": entry.column,
            "role": "rating",
            "touchpoint": evidence.touchpoint or "<touchpoint>",
            "measure": evidence.measure,
        }
        others = ", ".join(f"`{t}`" for t in evidence.others)
        params = {
            "touchpoint": evidence.touchpoint,
            "measure": evidence.measure,
            "words": words,
            "also": Message("mapping.unsure_also", touchpoints=others) if others else "",
            "entry": json.dumps(confirm, ensure_ascii=False),
        }
        code = "mapping.unsure" if evidence.touchpoint else "mapping.unsure_no_touchpoint"
        log.add("warning", code, params, column=entry.column)


def _report_assumptions(assumptions: Sequence[ScaleAssumption], log: ReportBuilder) -> None:
    """One warning per assumed scale, stating it with its evidence."""
    for assumption in assumptions:
        if assumption.guess.scale is None:
            continue  # the column's own error says no known scale holds it
        column = assumption.columns[0] if len(assumption.columns) == 1 else None
        log.add("warning", assumption.code, assumption.params(), column=column)


def _report_cells(
    status: np.ndarray,
    values: pd.Series,
    rows: np.ndarray,
    column: str,
    scale: Scale,
    log: ReportBuilder,
    labels: LabelSet | None = None,
) -> None:
    if not (status > STATUSES.index("missing")).any():
        return
    for kind, (severity, code) in STATUS_ENTRIES.items():
        hit = status == STATUSES.index(kind)
        if not hit.any():
            continue
        names: dict[str, object] = {"scale": scale.name}
        if kind == "unknown_label":
            names["labels"] = labels.name if labels else ""
            names["understood"] = ", ".join(labels.labels) if labels else ""
        cells = values.to_numpy(dtype=object)[hit]
        params = [{"value": v, **names} for v in cells[:ROWS_LISTED]]
        log.add_rows(severity, rows[hit], column, code, params, summary=names)


@dataclass(frozen=True)
class _Block:
    """The ratings of one column, as codes and values ready to concatenate."""

    respondent: np.ndarray
    touchpoint: int
    measure: int
    value: np.ndarray
    top_box: np.ndarray


def _rating_block(
    entry: ColumnMapping,
    raw: RawTable,
    keep: np.ndarray,
    rows: np.ndarray,
    journey: Journey,
    log: ReportBuilder,
) -> _Block | None:
    column = entry.column
    if entry.touchpoint not in journey.ids:
        params = {"touchpoint": entry.touchpoint, "touchpoints": ", ".join(journey.ids)}
        log.add("error", "mapping.unknown_touchpoint", params, column=column)
        return None
    values = _column(raw.frame, column)[keep]
    scale = _rating_scale(entry, values, raw, log)
    if scale is None:
        return None
    labels = _column_labels(values, scale)
    parsed = parse_ratings(values, scale, labels=labels)
    _report_cells(parsed.status, values, rows[keep], column, scale, log, labels)
    present = ~np.isnan(parsed.values)
    points = parsed.values[present]
    return _Block(
        respondent=np.flatnonzero(present).astype(np.int32),
        touchpoint=journey.ids.index(entry.touchpoint),
        measure=MEASURES.index(entry.measure),
        value=normalise(points, scale, emotion=entry.measure == "emotion", reverse=entry.reverse),
        top_box=top_box(points, scale, reverse=entry.reverse),
    )


def _unique_categorical(codes: np.ndarray, ids: object) -> pd.Categorical:
    """A categorical over ids known to be unique (:func:`_repeats` left the repeats out).

    ``from_codes`` would check their uniqueness with a hash table of one Python string per
    respondent, kept with the categories (about 65 bytes per respondent, 45 MB for 700,000).
    """
    dtype = pd.CategoricalDtype._from_fastpath(pd.Index(ids), ordered=False)
    return pd.Categorical.from_codes(codes, dtype=dtype, validate=False)


class _RatingsSink:
    """The tidy table's arrays, filled column by column as each rating column is parsed.

    Sized for every cell of every rating column (``np.empty``: pages never written are never
    resident), so no per-column block waits to be concatenated and no second copy exists.
    """

    def __init__(self, capacity: int, n_touchpoints: int) -> None:
        self.respondent = np.empty(capacity, np.int32)
        # The width pandas gives the codes of that many categories: no copy when framed.
        self.touchpoint = np.empty(capacity, np.int8 if n_touchpoints < 127 else np.int16)
        self.measure = np.empty(capacity, np.int8)
        self.value = np.empty(capacity, np.float64)
        self.top = np.empty(capacity, bool)
        self.size = 0

    def add(self, block: _Block) -> None:
        start, end = self.size, self.size + block.value.size
        self.respondent[start:end] = block.respondent
        self.touchpoint[start:end] = block.touchpoint
        self.measure[start:end] = block.measure
        self.value[start:end] = block.value
        self.top[start:end] = block.top_box
        self.size = end

    def frame(self, ids: object, journey: Journey) -> pd.DataFrame:
        n = self.size
        # The arrays are fresh: no need for the constructor's defensive copy.
        return pd.DataFrame(
            {
                "respondent_id": _unique_categorical(self.respondent[:n], ids),
                "touchpoint": pd.Categorical.from_codes(
                    self.touchpoint[:n], categories=list(journey.ids), ordered=True
                ),
                "measure": pd.Categorical.from_codes(self.measure[:n], categories=list(MEASURES)),
                "value": self.value[:n],
                "top_box": self.top[:n],
            },
            copy=False,
        )


def _outcome_column(
    entry: ColumnMapping, raw: RawTable, keep: np.ndarray, rows: np.ndarray, log: ReportBuilder
) -> np.ndarray | None:
    values = _column(raw.frame, entry.column)[keep]
    scale = _rating_scale(entry, values, raw, log)
    if scale is None:
        return None
    labels = _column_labels(values, scale)
    parsed = parse_ratings(values, scale, labels=labels)
    _report_cells(parsed.status, values, rows[keep], entry.column, scale, log, labels)
    if entry.outcome == "recommend" and scale != Scale(0, 10):
        # NPS is defined on 0–10: other scales are stretched onto it.
        params = {"scale": scale.name}
        log.add("warning", "outcome.recommend_stretched", params, column=entry.column)
    points = scale.low + scale.high - parsed.values if entry.reverse else parsed.values
    return _outcome_values(entry.outcome, points, scale)


def _segment_column(entry: ColumnMapping, raw: RawTable, keep: np.ndarray) -> pd.Categorical:
    values = _column(raw.frame, entry.column)[keep]
    labels = raw.value_labels.get(entry.column)
    if labels:
        values = values.map(lambda v: labels.get(v, v))
    text = values.astype("string").str.strip().replace("", pd.NA)
    # Codes from one hash pass over the text, categories sorted as pd.Categorical sorts them:
    # no Python object per respondent.
    codes, uniques = pd.factorize(text)
    categories = np.asarray(uniques, dtype=object)
    order = np.argsort(categories, kind="stable")
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    codes = np.where(codes >= 0, rank[np.maximum(codes, 0)], -1)
    return pd.Categorical.from_codes(codes, categories=pd.Index(categories[order]))


def _respondents_table(
    raw: RawTable,
    mapping: Mapping,
    ids: np.ndarray,
    keep: np.ndarray,
    rows: np.ndarray,
    log: ReportBuilder,
) -> pd.DataFrame:
    table: dict[str, object] = {"respondent_id": ids[keep], "row": rows[keep]}
    for entry in mapping.by_role("customer_id")[:1]:
        ids = _column(raw.frame, entry.column)[keep].astype("string")
        table["customer_id"] = _compact_ids(ids)  # Arrow strings, no object per respondent
    for entry in mapping.by_role("outcome"):
        column = _outcome_column(entry, raw, keep, rows, log)
        if column is not None:
            table[entry.outcome] = column
    for entry in mapping.by_role("segment"):
        if entry.column not in table:
            table[entry.column] = _segment_column(entry, raw, keep)
    return pd.DataFrame(table)


def _comments_table(
    raw: RawTable, mapping: Mapping, ids: np.ndarray, keep: np.ndarray
) -> pd.DataFrame:
    parts = []
    for entry in mapping.by_role("comment"):
        text = _column(raw.frame, entry.column)[keep].astype("string").str.strip()
        present = text.notna() & (text != "")
        parts.append(
            pd.DataFrame(
                {
                    "respondent_id": ids[keep][present.to_numpy()].to_numpy(dtype=object),
                    "touchpoint": entry.touchpoint,
                    "comment": text[present].to_numpy(dtype=object),
                }
            )
        )
    if not parts:
        return pd.DataFrame({"respondent_id": [], "touchpoint": [], "comment": []}, dtype=object)
    return pd.concat(parts, ignore_index=True)


def _check_mapping_columns(raw: RawTable, mapping: Mapping, log: ReportBuilder) -> Mapping:
    known = set(map(str, raw.frame.columns))
    absent = [c.column for c in mapping.columns if c.column not in known and c.role != "ignore"]
    for column in absent:
        log.add("error", "mapping.absent_column", column=column)
    unmapped = [c for c in raw.frame.columns if mapping.get(str(c)) is None]
    if unmapped:
        shown = ", ".join(f"`{c}`" for c in unmapped[:8]) + (" …" if len(unmapped) > 8 else "")
        log.add("warning", "mapping.unmapped_columns", {"n": len(unmapped), "columns": shown})
    return Mapping(tuple(c for c in mapping.columns if c.column in known))


def _rating_counts(ratings: pd.DataFrame) -> np.ndarray:
    """Answers per touchpoint × measure (flat, touchpoint-major) from the category codes."""
    n_measures = len(MEASURES)
    combined = ratings["touchpoint"].cat.codes.to_numpy().astype(np.int64) * n_measures
    combined += ratings["measure"].cat.codes.to_numpy()
    return np.bincount(combined, minlength=len(ratings["touchpoint"].cat.categories) * n_measures)


def _check_coverage(counts: np.ndarray, touchpoints: Sequence[str], log: ReportBuilder) -> None:
    if not counts.any():
        log.add("error", "coverage.no_ratings")
        return
    n_measures = len(MEASURES)
    for code in np.flatnonzero((counts > 0) & (counts < MIN_ANSWERS_FOR_CI)):
        touchpoint, measure = touchpoints[code // n_measures], MEASURES[code % n_measures]
        params = {"touchpoint": touchpoint, "measure": Message(f"measure.{measure}")}
        log.add("warning", "coverage.few_answers", {**params, "n": int(counts[code])})


@dataclass(frozen=True)
class _Plan:
    """How a wide file is built: what may be freed as it goes, and what is kept.

    ``release`` lets the builder delete each column of ``raw.frame`` once it has been read
    (only for a :class:`RawTable` nobody else holds: :func:`load_survey`'s own), so the
    file's columns and the tidy table are never in memory together. Without ``ratings`` only
    the report is built: each column's ratings are counted, then dropped.
    """

    release: bool = False
    ratings: bool = True


def _build_wide(
    raw: RawTable, mapping: Mapping, journey: Journey, log: ReportBuilder, plan: _Plan
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, np.ndarray]:
    rows = raw.first_data_line + np.arange(len(raw.frame))
    for row in getattr(raw, "ragged_rows", ()):
        log.add("warning", "row.ragged", row=int(row))
    ids, keep = _respondent_ids(raw, mapping, log)
    kept_ids = ids[keep]
    # The respondents' table first, while the ratings are not yet in memory (its entries
    # still follow the ratings' in the report, as they always have).
    respondents_log = ReportBuilder()
    respondents = _respondents_table(raw, mapping, ids, keep, rows, respondents_log)
    comments = _comments_table(raw, mapping, ids, keep)
    entries = mapping.by_role("rating")
    if plan.release:  # from here on only the rating columns are read
        rating_columns = {entry.column for entry in entries}
        for column in [c for c in raw.frame.columns if c not in rating_columns]:
            del raw.frame[column]
        release_memory()
    counts = np.zeros(len(journey.ids) * len(MEASURES), dtype=np.int64)
    sink = _RatingsSink(len(kept_ids) * len(entries) if plan.ratings else 0, len(journey.ids))
    for entry in entries:
        block = _rating_block(entry, raw, keep, rows, journey, log)
        if plan.release and entry.column in raw.frame:
            del raw.frame[entry.column]
        if block is None:
            continue
        counts[block.touchpoint * len(MEASURES) + block.measure] += block.value.size
        if plan.ratings:
            sink.add(block)
        del block
        if plan.release:
            release_memory()
    ratings = sink.frame(kept_ids if plan.ratings else kept_ids[:0], journey)
    log.entries.extend(respondents_log.entries)
    return ratings, respondents, comments, counts


# --- tidy input -----------------------------------------------------------------------------

TIDY_ID_NAMES = ("respondentid", "respondent", "responseid", "id")


def tidy_columns(frame: pd.DataFrame) -> dict[str, str] | None:
    """If ``frame`` is already tidy, map role → its column name; else None.

    A tidy table has a respondent column and ``touchpoint``, ``measure`` and ``value``.
    """
    by_words = {name_words(str(c)).replace(" ", ""): str(c) for c in frame.columns}
    found = {
        "touchpoint": by_words.get("touchpoint"),
        "measure": by_words.get("measure"),
        "value": by_words.get("value"),
    }
    found["respondent_id"] = next((by_words[n] for n in TIDY_ID_NAMES if n in by_words), None)
    return found if all(found.values()) else None


def _tidy_rows(
    raw: RawTable, names: dict[str, str], journey: Journey, log: ReportBuilder
) -> tuple[pd.DataFrame, list[str]]:
    frame = raw.frame
    rows = raw.first_data_line + np.arange(len(frame))
    measure_words = (
        frame[names["measure"]]
        .astype("string")
        .map(lambda m: name_words(m) if m is not pd.NA else "", na_action="ignore")
    )
    measure = measure_words.map(lambda w: MEASURE_NAMES.get(w) or OUTCOME_NAMES.get(w))
    unknown = measure.isna().to_numpy()
    if unknown.any():
        known = {"measures": ", ".join(MEASURES), "outcomes": ", ".join(OUTCOMES)}
        log.add_rows(
            "error",
            rows[unknown],
            names["measure"],
            "tidy.unknown_measure",
            [
                {**known, "measure": m}
                for m in frame[names["measure"]][unknown].to_numpy(dtype=object)[:ROWS_LISTED]
            ],
            summary=known,
        )
    touchpoint = frame[names["touchpoint"]].astype("string").str.strip()
    extra = [t for t in pd.unique(touchpoint.dropna()) if t not in journey.ids]
    tidy = pd.DataFrame(
        {
            "row": rows,
            "respondent_id": frame[names["respondent_id"]].astype("string").str.strip(),
            "touchpoint": touchpoint,
            "measure": measure,
            "value": frame[names["value"]],
        }
    )[~unknown]
    return tidy, [str(t) for t in extra]


def _build_tidy(
    raw: RawTable, names: dict[str, str], journey: Journey, log: ReportBuilder
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, Journey]:
    tidy, extra = _tidy_rows(raw, names, journey, log)
    if extra:
        params = {"touchpoints": ", ".join(extra)}
        log.add("warning", "tidy.extra_touchpoints", params, column=names["touchpoint"])
        journey = journey.with_touchpoints(
            [*journey.touchpoints, *(_plain_touchpoint(t) for t in extra)]
        )
    parts, outcomes = [], {}
    for measure, group in tidy.groupby("measure", sort=False):
        if measure == "comment":
            continue
        assumption = _tidy_scale(str(measure), group["value"], names["value"])
        _report_assumptions([assumption], log)
        scale = assumption.guess.scale
        labels = _column_labels(group["value"], scale)
        parsed = parse_ratings(group["value"], scale, labels=labels)
        _report_cells(
            parsed.status,
            group["value"],
            group["row"].to_numpy(),
            names["value"],
            scale,
            log,
            labels,
        )
        ok = ~np.isnan(parsed.values)
        if measure in OUTCOMES:
            outcomes[measure] = pd.Series(
                _outcome_values(measure, parsed.values, scale)[ok],
                index=group["respondent_id"][ok].to_numpy(),
            )
            continue
        parts.append(
            group[ok].assign(
                value=normalise(parsed.values[ok], scale, emotion=measure == "emotion"),
                top_box=top_box(parsed.values[ok], scale),
            )
        )
    ids = pd.unique(tidy["respondent_id"].dropna())
    respondents = pd.DataFrame({"respondent_id": ids.astype(object)})
    first_rows = tidy.groupby("respondent_id", sort=False)["row"].min()
    respondents["row"] = first_rows.reindex(ids).to_numpy()
    for outcome, series in outcomes.items():
        respondents[outcome] = series.groupby(level=0).first().reindex(ids).to_numpy()
    ratings = (
        pd.concat(parts, ignore_index=True)
        if parts
        else tidy.iloc[:0].assign(top_box=pd.Series(dtype=bool))
    )
    ratings = _as_tidy_ratings(ratings, ids, journey)
    comment_rows = tidy[tidy["measure"] == "comment"]
    comments = pd.DataFrame(
        {
            "respondent_id": comment_rows["respondent_id"].to_numpy(dtype=object),
            "touchpoint": comment_rows["touchpoint"].to_numpy(dtype=object),
            "comment": comment_rows["value"].astype("string").to_numpy(dtype=object),
        }
    )
    return ratings, respondents, comments, journey


def _tidy_scale(measure: str, values: pd.Series, column: str) -> ScaleAssumption:
    """One scale per measure of a tidy table; recommendation defaults to 0–10, others to 0–100."""
    guess = infer_scale(values)
    found = guess.scale
    if measure == "recommend" and (found is None or found.high <= 10):
        if found != Scale(0, 10):
            guess = replace(guess, scale=Scale(0, 10), evidence="default", also_fit=())
    elif found is None:
        guess = replace(guess, scale=Scale(0, 100), evidence="default", also_fit=())
    return ScaleAssumption(measure, (column,), guess)


def _outcome_values(outcome: str, points: np.ndarray, scale: Scale) -> np.ndarray:
    """Outcomes on 0–100, except recommendation, which NPS reads on 0–10."""
    if outcome == "recommend":
        return normalise(points, scale) / 10.0
    return normalise(points, scale)


def _plain_touchpoint(touchpoint_id: str):
    from mot.journey import Touchpoint

    return Touchpoint(touchpoint_id, touchpoint_id, touchpoint_id)


def _as_tidy_ratings(ratings: pd.DataFrame, ids: Sequence, journey: Journey) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "respondent_id": pd.Categorical(
                ratings["respondent_id"].astype(object), categories=pd.Index(ids)
            ),
            "touchpoint": pd.Categorical(
                ratings["touchpoint"].astype(object), categories=list(journey.ids), ordered=True
            ),
            "measure": pd.Categorical(ratings["measure"].astype(object), categories=list(MEASURES)),
            "value": ratings["value"].astype("float64").to_numpy(),
            "top_box": ratings["top_box"].astype(bool).to_numpy(),
        }
    )


# --- public entry points --------------------------------------------------------------------


def build_survey(
    raw: RawTable,
    *,
    journey: Journey | None = None,
    mapping: Mapping | None = None,
    consume: bool = False,
) -> SurveyData:
    r"""Turn a read file into :class:`SurveyData`, validating as it goes.

    Parameters
    ----------
    raw : RawTable
        The file as read by :func:`mot.io.read_table`.
    journey : Journey, optional
        Touchpoints the ratings refer to; default :func:`mot.journey.default_journey`.
    mapping : Mapping, optional
        Column roles. Default: :func:`mot.mapping.suggest_mapping`, reported as a warning.
        Ignored for tidy input.
    consume : bool, default False
        The caller gives ``raw`` up: its columns are deleted from ``raw.frame`` as they
        become tidy rows (as :func:`load_survey` does with its own table), so the file's
        columns and the tidy tables are never in memory together. ``raw.frame`` is then
        left without the columns that were read.

    Returns
    -------
    SurveyData
        Tidy tables and the validation report. Errors in the report name what was left out.

    Examples
    --------
    >>> from mot.io import read_table
    >>> raw = read_table(b"ResponseId,FMOT_experienced,TMOT_experienced\nR1,5,2\nR2,7,x\n",
    ...                  name="tiny.csv")
    >>> survey = build_survey(raw)
    >>> survey.ratings["value"].round(1).tolist(), len(survey.report.errors)
    ([66.7, 100.0, 16.7], 1)
    """
    if consume:
        release_memory()
    return _build(raw, journey, mapping, _Plan(release=consume))


def _build(
    raw: RawTable, journey: Journey | None, mapping: Mapping | None, plan: _Plan
) -> SurveyData:
    journey = journey or default_journey()
    log = ReportBuilder(list(raw.issues))  # what reading changed or could not take
    _restore_if_tidy(raw)
    tidy_names = tidy_columns(raw.frame)
    assumptions: tuple[ScaleAssumption, ...] = ()
    if tidy_names is not None:
        ratings, respondents, comments, journey = _build_tidy(raw, tidy_names, journey, log)
        mapping = mapping or Mapping(())
        counts = _rating_counts(ratings)
    else:
        suggested = mapping is None
        if plan.release:
            _compact_numbers(raw.frame)
            release_memory()
        if mapping is None:
            mapping = suggest_mapping(
                raw.frame, journey, labels=raw.labels, value_labels=raw.value_labels
            )
            log.add("warning", "mapping.suggested")
            _report_unsure(mapping, log)
        if plan.release:
            release_memory()
        mapping = _check_mapping_columns(raw, mapping, log)
        assumptions = _assumed_scales(raw, mapping, suggested=suggested)
        _report_assumptions(assumptions, log)
        if plan.release:  # what inferring the scales parsed is handed back
            release_memory()
        ratings, respondents, comments, counts = _build_wide(raw, mapping, journey, log, plan)
    _check_coverage(counts, journey.ids, log)
    return SurveyData(
        ratings, respondents, comments, journey, mapping, log.report(), raw.name, assumptions
    )


def load_survey(
    source: str | Path | bytes | BinaryIO,
    *,
    name: str | None = None,
    journey: Journey | None = None,
    mapping: Mapping | None = None,
) -> SurveyData:
    """Read and build a survey in one call.

    Raises
    ------
    UnreadableFileError
        If the file cannot be read at all (empty, binary, not a table). Everything less
        severe is in the returned report.
    FileTooLargeError
        If the file is larger than :data:`mot.io.MAX_FILE_BYTES`.

    Notes
    -----
    The file's columns are freed one by one as they become tidy rows, so the peak memory
    stays within a few times the file's size (``bench/README.md``, "Memory").
    """
    raw = read_table(source, name=name, compact=True)
    release_memory()
    return _build(raw, journey, mapping, _Plan(release=True))


def load_report(
    source: str | Path | bytes | BinaryIO,
    *,
    name: str | None = None,
    journey: Journey | None = None,
    mapping: Mapping | None = None,
) -> ValidationReport:
    r"""Read a file and return only its validation report (what ``python -m mot validate`` prints).

    The same entries as ``load_survey(...).report``, built without keeping the tidy tables:
    each rating column is checked, counted and dropped, so validating a large file needs
    little more memory than reading it.

    Raises
    ------
    UnreadableFileError, FileTooLargeError
        As :func:`load_survey`.

    Examples
    --------
    >>> report = load_report(b"ResponseId,FMOT_experienced\nR1,5\nR2,x\n", name="t.csv")
    >>> [e.problem for e in report.errors][0][:21]
    '`x` is not a number o'
    """
    raw = read_table(source, name=name, compact=True)
    release_memory()
    return _build(raw, journey, mapping, _Plan(release=True, ratings=False)).report


def validate_survey(
    source: str | Path | bytes | BinaryIO,
    *,
    name: str | None = None,
    journey: Journey | None = None,
    mapping: Mapping | None = None,
) -> ValidationReport:
    """The validation report of a file; never raises for a bad file (it is an error entry)."""
    try:
        return load_report(source, name=name, journey=journey, mapping=mapping)
    except MotError as exc:
        return ValidationReport((file_error(exc),))


def file_error(exc: MotError, *, retry: bool = False) -> ReportEntry:
    """The error entry of a file that cannot be read.

    Its problem is the error's message: a :class:`mot.messages.Message` when the error
    carries one, so that it renders in either language.
    """
    message = message_of(exc)
    code = "file.unreadable_retry" if retry else "file.unreadable"
    return ReportEntry("error", None, None, code, {"message": message})


def with_mapping_entry(mapping: Mapping, entry: ColumnMapping) -> Mapping:
    """Return the mapping with ``entry`` replacing the entry of the same column (or added)."""
    others = [c for c in mapping.columns if c.column != entry.column]
    position = next(
        (i for i, c in enumerate(mapping.columns) if c.column == entry.column), len(others)
    )
    others.insert(position, entry)
    return replace(mapping, columns=tuple(others))


def filter_survey(survey: SurveyData, *, segment: str, values: Sequence[str]) -> SurveyData:
    r"""Keep the respondents whose ``segment`` is one of ``values`` (and their ratings).

    Raises
    ------
    MotError
        If ``segment`` is not a segment of the survey.

    Examples
    --------
    >>> from mot.io import read_table
    >>> s = build_survey(read_table(b"id,device,FMOT_experienced\na,mobile,3\nb,desktop,4\n",
    ...                             name="x.csv"))
    >>> filter_survey(s, segment="device", values=["mobile"]).ratings["respondent_id"].tolist()
    ['a']
    """
    if segment not in survey.respondents.columns:
        segments = ", ".join(survey.segments) or Message("word.none")
        message = Message("survey.no_segment", segment=segment, segments=segments)
        raise MotError(message)
    wanted = {str(v) for v in values}
    keep = survey.respondents[segment].astype("string").isin(wanted).fillna(False).to_numpy()
    respondents = survey.respondents[keep].reset_index(drop=True)
    ids = set(respondents["respondent_id"].astype(str))
    categories = survey.ratings["respondent_id"].cat.categories.astype(str)
    kept_codes = np.flatnonzero(categories.isin(ids))
    rows = np.isin(survey.ratings["respondent_id"].cat.codes.to_numpy(), kept_codes)
    ratings = survey.ratings[rows].reset_index(drop=True)
    ratings["respondent_id"] = ratings["respondent_id"].cat.remove_unused_categories()
    comments = survey.comments[survey.comments["respondent_id"].astype(str).isin(ids)]
    return replace(
        survey,
        ratings=ratings,
        respondents=respondents,
        comments=comments.reset_index(drop=True),
    )
