"""Building a survey from a tidy file: one row per rating (private: mot.survey runs it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pandas as pd

from mot import MEASURES, OUTCOMES
from mot._survey_common import column_labels, outcome_values, report_assumptions, report_cells
from mot.io import RawTable
from mot.journey import Journey
from mot.naming import MEASURE_NAMES, OUTCOME_NAMES, name_words
from mot.scales import (
    Scale,
    ScaleAssumption,
    infer_scale,
    normalise,
    parse_ratings,
    top_box,
)
from mot.validation import ROWS_LISTED, ReportBuilder


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
            "scale": (
                frame[names["scale"]].astype("string").str.strip()
                if "scale" in names
                else pd.Series(pd.NA, index=frame.index, dtype="string")
            ),
        }
    )[~unknown]
    return tidy, [str(t) for t in extra]


def build_tidy(
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
        assumption = _tidy_scale(str(measure), group["value"], names["value"], group["scale"])
        report_assumptions([assumption], log)
        scale = assumption.guess.scale
        labels = column_labels(group["value"], scale)
        parsed = parse_ratings(group["value"], scale, labels=labels)
        report_cells(
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
            answers = group[ok].assign(value=outcome_values(measure, parsed.values, scale)[ok])
            answers = _first_only(answers, ["respondent_id"], "outcome.repeated", names, log)
            outcomes[measure] = pd.Series(
                answers["value"].to_numpy(), index=answers["respondent_id"].to_numpy()
            )
            continue
        rated = group[ok].assign(
            value=normalise(parsed.values[ok], scale, emotion=measure == "emotion"),
            top_box=top_box(parsed.values[ok], scale),
        )
        key = ["respondent_id", "touchpoint"]
        parts.append(_first_only(rated, key, "rating.repeated", names, log))
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


def _first_only(
    rows: pd.DataFrame, key: list[str], code: str, names: dict[str, str], log: ReportBuilder
) -> pd.DataFrame:
    """The rows of one measure without repeats of ``key``: the first in file order is kept.

    A respondent with two ratings of one touchpoint and measure (or two answers of one
    outcome) keeps the first; each later row is left out and named in the report (``code``,
    an error: data left out), so that every analysis sees one rating per respondent,
    touchpoint and measure. Rows without a respondent or touchpoint are not repeats.
    """
    known = rows[key].notna().all(axis=1).to_numpy()
    again = np.zeros(len(rows), dtype=bool)
    again[known] = rows[known].duplicated(key, keep="first").to_numpy()
    if not again.any():
        return rows
    first = rows[known].groupby(key, sort=False)["row"].transform("first")
    first_row = pd.Series(first.to_numpy(), index=rows.index[known]).reindex(rows.index)
    repeated = rows[again]
    measure = str(rows["measure"].iloc[0])
    params = [
        {
            "id": str(r.respondent_id),
            "touchpoint": str(r.touchpoint) if "touchpoint" in key else "",
            "measure": measure,
            "first": int(f),
        }
        for r, f in zip(
            repeated.head(ROWS_LISTED).itertuples(), first_row[again].head(ROWS_LISTED), strict=True
        )
    ]
    summary = {"measure": measure}
    log.add_rows("error", repeated["row"].to_numpy(), names["value"], code, params, summary=summary)
    return rows[~again]


def _tidy_scale(measure: str, values: pd.Series, column: str, stated: pd.Series) -> ScaleAssumption:
    """One scale per measure of a tidy table, stated or inferred.

    The one its ``scale`` column states (its first stated text), else inferred;
    recommendation defaults to 0–10, others to 0–100.
    """
    said = stated.dropna()
    guess = infer_scale(values, question=f"({said.iloc[0]})" if len(said) else "")
    found = guess.scale
    if measure == "recommend" and (found is None or found.high <= 10):
        if found != Scale(0, 10):
            guess = replace(guess, scale=Scale(0, 10), evidence="default", also_fit=())
    elif found is None:
        guess = replace(guess, scale=Scale(0, 100), evidence="default", also_fit=())
    return ScaleAssumption(measure, (column,), guess)


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
