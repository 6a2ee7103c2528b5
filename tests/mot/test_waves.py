"""Waves: wave B against wave A, with the right test, Holm across rows, plain sentences."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from mot.errors import MissingMeasureError, MotError
from mot.journey import journey_from_dict
from mot.survey import load_survey
from mot.ttests import partially_overlapping_ttest
from mot.waves import (
    CHANGES,
    NPS_WAVE_COLUMNS,
    WAVE_COLUMNS,
    change_sentences,
    compare_nps_waves,
    compare_waves,
    pairing_columns,
    wave_trend,
)
from mot.wom import nps

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def waves():
    return load_survey(DATA / "demo_survey.csv"), load_survey(DATA / "demo_survey_wave2.csv")


def _values(survey, touchpoint: str, measure: str, key: str = "respondent_id") -> pd.Series:
    r = survey.ratings
    rows = r[(r["touchpoint"] == touchpoint) & (r["measure"] == measure)].dropna(subset=["value"])
    ids = rows["respondent_id"].astype(str)
    if key != "respondent_id":
        lookup = survey.respondents.set_index(survey.respondents["respondent_id"].astype(str))[key]
        ids = ids.map(lookup.astype(str))
    return pd.Series(rows["value"].to_numpy(), index=ids.to_numpy())


def _holm(p: np.ndarray) -> np.ndarray:
    """Holm's step-down adjustment written out (independent of mot's)."""
    order = np.argsort(p)
    m = len(p)
    out = np.empty(m)
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[i]))
        out[i] = running
    return out


def test_the_planted_improvement_is_found_and_nothing_else_moves(waves) -> None:
    table = compare_waves(*waves)
    assert list(table.columns) == list(WAVE_COLUMNS)
    assert set(table["change"]) <= set(CHANGES)
    changed = table[table["change"] != "no_change"].set_index(["touchpoint", "measure"])
    # data/README.md, truth 8: TMOT's lived experience and what follows from it
    assert set(changed.index) == {
        ("TMOT", "experienced"),
        ("TMOT", "retrospective"),
        ("TMOT", "emotion"),
        ("TMOT", "gap_expected"),
        ("TMOT", "gap_excellent"),
    }
    assert (changed["change"] == "improved").all()
    tmot = changed.loc[("TMOT", "experienced")]
    assert 7 < tmot["difference"] < 11 and tmot["method"] == "welch"


def test_welch_rows_match_scipy(waves) -> None:
    a, b = waves
    table = compare_waves(a, b).set_index(["touchpoint", "measure"])
    for touchpoint, measure in [
        ("TMOT", "experienced"),
        ("ZMOT", "anticipated"),
        ("UMOT", "emotion"),
    ]:
        x, y = _values(a, touchpoint, measure), _values(b, touchpoint, measure)
        row = table.loc[(touchpoint, measure)]
        welch = stats.ttest_ind(y, x, equal_var=False)
        assert row["method"] == "welch" and row["n_paired"] == 0
        assert row["difference"] == pytest.approx(y.mean() - x.mean())
        assert row["t"] == pytest.approx(welch.statistic)
        assert row["p_value"] == pytest.approx(welch.pvalue)
        assert row["df"] == pytest.approx(welch.df)
        low, high = welch.confidence_interval(0.95)
        assert (row["ci_low"], row["ci_high"]) == (pytest.approx(low), pytest.approx(high))
        d = (y.mean() - x.mean()) / np.sqrt((x.var(ddof=1) + y.var(ddof=1)) / 2)
        assert row["effect_size"] == pytest.approx(d)
    assert table["p_adjusted"].to_numpy() == pytest.approx(_holm(table["p_value"].to_numpy()))


def test_customers_who_answered_both_waves_are_pairs(waves) -> None:
    a, b = waves
    table = compare_waves(a, b, pair_on="customer_id").set_index(["touchpoint", "measure"])
    x = _values(a, "TMOT", "experienced", "customer_id")
    y = _values(b, "TMOT", "experienced", "customer_id")
    keys = x.index.union(y.index)
    expected = partially_overlapping_ttest(y.reindex(keys), x.reindex(keys)).iloc[0]
    row = table.loc[("TMOT", "experienced")]
    assert row["method"] == "partially_overlapping" == expected["method"]
    assert row["n_paired"] == expected["n_paired"] == len(x.index.intersection(y.index)) > 500
    for column in ("difference", "t", "df", "p_value", "ci_low", "ci_high"):
        assert row[column] == pytest.approx(expected[column])


def test_the_same_respondents_twice_give_the_paired_test(waves) -> None:
    a, _ = waves
    noise = np.random.default_rng(1).normal(5.0, 10.0, len(a.ratings))
    fmot = (a.ratings["touchpoint"] == "FMOT").to_numpy()
    b = type(a)(
        **{**a.__dict__, "ratings": a.ratings.assign(value=a.ratings["value"] + fmot * noise)}
    )
    row = compare_waves(a, b).set_index(["touchpoint", "measure"]).loc[("FMOT", "experienced")]
    x, y = _values(a, "FMOT", "experienced"), _values(b, "FMOT", "experienced")
    paired = stats.ttest_rel(y, x.reindex(y.index))
    assert row["method"] == "paired" and row["n_paired"] == len(x)
    assert row["difference"] == pytest.approx((y - x.reindex(y.index)).mean())
    assert row["t"] == pytest.approx(paired.statistic)
    assert row["p_value"] == pytest.approx(paired.pvalue)
    assert row["df"] == len(x) - 1
    same = compare_waves(a, a)  # nothing changed: every difference is 0, no change is called
    assert (same["method"] == "paired").all() and (same["difference"] == 0).all()
    assert set(same["change"]) <= {"no_change", "not_tested"}


def test_sentences_in_both_languages(waves) -> None:
    a, b = waves
    sentences = change_sentences(compare_waves(a, b), b.journey.labels("en"))
    assert str(sentences[0]).startswith("TMOT (Third moment of truth): ")
    assert "improved by" in sentences[0] and "Holm-adjusted" in sentences[0]
    spanish = sentences[0].render("es")
    assert "mejoró" in spanish and "," in spanish.split("mejoró")[1]  # decimal comma
    assert len(sentences) == 5


def test_trend_over_waves(waves) -> None:
    a, b = waves
    trend = wave_trend([a, b, b], ["Jun", "Sep", "Sep again"])
    assert list(trend["wave"].cat.categories) == ["Jun", "Sep", "Sep again"]
    tmot = trend[(trend["touchpoint"] == "TMOT") & (trend["utility"] == "experienced")]
    assert tmot["mean"].round(1).tolist() == [60.5, 69.1, 69.1]
    assert tmot["mean"].iloc[0] == pytest.approx(_values(a, "TMOT", "experienced").mean())


def test_refusals(waves) -> None:
    a, b = waves
    with pytest.raises(MotError, match="no respondent column `nobody`"):
        compare_waves(a, b, pair_on="nobody")
    with pytest.raises(MotError, match="names more than one respondent"):
        compare_waves(a, b, pair_on="device")
    with pytest.raises(MotError, match="strictly between 0 and 1"):
        compare_waves(a, b, alpha=1.5)
    with pytest.raises(MotError, match="one label per wave"):
        wave_trend([a], ["only"])
    other = journey_from_dict({"touchpoints": [{"id": "X1"}]})
    lonely = type(a)(**{**a.__dict__, "ratings": a.ratings.iloc[:0], "journey": other})
    with pytest.raises(MissingMeasureError, match="nothing to compare"):
        compare_waves(a, lonely)


def _nps_shares(survey, key: str = "respondent_id") -> pd.Series:
    """+100 / 0 / −100 per respondent, written out from the NPS's definition."""
    people = survey.respondents.dropna(subset=["recommend"])
    r = people["recommend"].astype(float)
    share = r.map(lambda v: 100.0 if v >= 9 else (-100.0 if v <= 6 else 0.0))
    return pd.Series(share.to_numpy(), index=people[key].astype(str).to_numpy())


def test_nps_of_two_waves_is_welchs_test_on_each_persons_share(waves) -> None:
    a, b = waves
    row = compare_nps_waves(a, b).iloc[0]
    assert list(compare_nps_waves(a, b).columns) == list(NPS_WAVE_COLUMNS)
    x, y = _nps_shares(a), _nps_shares(b)
    welch = stats.ttest_ind(y, x, equal_var=False)
    assert row["method"] == "welch" and row["measure"] == "nps"
    assert row["mean_a"] == pytest.approx(nps(a.respondents)["score"].iloc[0])
    assert row["mean_b"] == pytest.approx(nps(b.respondents)["score"].iloc[0])
    assert (row["n_a"], row["n_b"]) == (len(x), len(y))
    assert row["t"] == pytest.approx(welch.statistic)
    assert row["p_value"] == pytest.approx(welch.pvalue) == row["p_adjusted"]
    interval = welch.confidence_interval(0.95)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((interval.low, interval.high))
    assert row["change"] == "no_change"  # wave 2 plants no change of recommendation


def test_nps_of_customers_who_answered_both_waves_are_pairs(waves) -> None:
    a, b = waves
    row = compare_nps_waves(a, b, pair_on="customer_id").iloc[0]
    x, y = _nps_shares(a, "customer_id"), _nps_shares(b, "customer_id")
    keys = x.index.union(y.index)
    expected = partially_overlapping_ttest(y.reindex(keys), x.reindex(keys)).iloc[0]
    assert row["method"] == "partially_overlapping" == expected["method"]
    assert row["n_paired"] == len(x.index.intersection(y.index)) > 500
    for column in ("difference", "t", "df", "p_value"):
        assert row[column] == pytest.approx(expected[column])
    same = compare_nps_waves(a, a).iloc[0]
    assert same["method"] == "paired" and same["difference"] == 0


def test_nps_refusals(waves) -> None:
    a, b = waves
    without = type(a)(**{**a.__dict__, "respondents": a.respondents.drop(columns="recommend")})
    with pytest.raises(MissingMeasureError):
        compare_nps_waves(without, b)
    with pytest.raises(MotError):
        compare_nps_waves(a, b, pair_on="nope")
    with pytest.raises(MotError):
        compare_nps_waves(a, b, alpha=2)


def test_pairing_columns_are_identifiers_unique_in_both_waves(waves) -> None:
    a, b = waves
    n_a, n_b = len(a.respondents), len(b.respondents)

    def extra(survey, **columns):
        return type(survey)(
            **{**survey.__dict__, "respondents": survey.respondents.assign(**columns)}
        )

    a2 = extra(a, CustomerID=range(n_a), paid=range(n_a), shop_id=[1] * n_a)
    b2 = extra(b, CustomerID=range(n_b), paid=range(n_b), shop_id=[1] * n_b)
    # "paid" is not a name of an identifier; shop_id repeats, so it names no one person
    assert pairing_columns(a2, b2) == ["respondent_id", "CustomerID", "customer_id"]
    assert pairing_columns(a2, b) == ["respondent_id", "customer_id"]  # only in one wave
