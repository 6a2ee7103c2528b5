import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from mot.errors import MissingMeasureError, MotError
from mot.wom import NPS_COLUMNS, NPS_DIFFERENCE_COLUMNS, nps, nps_difference

Z95 = stats.norm.ppf(0.975)


@pytest.fixture
def people() -> pd.DataFrame:
    # 10 answers in segment "web": 5 promoters (9, 10), 3 passives (7, 8), 2 detractors (3, 6);
    # 4 answers in segment "app": 1 promoter, 1 passive, 2 detractors.
    return pd.DataFrame(
        {
            "respondent_id": [f"r{i}" for i in range(14)],
            "recommend": [10, 9, 9, 10, 9, 7, 8, 8, 3, 6, 9, 7, 2, 5],
            "channel": pd.Categorical(["web"] * 10 + ["app"] * 4, categories=["web", "app"]),
        }
    )


def test_nps_hand_example(people):
    out = nps(people[people["channel"] == "web"])
    assert list(out.columns) == list(NPS_COLUMNS)
    row = out.iloc[0]
    assert (row["n"], row["promoters"], row["passives"], row["detractors"]) == (10, 5, 3, 2)
    assert row["promoter_share"] == pytest.approx(0.5)
    assert row["detractor_share"] == pytest.approx(0.2)
    # Hand: 100 · (0.5 − 0.2) = 30.
    assert row["score"] == pytest.approx(30.0)
    # Hand, trinomial: var = (0.5 + 0.2 − 0.3²) / 10 = 0.061, se = 100 · √0.061 = 24.6982.
    assert row["se"] == pytest.approx(100 * math.sqrt(0.061))
    assert row["se"] == pytest.approx(24.698178, abs=1e-6)
    assert row["ci_low"] == pytest.approx(30 - Z95 * 24.698178, abs=1e-5)
    assert row["ci_high"] == pytest.approx(30 + Z95 * 24.698178, abs=1e-5)


def test_nps_se_matches_variance_of_the_per_person_score(people):
    # Independent check: each answer scores +100, 0 or −100; the score is their mean and the
    # trinomial se is the population sd of those values over √n.
    answers = people["recommend"].to_numpy()
    points = np.select([answers >= 9, answers <= 6], [100.0, -100.0], 0.0)
    row = nps(people).iloc[0]
    assert row["score"] == pytest.approx(points.mean())
    assert row["se"] == pytest.approx(points.std(ddof=0) / np.sqrt(points.size))


def test_nps_by_segment_keeps_category_order(people):
    out = nps(people, by="channel")
    assert list(out.columns) == ["channel", *NPS_COLUMNS]
    assert out["channel"].tolist() == ["web", "app"]
    # app: 1 promoter, 2 detractors of 4 → 100 · (0.25 − 0.5) = −25.
    assert out["score"].tolist() == pytest.approx([30.0, -25.0])
    assert out.attrs["n_missing_segment"] == 0


def test_nps_excluded_values_are_counted(people):
    frame = people.assign(
        recommend=pd.Series([10, 9, 9, 10, 9, 7, 8, 8, 3, 6, 11, -1, np.nan, "x"], dtype=object)
    )
    out = nps(frame, by="channel")
    assert out["n"].tolist() == [10, 0]
    assert out["n_excluded"].tolist() == [0, 4]
    assert np.isnan(out.loc[1, "score"]) and np.isnan(out.loc[1, "se"])


def test_nps_missing_segment_is_left_out_and_counted(people):
    frame = people.assign(channel=people["channel"].where(people.index != 0))
    out = nps(frame, by="channel")
    assert out.attrs["n_missing_segment"] == 1
    assert out["n"].sum() == 13


def test_nps_empty_segment_category_has_no_row(people):
    frame = people.assign(channel=people["channel"].cat.add_categories(["store"]))
    out = nps(frame, by="channel")
    assert out["channel"].tolist() == ["web", "app"]


def test_nps_all_segments_missing_gives_empty_table_with_columns(people):
    frame = people.assign(channel=pd.Categorical([None] * len(people), categories=["web"]))
    out = nps(frame, by="channel")
    assert out.empty
    assert list(out.columns) == ["channel", *NPS_COLUMNS]
    assert out.attrs["n_missing_segment"] == len(people)


def test_nps_ci_is_clipped():
    # Nine promoters and one passive: score 90, se = 100·√[(0.9 − 0.81)/10] = 9.487,
    # 90 + 1.96 · 9.487 = 108.6 → clipped to 100.
    out = nps(pd.DataFrame({"recommend": [10] * 9 + [8]})).iloc[0]
    assert out["se"] == pytest.approx(100 * math.sqrt(0.009))
    assert out["ci_high"] == 100.0


def test_nps_single_answer_has_no_se():
    row = nps(pd.DataFrame({"recommend": [10]})).iloc[0]
    assert row["score"] == 100.0 and np.isnan(row["se"]) and np.isnan(row["ci_low"])


def test_nps_missing_or_empty_column_is_typed_error(people):
    with pytest.raises(MissingMeasureError, match="recommend"):
        nps(people.drop(columns="recommend"))
    with pytest.raises(MissingMeasureError, match="0 to 10"):
        nps(people.assign(recommend=people["recommend"] * 10.0 + 200))
    with pytest.raises(MissingMeasureError):
        nps(people.assign(recommend=np.nan))


def test_nps_bad_arguments(people):
    with pytest.raises(MotError, match="segment column `device`"):
        nps(people, by="device")
    with pytest.raises(MotError, match="confidence"):
        nps(people, confidence=95)


def test_nps_does_not_mutate_input(people):
    before = people.copy()
    nps(people, by="channel")
    nps_difference(people, by="channel")
    pd.testing.assert_frame_equal(people, before)


def test_nps_difference_hand_example(people):
    out = nps_difference(people, by="channel")
    assert list(out.columns) == list(NPS_DIFFERENCE_COLUMNS)
    row = out.iloc[0]
    assert (row["group_a"], row["group_b"], row["n_a"], row["n_b"]) == ("web", "app", 10, 4)
    # Hand: 30 − (−25) = 55; se_web = 24.6982, se_app = 100·√[(0.75 − 0.0625)/4] = 41.4578.
    se_app = 100 * math.sqrt((0.75 - 0.0625) / 4)
    se = math.sqrt(24.698178**2 + se_app**2)
    assert row["difference"] == pytest.approx(55.0)
    assert row["se"] == pytest.approx(se, abs=1e-5)
    assert row["z"] == pytest.approx(55 / se, abs=1e-6)
    assert row["p_value"] == pytest.approx(2 * stats.norm.sf(55 / se), abs=1e-8)
    assert row["ci_low"] == pytest.approx(55 - Z95 * se, abs=1e-5)


def test_nps_difference_pairs_in_category_order():
    frame = pd.DataFrame(
        {
            "recommend": [10, 9, 0, 5, 8, 9, 10, 1, 7],
            "variant": pd.Categorical(list("cccbbbaaa"), categories=["c", "b", "a"]),
        }
    )
    out = nps_difference(frame, by="variant")
    pairs = list(zip(out["group_a"], out["group_b"], strict=True))
    assert pairs == [("c", "b"), ("c", "a"), ("b", "a")]


def test_nps_difference_single_group_is_empty_with_columns(people):
    out = nps_difference(people[people["channel"] == "web"], by="channel")
    assert out.empty and list(out.columns) == list(NPS_DIFFERENCE_COLUMNS)
