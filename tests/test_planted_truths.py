"""The analysis recovers every truth planted in the demo data (data/README.md).

Tolerances follow from the sample: about 2,000 respondents, so a mean on 0–100 with sd ≈ 20
has a standard error near 0.5 points; the planted effects are 10–25 points.
"""

import pandas as pd
import pytest

from mot.compare import compare_groups
from mot.curves import curve_extremes, emotion_curve, extreme_locations
from mot.drivers import driver_importance
from mot.gaps import gap_table, importance_performance
from mot.memory import peak_end
from mot.scoring import score_utilities, utility_shifts
from mot.survey import load_survey
from mot.tidy import with_segment
from mot.wom import nps

from .conftest import ROOT


@pytest.fixture(scope="module")
def survey():
    return load_survey(ROOT / "data" / "demo_survey.csv")


def by_touchpoint(frame: pd.DataFrame, column: str) -> dict:
    return frame.set_index(frame["touchpoint"].astype(str))[column].to_dict()


def test_smot_is_the_peak_of_the_mean_journey(survey):
    utilities = score_utilities(survey.ratings)
    experienced = by_touchpoint(utilities[utilities.utility == "experienced"], "mean")
    assert max(experienced, key=experienced.get) == "SMOT"
    curve = emotion_curve(survey.ratings)
    assert set(curve["source"]) == {"emotion"}
    extremes = curve_extremes(curve)
    peaks = extremes[extremes.kind == "peak"].sort_values("mean", ascending=False)
    assert peaks["touchpoint"].astype(str).iloc[0] == "SMOT"
    # Individual peaks fall at SMOT more often than anywhere else.
    where = extreme_locations(survey.ratings)
    assert by_touchpoint(where, "peak_share")["SMOT"] == where["peak_share"].max()


def test_tmot_is_a_trough_for_mobile_buyers_only(survey):
    ratings = with_segment(survey.ratings, survey.respondents, "device")
    curve = emotion_curve(ratings, by="device")
    extremes = curve_extremes(curve, prominence=5.0)
    troughs = extremes[extremes.kind == "trough"]
    mobile = troughs[troughs.device == "mobile"]
    desktop = troughs[troughs.device == "desktop"]
    assert "TMOT" in set(mobile["touchpoint"].astype(str))
    assert "TMOT" not in set(desktop["touchpoint"].astype(str))
    tests = compare_groups(ratings, by="device", measure="experienced")
    row = tests[
        (tests.touchpoint == "TMOT")
        & (tests.group_a.astype(str) == "desktop")
        & (tests.group_b.astype(str) == "mobile")
    ]
    if row.empty:  # the pair may be listed the other way round
        row = tests[
            (tests.touchpoint == "TMOT")
            & (tests.group_a.astype(str) == "mobile")
            & (tests.group_b.astype(str) == "desktop")
        ]
        diff = -row["difference"].iloc[0]
    else:
        diff = row["difference"].iloc[0]
    # Planted: desktop − mobile ≈ 1.45 points on 1–7 = 24 points on 0–100.
    assert 18 < diff < 30
    assert bool(row["significant"].iloc[0])


def test_memory_follows_the_peak_and_the_end(survey):
    result = peak_end(survey.ratings, survey.respondents)
    table = result.to_frame().set_index("predictor")
    r = table["r"]
    # Planted: r ≈ 0.73 with (most intense + end)/2 against ≈ 0.45 with the mean.
    assert 0.65 < r["peak_end"] < 0.8
    assert 0.35 < r["mean"] < 0.55
    assert result.verdict == "peak_end"
    assert result.comparison.p_value < 0.001
    # data/README.md, truth 3: measured on the 1,660 complete curves of the file (every one
    # of the five emotion ratings and the remembered rating): 2,000 − 77 without the
    # remembered rating − 263 with a blank emotion cell.
    assert (result.n, result.n_excluded) == (1660, 340)
    assert (result.n_no_curve, result.n_no_outcome, result.n_incomplete) == (0, 77, 263)
    assert result.touchpoints == ("ZMOT", "FMOT", "SMOT", "TMOT", "UMOT")
    documented = {"peak_end": 0.73, "mean": 0.45, "end": 0.31, "most_intense": 0.67}
    documented |= {"peak": 0.55, "trough": 0.60}  # the highest and the lowest point
    for name, value in documented.items():
        assert r[name] == pytest.approx(value, abs=0.005), name
    # The peak-end average beats every other summary, each by Williams' t.
    assert (table["p_vs_peak_end"].iloc[1:] < 0.001).all()
    assert (table["t_vs_peak_end"].iloc[1:] > 0).all()


def test_variant_b_lifts_fmot_and_nothing_else(survey):
    ratings = with_segment(survey.ratings, survey.respondents, "variant")
    tests = compare_groups(ratings, by="variant", measure="experienced")
    significant = tests[tests["significant"]]
    assert significant["touchpoint"].astype(str).tolist() == ["FMOT"]
    fmot = significant.iloc[0]
    lift = fmot["difference"] if str(fmot["group_a"]) == "B" else -fmot["difference"]
    # Planted: +0.56 points on 1–7 ≈ +9.3 on 0–100.
    assert 6 < lift < 13


def test_tmot_drives_recommendation_for_loyal_customers(survey):
    loyal_ids = survey.respondents.loc[survey.respondents.persona == "loyal", "respondent_id"]
    loyal = survey.ratings[survey.ratings.respondent_id.isin(loyal_ids)]
    drivers = driver_importance(loyal, survey.respondents, outcome="recommend", n_boot=0)
    share = by_touchpoint(drivers, "share")
    assert max(share, key=share.get) == "TMOT"
    assert share["TMOT"] > 0.6
    overall = by_touchpoint(
        driver_importance(survey.ratings, survey.respondents, n_boot=0), "share"
    )
    assert min(overall["SMOT"], overall["TMOT"], overall["UMOT"]) > max(
        overall["ZMOT"], overall["FMOT"]
    )
    scores = nps(survey.respondents, by="persona")
    by_persona = scores.set_index(scores["persona"].astype(str))["score"]
    # Planted: NPS 12.2 for loyal customers against 6.9 overall.
    assert by_persona["loyal"] == pytest.approx(12.2, abs=0.1)


def test_expectations_disappointed_at_tmot_exceeded_at_smot(survey):
    shifts = utility_shifts(survey.ratings)
    first = shifts[shifts.comparison == "experienced_vs_anticipated"]
    verdict = by_touchpoint(first, "verdict")
    assert verdict["TMOT"] == "disappointed"
    assert verdict["SMOT"] == "exceeded"
    gaps = gap_table(survey.ratings)
    # Excellent sits above what customers get at every moment, with CIs clear of zero.
    assert (gaps["gap_to_excellent_ci_high"] < 0).all()
    quadrants = importance_performance(survey.ratings)
    importance = by_touchpoint(quadrants, "importance")
    top_two = sorted(importance, key=importance.get, reverse=True)[:2]
    assert set(top_two) == {"TMOT", "SMOT"}
    assert set(quadrants["importance_source"]) == {"stated"}


def test_nps_matches_a_hand_count(survey):
    answers = survey.respondents["recommend"].dropna()
    expected = 100 * ((answers >= 9).mean() - (answers <= 6).mean())
    assert nps(survey.respondents)["score"].iloc[0] == pytest.approx(expected)
