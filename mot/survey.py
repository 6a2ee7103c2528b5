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

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pandas as pd

from mot import MEASURES, OUTCOMES
from mot._survey_common import (
    GAP_MEASURES,
    MIN_ANSWERS_FOR_CI,
    STATUS_ENTRIES,
    TIDY_ID_NAMES,
    report_assumptions,
    tidy_columns,
)
from mot._survey_tidy import build_tidy
from mot._survey_wide import (
    Plan,
    assumed_scales,
    build_wide,
    check_coverage,
    check_mapping_columns,
    compact_numbers,
    rating_counts,
    report_unsure,
    restore_if_tidy,
)
from mot.errors import MotError
from mot.io import RawTable, read_table, release_memory
from mot.journey import Journey, default_journey
from mot.mapping import ColumnMapping, Mapping, suggest_mapping
from mot.messages import Message, message_of
from mot.scales import ScaleAssumption
from mot.validation import ReportBuilder, ReportEntry, ValidationReport

__all__ = [
    "GAP_MEASURES",
    "MIN_ANSWERS_FOR_CI",
    "STATUS_ENTRIES",
    "TIDY_ID_NAMES",
    "SurveyData",
    "build_survey",
    "file_error",
    "filter_survey",
    "load_report",
    "load_survey",
    "tidy_columns",
    "validate_survey",
    "with_mapping_entry",
]
# The builders behind build_survey live in mot/_survey_wide.py (one column per question) and
# mot/_survey_tidy.py (one row per rating), what they share in mot/_survey_common.py.


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
    return _build(raw, journey, mapping, Plan(release=consume))


def _build(
    raw: RawTable, journey: Journey | None, mapping: Mapping | None, plan: Plan
) -> SurveyData:
    journey = journey or default_journey()
    log = ReportBuilder(list(raw.issues))  # what reading changed or could not take
    restore_if_tidy(raw)
    tidy_names = tidy_columns(raw.frame)
    assumptions: tuple[ScaleAssumption, ...] = ()
    if tidy_names is not None:
        ratings, respondents, comments, journey = build_tidy(raw, tidy_names, journey, log)
        mapping = mapping or Mapping(())
        counts = rating_counts(ratings)
    else:
        suggested = mapping is None
        if plan.release:
            compact_numbers(raw.frame)
            release_memory()
        if mapping is None:
            mapping = suggest_mapping(
                raw.frame, journey, labels=raw.labels, value_labels=raw.value_labels
            )
            log.add("warning", "mapping.suggested")
            report_unsure(mapping, log)
        if plan.release:
            release_memory()
        mapping = check_mapping_columns(raw, mapping, log)
        assumptions = assumed_scales(raw, mapping, suggested=suggested)
        report_assumptions(assumptions, log)
        if plan.release:  # what inferring the scales parsed is handed back
            release_memory()
        ratings, respondents, comments, counts = build_wide(raw, mapping, journey, log, plan)
    check_coverage(counts, journey.ids, log)
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
    return _build(raw, journey, mapping, Plan(release=True))


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
    return _build(raw, journey, mapping, Plan(release=True, ratings=False)).report


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
