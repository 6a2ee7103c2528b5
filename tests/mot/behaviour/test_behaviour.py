import math
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from scipy import stats

from mot import behaviour as b
from mot.behaviour import open_event_log, rules_from_journey
from mot.errors import EventLogError, InsufficientDataError, MotError
from mot.journey import default_journey

DEMO = Path(__file__).resolve().parents[3] / "data" / "demo_events.parquet"
Z95 = stats.norm.ppf(0.975)
JOURNEY = ["ZMOT", "FMOT", "SMOT", "TMOT", "UMOT"]

# Keyword → moment for the demo log; the longest keyword wins (repurchase → UMOT, not SMOT).
KEYWORDS = {
    "ZMOT": ("search", "review_read", "compare", "ad_click"),
    "FMOT": ("landing", "product_view", "bounce"),
    "SMOT": ("add_to_cart", "checkout", "purchase"),
    "TMOT": ("shipping", "delivery", "support"),
    "UMOT": ("review_posted", "share", "repurchase"),
}


def make_view(con: duckdb.DuckDBPyConnection, rows: list[tuple], name="events_mapped") -> None:
    """A mapped event view from (user, session, 'YYYY-mm-dd HH:MM', event, touchpoint[, dev])."""
    frame = pd.DataFrame(
        [r if len(r) == 6 else (*r, "desktop") for r in rows],
        columns=["user_id", "session_id", "ts", "event", "touchpoint", "device"],
    )
    frame["ts"] = pd.to_datetime(frame["ts"])
    frame.insert(0, "row_number", np.arange(1, len(frame) + 1))
    con.register("_raw", frame)
    con.execute(f"CREATE VIEW {name} AS SELECT * FROM _raw")


@pytest.fixture
def con():
    connection = duckdb.connect()
    yield connection
    connection.close()


@pytest.fixture
def tiny(con):
    make_view(
        con,
        [
            # a: FMOT 10:00, SMOT 10:05, TMOT 11:00 → all three steps in order.
            ("a", "sa", "2026-01-01 10:00", "landing", "FMOT"),
            ("a", "sa", "2026-01-01 10:05", "purchase", "SMOT"),
            ("a", "sa", "2026-01-01 11:00", "delivery", "TMOT"),
            # b: SMOT before FMOT → ordered: step 1 only; open: FMOT and SMOT.
            ("b", "sb", "2026-01-01 09:00", "purchase", "SMOT", "mobile"),
            ("b", "sb", "2026-01-01 10:00", "landing", "FMOT", "mobile"),
            # c: FMOT and SMOT at the same instant → the SMOT does not count (strictly after).
            ("c", "sc", "2026-01-01 12:00", "landing", "FMOT", "mobile"),
            ("c", "sc", "2026-01-01 12:00", "purchase", "SMOT", "mobile"),
            # d: FMOT, then SMOT three days later (outside a 1-day window); a lone landing
            # session (a bounce) and an unmatched event in it.
            ("d", "sd1", "2026-01-01 08:00", "landing", "FMOT"),
            ("d", "sd1", "2026-01-01 08:01", "newsletter_open", None),
            ("d", "sd2", "2026-01-04 08:00", "purchase", "SMOT"),
        ],
    )
    return con


# --- reach ----------------------------------------------------------------------------------


def test_reach_counts_users_sessions_events(tiny):
    out = b.touchpoint_reach(tiny, touchpoints=["FMOT", "SMOT", "TMOT", "UMOT"])
    assert list(out.columns) == list(b.REACH_COLUMNS)
    assert out["touchpoint"].tolist() == ["FMOT", "SMOT", "TMOT", "UMOT"]
    # FMOT: users a, b, c, d; sessions sa, sb, sc, sd1; 4 events.
    assert out["users"].tolist() == [4, 4, 1, 0]
    assert out["sessions"].tolist() == [4, 4, 1, 0]
    assert out["events"].tolist() == [4, 4, 1, 0]


def test_reach_by_device(tiny):
    out = b.touchpoint_reach(tiny, touchpoints=["FMOT", "SMOT"], by="device")
    assert list(out.columns) == ["device", *b.REACH_COLUMNS]
    assert out["device"].tolist() == ["desktop", "desktop", "mobile", "mobile"]
    assert out["users"].tolist() == [2, 2, 2, 2]
    assert out.attrs["n_missing_segment"] == 0


def test_reach_sessions_are_per_user(con):
    # "1" is the first session of both users (as GA4 numbers sessions per user): two
    # sessions. e's events have no session id: e is reached, in no session.
    make_view(
        con,
        [
            ("a", "1", "2026-01-01 10:00", "landing", "FMOT"),
            ("a", "1", "2026-01-01 10:01", "product_view", "FMOT"),
            ("a", "2", "2026-01-02 10:00", "landing", "FMOT"),
            ("b", "1", "2026-01-01 11:00", "landing", "FMOT"),
            ("e", None, "2026-01-01 12:00", "landing", "FMOT"),
        ],
    )
    out = b.touchpoint_reach(con, touchpoints=["FMOT"])
    assert out[["users", "sessions", "events"]].iloc[0].tolist() == [3, 3, 5]


def test_reach_by_segment_counts_missing_values(con):
    make_view(
        con,
        [
            ("a", "sa", "2026-01-01 10:00", "landing", "FMOT", "mobile"),
            ("a", "sa", "2026-01-01 10:05", "purchase", "SMOT", None),
            ("b", "sb", "2026-01-01 10:00", "landing", "FMOT", None),
            ("c", "sc", "2026-01-01 10:00", "search", "ZMOT", "tablet"),
        ],
    )
    out = b.touchpoint_reach(con, touchpoints=["ZMOT", "FMOT", "SMOT"], by="device")
    assert out["device"].tolist() == ["mobile"] * 3 + ["tablet"] * 3
    assert out["users"].tolist() == [0, 1, 0, 1, 0, 0]
    assert out["events"].tolist() == [0, 1, 0, 1, 0, 0]
    assert out.attrs["n_missing_segment"] == 2  # a's purchase and b's landing


def test_reach_of_a_journey_longer_than_one_mask(con):
    # 70 touchpoints need two masks of 62: the counts and positions carry across.
    names = [f"T{k}" for k in range(1, 71)]
    make_view(
        con,
        [
            ("a", "s1", "2026-01-01 10:00", "e1", "T1"),
            ("a", "s1", "2026-01-01 10:01", "e62", "T62"),
            ("a", "s2", "2026-01-02 10:00", "e63", "T63"),
            ("b", "s3", "2026-01-01 10:00", "e70", "T70"),
            ("b", "s3", "2026-01-01 10:01", "e70", "T70"),
        ],
    )
    out = b.touchpoint_reach(con, touchpoints=names).set_index("touchpoint")
    assert out["position"].tolist() == list(range(1, 71))
    reached = out[out["events"] > 0]
    assert reached.index.tolist() == ["T1", "T62", "T63", "T70"]
    assert reached["users"].tolist() == [1, 1, 1, 1]
    assert reached["sessions"].tolist() == [1, 1, 1, 1]
    assert reached["events"].tolist() == [1, 1, 1, 2]
    assert int(out["users"].sum()) == 4


def test_reach_and_funnel_groups_are_text_whatever_the_column(con):
    # an integer property groups as text (as DuckDB and Spark both cast it), and a struct
    # (GA4 keeps device and geo as structs) does not break the grouping
    con.execute(
        """CREATE VIEW events_mapped AS SELECT * FROM (VALUES
        ('a', 's1', TIMESTAMP '2026-01-01 10:00', 'landing', 'FMOT', 10, {'os': 'ios'}),
        ('a', 's1', TIMESTAMP '2026-01-01 10:05', 'purchase', 'SMOT', 10, {'os': 'ios'}),
        ('b', 's2', TIMESTAMP '2026-01-01 10:00', 'landing', 'FMOT', 2, {'os': 'android'}))
        t(user_id, session_id, ts, event, touchpoint, cohort_n, device)"""
    )
    reach = b.touchpoint_reach(con, touchpoints=["FMOT", "SMOT"], by="cohort_n")
    assert reach["cohort_n"].tolist() == ["10", "10", "2", "2"]  # sorted as text
    assert reach["users"].tolist() == [1, 1, 1, 0]
    funnel = b.ordered_funnel(con, steps=["FMOT", "SMOT"], by="cohort_n")
    assert funnel["cohort_n"].tolist() == ["10", "10", "2", "2"]
    by_device = b.ordered_funnel(con, steps=["FMOT", "SMOT"], by="device")
    assert by_device["users"].tolist() == [1, 0, 1, 1]  # android, then ios
    assert len(b.touchpoint_reach(con, touchpoints=["FMOT"], by="device")) == 2


def test_reach_counts_a_touchpoint_given_twice_once(tiny):
    twice = b.touchpoint_reach(tiny, touchpoints=["FMOT", "FMOT", "SMOT"], by="device")
    once = b.touchpoint_reach(tiny, touchpoints=["FMOT", "SMOT"], by="device")
    assert twice["position"].tolist() == [1, 2, 3, 1, 2, 3]
    assert twice.attrs["n_missing_segment"] == once.attrs["n_missing_segment"]
    first = twice[twice["position"] != 2].drop(columns="position").reset_index(drop=True)
    pd.testing.assert_frame_equal(first, once.drop(columns="position"))


def test_reach_counts_no_user_for_a_missing_id(con):
    make_view(
        con,
        [
            ("a", "s1", "2026-01-01 10:00", "landing", "FMOT"),
            (None, "s2", "2026-01-01 11:00", "landing", "FMOT"),
        ],
    )
    out = b.touchpoint_reach(con, touchpoints=["FMOT"])
    assert out[["users", "sessions", "events"]].iloc[0].tolist() == [1, 2, 2]


def test_bounce_leaves_out_events_without_a_session(con):
    make_view(
        con,
        [
            ("a", "s1", "2026-01-01 10:00", "landing", "FMOT", None),
            ("a", None, "2026-01-01 11:00", "landing", "FMOT", None),
            ("b", None, "2026-01-01 11:00", "landing", "FMOT", None),
            ("c", "s3", "2026-01-01 12:00", "landing", "FMOT", "mobile"),
        ],
    )
    out = b.bounce_rate(con, by="device")
    assert out["sessions"].tolist() == [1]
    assert out.attrs["n_missing_segment"] == 1  # a's s1; the sessionless events are in none


# --- funnels --------------------------------------------------------------------------------


def test_ordered_funnel_hand_example(tiny):
    out = b.ordered_funnel(tiny, steps=["FMOT", "SMOT", "TMOT"])
    assert list(out.columns) == list(b.FUNNEL_COLUMNS)
    # Step 1: a, b, c, d. Step 2 strictly after: a (10:05 > 10:00), d (3 days later);
    # b's SMOT is before its FMOT, c's is at the same instant. Step 3: a only.
    assert out["users"].tolist() == [4, 2, 1]
    assert out["drop_off"].tolist() == [0, 2, 1]
    assert out["conversion_from_previous"].tolist() == pytest.approx([1.0, 0.5, 0.5])
    assert out["conversion_from_start"].tolist() == pytest.approx([1.0, 0.5, 0.25])


def test_ordered_funnel_equal_timestamps_do_not_count(con):
    make_view(
        con,
        [
            ("x", "s", "2026-01-01 10:00", "landing", "FMOT"),
            ("x", "s", "2026-01-01 10:00", "purchase", "SMOT"),
        ],
    )
    out = b.ordered_funnel(con, steps=["FMOT", "SMOT"])
    assert out["users"].tolist() == [1, 0]


def test_ordered_funnel_repeated_step_needs_a_later_event(con):
    make_view(
        con,
        [
            ("x", "s", "2026-01-01 10:00", "product_view", "FMOT"),
            ("x", "s", "2026-01-01 10:01", "product_view", "FMOT"),
            ("y", "t", "2026-01-01 10:00", "product_view", "FMOT"),
        ],
    )
    out = b.ordered_funnel(con, steps=["product_view", "product_view"], step_column="event")
    assert out["users"].tolist() == [2, 1]


def test_window_excludes_late_steps(tiny):
    out = b.ordered_funnel(tiny, steps=["FMOT", "SMOT"], window=timedelta(days=1))
    # d's SMOT comes 3 days after its FMOT: outside the window.
    assert out["users"].tolist() == [4, 1]
    wide = b.ordered_funnel(tiny, steps=["FMOT", "SMOT"], window=timedelta(days=3))
    assert wide["users"].tolist() == [4, 2]  # exactly 3 days: the window is inclusive


def test_one_step_funnel_with_a_window(tiny):
    out = b.ordered_funnel(tiny, steps=["FMOT"], window=timedelta(days=1))
    assert out["users"].tolist() == [4]


def test_open_funnel_ignores_order(tiny):
    out = b.open_funnel(tiny, steps=["FMOT", "SMOT", "TMOT"])
    assert list(out.columns) == list(b.FUNNEL_COLUMNS)
    # b and c had both FMOT and SMOT, whatever the order.
    assert out["users"].tolist() == [4, 4, 1]


def test_funnel_wilson_interval_by_hand(tiny):
    out = b.ordered_funnel(tiny, steps=["FMOT", "SMOT", "TMOT"])
    # Hand Wilson for 1 of 4: centre = (1 + z²/2) / (4 + z²), half = z / (4 + z²) ·
    # √(1 · 3 / 4 + z²/4).
    z2 = Z95**2
    centre = (1 + z2 / 2) / (4 + z2)
    half = Z95 / (4 + z2) * math.sqrt(3 / 4 + z2 / 4)
    row = out.iloc[2]
    assert row["ci_low"] == pytest.approx(centre - half)
    assert row["ci_high"] == pytest.approx(centre + half)
    assert row["ci_low"] == pytest.approx(0.045587, abs=1e-6)  # published value for 1/4
    assert row["ci_high"] == pytest.approx(0.699358, abs=1e-6)


def test_wilson_against_known_values():
    low, high = b.wilson_interval(np.array([0, 10, 5]), np.array([10, 10, 0]))
    # 0 of 10: [0, z² / (10 + z²)] = [0, 0.27753]; n = 0: undefined.
    assert low[0] == pytest.approx(0.0)
    assert high[0] == pytest.approx(Z95**2 / (10 + Z95**2))
    assert high[1] == pytest.approx(1.0)
    assert np.isnan(low[2]) and np.isnan(high[2])


def test_funnel_by_segment_and_missing_segment(con):
    make_view(
        con,
        [
            ("a", "s1", "2026-01-01 10:00", "landing", "FMOT", "mobile"),
            ("a", "s1", "2026-01-01 10:01", "purchase", "SMOT", "mobile"),
            ("b", "s2", "2026-01-01 10:00", "landing", "FMOT", "desktop"),
            ("c", "s3", "2026-01-01 10:00", "landing", "FMOT", None),
        ],
    )
    out = b.ordered_funnel(con, steps=["FMOT", "SMOT"], by="device")
    assert list(out.columns) == ["device", *b.FUNNEL_COLUMNS]
    assert out["device"].tolist() == ["desktop", "desktop", "mobile", "mobile"]
    assert out["users"].tolist() == [1, 0, 1, 1]
    assert out.attrs["n_missing_segment"] == 1


def test_funnel_empty_has_same_columns(con):
    make_view(con, [("a", "s1", "2026-01-01 10:00", "landing", "FMOT")])
    out = b.ordered_funnel(con, steps=["SMOT", "TMOT"], by="device")
    assert list(out.columns) == ["device", *b.FUNNEL_COLUMNS]
    assert out.empty
    plain = b.ordered_funnel(con, steps=["SMOT", "TMOT"])
    assert plain["users"].tolist() == [0, 0]


def test_funnel_errors(tiny):
    with pytest.raises(EventLogError, match="no event view"):
        b.ordered_funnel(tiny, "nope", steps=["FMOT"])
    with pytest.raises(EventLogError, match="no property column `persona`"):
        b.ordered_funnel(tiny, steps=["FMOT"], by="persona")
    with pytest.raises(MotError, match="at least 1"):
        b.ordered_funnel(tiny, steps=[])
    with pytest.raises(MotError, match="positive duration"):
        b.ordered_funnel(tiny, steps=["FMOT"], window=timedelta(0))
    with pytest.raises(EventLogError, match="DuckDB connection"):
        b.ordered_funnel(pd.DataFrame(), steps=["FMOT"])


def test_steps_as_comma_string(tiny):
    out = b.ordered_funnel(tiny, steps="landing,purchase", step_column="event")
    assert out["step"].tolist() == ["landing", "purchase"]
    assert out["users"].tolist() == [4, 2]


def test_compare_conversion_matches_two_proportion_test():
    funnel = pd.DataFrame(
        {
            "variant": ["A", "A", "B", "B"],
            "step": ["view", "cart", "view", "cart"],
            "position": [1, 2, 1, 2],
            "users": [100, 45, 100, 30],
        }
    )
    out = b.compare_conversion(funnel, step="cart")
    assert list(out.columns) == list(b.CONVERSION_COMPARE_COLUMNS)
    row = out.iloc[0]
    # The two_proportion_test docstring's example: 45/100 vs 30/100 → z 2.191, p 0.0285.
    assert row["z"] == pytest.approx(2.191, abs=1e-3)
    assert row["p_value"] == pytest.approx(0.0285, abs=1e-4)
    assert row["p_adjusted"] == pytest.approx(row["p_value"])
    with pytest.raises(MotError, match="no step"):
        b.compare_conversion(funnel, step="checkout")
    with pytest.raises(MotError, match="by="):
        b.compare_conversion(funnel.drop(columns="variant"), step="cart")


def test_funnel_by_week_of_entry_shows_the_delivery_incident(demo):
    # data/README.md, truth 7c: deliveries of the week of 2026-07-13 arrive 3–7 days late.
    out = b.ordered_funnel(
        demo,
        steps=["purchase", "delivery"],
        step_column="event",
        window=timedelta(days=4),
        cohort="week",
    )
    assert list(out.columns) == ["cohort", *b.FUNNEL_COLUMNS]
    delivered = out[out["position"] == 2].set_index("cohort")["conversion_from_previous"]
    assert (delivered.index.day_of_week == 0).all()  # weeks start on Monday
    full_weeks = delivered.iloc[1:-1]  # the log's first and last weeks are partial
    assert full_weeks.idxmin() == pd.Timestamp("2026-07-13")
    assert full_weeks.min() < 0.5 * full_weeks.median()


def test_funnel_cohort_is_checked(con, tiny):
    with pytest.raises(MotError, match="not both"):
        b.ordered_funnel(con, steps=["FMOT", "SMOT"], by="device", cohort="week")
    with pytest.raises(MotError, match="cohort"):
        b.ordered_funnel(con, steps=["FMOT", "SMOT"], cohort="fortnight")


# --- time between ---------------------------------------------------------------------------


def test_time_between_median_by_hand(con):
    make_view(
        con,
        [
            # FMOT → SMOT gaps: 1 h, 2 h, 4 h; user z's SMOT is before its FMOT (not counted).
            ("x", "s", "2026-01-01 10:00", "landing", "FMOT"),
            ("x", "s", "2026-01-01 11:00", "purchase", "SMOT"),
            ("y", "t", "2026-01-01 10:00", "landing", "FMOT"),
            ("y", "t", "2026-01-01 12:00", "purchase", "SMOT"),
            ("w", "u", "2026-01-01 10:00", "landing", "FMOT"),
            ("w", "u", "2026-01-01 14:00", "purchase", "SMOT"),
            ("z", "v", "2026-01-01 09:00", "purchase", "SMOT"),
            ("z", "v", "2026-01-01 10:00", "landing", "FMOT"),
        ],
    )
    out = b.time_between(con, touchpoints=["FMOT", "SMOT", "TMOT"])
    assert list(out.columns) == list(b.TIME_BETWEEN_COLUMNS)
    first = out.iloc[0]
    assert first["users"] == 3
    assert first["median_hours"] == pytest.approx(2.0)
    # quantile_cont (linear): q1 = 1 + 0.5 · (2 − 1) = 1.5, q3 = 2 + 0.5 · (4 − 2) = 3.
    assert first["q1_hours"] == pytest.approx(1.5)
    assert first["q3_hours"] == pytest.approx(3.0)
    assert out.iloc[1]["users"] == 0 and np.isnan(out.iloc[1]["median_hours"])


def test_time_between_by_segment(con):
    make_view(
        con,
        [
            # mobile: 1 h and 3 h (median 2); desktop: 5 h; v has no device (left out).
            ("x", "s", "2026-01-01 10:00", "landing", "FMOT", "mobile"),
            ("x", "s", "2026-01-01 11:00", "purchase", "SMOT", "mobile"),
            ("y", "t", "2026-01-01 10:00", "landing", "FMOT", "mobile"),
            ("y", "t", "2026-01-01 13:00", "purchase", "SMOT", "desktop"),
            ("w", "u", "2026-01-01 10:00", "landing", "FMOT", "desktop"),
            ("w", "u", "2026-01-01 15:00", "purchase", "SMOT", "desktop"),
            ("v", "r", "2026-01-01 10:00", "landing", "FMOT", None),
            ("v", "r", "2026-01-01 10:30", "purchase", "SMOT", None),
        ],
    )
    out = b.time_between(con, touchpoints=["FMOT", "SMOT"], by="device")
    assert list(out.columns) == ["device", *b.TIME_BETWEEN_COLUMNS]
    rows = out.set_index("device")
    assert rows.loc["mobile", "users"] == 2 and rows.loc["mobile", "median_hours"] == 2.0
    assert rows.loc["desktop", "users"] == 1 and rows.loc["desktop", "median_hours"] == 5.0
    assert out.attrs["n_missing_segment"] == 1
    everyone = b.time_between(con, touchpoints=["FMOT", "SMOT"])
    assert everyone["users"].tolist() == [4] and everyone.attrs["n_missing_segment"] == 0


# --- bounce ---------------------------------------------------------------------------------


def test_bounce_rate_one_event_session(tiny):
    out = b.bounce_rate(tiny)
    assert list(out.columns) == list(b.BOUNCE_COLUMNS)
    # Sessions with FMOT: sa, sb, sc, sd1; only sd1 has nothing but FMOT (its newsletter
    # open is unmatched and ignored).
    row = out.iloc[0]
    assert (row["sessions"], row["bounced"]) == (4, 1)
    assert row["rate"] == pytest.approx(0.25)
    low, high = b.wilson_interval(1, 4)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((float(low), float(high)))


def test_bounce_rate_by_device(tiny):
    out = b.bounce_rate(tiny, by="device")
    assert list(out.columns) == ["device", *b.BOUNCE_COLUMNS]
    assert out["device"].tolist() == ["desktop", "mobile"]
    assert out["sessions"].tolist() == [2, 2]
    assert out["bounced"].tolist() == [1, 0]


# --- retention ------------------------------------------------------------------------------


def test_retention_hand_example(con):
    make_view(
        con,
        [
            ("a", "s1", "2026-01-05 10:00", "purchase", "SMOT"),
            ("a", "s2", "2026-01-20 10:00", "purchase", "SMOT"),  # 15 days later
            ("b", "s3", "2026-01-06 10:00", "purchase", "SMOT"),
            ("b", "s4", "2026-02-20 10:00", "repurchase", "UMOT"),  # 45 days later
            ("c", "s5", "2026-01-07 10:00", "purchase", "SMOT"),
            ("d", "s6", "2026-03-01 10:00", "purchase", "SMOT"),  # window not observed
            ("e", "s7", "2026-03-20 10:00", "search", "ZMOT"),  # the log's last event
        ],
    )
    out = b.retention(con, days=(30, 60))
    assert list(out.columns) == list(b.RETENTION_COLUMNS)
    first = out[out["cohort"] == pd.Timestamp("2026-01-05")]
    assert first["users"].tolist() == [3, 3]
    assert first["retained"].tolist() == [1, 2]
    assert first["rate"].tolist() == pytest.approx([1 / 3, 2 / 3])
    late = out[out["cohort"] == pd.Timestamp("2026-02-23")]
    assert late["users"].tolist() == [0, 0]
    assert late["censored"].tolist() == [1, 1]
    assert late["rate"].isna().all()
    with pytest.raises(MotError, match="days"):
        b.retention(con, days=(0,))
    with pytest.raises(MotError, match="cohort"):
        b.retention(con, cohort="year")


# --- trends ---------------------------------------------------------------------------------


def test_trend_flags_a_dip_and_a_spike(con):
    rows = []
    counts = [10, 11, 9, 10, 2, 10, 30, 10]  # week 5 dips (< 0.5 · median), week 7 spikes
    for week, count in enumerate(counts):
        day = pd.Timestamp("2026-01-05") + pd.Timedelta(weeks=week)
        for i in range(count):
            rows.append((f"u{week}_{i}", f"s{week}_{i}", str(day), "delivery", "TMOT"))
    make_view(con, rows)
    out = b.trend(con, touchpoints=["TMOT", "UMOT"])
    assert list(out.columns) == list(b.TREND_COLUMNS)
    tmot = out[out["touchpoint"] == "TMOT"]
    assert tmot["users"].tolist() == counts
    assert tmot["baseline"].iloc[0] == pytest.approx(10.0)
    assert tmot["dip"].tolist() == [False] * 4 + [True] + [False] * 3
    assert tmot["spike"].tolist() == [False] * 6 + [True, False]
    umot = out[out["touchpoint"] == "UMOT"]
    assert umot["users"].tolist() == [0] * 8 and not umot["dip"].any()


def test_trend_flat_series_still_shows_an_outage(con):
    # Ten weeks of 5 users and one of 1: MAD = 0, but 1 < 0.5 · 5 is a dip.
    rows = []
    for week, count in enumerate([5] * 5 + [1] + [5] * 4):
        day = pd.Timestamp("2026-01-05") + pd.Timedelta(weeks=week)
        rows += [(f"u{week}_{i}", "s", str(day), "delivery", "TMOT") for i in range(count)]
    make_view(con, rows)
    out = b.event_trend(con, events=["delivery"])
    assert out["dip"].tolist() == [False] * 5 + [True] + [False] * 4
    assert not out["spike"].any()


def weekly_view(con, counts, *, event="delivery", touchpoint="TMOT", start="2026-01-05"):
    """One event per user, ``counts[w]`` users in week ``w`` (Mondays from ``start``)."""
    rows = []
    for week, count in enumerate(counts):
        day = pd.Timestamp(start) + pd.Timedelta(weeks=week)
        rows += [(f"u{week}_{i}", "s", str(day), event, touchpoint) for i in range(count)]
    make_view(con, rows)


def test_trend_never_judges_the_partial_first_and_last_weeks(con):
    # 100 users in the first and the last week would be spikes (> 2 × the usual level), but
    # the log begins and ends inside them: partial, never flagged, out of the baseline.
    counts = [100, 10, 12, 10, 25, 11, 2, 100]
    weekly_view(con, counts)
    out = b.trend(con, touchpoints=["TMOT"])
    assert out["partial"].tolist() == [True] + [False] * 6 + [True]
    # whole weeks 10, 12, 10, 25, 11, 2: median 10.5 (over every week it would be 11.5);
    # MAD = 1.4826 · median(0.5, 1.5, 0.5, 14.5, 0.5, 8.5) = 1.4826
    assert out["baseline"].iloc[0] == pytest.approx(10.5)
    # the thresholds are 10.5 ± 2 · 1.4826 = 7.53 and 13.47: 25 is above, 2 below, 12 within
    assert out["spike"].tolist() == [False] * 4 + [True] + [False] * 3
    assert out["dip"].tolist() == [False] * 6 + [True, False]


def test_trend_spikes_mirror_dips_when_most_weeks_are_alike(con):
    # MAD = 0: only the ratio rules apply, a half below and a double above.
    weekly_view(con, [1] + [5] * 4 + [11] + [5] * 3 + [2] + [5] * 2 + [12])
    out = b.trend(con, touchpoints=["TMOT"])
    assert out["baseline"].iloc[0] == pytest.approx(5.0)
    assert out.loc[out["spike"], "period_start"].tolist() == [pd.Timestamp("2026-02-09")]
    assert out.loc[out["dip"], "period_start"].tolist() == [pd.Timestamp("2026-03-09")]
    assert out["partial"].sum() == 2  # 1 user in the first week, 12 in the last: not judged


def test_trend_of_two_partial_periods_flags_nothing(con):
    weekly_view(con, [40, 2])
    out = b.trend(con, touchpoints=["TMOT"])
    assert out["partial"].all() and not (out["dip"] | out["spike"]).any()
    assert out["baseline"].iloc[0] == pytest.approx(21.0)  # no whole week: every week


def test_partial_months_and_days(con):
    # 10 Jan – 20 Mar by day: the first and last months and days are partial.
    rows = [
        (f"u{i}", "s", str(pd.Timestamp("2026-01-10") + pd.Timedelta(days=i)), "x", "TMOT")
        for i in range(70)
    ]
    make_view(con, rows)
    months = b.trend(con, touchpoints=["TMOT"], period="month")
    assert months["partial"].tolist() == [True, False, True]
    days = b.trend(con, touchpoints=["TMOT"], period="day")
    assert days["partial"].sum() == 2
    assert days["partial"].iloc[0] and days["partial"].iloc[-1]


def test_offsetting_events_finds_a_dip_hidden_by_a_spike(con):
    rows = []
    for week in range(6):
        day = str(pd.Timestamp("2026-01-05") + pd.Timedelta(weeks=week))
        deliveries, tickets, landings = (2, 30, 2) if week == 3 else (20, 3, 9)
        rows += [(f"d{week}_{i}", "s", day, "delivery", "TMOT") for i in range(deliveries)]
        rows += [(f"t{week}_{i}", "s", day, "ticket", "TMOT") for i in range(tickets)]
        rows += [(f"l{week}_{i}", "s", day, "landing", "FMOT") for i in range(landings)]
    make_view(con, rows)
    # week 4's total, 2 + 30 = 32 users against 23 usually, is neither a dip nor a spike
    week = b.trend(con, touchpoints=["TMOT"]).set_index("period_start").loc["2026-01-26"]
    assert week["users"] == 32 and not week["dip"] and not week["spike"]
    events = b.event_trend(con, events=["landing", "delivery", "ticket"])
    mapping = {"landing": "FMOT", "delivery": "TMOT", "ticket": "TMOT"}
    out = b.offsetting_events(events, touchpoint_of=mapping)
    assert list(out.columns) == list(b.OFFSETTING_COLUMNS)
    # the landing dip has no spike beside it in FMOT: it is the trend's own, not hidden
    assert out["event"].tolist() == ["delivery", "ticket"]
    assert out["change"].tolist() == ["dip", "spike"]
    assert (out["period_start"] == pd.Timestamp("2026-01-26")).all()
    assert out["users"].tolist() == [2, 30]
    assert out["baseline"].tolist() == [20.0, 3.0]
    unmapped = b.offsetting_events(events, touchpoint_of={"landing": "FMOT"})
    assert unmapped.empty and list(unmapped.columns) == list(b.OFFSETTING_COLUMNS)
    with pytest.raises(MotError, match="event_trend"):
        b.offsetting_events(events.drop(columns="dip"), touchpoint_of=mapping)


def test_open_funnel_ratio_after_an_empty_step(con):
    make_view(con, [("a", "s", "2026-01-01 10:00", "purchase", "SMOT")])
    out = b.open_funnel(con, steps=["FMOT", "SMOT"])
    assert out["users"].tolist() == [0, 1]
    assert out["conversion_from_previous"].isna().all()
    assert out["conversion_from_start"].isna().all()


# --- funnel and reach together --------------------------------------------------------------


@pytest.mark.parametrize("window", [None, timedelta(days=1)])
def test_funnel_and_reach_equal_the_two_calls(tiny, window):
    both = b.funnel_and_reach(
        tiny, steps=["FMOT", "SMOT", "TMOT"], touchpoints=JOURNEY, window=window
    )
    funnel = b.ordered_funnel(tiny, steps=["FMOT", "SMOT", "TMOT"], window=window)
    pd.testing.assert_frame_equal(both.funnel, funnel)
    pd.testing.assert_frame_equal(both.reach, b.touchpoint_reach(tiny, touchpoints=JOURNEY))
    # the hand example: a, b, c, d enter; a and d buy after landing (d outside a day)
    assert both.funnel["users"].tolist() == ([4, 2, 1] if window is None else [4, 1, 1])
    assert both.reach.set_index("touchpoint")["users"].tolist() == [0, 4, 4, 1, 0]


@pytest.mark.parametrize("window", [None, timedelta(days=1)])
@pytest.mark.parametrize("steps", [["landing", "purchase"], ["purchase", "landing", "purchase"]])
def test_funnel_and_reach_over_events_equal_the_separate_calls(tiny, window, steps):
    # the CLI's --steps: a funnel over event names, the reach and the users in one query
    both = b.funnel_and_reach(
        tiny, steps=steps, step_column="event", touchpoints=JOURNEY, window=window, users=True
    )
    funnel = b.ordered_funnel(tiny, steps=steps, step_column="event", window=window)
    pd.testing.assert_frame_equal(both.funnel, funnel)
    pd.testing.assert_frame_equal(both.reach, b.touchpoint_reach(tiny, touchpoints=JOURNEY))
    users, sessions = tiny.execute(
        "SELECT count(DISTINCT user_id), count(DISTINCT (user_id, session_id)) "
        "FILTER (WHERE session_id IS NOT NULL) FROM events_mapped"
    ).fetchone()
    assert (both.users, both.sessions) == (users, sessions)


def test_funnel_and_reach_counts_the_users_of_a_log_as_it_does():
    log = open_event_log(DEMO)
    view = log.mapped(rules_from_journey(default_journey()))
    both = b.funnel_and_reach(
        log.connection, view, steps=["FMOT"], touchpoints=["FMOT"], users=True
    )
    assert (both.users, both.sessions) == (log.n_users, log.n_sessions)


def test_funnel_and_reach_refuses_a_step_outside_the_touchpoints(tiny):
    with pytest.raises(MotError, match="not among the touchpoints"):
        b.funnel_and_reach(tiny, steps=["FMOT", "checkout"], touchpoints=JOURNEY)


def test_funnel_and_reach_of_a_long_journey_falls_back_to_two_calls(tiny):
    touchpoints = [*JOURNEY, *(f"T{k}" for k in range(70))]
    both = b.funnel_and_reach(tiny, steps=["FMOT", "SMOT"], touchpoints=touchpoints)
    assert len(both.reach) == 75
    assert both.reach["users"].iloc[:5].tolist() == [0, 4, 4, 1, 0]
    assert both.funnel["users"].tolist() == [4, 2]


# --- the demo log ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo():
    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    pairs = sorted(
        ((k, m) for m, words in KEYWORDS.items() for k in words), key=lambda p: -len(p[0])
    )
    case = " ".join(f"WHEN contains(event_name, '{k}') THEN '{m}'" for k, m in pairs)
    connection.execute(
        f"""CREATE VIEW events_mapped AS
        SELECT row_number() OVER () AS row_number, user_id, session_id,
               CAST("timestamp" AS TIMESTAMP) AS ts, event_name AS event,
               CASE {case} END AS touchpoint, device, channel, variant, revenue
        FROM read_parquet('{DEMO.as_posix()}')"""
    )
    yield connection
    connection.close()


def test_demo_variant_b_converts_views_to_carts(demo):
    out = b.ordered_funnel(
        demo, steps=["product_view", "add_to_cart"], step_column="event", by="variant"
    )
    carts = out[out["step"] == "add_to_cart"].set_index("variant")
    # data/README.md, truth 7a: A 0.395, B 0.452.
    assert carts.loc["A", "conversion_from_previous"] == pytest.approx(0.395, abs=0.002)
    assert carts.loc["B", "conversion_from_previous"] == pytest.approx(0.452, abs=0.002)
    test = b.compare_conversion(out, step="add_to_cart").iloc[0]
    assert test["difference"] < -0.04 and test["p_value"] < 1e-6
    assert test["ci_high"] < 0


def test_demo_mobile_bounces_more(demo):
    moment = b.bounce_rate(demo, by="device").set_index("device")
    assert moment.loc["mobile", "rate"] > moment.loc["desktop", "rate"]
    assert moment.loc["mobile", "ci_low"] > moment.loc["desktop", "ci_high"]
    landing = b.bounce_rate(demo, entry=["landing", "bounce"], column="event", by="device")
    rates = landing.set_index("device")["rate"]
    assert rates.idxmax() == "mobile"
    assert rates["mobile"] - rates["desktop"] > 0.05


def test_demo_delivery_incident(demo):
    out = b.event_trend(demo, events=["delivery", "support_ticket"])
    week = out[out["period_start"] == pd.Timestamp("2026-07-13")].set_index("touchpoint")
    # data/README.md, truth 7c: 94 deliveries (median 428.5 of normal weeks), 198 tickets.
    assert week.loc["delivery", "events"] == 94
    assert week.loc["support_ticket", "events"] == 198
    assert week.loc["delivery", "dip"]
    assert week.loc["support_ticket", "spike"]
    tickets = out[out["touchpoint"] == "support_ticket"]
    assert tickets.set_index("period_start")["users"].idxmax() == pd.Timestamp("2026-07-13")


def test_demo_weekly_trend_names_no_partial_week_and_finds_the_incident(demo):
    # data/README.md: events from Monday 2026-06-01 to Sunday 2026-08-23, twelve weeks; the
    # first and last are ramp-up and cut-off weeks (truth 7c takes its medians over the
    # others), and they held 7 of the 8 dips before partial periods were left unjudged.
    out = b.trend(demo, touchpoints=JOURNEY)
    first, last = pd.Timestamp("2026-06-01"), pd.Timestamp("2026-08-17")
    partial = out[out["partial"]]
    assert set(partial["period_start"]) == {first, last}
    assert not (partial["dip"] | partial["spike"]).any()
    flagged = out[out["dip"] | out["spike"]]
    assert len(flagged) > 0 and not flagged["partial"].any()
    # the incident week is hidden in TMOT's total: deliveries down, tickets up
    tmot = out[out["touchpoint"] == "TMOT"].set_index("period_start")
    assert not tmot.loc[pd.Timestamp("2026-07-13"), "dip"]
    events = b.event_trend(demo, events=["shipping_update", "delivery", "support_ticket"])
    # truth 7c: the median of the normal weeks is 428.5 deliveries
    delivery = events[events["touchpoint"] == "delivery"]
    assert delivery["baseline"].iloc[0] == pytest.approx(428.5)
    touchpoint_of = {"shipping_update": "TMOT", "delivery": "TMOT", "support_ticket": "TMOT"}
    hidden = b.offsetting_events(events, touchpoint_of=touchpoint_of)
    assert set(hidden["period_start"]) == {pd.Timestamp("2026-07-13")}
    assert hidden[["event", "change", "users"]].values.tolist() == [
        ["delivery", "dip", 94],
        ["support_ticket", "spike", 198],
    ]


def test_demo_respondents_all_buy_but_a_repeat_purchase_splits_them(demo):
    survey = pd.read_csv(DEMO.parent / "demo_survey.csv", usecols=["ResponseId", "customer_id"])
    people = survey.rename(columns={"ResponseId": "respondent_id"})
    linked = b.link_survey(demo, respondents=people)
    # data/README.md: every respondent buys, so a first purchase splits nobody
    assert linked["converted"].all()
    repeat = int(linked["repurchased"].sum())
    assert 0 < repeat < len(linked)
    ratings = pd.DataFrame(
        {
            "respondent_id": linked["respondent_id"],
            "touchpoint": "UMOT",
            "measure": "experienced",
            "value": np.where(linked["repurchased"], 80.0, 60.0),
        }
    )
    assert b.utilities_by_conversion(ratings, linked).empty
    split = b.utilities_by_conversion(ratings, linked, flag="repurchased").iloc[0]
    assert split["n_a"] == repeat and split["n_b"] == len(linked) - repeat
    assert split["difference"] == pytest.approx(20.0)
    with pytest.raises(MotError, match="flag"):
        b.utilities_by_conversion(ratings, linked, flag="in_log")


def test_demo_reach_and_funnel_are_consistent(demo):
    reach = b.touchpoint_reach(demo, touchpoints=JOURNEY).set_index("touchpoint")
    # data/README.md: landing 23,817 users; every FMOT user lands.
    assert reach.loc["FMOT", "users"] == 23817
    funnel = b.ordered_funnel(demo, steps=JOURNEY)
    assert (funnel["users"].diff().dropna() <= 0).all()
    opened = b.open_funnel(demo, steps=JOURNEY)
    assert opened["users"].tolist() == reach["users"].tolist()
    times = b.time_between(demo, touchpoints=JOURNEY)
    assert times.set_index("from_touchpoint").loc["SMOT", "median_hours"] > 12


def test_demo_retention_is_censored_at_the_end(demo):
    out = b.retention(demo, days=(30,))
    assert (out["users"] + out["censored"]).sum() > 4000
    assert out["censored"].iloc[-1] > 0 and out["users"].iloc[-1] == 0


# --- survey link ----------------------------------------------------------------------------


def test_link_survey_and_repurchase_model(con):
    rows = []
    # 20 customers; C0–C9 rate UMOT 90 (top box), C10–C19 rate 30. 6 of the top raters and
    # 2 of the rest repurchase; C19 never buys; R_X has a customer id not in the log.
    for i in range(20):
        cid = f"C{i}"
        if i != 19:
            rows.append((cid, f"s{i}", "2026-01-05 10:00", "purchase", "SMOT"))
        else:
            rows.append((cid, f"s{i}", "2026-01-05 10:00", "landing", "FMOT"))
        if i in (0, 1, 2, 3, 4, 5, 10, 11):
            rows.append((cid, f"t{i}", "2026-02-05 10:00", "repurchase", "UMOT"))
    make_view(con, rows)
    people = pd.DataFrame(
        {
            "respondent_id": [f"R{i:02d}" for i in range(20)] + ["R_X"],
            "customer_id": [f"C{i}" for i in range(20)] + ["C404"],
        }
    )
    linked = b.link_survey(con, respondents=people)
    assert list(linked.columns) == list(b.LINK_COLUMNS)
    assert linked["converted"].sum() == 19
    assert linked["repurchased"].sum() == 8
    assert linked.attrs["n_not_in_log"] == 1
    assert not linked.set_index("respondent_id").loc["R_X", "in_log"]

    value = np.where(np.arange(20) < 10, 90.0, 30.0)
    ratings = pd.DataFrame(
        {
            "respondent_id": [f"R{i:02d}" for i in range(20)],
            "touchpoint": "UMOT",
            "measure": "experienced",
            "value": value,
            "top_box": value > 50,
        }
    )
    out = b.utility_predicts_repurchase(ratings, linked, touchpoint="UMOT")
    assert list(out.columns) == list(b.REPURCHASE_MODEL_COLUMNS)
    row = out.iloc[0]
    assert row["rate_top_box"] == pytest.approx(0.6)
    assert row["rate_rest"] == pytest.approx(0.2)
    # Two values 6 units of 10 points apart: slope per 10 = log odds ratio / 6, with
    # OR = (6/4) / (2/8) = 6 and se = √(1/6 + 1/4 + 1/2 + 1/8) / 6.
    assert row["slope_per_10"] == pytest.approx(math.log(6) / 6, rel=1e-6)
    assert row["slope_se"] == pytest.approx(math.sqrt(1 / 6 + 1 / 4 + 1 / 2 + 1 / 8) / 6)
    z = row["slope_per_10"] / row["slope_se"]
    assert row["slope_p_value"] == pytest.approx(2 * stats.norm.sf(z))
    assert row["converged"]

    compared = b.utilities_by_conversion(ratings, linked)
    assert compared["group_a"].astype(str).tolist() == ["converter"]
    # converters: 10 at 90 and 9 at 30 → mean 61.578…; the non-converter C19 rated 30.
    assert compared.iloc[0]["mean_a"] == pytest.approx((10 * 90 + 9 * 30) / 19)
    assert compared.iloc[0]["n_b"] == 1

    with pytest.raises(InsufficientDataError):
        b.utility_predicts_repurchase(ratings, linked, touchpoint="TMOT")
    with pytest.raises(MotError, match="customer_id"):
        b.link_survey(con, respondents=people.drop(columns="customer_id"))


def test_logistic_slope_separation_does_not_converge():
    x = np.array([0.0, 1.0, 2.0, 3.0])
    y = np.array([0, 0, 1, 1])
    _, slope, se, converged = b.logistic_slope(x, y)
    assert not converged and np.isnan(slope) and np.isnan(se)


def test_duckdb_path_never_imports_spark_or_sqlglot():
    # Spark support must cost DuckDB users nothing: no pyspark, no sqlglot import.
    code = (
        "import sys, duckdb; from datetime import timedelta; from mot import behaviour as b; "
        "con = duckdb.connect(); "
        "con.execute(\"CREATE VIEW events_mapped AS SELECT 'u' AS user_id, 's' AS session_id, "
        "TIMESTAMP '2026-01-01' AS ts, 'landing' AS event, 'FMOT' AS touchpoint\"); "
        "b.ordered_funnel(con, steps=['FMOT'], window=timedelta(days=1)); "
        "assert not {'pyspark', 'sqlglot'} & set(sys.modules), 'imported'"
    )
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
