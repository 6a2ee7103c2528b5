"""Constructors and helpers for the tidy tables every analysis shares.

The column contracts are in ``docs/ARCHITECTURE.md``. Analyses call :func:`as_ratings` on
their input, so a hand-made DataFrame (a test, a notebook) works as well as a loaded survey.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from mot import MEASURES
from mot.errors import MissingMeasureError, MotError
from mot.messages import Message

RATING_COLUMNS: tuple[str, ...] = ("respondent_id", "touchpoint", "measure", "value", "top_box")


def as_ratings(frame: pd.DataFrame, *, touchpoints: Sequence[str] | None = None) -> pd.DataFrame:
    """Return ``frame`` with the ratings contract's dtypes (a copy only where a cast is needed).

    Parameters
    ----------
    frame : DataFrame
        Columns ``respondent_id, touchpoint, measure, value`` and optionally ``top_box``
        (``False`` when absent) plus any segment columns.
    touchpoints : sequence of str, optional
        Journey order of the touchpoints. Default: the order already in a categorical
        ``touchpoint`` column, else the order of first appearance.

    Returns
    -------
    DataFrame
        ``respondent_id`` (category), ``touchpoint`` (ordered category), ``measure`` (category
        over :data:`mot.MEASURES`), ``value`` (float64), ``top_box`` (bool), extra columns kept.

    Raises
    ------
    MotError
        If a required column is missing or a measure is unknown.

    Examples
    --------
    >>> r = as_ratings(pd.DataFrame({"respondent_id": ["a", "a"], "touchpoint": ["FMOT", "ZMOT"],
    ...                              "measure": ["experienced"] * 2, "value": [50, 75]}),
    ...                touchpoints=["ZMOT", "FMOT"])
    >>> list(r["touchpoint"].cat.categories), r["value"].dtype.name, bool(r["top_box"].any())
    (['ZMOT', 'FMOT'], 'float64', False)
    """
    missing = [c for c in RATING_COLUMNS[:4] if c not in frame.columns]
    if missing:
        message = Message(
            "tidy.columns", columns=", ".join(RATING_COLUMNS[:4]), missing=", ".join(missing)
        )
        raise MotError(message)
    out = frame
    casts: dict[str, pd.Series] = {}
    if not isinstance(out["respondent_id"].dtype, pd.CategoricalDtype):
        casts["respondent_id"] = out["respondent_id"].astype(str).astype("category")
    order = _touchpoint_order(out["touchpoint"], touchpoints)
    if order is not None:
        casts["touchpoint"] = pd.Categorical(
            out["touchpoint"].astype(str), categories=order, ordered=True
        )
    measure = out["measure"]
    if not (
        isinstance(measure.dtype, pd.CategoricalDtype) and tuple(measure.cat.categories) == MEASURES
    ):
        unknown = sorted(set(pd.unique(measure.astype(str))) - set(MEASURES))
        if unknown:
            message = Message(
                "tidy.unknown_measures", unknown=", ".join(unknown), measures=", ".join(MEASURES)
            )
            raise MotError(message)
        casts["measure"] = pd.Categorical(measure.astype(str), categories=list(MEASURES))
    if out["value"].dtype != np.float64:
        casts["value"] = out["value"].astype("float64")
    if "top_box" not in out.columns:
        casts["top_box"] = np.zeros(len(out), dtype=bool)
    elif out["top_box"].dtype != bool:
        casts["top_box"] = out["top_box"].fillna(False).astype(bool)
    if casts:
        out = out.assign(**casts)
    return out


def _touchpoint_order(tp: pd.Series, touchpoints: Sequence[str] | None) -> list[str] | None:
    """The category order ``touchpoint`` needs, or None when it already has the right one."""
    is_categorical = isinstance(tp.dtype, pd.CategoricalDtype)
    if touchpoints is not None:
        order = list(touchpoints)
        present = pd.unique(tp.astype(str))
        return order + [t for t in present if t not in order]
    if is_categorical and tp.cat.ordered:
        return None
    return list(tp.cat.categories) if is_categorical else list(pd.unique(tp.astype(str)))


def require_measure(ratings: pd.DataFrame, measure: str, *, needed_for: str) -> pd.DataFrame:
    """Return the rows of one measure, or raise :class:`MissingMeasureError` if there are none.

    ``needed_for`` names the analysis (a :class:`mot.messages.Message` of an ``analysis.*``
    text, so that the error renders in Spanish too).
    """
    rows = ratings[ratings["measure"] == measure]
    if rows.empty:
        message = Message("missing.measure", needed_for=needed_for, measure=measure)
        raise MissingMeasureError(message)
    return rows


def with_segment(ratings: pd.DataFrame, respondents: pd.DataFrame, by: str) -> pd.DataFrame:
    """Add the respondent-level column ``by`` (a segment) to every rating.

    Respondents without a value get a missing segment; analyses by segment leave them out
    and say how many.

    Examples
    --------
    >>> ratings = as_ratings(pd.DataFrame({"respondent_id": ["a", "b"], "touchpoint": "ZMOT",
    ...                                    "measure": "experienced", "value": [10.0, 20.0]}))
    >>> people = pd.DataFrame({"respondent_id": ["a", "b"], "device": ["mobile", "desktop"]})
    >>> with_segment(ratings, people, "device")["device"].tolist()
    ['mobile', 'desktop']
    """
    if by not in respondents.columns:
        columns = ", ".join(map(str, respondents.columns))
        message = Message("tidy.no_segment", by=by, segments=columns)
        raise MotError(message)
    ratings = as_ratings(ratings)
    lookup = respondents.set_index(respondents["respondent_id"].astype(str))[by]
    ids = ratings["respondent_id"].cat
    # Look up once per respondent, then spread by code: no per-rating string matching.
    per_category = pd.Categorical(lookup.reindex(ids.categories.astype(str)).to_numpy())
    codes = per_category.codes[ids.codes]
    codes[ids.codes < 0] = -1
    segment = pd.Categorical.from_codes(codes, categories=per_category.categories)
    return ratings.assign(**{by: segment})
