"""Building a survey from a wide file: one column per question (private: mot.survey runs it)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from mot import MEASURES
from mot._survey_common import (
    GAP_MEASURES,
    MIN_ANSWERS_FOR_CI,
    column_labels,
    outcome_values,
    report_cells,
    tidy_columns,
)
from mot.io import COMPACTED, RawTable, release_memory
from mot.journey import Journey
from mot.mapping import ColumnMapping, Mapping
from mot.messages import Joined, Message
from mot.questions import question_text
from mot.scales import (
    Scale,
    ScaleAssumption,
    ScaleGuess,
    answer_texts,
    infer_scale,
    normalise,
    parse_ratings,
    parse_scale,
    stated_scale,
    top_box,
    with_sibling_support,
)
from mot.validation import ROWS_LISTED, ReportBuilder


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


def compact_numbers(frame: pd.DataFrame) -> None:
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


def restore_if_tidy(raw: RawTable) -> None:
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
    """A column of the file in the dtype it was read with (see :func:`compact_numbers`)."""
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


def _column_guess(raw: RawTable, column: str, values: pd.Series) -> ScaleGuess:
    question = question_text(column, raw.labels)
    return infer_scale(values, question=question, value_labels=raw.value_labels.get(column))


def assumed_scales(
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


def report_unsure(mapping: Mapping, log: ReportBuilder) -> None:
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
    labels = column_labels(values, scale)
    parsed = parse_ratings(values, scale, labels=labels)
    report_cells(parsed.status, values, rows[keep], column, scale, log, labels)
    present = ~np.isnan(parsed.values)
    points = parsed.values[present]
    return _Block(
        respondent=np.flatnonzero(present).astype(np.int32),
        touchpoint=journey.ids.index(entry.touchpoint),
        measure=MEASURES.index(entry.measure),
        value=normalise(points, scale, emotion=entry.measure == "emotion", reverse=entry.reverse),
        top_box=top_box(points, scale, reverse=entry.reverse),
    )


class _SharedTargets:
    """Columns mapped to one touchpoint and measure: each respondent keeps the first rating.

    A respondent rated in two such columns has a repeated rating: the cell of the later
    column is left out and named in the report (``rating.repeated_column``), the rule
    :func:`mot.tidy` analyses rely on (one rating per respondent, touchpoint and measure).
    Only targets with several columns get a per-respondent owner array.
    """

    def __init__(self, entries: Sequence[ColumnMapping], n_respondents: int) -> None:
        seen: dict[tuple, int] = {}
        for entry in entries:
            target = (entry.touchpoint, entry.measure)
            seen[target] = seen.get(target, 0) + 1
        self.owner = {
            target: np.full(n_respondents, -1, dtype=np.int32)
            for target, n in seen.items()
            if n > 1
        }
        self.columns = [entry.column for entry in entries]

    def first_only(
        self,
        block: _Block,
        entry: ColumnMapping,
        ids: object,
        rows: np.ndarray,
        log: ReportBuilder,
    ) -> _Block:
        owner = self.owner.get((entry.touchpoint, entry.measure))
        if owner is None:
            return block
        earlier = owner[block.respondent]
        again = earlier >= 0
        if again.any():
            repeated = block.respondent[again]
            params = [
                {
                    "id": str(ids[int(r)]),
                    "touchpoint": entry.touchpoint,
                    "measure": entry.measure,
                    "first": self.columns[int(c)],
                }
                for r, c in zip(repeated[:ROWS_LISTED], earlier[again][:ROWS_LISTED], strict=True)
            ]
            summary = {"touchpoint": entry.touchpoint, "measure": entry.measure}
            code = "rating.repeated_column"
            log.add_rows("error", rows[repeated], entry.column, code, params, summary=summary)
            kept = ~again
            block = replace(
                block,
                respondent=block.respondent[kept],
                value=block.value[kept],
                top_box=block.top_box[kept],
            )
        owner[block.respondent] = self.columns.index(entry.column)
        return block


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
    labels = column_labels(values, scale)
    parsed = parse_ratings(values, scale, labels=labels)
    report_cells(parsed.status, values, rows[keep], entry.column, scale, log, labels)
    if entry.outcome == "recommend" and scale != Scale(0, 10):
        # NPS is defined on 0–10: other scales are stretched onto it.
        params = {"scale": scale.name}
        log.add("warning", "outcome.recommend_stretched", params, column=entry.column)
    points = scale.low + scale.high - parsed.values if entry.reverse else parsed.values
    return outcome_values(entry.outcome, points, scale)


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


def check_mapping_columns(raw: RawTable, mapping: Mapping, log: ReportBuilder) -> Mapping:
    known = set(map(str, raw.frame.columns))
    absent = [c.column for c in mapping.columns if c.column not in known and c.role != "ignore"]
    for column in absent:
        log.add("error", "mapping.absent_column", column=column)
    unmapped = [c for c in raw.frame.columns if mapping.get(str(c)) is None]
    if unmapped:
        shown = ", ".join(f"`{c}`" for c in unmapped[:8]) + (" …" if len(unmapped) > 8 else "")
        log.add("warning", "mapping.unmapped_columns", {"n": len(unmapped), "columns": shown})
    return Mapping(tuple(c for c in mapping.columns if c.column in known))


def rating_counts(ratings: pd.DataFrame) -> np.ndarray:
    """Answers per touchpoint × measure (flat, touchpoint-major) from the category codes."""
    n_measures = len(MEASURES)
    combined = ratings["touchpoint"].cat.codes.to_numpy().astype(np.int64) * n_measures
    combined += ratings["measure"].cat.codes.to_numpy()
    return np.bincount(combined, minlength=len(ratings["touchpoint"].cat.categories) * n_measures)


def check_coverage(counts: np.ndarray, touchpoints: Sequence[str], log: ReportBuilder) -> None:
    if not counts.any():
        log.add("error", "coverage.no_ratings")
        return
    n_measures = len(MEASURES)
    for code in np.flatnonzero((counts > 0) & (counts < MIN_ANSWERS_FOR_CI)):
        touchpoint, measure = touchpoints[code // n_measures], MEASURES[code % n_measures]
        params = {"touchpoint": touchpoint, "measure": Message(f"measure.{measure}")}
        log.add("warning", "coverage.few_answers", {**params, "n": int(counts[code])})


@dataclass(frozen=True)
class Plan:
    """How a wide file is built: what may be freed as it goes, and what is kept.

    ``release`` lets the builder delete each column of ``raw.frame`` once it has been read
    (only for a :class:`RawTable` nobody else holds: :func:`load_survey`'s own), so the
    file's columns and the tidy table are never in memory together. Without ``ratings`` only
    the report is built: each column's ratings are counted, then dropped.
    """

    release: bool = False
    ratings: bool = True


def build_wide(
    raw: RawTable, mapping: Mapping, journey: Journey, log: ReportBuilder, plan: Plan
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
    shared = _SharedTargets(entries, len(kept_ids))
    for entry in entries:
        block = _rating_block(entry, raw, keep, rows, journey, log)
        if plan.release and entry.column in raw.frame:
            del raw.frame[entry.column]
        if block is None:
            continue
        block = shared.first_only(block, entry, kept_ids, rows[keep], log)
        counts[block.touchpoint * len(MEASURES) + block.measure] += block.value.size
        if plan.ratings:
            sink.add(block)
        del block
        if plan.release:
            release_memory()
    ratings = sink.frame(kept_ids if plan.ratings else kept_ids[:0], journey)
    log.entries.extend(respondents_log.entries)
    return ratings, respondents, comments, counts
