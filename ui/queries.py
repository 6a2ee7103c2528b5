"""The survey analyses a page can ask for: one cached function each, typed like the call it makes.

``queries.utilities(loaded, by="variant")`` is :func:`mot.scoring.score_utilities` on the
loaded survey, cached per browser session by the dataset's key (data + sidebar filter) and the
parameters — except on the unedited bundled demo (``Loaded.shared``), whose results are
cached once for every session (and warmed at start by :mod:`ui.serve`). Each function below is
the analysis itself; :func:`query` adds the cache. ``f.uncached(loaded, ...)`` runs it without
any cache (the report's tests and scripts, outside a Streamlit session).

A page never reads a widget inside a query: values are passed in.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Concatenate, Generic, ParamSpec, TypeVar

import pandas as pd
import streamlit as st

from mot import curves, scoring, wom
from mot import gaps as gap_analysis
from mot.errors import MissingMeasureError, MotError
from mot.summary import JourneyHighlights, journey_highlights, touchpoint_facts
from mot.survey import SurveyData
from mot.tidy import with_segment
from mot.vocabulary import (
    DEFAULT_CORRECTION,
    CiMethod,
    Correction,
    DriverMethod,
    Measure,
    Outcome,
)
from ui.data import Loaded

if TYPE_CHECKING:
    from mot.memory import PeakEndResult

P = ParamSpec("P")
R = TypeVar("R")

DRIVER_BOOTSTRAP = 200
"""Bootstrap resamples for driver intervals: enough for a stable 95% interval, fast."""


def canonical(
    compute: Callable[..., object], subjects: int, args: tuple, kwargs: dict[str, object]
) -> tuple:
    """The parameters of ``compute(*args, **kwargs)`` as a sorted, hashable tuple, defaults
    filled in and the first ``subjects`` arguments (the survey, the log) left out: the same
    call spelt two ways hits the same cache entry; lists become tuples."""
    bound = inspect.signature(compute).bind(*args, **kwargs)
    bound.apply_defaults()
    params = list(bound.arguments.items())[subjects:]
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params))


@st.cache_data(max_entries=256, scope="session", show_spinner=False)
def _run(name: str, key: str, params: tuple, _call: Callable[[], object]) -> object:
    return _call()


@st.cache_data(max_entries=256, show_spinner=False)
def _run_shared(name: str, key: str, params: tuple, _call: Callable[[], object]) -> object:
    return _call()


class Query(Generic[P, R]):
    """A survey analysis with its cache: call it as the function it wraps.

    Parameters
    ----------
    compute : callable
        ``compute(loaded, **params)``: the analysis, uncached.
    """

    def __init__(self, compute: Callable[Concatenate[Loaded, P], R]) -> None:
        self.compute = compute
        self.name = f"{compute.__module__}.{compute.__qualname__}"
        functools.update_wrapper(self, compute)

    def __call__(self, loaded: Loaded, /, *args: P.args, **kwargs: P.kwargs) -> R:
        """The analysis on ``loaded``, cached (per session, or once for all on the demo)."""
        params = canonical(self.compute, 1, (loaded, *args), kwargs)
        cached = _run_shared if loaded.shared else _run
        return cached(self.name, loaded.key, params, lambda: self.compute(loaded, *args, **kwargs))

    def uncached(self, loaded: Loaded, /, *args: P.args, **kwargs: P.kwargs) -> R:
        """The analysis on ``loaded``, computed now without any cache."""
        return self.compute(loaded, *args, **kwargs)


def query(compute: Callable[Concatenate[Loaded, P], R]) -> Query[P, R]:
    """Make ``compute(loaded, ...)`` a cached :class:`Query` with the same signature."""
    return Query(compute)


def _ratings(survey: SurveyData, by: str | None) -> pd.DataFrame:
    return with_segment(survey.ratings, survey.respondents, by) if by else survey.ratings


def _scored(ratings: pd.DataFrame) -> pd.DataFrame:
    """The utilities, or their empty table when the data has no utility rating (emotion
    only): the headline facts then rest on the curve alone."""
    try:
        return scoring.score_utilities(ratings)
    except MissingMeasureError:
        return scoring.score_utilities(ratings.iloc[:0])


def _optional(step: Callable[[], pd.DataFrame]) -> pd.DataFrame | None:
    try:
        return step()
    except MotError:
        return None


# Modules that need all of scipy.stats (a second to import) load on first use, so that the
# landing page does not wait for them.


@query
def utilities(loaded: Loaded, *, by: str | None = None, ci: CiMethod = "t") -> pd.DataFrame:
    """Utility of each touchpoint with its interval (:func:`mot.scoring.score_utilities`)."""
    return scoring.score_utilities(_ratings(loaded.survey, by), by=by, ci=ci)


@query
def shifts(loaded: Loaded, *, by: str | None = None) -> pd.DataFrame:
    """Paired shifts between the utilities (:func:`mot.scoring.utility_shifts`)."""
    return scoring.utility_shifts(_ratings(loaded.survey, by), by=by)


@query
def curve(loaded: Loaded, *, by: str | None = None) -> pd.DataFrame:
    """The emotion curve (:func:`mot.curves.emotion_curve`)."""
    return curves.emotion_curve(_ratings(loaded.survey, by), by=by)


@query
def extremes(loaded: Loaded, *, by: str | None = None, prominence: float = 5.0) -> pd.DataFrame:
    """The curve's peaks and troughs (:func:`mot.curves.curve_extremes`)."""
    found = curves.emotion_curve(_ratings(loaded.survey, by), by=by)
    return curves.curve_extremes(found, prominence=prominence)


@query
def locations(loaded: Loaded, *, by: str | None = None) -> pd.DataFrame:
    """Where respondents' own peaks and troughs fall (:func:`mot.curves.extreme_locations`)."""
    return curves.extreme_locations(_ratings(loaded.survey, by), by=by)


@query
def respondent_curves(loaded: Loaded) -> pd.DataFrame:
    """Per-respondent curve summaries (:func:`mot.curves.respondent_curves`)."""
    return curves.respondent_curves(loaded.survey.ratings)


@query
def curve_sources(loaded: Loaded) -> pd.DataFrame:
    """Respondents whose curve comes from emotion, experienced utility or neither
    (:func:`mot.curves.curve_sources`)."""
    return curves.curve_sources(loaded.survey.ratings)


@query
def durations(loaded: Loaded) -> pd.DataFrame:
    """Respondents by the duration of their curve, with its area and peak-end average
    (:func:`mot.curves.duration_summary`)."""
    return curves.duration_summary(loaded.survey.ratings)


@query
def sample_curves(loaded: Loaded, *, n: int = 50, seed: int = 0) -> pd.DataFrame:
    """A seeded sample of respondents' curves (:func:`mot.curves.sample_curves`)."""
    return curves.sample_curves(loaded.survey.ratings, n=n, seed=seed)


@query
def peak_end(loaded: Loaded, *, outcome: Outcome = "overall_retrospective") -> PeakEndResult:
    """Which summary of the curve predicts the remembered rating (:func:`mot.memory.peak_end`)."""
    from mot import memory

    return memory.peak_end(loaded.survey.ratings, loaded.survey.respondents, outcome=outcome)


@query
def memory_points(loaded: Loaded, *, outcome: Outcome = "overall_retrospective") -> pd.DataFrame:
    """Each respondent's peak-end value and remembered rating (:func:`mot.memory.memory_points`)."""
    from mot import memory

    return memory.memory_points(loaded.survey.ratings, loaded.survey.respondents, outcome=outcome)


@query
def gaps(loaded: Loaded, *, by: str | None = None) -> pd.DataFrame:
    """The six-step gaps (:func:`mot.gaps.gap_table`)."""
    return gap_analysis.gap_table(_ratings(loaded.survey, by), by=by)


@query
def importance_performance(loaded: Loaded, *, outcome: Outcome = "recommend") -> pd.DataFrame:
    """Importance against performance (:func:`mot.gaps.importance_performance`)."""
    s = loaded.survey
    return gap_analysis.importance_performance(
        s.ratings, respondents=s.respondents, outcome=outcome
    )


@query
def priorities(loaded: Loaded, *, outcome: Outcome = "recommend") -> pd.DataFrame:
    """Touchpoints ranked by importance × gap (:func:`mot.gaps.priorities`)."""
    s = loaded.survey
    return gap_analysis.priorities(s.ratings, respondents=s.respondents, outcome=outcome)


@query
def nps(loaded: Loaded, *, by: str | None = None) -> pd.DataFrame:
    """Net promoter score with its interval (:func:`mot.wom.nps`)."""
    return wom.nps(loaded.survey.respondents, by=by)


@query
def nps_difference(loaded: Loaded, *, by: str) -> pd.DataFrame:
    """NPS differences between the groups of ``by`` (:func:`mot.wom.nps_difference`)."""
    return wom.nps_difference(loaded.survey.respondents, by=by)


@query
def drivers(
    loaded: Loaded,
    *,
    outcome: Outcome = "recommend",
    method: DriverMethod = "relative_weights",
    n_boot: int = DRIVER_BOOTSTRAP,
) -> pd.DataFrame:
    """Relative importance of the touchpoints (:func:`mot.drivers.driver_importance`), by
    relative weights or dominance analysis."""
    from mot import drivers as driver_analysis

    s = loaded.survey
    return driver_analysis.driver_importance(
        s.ratings, s.respondents, outcome=outcome, method=method, n_boot=n_boot
    )


@query
def compare(
    loaded: Loaded,
    *,
    by: str,
    measure: Measure = "experienced",
    test: str = "auto",
    correction: Correction = DEFAULT_CORRECTION,
) -> pd.DataFrame:
    """Groups of ``by`` compared per touchpoint (:func:`mot.compare.compare_groups`)."""
    from mot import compare as comparisons

    ratings = _ratings(loaded.survey, by)
    return comparisons.compare_groups(
        ratings, by=by, measure=measure, test=test, correction=correction
    )


@query
def compare_top_box(
    loaded: Loaded,
    *,
    by: str,
    measure: Measure = "experienced",
    correction: Correction = DEFAULT_CORRECTION,
) -> pd.DataFrame:
    """Top-box shares of the groups of ``by`` compared (:func:`mot.compare.compare_top_box`)."""
    from mot import compare as comparisons

    ratings = _ratings(loaded.survey, by)
    return comparisons.compare_top_box(ratings, by=by, measure=measure, correction=correction)


@query
def highlights(loaded: Loaded) -> JourneyHighlights:
    """Best and worst moment, biggest gap, peak, trough and end
    (:func:`mot.summary.journey_highlights`)."""
    s = loaded.survey
    found = _scored(s.ratings)
    gap_rows = _optional(lambda: gap_analysis.gap_table(s.ratings))
    line = _optional(lambda: curves.emotion_curve(s.ratings))
    peaks = None if line is None else _optional(lambda: curves.curve_extremes(line))
    return journey_highlights(found, gaps=gap_rows, extremes=peaks, curve=line)


@query
def facts(loaded: Loaded) -> pd.DataFrame:
    """Each touchpoint's utilities, excellent level, mean emotion and gaps with their verdicts
    (:func:`mot.summary.touchpoint_facts`); without expected or excellent ratings, or
    without a curve, those columns are empty."""
    s = loaded.survey
    gap_rows = _optional(lambda: gap_analysis.gap_table(s.ratings))
    line = _optional(lambda: curves.emotion_curve(s.ratings))
    return touchpoint_facts(_scored(s.ratings), gaps=gap_rows, curve=line)


# --- two waves: the subject is a pair of surveys, cached per session by both keys ----------


def wave_changes(
    b: Loaded,
    a: Loaded,
    *,
    pair_on: str = "respondent_id",
    correction: Correction = DEFAULT_CORRECTION,
) -> pd.DataFrame:
    """Wave ``b`` against wave ``a``, every touchpoint and measure
    (:func:`mot.waves.compare_waves`)."""
    from mot.waves import compare_waves

    params = (("correction", correction), ("pair_on", pair_on))
    return _run(
        "waves.compare_waves",
        f"{a.key}>{b.key}",
        params,
        lambda: compare_waves(a.survey, b.survey, pair_on=pair_on, correction=correction),
    )


def nps_wave_change(b: Loaded, a: Loaded, *, pair_on: str = "respondent_id") -> pd.DataFrame:
    """The NPS of wave ``b`` against wave ``a`` (:func:`mot.waves.compare_nps_waves`)."""
    from mot.waves import compare_nps_waves

    return _run(
        "waves.compare_nps_waves",
        f"{a.key}>{b.key}",
        (("pair_on", pair_on),),
        lambda: compare_nps_waves(a.survey, b.survey, pair_on=pair_on),
    )


def wave_trend(waves: tuple[Loaded, ...], labels: tuple[str, ...]) -> pd.DataFrame:
    """Mean utilities per touchpoint in each wave, in order (:func:`mot.waves.wave_trend`)."""
    from mot.waves import wave_trend as trend

    key = ">".join(w.key for w in waves)
    surveys = [w.survey for w in waves]
    return _run("waves.wave_trend", key, (("labels", labels),), lambda: trend(surveys, labels))
