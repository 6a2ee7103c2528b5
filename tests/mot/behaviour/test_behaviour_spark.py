"""The behaviour metrics, written once in SQL, give identical numbers on DuckDB and on Spark.

One local Spark session (``local[1]``) for the module. The demo log and a small hand-made
log (missing segments, equal timestamps, an empty step) are mapped in DuckDB, written to
Parquet and read by Spark as the view ``events_mapped`` (and ``tiny``); each metric is then
computed on both engines and the tables compared: counts exactly, floats to 1e-9.
"""

import os
import shutil
import warnings
from datetime import timedelta

import duckdb
import numpy as np
import pandas as pd
import pytest

from mot import behaviour as b
from mot.behaviour import engine, open_event_log, rules_from_journey
from mot.errors import EventLogError
from mot.journey import default_journey
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

DEMO = ROOT / "data" / "demo_events.parquet"
JOURNEY = ["ZMOT", "FMOT", "SMOT", "TMOT", "UMOT"]

# (user, session, timestamp, event, touchpoint, device): user b's first step-1 event has no
# device (the next one counts); c's FMOT and SMOT share an instant; e has no device at all.
TINY = [
    ("a", "sa", "2026-01-01 10:00", "landing", "FMOT", "desktop"),
    ("a", "sa", "2026-01-01 10:05", "purchase", "SMOT", "desktop"),
    ("a", "sa2", "2026-01-20 10:00", "repurchase", "UMOT", "desktop"),
    ("b", "sb", "2026-01-01 09:00", "landing", "FMOT", None),
    ("b", "sb", "2026-01-01 09:30", "landing", "FMOT", "mobile"),
    ("b", "sb", "2026-01-03 10:00", "purchase", "SMOT", "mobile"),
    ("c", "sc", "2026-01-01 12:00", "landing", "FMOT", "mobile"),
    ("c", "sc", "2026-01-01 12:00", "purchase", "SMOT", "mobile"),
    ("d", "sd1", "2026-01-01 08:00", "landing", "FMOT", "desktop"),
    ("d", "sd1", "2026-01-01 08:01", "newsletter_open", None, "desktop"),
    ("d", "sd2", "2026-01-04 08:00", "purchase", "SMOT", "desktop"),
    ("e", "se", "2026-02-10 08:00", "landing", "FMOT", None),
]


def java_available() -> bool:
    """PySpark starts ``$JAVA_HOME/bin/java``, else the ``java`` on PATH."""
    home = os.environ.get("JAVA_HOME")
    if home:
        return os.path.exists(os.path.join(home, "bin", "java"))
    return shutil.which("java") is not None


@pytest.fixture(scope="module")
def duck():
    # a connection of our own: the log's own is sandboxed and cannot COPY to a file
    log = open_event_log(DEMO, connection=duckdb.connect())
    log.mapped(rules_from_journey(default_journey()))
    con = log.connection
    tiny = pd.DataFrame(
        TINY, columns=["user_id", "session_id", "ts", "event", "touchpoint", "device"]
    )
    tiny["ts"] = pd.to_datetime(tiny["ts"])
    con.register("_tiny_frame", tiny)
    con.execute("CREATE TEMP TABLE tiny AS SELECT * FROM _tiny_frame")
    con.unregister("_tiny_frame")
    yield con
    con.close()


@pytest.fixture(scope="module")
def spark(duck, tmp_path_factory):
    if not java_available():
        pytest.skip("Java is missing (no $JAVA_HOME/bin/java, no java on PATH): Spark cannot start")
    from pyspark.sql import SparkSession

    # PySpark 4.3 warns once that it "does not yet fully support pandas >= 3.0.0"; the
    # engine collects through Arrow, not PySpark's pandas conversion.
    warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas", FutureWarning)
    session = (
        SparkSession.builder.master("local[1]")
        .appName("mot-behaviour-spark-test")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        # Short-lived JVM: the C1 compiler and the serial collector start queries about
        # twice as fast on two cores (the numbers do not depend on them).
        .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    folder = tmp_path_factory.mktemp("spark_views")
    # The demo's ts goes as TIMESTAMPTZ, written as instants (isAdjustedToUTC): Spark reads
    # them as TIMESTAMP, the same UTC instants whatever its time zone. The small log's goes
    # as a plain TIMESTAMP, which Spark reads as TIMESTAMP_NTZ (UTC wall times): both kinds
    # of Spark timestamp are covered.
    exports = {"events_mapped": "timezone('UTC', ts)", "tiny": "ts"}
    for view, ts in exports.items():
        path = folder / f"{view}.parquet"
        duck.execute(
            f"COPY (SELECT * REPLACE ({ts} AS ts) FROM {view}) "
            f"TO '{path.as_posix()}' (FORMAT parquet)"
        )
        session.read.parquet(str(path)).cache().createOrReplaceTempView(view)
    yield session
    session.stop()


def same(duck, spark, function, **kwargs) -> pd.DataFrame:
    """Run ``function`` on both engines and assert identical tables and attrs."""
    expected = function(duck, **kwargs)
    got = function(spark, **kwargs)
    pd.testing.assert_frame_equal(got, expected, check_exact=False, rtol=1e-9, atol=1e-12)
    assert got.attrs == expected.attrs
    return got


def test_timestamps_arrive_as_the_same_instants(duck, spark):
    assert dict(spark.table("events_mapped").dtypes)["ts"] == "timestamp"
    assert dict(spark.table("tiny").dtypes)["ts"] == "timestamp_ntz"
    for view, n in (("events_mapped", 175038), ("tiny", len(TINY))):
        query = f"""SELECT count(*) AS n, min(ts) AS lo, max(ts) AS hi,
                           max(date_trunc('week', ts)) AS last_monday FROM {view}"""
        got = engine.run(spark, query, {})
        pd.testing.assert_frame_equal(got, engine.run(duck, query, {}))
        assert got["n"].iloc[0] == n


def test_reach(duck, spark):
    out = same(duck, spark, b.touchpoint_reach, touchpoints=JOURNEY)
    assert out.set_index("touchpoint").loc["FMOT", "users"] == 23817
    same(duck, spark, b.touchpoint_reach, touchpoints=JOURNEY, by="device")


def test_ordered_funnel(duck, spark):
    out = same(duck, spark, b.ordered_funnel, steps=JOURNEY)
    assert (out["users"].diff().dropna() <= 0).all()
    same(duck, spark, b.ordered_funnel, steps=JOURNEY, window=timedelta(days=7))


def test_ordered_funnel_by_variant_on_events(duck, spark):
    steps = ["product_view", "add_to_cart", "purchase"]
    kwargs = {"steps": steps, "step_column": "event", "by": "variant"}
    plain = same(duck, spark, b.ordered_funnel, **kwargs)
    windowed = same(duck, spark, b.ordered_funnel, window=timedelta(hours=36), **kwargs)
    assert (windowed["users"] <= plain["users"]).all()
    expected = b.compare_conversion(b.ordered_funnel(duck, **kwargs), step="add_to_cart")
    pd.testing.assert_frame_equal(b.compare_conversion(plain, step="add_to_cart"), expected)


def test_funnel_and_reach(duck, spark):
    for window in (None, timedelta(days=7)):
        kwargs = {"steps": JOURNEY[:4], "touchpoints": JOURNEY, "window": window}
        expected = b.funnel_and_reach(duck, **kwargs)
        got = b.funnel_and_reach(spark, **kwargs)
        pd.testing.assert_frame_equal(got.funnel, expected.funnel, rtol=1e-9, atol=1e-12)
        pd.testing.assert_frame_equal(got.reach, expected.reach)
        funnel = b.ordered_funnel(duck, steps=JOURNEY[:4], window=window)
        pd.testing.assert_frame_equal(expected.funnel, funnel)


def test_funnel_by_cohort(duck, spark):
    out = same(duck, spark, b.ordered_funnel, steps=JOURNEY, cohort="week")
    assert (out["cohort"].dt.day_of_week == 0).all()


def test_open_funnel(duck, spark):
    same(duck, spark, b.open_funnel, steps=JOURNEY)
    same(duck, spark, b.open_funnel, steps=JOURNEY, by="channel")


def test_time_between(duck, spark):
    out = same(duck, spark, b.time_between, touchpoints=JOURNEY)
    assert out["median_hours"].notna().all()
    by_device = same(duck, spark, b.time_between, touchpoints=JOURNEY, by="device")
    assert set(by_device["device"]) == {"desktop", "mobile", "tablet"}


def test_bounce_rate(duck, spark):
    same(duck, spark, b.bounce_rate)
    same(duck, spark, b.bounce_rate, by="device")
    same(duck, spark, b.bounce_rate, entry=["landing", "bounce"], column="event", by="device")


def test_retention(duck, spark):
    out = same(duck, spark, b.retention, days=(30, 60))
    assert out["censored"].iloc[-1] > 0  # the last cohorts' windows are not observed
    same(duck, spark, b.retention, days=(30,), cohort="month")


def test_trends(duck, spark):
    out = same(duck, spark, b.trend, touchpoints=JOURNEY)
    assert (out["period_start"].dt.day_of_week == 0).all()  # weeks start on Monday
    same(duck, spark, b.trend, touchpoints=["TMOT"], period="month")
    same(duck, spark, b.event_trend, events=["delivery", "support_ticket"], period="day")


def test_segment_columns(duck, spark):
    # the demo's text properties with 2 to 12 values (approximate distinct counts on both)
    found = b.segment_columns(duck)
    assert found == b.segment_columns(spark) and "variant" in found


def test_link_survey(duck, spark):
    users = duck.execute("SELECT DISTINCT user_id FROM events_mapped ORDER BY 1 LIMIT 300")
    ids = [row[0] for row in users.fetchall()] + ["NOT-A-CUSTOMER", None]
    people = pd.DataFrame({"respondent_id": [f"R{i:04d}" for i in range(len(ids))]})
    people["customer_id"] = ids
    out = same(duck, spark, b.link_survey, respondents=people)
    assert out.attrs["n_not_in_log"] == 2
    assert out["converted"].any() and out["repurchased"].any()
    assert "_mot_people" not in " ".join(t.name for t in spark.catalog.listTables())


def test_edge_cases_on_a_small_log(duck, spark):
    """Missing segments, equal instants, empty steps, groups without sessions."""
    steps = ["FMOT", "SMOT", "UMOT"]
    same(duck, spark, b.touchpoint_reach, view="tiny", touchpoints=steps, by="device")
    funnel = same(duck, spark, b.ordered_funnel, view="tiny", steps=steps, by="device")
    assert funnel.attrs["n_missing_segment"] == 1  # e
    starts = funnel[funnel["position"] == 1].set_index("device")["users"]
    assert starts.to_dict() == {"desktop": 2, "mobile": 2}  # b's first device is mobile
    same(duck, spark, b.ordered_funnel, view="tiny", steps=steps, window=timedelta(days=1))
    same(duck, spark, b.open_funnel, view="tiny", steps=["TMOT", "FMOT"], by="device")
    same(duck, spark, b.time_between, view="tiny", touchpoints=["FMOT", "SMOT", "TMOT"])
    same(duck, spark, b.time_between, view="tiny", touchpoints=["FMOT", "SMOT"], by="device")
    same(duck, spark, b.bounce_rate, view="tiny", by="device")
    none = same(duck, spark, b.bounce_rate, view="tiny", entry="TMOT")
    assert none["sessions"].tolist() == [0] and np.isnan(none["rate"].iloc[0])
    same(duck, spark, b.retention, view="tiny", days=(7, 30), cohort="day")


def test_user_time_zone_is_used_nowhere_and_put_back(duck, spark):
    spark.conf.set("spark.sql.session.timeZone", "America/New_York")
    try:
        same(duck, spark, b.trend, view="tiny", touchpoints=["FMOT"], period="day")
        assert spark.conf.get("spark.sql.session.timeZone") == "America/New_York"
    finally:
        spark.conf.set("spark.sql.session.timeZone", "UTC")


def test_errors_on_spark(spark):
    with pytest.raises(EventLogError, match="no event view `nowhere`"):
        b.touchpoint_reach(spark, "nowhere", touchpoints=JOURNEY)
    with pytest.raises(EventLogError, match="no property column `colour`"):
        b.ordered_funnel(spark, steps=JOURNEY, by="colour")
