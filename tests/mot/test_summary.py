"""mot.summary: the journey's headline facts and each touchpoint's facts, checked against
numbers computed here from the raw ratings (plain means, scipy's paired t-test, Holm by
hand)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from mot import curves, gaps, scoring
from mot.errors import MotError
from mot.summary import FACT_COLUMNS, VERDICTS, journey_highlights, touchpoint_facts

# Six respondents at two touchpoints of the default journey, FMOT and TMOT (ZMOT, SMOT and
# UMOT unrated). FMOT: experienced clearly below expected; TMOT: about as expected, with
# excellent and remembered ratings and emotions.
EXPECTED = {"FMOT": [80, 85, 90, 75, 80, 85], "TMOT": [60, 70, 50, 65, 55, 60]}
ACTUAL = {"FMOT": [50, 55, 60, 40, 45, 50], "TMOT": [62, 66, 52, 70, 50, 61]}
EXCELLENT = {"TMOT": [90, 95, 85, 92, 88, 90]}
REMEMBERED = {"TMOT": [58, 64, 55, 66, 52, 60]}
EMOTION = {"FMOT": [-20, -10, -30, -40, 0, -25], "TMOT": [10, 20, 5, 15, 0, 30]}


def _ratings() -> pd.DataFrame:
    rows = []
    for measure, table in (
        ("anticipated", EXPECTED),
        ("experienced", ACTUAL),
        ("excellent", EXCELLENT),
        ("retrospective", REMEMBERED),
        ("emotion", EMOTION),
    ):
        for touchpoint, values in table.items():
            rows += [
                {"respondent_id": f"r{i}", "touchpoint": touchpoint, "measure": measure, "value": v}
                for i, v in enumerate(values)
            ]
    frame = pd.DataFrame(rows)
    order = ["ZMOT", "FMOT", "SMOT", "TMOT", "UMOT"]
    frame["touchpoint"] = pd.Categorical(frame["touchpoint"], categories=order, ordered=True)
    return frame


@pytest.fixture(scope="module")
def tables() -> dict:
    ratings = _ratings()
    curve = curves.emotion_curve(ratings)
    return {
        "utilities": scoring.score_utilities(ratings),
        "gaps": gaps.gap_table(ratings),
        "curve": curve,
        "extremes": curves.curve_extremes(curve),
    }


def _holm(p: list[float]) -> list[float]:
    """Holm's step-down adjustment, written out for two or more p-values."""
    order = np.argsort(p)
    adjusted, running = np.empty(len(p)), 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (len(p) - rank) * p[i]))
        adjusted[i] = running
    return list(adjusted)


def test_facts_hold_each_touchpoints_means_in_journey_order(tables):
    facts = touchpoint_facts(tables["utilities"], gaps=tables["gaps"], curve=tables["curve"])
    assert list(facts.columns) == list(FACT_COLUMNS)
    assert list(facts["touchpoint"].astype(str)) == ["FMOT", "TMOT"]  # rated ones only
    assert list(facts["touchpoint"].cat.categories) == ["ZMOT", "FMOT", "SMOT", "TMOT", "UMOT"]
    fmot, tmot = (facts.iloc[i] for i in (0, 1))
    assert fmot["anticipated"] == pytest.approx(np.mean(EXPECTED["FMOT"]))  # 82.5
    assert fmot["experienced"] == pytest.approx(50.0)
    assert np.isnan(fmot["retrospective"]) and np.isnan(fmot["excellent"])
    assert tmot["excellent"] == pytest.approx(np.mean(EXCELLENT["TMOT"]))
    assert tmot["retrospective"] == pytest.approx(np.mean(REMEMBERED["TMOT"]))
    # a tidy table is already on its scales (emotion −100..+100): the plain mean
    assert fmot["emotion"] == pytest.approx(np.mean(EMOTION["FMOT"]))  # −20.83
    assert tmot["emotion"] == pytest.approx(np.mean(EMOTION["TMOT"]))  # 13.33


def test_gap_verdicts_follow_the_holm_adjusted_paired_test(tables):
    facts = touchpoint_facts(tables["utilities"], gaps=tables["gaps"], curve=tables["curve"])
    raw = [
        stats.ttest_rel(ACTUAL[tp], EXPECTED[tp]).pvalue for tp in ("FMOT", "TMOT")
    ]  # everyone rated both: the paired test
    adjusted = _holm(raw)
    assert list(facts["gap_to_expected_p_adjusted"]) == pytest.approx(adjusted)
    assert facts["gap_to_expected"].iloc[0] == pytest.approx(50.0 - 82.5)
    assert adjusted[0] < 0.05 < adjusted[1]  # the data were made so
    assert list(facts["to_expected"]) == ["below", "level"]
    # excellent only at TMOT: one test, so no adjustment; clearly below (about −29)
    p_excellent = stats.ttest_rel(ACTUAL["TMOT"], EXCELLENT["TMOT"]).pvalue
    assert facts["gap_to_excellent_p_adjusted"].iloc[1] == pytest.approx(p_excellent)
    assert facts["to_excellent"].iloc[1] == "below"
    assert pd.isna(facts["to_excellent"].iloc[0])  # FMOT: no excellent ratings, no verdict
    assert set(facts["to_expected"].dropna()) <= set(VERDICTS)


def test_a_stricter_confidence_turns_a_clear_gap_level(tables):
    p = float(
        touchpoint_facts(tables["utilities"], gaps=tables["gaps"])[
            "gap_to_expected_p_adjusted"
        ].iloc[0]
    )
    strict = touchpoint_facts(tables["utilities"], gaps=tables["gaps"], confidence=1 - p / 2)
    assert strict["to_expected"].iloc[0] == "level"


def test_an_above_verdict_for_a_moment_beyond_expectation():
    utilities = pd.DataFrame({"touchpoint": ["A"], "utility": ["experienced"], "mean": [90.0]})
    found = pd.DataFrame(
        {
            "touchpoint": ["A"],
            "excellent": [85.0],
            "gap_to_expected": [12.0],
            "gap_to_expected_p_adjusted": [0.001],
            "gap_to_excellent": [5.0],
            "gap_to_excellent_p_adjusted": [0.3],
        }
    )
    facts = touchpoint_facts(utilities, gaps=found)
    assert (facts["to_expected"].iloc[0], facts["to_excellent"].iloc[0]) == ("above", "level")


def test_facts_without_gaps_or_curve_keep_their_columns(tables):
    facts = touchpoint_facts(tables["utilities"])
    assert list(facts.columns) == list(FACT_COLUMNS)
    assert facts[["excellent", "emotion", "gap_to_expected"]].isna().all().all()
    assert facts["to_expected"].isna().all()


def test_a_touchpoint_only_on_the_curve_gets_a_row(tables):
    # The curve of respondents who rated emotion only where no utility was asked.
    curve = tables["curve"].copy()
    utilities = tables["utilities"][tables["utilities"]["touchpoint"].astype(str) == "TMOT"]
    facts = touchpoint_facts(utilities, curve=curve)
    assert list(facts["touchpoint"].astype(str)) == ["FMOT", "TMOT"]
    assert np.isnan(facts["experienced"].iloc[0]) and facts["emotion"].iloc[0] < 0


def test_facts_refuse_a_table_without_its_columns_and_a_bad_confidence(tables):
    with pytest.raises(MotError, match="gap_to_excellent"):
        touchpoint_facts(tables["utilities"], gaps=tables["gaps"].drop(columns="gap_to_excellent"))
    with pytest.raises(MotError):
        touchpoint_facts(tables["utilities"], confidence=1.5)


def test_the_end_is_the_last_touchpoint_of_the_curve(tables):
    h = journey_highlights(tables["utilities"], extremes=tables["extremes"], curve=tables["curve"])
    assert (h.end_touchpoint, h.end_mean) == ("TMOT", pytest.approx(np.mean(EMOTION["TMOT"])))
    assert h.peak_touchpoint == "TMOT"  # the higher of the two points
    shuffled = tables["curve"].iloc[::-1]  # rows in any order: position decides
    assert journey_highlights(tables["utilities"], curve=shuffled).end_touchpoint == "TMOT"
    assert journey_highlights(tables["utilities"]).end_touchpoint is None
