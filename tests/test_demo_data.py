"""The demo data sets: reproducible, small, well formed, and carrying their planted truths.

Every check is plain pandas/numpy on the committed files, independent of the analysis
library, so a failure here means the data changed, not the analysis. The generating rules
and the expected effect sizes are in ``data/README.md`` (one section per planted truth);
the thresholds below leave room for the sampling error of 2,000 respondents.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
SCRIPT = DATA / "generate_demo.py"
SURVEY = DATA / "demo_survey.csv"
EVENTS = DATA / "demo_events.parquet"

TOUCHPOINTS = ("ZMOT", "FMOT", "SMOT", "TMOT", "UMOT")
# The survey column of each measure, in journey order (see data/README.md).
MEASURE_COLUMNS = {
    "anticipated": (
        "ZMOT_expectativa",
        "FMOT - anticipated",
        "SMOT_expected",
        "TMOT esperada",
        "umot_anticipada",
    ),
    "experienced": (
        "ZMOT_experienced",
        "FMOT.vivida",
        "SMOT_Experience",
        "TMOT experiencia",
        "UMOT_experienced",
    ),
    "retrospective": (
        "ZMOT_recordada",
        "FMOT_recuerdo",
        "SMOT - remembered",
        "TMOT_memory",
        "UMOT.retrospectiva",
    ),
    "excellent": ("ZMOT_excelente", "FMOT ideal", "SMOT.excellent", "TMOT_ideal", "UMOT_Excelente"),
    "importance": (
        "ZMOT_importance",
        "FMOT_importancia",
        "SMOT_importancia",
        "TMOT - importance",
        "UMOT importancia",
    ),
    "emotion": ("ZMOT_emocion", "FMOT_feeling", "SMOT_emoción", "TMOT_Emotion", "UMOT_sentimiento"),
}
MEASURE_SCALES = {
    "anticipated": (1, 7),
    "experienced": (1, 7),
    "retrospective": (1, 7),
    "excellent": (1, 7),
    "importance": (1, 5),
    "emotion": (-3, 3),
}
OUTCOME_SCALES = {
    "recomendacion": (0, 10),
    "satisfaccion_general": (1, 5),
    "recuerdo_global": (0, 10),
    "repurchase_intent": (1, 5),
}
COMMENT_COLUMNS = (
    "ZMOT_comment",
    "FMOT comentario",
    "SMOT - comment",
    "TMOT_comentario",
    "UMOT.comentario",
)
SEGMENTS = {
    "device": {"mobile", "desktop", "tablet"},
    "channel": {"search", "social", "email", "direct"},
    "persona": {"bargain_hunter", "loyal", "first_timer"},
    "variant": {"A", "B"},
}
EXPECTED_COLUMNS = [
    "StartDate",
    "ResponseId",
    "customer_id",
    "device",
    "channel",
    "persona",
    "variant",
    *(
        name
        for tp in range(5)
        for name in (*(cols[tp] for cols in MEASURE_COLUMNS.values()), COMMENT_COLUMNS[tp])
    ),
    *OUTCOME_SCALES,
]
RATING_SCALES = {
    **{col: MEASURE_SCALES[m] for m, cols in MEASURE_COLUMNS.items() for col in cols},
    **OUTCOME_SCALES,
}
UNMATCHED_EVENTS = {"newsletter_open", "app_update", "account_login"}
START = pd.Timestamp("2026-06-01", tz="UTC")
INCIDENT_WEEK = 6  # weeks since 2026-06-01: the week of Monday 2026-07-13


# ------------------------------------------------------------------------------------------
# Fixtures
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out)], check=True, capture_output=True
    )
    return out


@pytest.fixture(scope="module")
def raw() -> pd.DataFrame:
    """Every cell as the text in the file ('' when blank)."""
    return pd.read_csv(SURVEY, dtype=str, keep_default_na=False, encoding="utf-8")


@pytest.fixture(scope="module")
def survey(raw: pd.DataFrame) -> pd.DataFrame:
    """Rating columns as numbers (blank and don't-know answers become NaN)."""
    numeric = {col: pd.to_numeric(raw[col], errors="coerce") for col in RATING_SCALES}
    return raw.assign(**numeric)


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return pd.read_parquet(EVENTS)


def measure(survey: pd.DataFrame, name: str) -> pd.DataFrame:
    """One measure as a respondents × touchpoints frame."""
    cols = MEASURE_COLUMNS[name]
    return survey[list(cols)].set_axis(list(TOUCHPOINTS), axis=1)


def users_with(events: pd.DataFrame, event_name: str) -> pd.Index:
    return pd.Index(events.loc[events["event_name"] == event_name, "user_id"].unique())


# ------------------------------------------------------------------------------------------
# Reproducible and small
# ------------------------------------------------------------------------------------------


def test_regenerated_survey_is_byte_identical(regenerated: Path) -> None:
    assert (regenerated / "demo_survey.csv").read_bytes() == SURVEY.read_bytes()


def test_regenerated_events_are_identical(regenerated: Path) -> None:
    fresh = pd.read_parquet(regenerated / "demo_events.parquet")
    pd.testing.assert_frame_equal(fresh, pd.read_parquet(EVENTS), check_exact=True)


def test_files_are_small() -> None:
    total = sum(p.stat().st_size for p in [*DATA.glob("*.csv"), *DATA.glob("*.parquet")])
    assert total < 5_000_000
    assert SURVEY.stat().st_size < 1_500_000
    assert EVENTS.stat().st_size < 3_000_000


# ------------------------------------------------------------------------------------------
# The survey export
# ------------------------------------------------------------------------------------------


def test_survey_columns(raw: pd.DataFrame) -> None:
    assert list(raw.columns) == EXPECTED_COLUMNS


def test_survey_respondents(raw: pd.DataFrame) -> None:
    assert 1900 <= len(raw) <= 2100
    assert raw["ResponseId"].is_unique
    assert raw["ResponseId"].str.fullmatch(r"R_\d{6}").all()
    assert raw["customer_id"].is_unique
    assert raw["customer_id"].str.fullmatch(r"C\d{6}").all()
    start = pd.to_datetime(raw["StartDate"], format="%Y-%m-%d %H:%M:%S")
    assert start.is_monotonic_increasing  # an export lists responses in the order they came


def test_segments(raw: pd.DataFrame) -> None:
    for column, values in SEGMENTS.items():
        assert set(raw[column]) == values, column
    assert 0.45 < (raw["variant"] == "B").mean() < 0.55


def test_ratings_are_integers_on_their_scales(raw: pd.DataFrame) -> None:
    for column, (low, high) in RATING_SCALES.items():
        cells = raw[column]
        numbers = pd.to_numeric(cells, errors="coerce")
        answered = numbers.notna()
        assert (numbers[answered] == numbers[answered].round()).all(), column
        assert not cells[answered].str.contains(".", regex=False).any(), column
        assert numbers[answered].between(low, high).all(), column


def test_item_nonresponse_is_about_three_percent(raw: pd.DataFrame) -> None:
    blank = raw[list(RATING_SCALES)] == ""
    assert 0.025 < blank.to_numpy().mean() < 0.035
    assert blank.mean().between(0.01, 0.06).all()


def test_exactly_six_dont_know_answers(raw: pd.DataFrame) -> None:
    cells = raw[list(RATING_SCALES)]
    text = (cells != "") & cells.apply(pd.to_numeric, errors="coerce").isna()
    found = cells.where(text).stack().dropna()
    assert len(found) == 6
    assert set(found) == {"no sé", "N/A"}
    assert found.index.get_level_values(1).is_unique  # six different columns


def test_comments(raw: pd.DataFrame) -> None:
    comments = raw[list(COMMENT_COLUMNS)]
    assert 30 <= (comments != "").to_numpy().sum() <= 80
    late = raw.loc[raw["TMOT_comentario"] == "El envío llegó tarde", "device"]
    assert len(late) > 0 and (late == "mobile").all()


# ------------------------------------------------------------------------------------------
# Planted truths in the survey (data/README.md, truths 1–6)
# ------------------------------------------------------------------------------------------


def test_truth_1_smot_is_the_peak_of_the_mean_journey(survey: pd.DataFrame) -> None:
    for name in ("experienced", "emotion"):
        means = measure(survey, name).mean().sort_values(ascending=False)
        assert means.index[0] == "SMOT", name
        assert means.iloc[0] - means.iloc[1] > 0.3, name


def test_truth_2_tmot_is_a_trough_for_mobile_not_desktop(survey: pd.DataFrame) -> None:
    mobile = survey["device"] == "mobile"
    desktop = survey["device"] == "desktop"
    for name, gap in (("experienced", -1.2), ("emotion", -0.8)):
        ratings = measure(survey, name)
        diff = ratings[mobile].mean() - ratings[desktop].mean()
        assert diff["TMOT"] < gap, name
        mob, desk = ratings[mobile].mean(), ratings[desktop].mean()
        assert mob["TMOT"] < min(mob["SMOT"], mob["UMOT"]), name
        assert desk["TMOT"] > desk["UMOT"], name  # above a neighbour: no trough on desktop
    other = (
        measure(survey, "experienced")[mobile].mean()
        - measure(survey, "experienced")[desktop].mean()
    )
    assert other.drop("TMOT").abs().max() < 0.2


def test_truth_3_peak_end_predicts_the_remembered_rating(survey: pd.DataFrame) -> None:
    emotion = measure(survey, "emotion")
    remembered = survey["recuerdo_global"]
    complete = emotion.notna().all(axis=1) & remembered.notna()
    curve = emotion[complete].to_numpy()
    y = remembered[complete].to_numpy()
    peak = curve[np.arange(len(curve)), np.abs(curve).argmax(axis=1)]
    end = curve[:, -1]
    r_peak_end = np.corrcoef((peak + end) / 2, y)[0, 1]
    r_mean = np.corrcoef(curve.mean(axis=1), y)[0, 1]
    assert complete.sum() > 1600
    assert r_peak_end > 0.65
    assert r_mean < 0.55
    assert r_peak_end - r_mean > 0.2
    assert r_peak_end > np.corrcoef(peak, y)[0, 1]  # both parts matter
    assert r_peak_end > np.corrcoef(end, y)[0, 1]


def welch_t(a: pd.Series, b: pd.Series) -> float:
    a, b = a.dropna(), b.dropna()
    return (a.mean() - b.mean()) / np.sqrt(a.var() / len(a) + b.var() / len(b))


def test_truth_4_variant_b_lifts_fmot_only(survey: pd.DataFrame) -> None:
    b = survey["variant"] == "B"
    experienced = measure(survey, "experienced")
    lift = experienced[b].mean() - experienced[~b].mean()
    assert 0.4 < lift["FMOT"] < 0.8
    assert welch_t(experienced.loc[b, "FMOT"], experienced.loc[~b, "FMOT"]) > 6
    # FMOT's lived measures follow the lift; nothing else moves (|t| < 2.5 on 27 tests).
    lived = {("FMOT", "experienced"), ("FMOT", "emotion"), ("FMOT", "retrospective")}
    for name in MEASURE_COLUMNS:
        ratings = measure(survey, name)
        for tp in TOUCHPOINTS:
            if (tp, name) not in lived:
                assert abs(welch_t(ratings.loc[b, tp], ratings.loc[~b, tp])) < 2.5, (tp, name)
    for outcome in OUTCOME_SCALES:
        assert abs(welch_t(survey.loc[b, outcome], survey.loc[~b, outcome])) < 2.5, outcome


def regression(survey: pd.DataFrame, rows: pd.Series) -> pd.Series:
    """OLS coefficients of recomendacion on the five experienced ratings."""
    frame = measure(survey, "experienced").assign(y=survey["recomendacion"])[rows].dropna()
    x = np.column_stack([np.ones(len(frame)), frame[list(TOUCHPOINTS)].to_numpy()])
    beta = np.linalg.lstsq(x, frame["y"].to_numpy(), rcond=None)[0]
    return pd.Series(beta[1:], index=list(TOUCHPOINTS))


def test_truth_5_tmot_drives_recommendation_for_loyal_customers(survey: pd.DataFrame) -> None:
    loyal = survey["persona"] == "loyal"
    coef = regression(survey, loyal)
    assert coef["TMOT"] > 0.8
    assert coef["TMOT"] > 3 * coef.drop("TMOT").abs().max()
    others = regression(survey, ~loyal)
    assert (others[["SMOT", "TMOT", "UMOT"]] > 0.3).all()
    assert (others[["ZMOT", "FMOT"]].abs() < 0.15).all()


def test_truth_6_expectations_excellence_and_importance(survey: pd.DataFrame) -> None:
    means = {name: measure(survey, name).mean() for name in MEASURE_COLUMNS}
    gap = means["experienced"] - means["anticipated"]
    assert gap["TMOT"] < -0.6  # disappointment
    assert gap["SMOT"] > 0.4  # pleasant surprise
    lived = pd.concat([means["anticipated"], means["experienced"], means["retrospective"]], axis=1)
    assert (means["excellent"] > lived.max(axis=1) + 0.5).all()
    assert set(means["importance"].nlargest(2).index) == {"SMOT", "TMOT"}


# ------------------------------------------------------------------------------------------
# The event log
# ------------------------------------------------------------------------------------------


def test_event_schema_and_size(events: pd.DataFrame) -> None:
    assert list(events.columns) == [
        "user_id",
        "session_id",
        "timestamp",
        "event_name",
        "device",
        "channel",
        "variant",
        "revenue",
    ]
    assert str(events["timestamp"].dt.tz) == "UTC"
    assert events["timestamp"].min() >= START
    assert events["timestamp"].max() < START + pd.Timedelta(weeks=12)
    assert 15_000 <= events["user_id"].nunique() <= 30_000
    assert 150_000 <= len(events) <= 300_000
    assert events[["user_id", "session_id", "timestamp", "event_name"]].notna().all().all()


def test_event_names_match_the_moments(events: pd.DataFrame) -> None:
    # The product's own keywords (the journey model, not the analysis library).
    from mot.journey import DEFAULT_EVENT_KEYWORDS as keywords

    names = set(events["event_name"])
    matched = {
        key: {n for n in names if any(word in n for word in words)}
        for key, words in keywords.items()
    }
    assert all(matched.values())  # every moment has evidence
    assert names - set().union(*matched.values()) == UNMATCHED_EVENTS


def test_revenue_only_on_purchases(events: pd.DataFrame) -> None:
    purchase = events["event_name"] == "purchase"
    assert events.loc[purchase, "revenue"].gt(0).all()
    assert events.loc[~purchase, "revenue"].isna().all()


def test_events_are_ordered_and_sessions_are_time_gaps(events: pd.DataFrame) -> None:
    same_user = events["user_id"].eq(events["user_id"].shift())
    gap = events["timestamp"].diff()
    assert (gap[same_user] >= pd.Timedelta(0)).all()
    same_session = events["session_id"].eq(events["session_id"].shift())
    assert (same_session <= same_user).all()
    thirty = pd.Timedelta(minutes=30)
    assert (gap[same_session] <= thirty).all()
    assert (gap[same_user & ~same_session] > thirty).all()


def test_funnel_has_drop_off_in_order(events: pd.DataFrame) -> None:
    steps = ["product_view", "add_to_cart", "checkout", "purchase", "delivery"]
    users = [users_with(events, step) for step in steps]
    for before, after in itertools.pairwise(users):
        assert after.isin(before).all() and len(after) < len(before)
    after_delivery = users_with(events, "review_posted").union(users_with(events, "repurchase"))
    assert after_delivery.isin(users[-1]).all() and len(after_delivery) < len(users[-1])
    first = events.pivot_table(
        index="user_id", columns="event_name", values="timestamp", aggfunc="min"
    )
    for before, after in itertools.pairwise(steps):
        both = first[[before, after]].dropna()
        assert (both[before] <= both[after]).all(), (before, after)


def test_respondents_are_customers_in_the_log(raw: pd.DataFrame, events: pd.DataFrame) -> None:
    per_user = events.groupby("user_id")[["device", "channel", "variant"]].first()
    linked = raw.set_index("customer_id")[["device", "channel", "variant"]]
    assert linked.index.isin(per_user.index).all()
    pd.testing.assert_frame_equal(per_user.loc[linked.index], linked, check_names=False)
    buyers = users_with(events, "purchase")
    assert linked.index.isin(buyers).all()
    assert events.groupby("user_id")[["device", "channel", "variant"]].nunique().eq(1).all().all()


# ------------------------------------------------------------------------------------------
# Planted truths in the event log (data/README.md, truth 7)
# ------------------------------------------------------------------------------------------


def test_truth_7a_variant_b_converts_views_to_carts(events: pd.DataFrame) -> None:
    viewers = events[events["event_name"] == "product_view"].groupby("user_id")["variant"].first()
    carted = viewers.index.isin(users_with(events, "add_to_cart"))
    rate = pd.Series(carted, index=viewers.index).groupby(viewers).mean()
    assert rate["B"] - rate["A"] > 0.04


def test_truth_7b_mobile_bounces_more(events: pd.DataFrame) -> None:
    landed = events[events["event_name"] == "landing"].groupby("user_id")["device"].first()
    bounced = landed.index.isin(users_with(events, "bounce"))
    rate = pd.Series(bounced, index=landed.index).groupby(landed).mean()
    assert rate["mobile"] - rate["desktop"] > 0.1
    assert rate.idxmax() == "mobile"


def test_truth_7c_delivery_incident_week(events: pd.DataFrame) -> None:
    week = (events["timestamp"] - START).dt.days // 7
    counts = pd.crosstab(week, events["event_name"])
    normal = counts.loc[[w for w in range(1, 11) if w not in (INCIDENT_WEEK, INCIDENT_WEEK + 1)]]
    tickets, deliveries = counts["support_ticket"], counts["delivery"]
    assert tickets[INCIDENT_WEEK] > 4 * normal["support_ticket"].median()
    assert deliveries[INCIDENT_WEEK] < 0.5 * normal["delivery"].median()
    assert deliveries[INCIDENT_WEEK + 1] > 1.3 * normal["delivery"].median()  # delayed parcels
    assert tickets.idxmax() == INCIDENT_WEEK


# ------------------------------------------------------------------------------------------
# The second wave: measured again after a corrective action at TMOT
# ------------------------------------------------------------------------------------------

WAVE2 = DATA / "demo_survey_wave2.csv"


@pytest.fixture(scope="module")
def wave2() -> pd.DataFrame:
    frame = pd.read_csv(WAVE2, dtype=str, keep_default_na=False)
    return frame.apply(
        lambda c: pd.to_numeric(c, errors="coerce") if c.name in RATING_SCALES else c
    )


def test_regenerated_wave2_is_byte_identical(regenerated: Path) -> None:
    assert (regenerated / "demo_survey_wave2.csv").read_bytes() == WAVE2.read_bytes()


def test_wave2_layout_and_repeat_customers(raw: pd.DataFrame, wave2: pd.DataFrame) -> None:
    assert list(wave2.columns) == EXPECTED_COLUMNS and len(wave2) == 1500
    assert WAVE2.stat().st_size < 1_000_000
    # new response ids, numbered on from wave 1's; 600 wave-1 customers answer again
    assert set(wave2["ResponseId"]).isdisjoint(raw["ResponseId"])
    again = wave2.merge(raw, on="customer_id", suffixes=("", "_1"))
    assert len(again) == 600
    for segment in SEGMENTS:
        assert (again[segment] == again[f"{segment}_1"]).all()
    starts = pd.to_datetime(wave2["StartDate"])
    assert starts.min() >= pd.Timestamp("2026-09-21") and starts.max() < pd.Timestamp("2026-10-20")


def test_wave2_tmot_improves_and_nothing_else_moves(survey: pd.DataFrame, wave2) -> None:
    from scipy import stats

    def welch(measure_name: str, tp: int, rows1=None, rows2=None) -> tuple[float, float]:
        col1 = measure(survey, measure_name).iloc[:, tp]
        col2 = wave2[MEASURE_COLUMNS[measure_name][tp]]
        a = (col1 if rows1 is None else col1[rows1]).dropna()
        b = (col2 if rows2 is None else col2[rows2]).dropna()
        return b.mean() - a.mean(), stats.ttest_ind(b, a, equal_var=False).statistic

    lift, t = welch("experienced", 3)
    assert 0.4 < lift < 0.8 and t > 8  # +0.55 by rule: mobile's −1.5 became −0.5
    mobile, _ = welch("experienced", 3, survey["device"] == "mobile", wave2["device"] == "mobile")
    desktop, _ = welch(
        "experienced", 3, survey["device"] == "desktop", wave2["device"] == "desktop"
    )
    assert 0.75 < mobile < 1.25 and abs(desktop) < 0.2
    follows, t_memory = welch("retrospective", 3)  # remembered TMOT follows (0.7 × lived)
    assert 0.25 < follows < 0.55 and t_memory > 5
    others = [
        welch(name, tp)[1]
        for name in MEASURE_COLUMNS
        for tp in range(5)
        if not (tp == 3 and name in ("experienced", "retrospective", "emotion"))
    ]
    assert len(others) == 27 and max(abs(t) for t in others) < 3
