"""Hostile and careless event logs: SQL injection, the sandbox, server paths, absurd dates,
logs with no usable event, and encodings other than UTF-8 (issue 9).

Expected counts are worked out by hand from the small logs written below.
"""

from __future__ import annotations

import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mot import behaviour, charts
from mot.behaviour import EventRules, engine, open_event_log
from mot.behaviour._sql import ident, literal
from mot.errors import EventLogError, MotError

# The column name that read /etc/passwd through the Behaviour page's segment detection.
PASSWD = (
    "device\") + CAST((SELECT string_agg(line,'|') FROM read_csv('/etc/passwd', "
    "columns={'line': 'VARCHAR'}, header=false, delim='\\x01')) AS INTEGER) + "
    'approx_count_distinct("device'
)
SEGMENT = PASSWD  # text with two values: a segment
REVENUE = 'revenue"; DROP TABLE events; --\nx'  # a number: never a segment
NOTE = "note'); SELECT 1; --"  # text with a value per row (8)
EVIL_PURCHASE = "purchase'); SELECT * FROM read_csv('/etc/passwd') --"
TABLET = "tab'let\"); SELECT 1 --\n"
FMOT = "FM\"OT'; --"
SMOT = "SM'OT\n--;"
RULES = EventRules(((FMOT, ("landing",)), (SMOT, ("purchase",)), ("UMOT", ("repurchase",))))

# u1: lands, buys (5 min later), buys again on 03-20 (a new session); u2: lands, buys 10 min
# later; u3 only lands (a bounce); u4 has no touchpoint (and the last event, in June).
ROWS = [
    ("u1", "2026-03-02 10:00:00", "landing", "mobile", 0.0),
    ("u1", "2026-03-02 10:05:00", EVIL_PURCHASE, "mobile", 10.0),
    ("u1", "2026-03-20 10:00:00", "repurchase", "mobile", 5.0),
    ("u2", "2026-03-03 09:00:00", "landing", TABLET, 0.0),
    ("u2", "2026-03-03 09:10:00", EVIL_PURCHASE, TABLET, 20.0),
    ("u3", "2026-03-04 08:00:00", "landing", TABLET, 0.0),
    ("u4", "2026-03-05 08:00:00", "other", "mobile", 0.0),
    ("u4", "2026-06-01 08:00:00", "other", "mobile", 0.0),
]


def _frame() -> pd.DataFrame:
    frame = pd.DataFrame(ROWS, columns=["user", "time", "action", SEGMENT, REVENUE])
    frame[NOTE] = [f"n{i}'--" for i in range(len(frame))]
    return frame


@pytest.fixture(params=["parquet", "csv"])
def hostile(request, tmp_path):
    frame = _frame()
    path = tmp_path / f"hostile.{request.param}"
    if request.param == "parquet":
        frame.assign(time=pd.to_datetime(frame["time"])).to_parquet(path, index=False)
    else:
        frame.to_csv(path, index=False)
    log = open_event_log(path)
    view = log.mapped(RULES)
    yield log.connection, view
    log.connection.close()


def _no_passwd(*results: object) -> None:
    for result in results:
        text = result.to_string() if isinstance(result, pd.DataFrame) else str(result)
        assert "root:" not in text and "/bin/" not in text


def test_quoting_helpers_keep_any_text_one_token():
    con = duckdb.connect()
    for name in (PASSWD, REVENUE, NOTE, 'a"b', "--", ";", "\n"):
        assert con.execute(f"SELECT 1 AS {ident(name)}").description[0][0] == name
        assert con.execute(f"SELECT {literal(name)}").fetchone()[0] == name
    with pytest.raises(MotError, match="NUL"):
        ident("a\x00b")


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")))
def test_any_text_is_one_identifier_and_one_literal(text):
    con = duckdb.connect()
    assert con.execute(f"SELECT 1 AS {ident(text or 'x')}").description[0][0] == (text or "x")
    assert con.execute(f"SELECT {literal(text)}").fetchone()[0] == text


def test_hostile_keywords_and_touchpoint_ids_map_events(tmp_path):
    path = tmp_path / "keywords.csv"
    _frame().to_csv(path, index=False)
    log = open_event_log(path)
    rules = EventRules(((FMOT, ("land'; --", "landing")), (SMOT, (EVIL_PURCHASE, 'x"); --'))))
    view = log.mapped(rules)
    reach = behaviour.touchpoint_reach(log.connection, view, touchpoints=[FMOT, SMOT])
    assert reach[["touchpoint", "users", "events"]].values.tolist() == [[FMOT, 3, 3], [SMOT, 2, 2]]
    assert log.touchpoint_events(rules) == {FMOT: 3, SMOT: 2}


def test_hostile_names_open_as_they_are(hostile):
    con, view = hostile
    columns = engine.view_columns(con, view)
    assert SEGMENT in columns and REVENUE in columns and NOTE in columns
    events = con.execute(f"SELECT count(*) FROM {ident(view)} WHERE event = ?", [EVIL_PURCHASE])
    assert events.fetchone()[0] == 2


def test_segment_detection_quotes_column_names(hostile):
    con, view = hostile
    # the injected name, unquoted, ran read_csv('/etc/passwd') and failed with its content
    assert behaviour.segment_columns(con, view) == [SEGMENT, NOTE]  # 2 and 8 values
    assert behaviour.segment_columns(con, view, max_values=4) == [SEGMENT]


def test_reach_and_funnels_with_hostile_names_and_values(hostile):
    con, view = hostile
    reach = behaviour.touchpoint_reach(con, view, touchpoints=[FMOT, SMOT, "UMOT"])
    assert list(reach["users"]) == [3, 2, 1]
    funnel = behaviour.ordered_funnel(con, view, steps=[FMOT, SMOT])
    assert list(funnel["users"]) == [3, 2]
    by = behaviour.ordered_funnel(con, view, steps=[FMOT, SMOT], by=SEGMENT)
    users = {(s, step): n for s, step, n in by[[SEGMENT, "step", "users"]].itertuples(index=False)}
    assert users == {("mobile", FMOT): 1, ("mobile", SMOT): 1, (TABLET, FMOT): 2, (TABLET, SMOT): 1}
    both = behaviour.funnel_and_reach(con, view, steps=[FMOT, SMOT], touchpoints=[FMOT, SMOT])
    assert list(both.funnel["users"]) == [3, 2]
    assert list(both.reach["users"]) == [3, 2]
    opened = behaviour.open_funnel(con, view, steps=[FMOT, SMOT], by=SEGMENT)
    assert opened.groupby(SEGMENT)["users"].max().to_dict() == {"mobile": 1, TABLET: 2}
    events = behaviour.ordered_funnel(
        con, view, steps=["landing", EVIL_PURCHASE], step_column="event", cohort="week"
    )
    assert events.groupby("step")["users"].sum().to_dict() == {"landing": 3, EVIL_PURCHASE: 2}
    compared = behaviour.compare_conversion(by, step=SMOT)
    assert set(compared[["group_a", "group_b"]].iloc[0]) == {"mobile", TABLET}
    _no_passwd(reach, funnel, by, both.funnel, opened, events, compared)


def test_time_bounce_retention_trends_with_hostile_names(hostile):
    con, view = hostile
    between = behaviour.time_between(con, view, touchpoints=[FMOT, SMOT], by=SEGMENT)
    hours = dict(zip(between[SEGMENT], between["median_hours"], strict=True))
    assert hours == pytest.approx({"mobile": 5 / 60, TABLET: 10 / 60})
    bounce = behaviour.bounce_rate(con, view, entry=FMOT, by=SEGMENT)
    rates = dict(zip(bounce[SEGMENT], bounce["bounced"], strict=True))
    assert rates == {"mobile": 0, TABLET: 1}  # u3's session has only its landing
    retention = behaviour.retention(
        con, view, purchase_event=EVIL_PURCHASE, days=[30], cohort="month"
    )
    assert retention[["users", "retained"]].values.tolist() == [[2, 1]]
    trend = behaviour.trend(con, view, touchpoints=[FMOT, SMOT], period="week")
    assert trend.groupby("touchpoint")["events"].sum().to_dict() == {FMOT: 3, SMOT: 2}
    by_event = behaviour.event_trend(con, view, events=[EVIL_PURCHASE, "landing"], period="month")
    assert by_event.groupby("touchpoint")["events"].sum().to_dict() == {
        EVIL_PURCHASE: 2,
        "landing": 3,
    }
    _no_passwd(between, bounce, retention, trend, by_event)


def test_link_survey_with_hostile_ids_and_steps(hostile):
    con, view = hostile
    people = pd.DataFrame(
        {"respondent_id": ["r1", "r2", "r3"], "customer_id": ["u1", "u2'); --", "u3"]}
    )
    linked = behaviour.link_survey(
        con,
        view,
        people,
        converted_step=SMOT,
        step_column="touchpoint",
        purchase_event=EVIL_PURCHASE,
    )
    assert linked["in_log"].tolist() == [True, False, True]
    assert linked["converted"].tolist() == [True, False, False]
    assert linked["repurchased"].tolist() == [True, False, False]


def test_a_hostile_by_column_that_is_missing_is_named(hostile):
    con, view = hostile
    with pytest.raises(EventLogError, match="no property column") as caught:
        behaviour.ordered_funnel(con, view, steps=[FMOT, SMOT], by=PASSWD + "x")
    _no_passwd(caught.value)


# --- the sandbox ------------------------------------------------------------------------------


def test_an_opened_log_cannot_read_or_write_other_files(hostile, tmp_path):
    con, view = hostile
    target = tmp_path / "out.csv"
    attacks = [
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM glob('/etc/*')",
        f"COPY (SELECT * FROM {ident(view)}) TO {literal(target)}",
        f"ATTACH {literal(tmp_path / 'other.db')}",
        "SET enable_external_access = true",
        "SET lock_configuration = false",
        "SET allowed_directories = ['/']",
        "RESET enable_external_access",
    ]
    for attack in attacks:
        with pytest.raises(duckdb.Error):
            con.execute(attack).fetchall()
    assert not target.exists()
    assert con.execute(f"SELECT count(*) FROM {ident(view)}").fetchone()[0] == len(ROWS)


def test_a_parquet_log_still_reads_its_file_lazily(tmp_path):
    path = tmp_path / "lazy.parquet"
    _frame().assign(time=lambda f: pd.to_datetime(f["time"])).to_parquet(path, index=False)
    log = open_event_log(path)
    view = log.mapped(RULES)
    assert behaviour.ordered_funnel(log.connection, view, steps=[FMOT, SMOT])["users"].tolist() == [
        3,
        2,
    ]
    with pytest.raises(duckdb.Error):
        log.connection.execute("SELECT * FROM read_parquet('/etc/passwd')")


def test_a_sandboxed_log_still_spills_to_its_own_folder(tmp_path, monkeypatch):
    from mot.behaviour import log as events

    monkeypatch.setattr(events, "MEMORY_LIMIT", "50MB")
    path = tmp_path / "spill.csv"
    _frame().to_csv(path, index=False)
    log = open_event_log(path)
    # a sort several times larger than the memory limit: it must spill to the log's folder
    big = (
        "SELECT i, md5(CAST(i AS VARCHAR)) AS m, repeat('x', 50) AS pad "
        "FROM range(3000000) t(i) ORDER BY m"
    )
    assert log.connection.execute(f"SELECT count(*) FROM ({big})").fetchone()[0] == 3_000_000
    spill = log.connection.execute("SELECT current_setting('temp_directory')").fetchone()[0]
    assert Path(spill).is_dir() and Path(spill).name.startswith("mot-duckdb-")


def test_a_connection_passed_in_is_left_as_it_is(tmp_path):
    path = tmp_path / "mine.csv"
    _frame().to_csv(path, index=False)
    con = duckdb.connect()
    open_event_log(path, connection=con)
    # the caller's connection keeps its settings: it may export
    con.execute(f"COPY (SELECT * FROM events) TO {literal(tmp_path / 'copy.csv')}")
    assert (tmp_path / "copy.csv").exists()


# --- no server paths in messages --------------------------------------------------------------


def test_a_broken_file_is_named_without_its_folder(tmp_path):
    folder = tmp_path / "mot-event-logs" / "0123456789abcdef"
    folder.mkdir(parents=True)
    path = folder / "shop.parquet"
    path.write_bytes(b"not parquet at all " * 20)
    with pytest.raises(EventLogError) as caught:
        open_event_log(path)
    message = str(caught.value)
    assert "shop.parquet" in message
    assert str(folder) not in message and "mot-event-logs" not in message


def test_a_query_error_names_the_file_without_its_folder():
    con = duckdb.connect()
    sql = "SELECT * FROM read_csv('/srv/mot-event-logs/fedcba9876543210/shop.csv')"
    with pytest.raises(EventLogError) as caught:
        engine.run(con, sql, {})
    assert "shop.csv" in str(caught.value) and "mot-event-logs" not in str(caught.value)


def test_hide_paths_keeps_numbers_and_dates():
    text = "Error in file '/srv/x/y/shop.csv' (C:\\Users\\me\\log.csv) at 1/2 on 2026/03/04"
    assert engine.hide_paths(text) == "Error in file 'shop.csv' (log.csv) at 1/2 on 2026/03/04"


# --- dates and periods ------------------------------------------------------------------------


FAR = b"""user,time,action
u1,99999-01-01T00:00:00,landing
u1,2026-03-02T10:00:00Z,landing
u2,1970-01-01,landing
u3,0,landing
u4,1989-12-31T23:59:59,purchase
u5,2026-03-03,purchase
"""


def test_dates_out_of_range_are_bad_rows_with_their_numbers(tmp_path):
    path = tmp_path / "far.csv"
    path.write_bytes(FAR)
    start = time.perf_counter()
    log = open_event_log(path)
    bad = log.bad_rows()
    assert log.n_events == 2
    assert len(bad) == 1 and bad["problem"][0].startswith("timestamp out of range")
    assert bad["count"][0] == 4 and bad["example_rows"][0] == [1, 3, 4, 5]
    view = log.mapped(RULES)
    trend = behaviour.trend(log.connection, view, touchpoints=[FMOT, SMOT], period="day")
    assert len(trend) == 2 * 2  # two days, two touchpoints
    assert time.perf_counter() - start < 30  # was 208 s (and 6 GB) on the Behaviour page


def test_a_parquet_timestamp_far_ahead_is_a_bad_row(tmp_path):
    path = tmp_path / "ahead.parquet"
    ahead = pd.Timestamp(date.today() + timedelta(days=800))
    frame = pd.DataFrame(
        {
            "user": ["u1", "u2"],
            "time": [pd.Timestamp("2026-03-02"), ahead],
            "action": ["landing", "landing"],
        }
    )
    frame.to_parquet(path, index=False)
    log = open_event_log(path)
    assert log.n_events == 1
    assert log.bad_rows()["example_rows"][0] == [2]


def test_the_range_is_stated():
    from mot.behaviour import timestamp_range

    low, high = timestamp_range(date(2026, 12, 2))
    assert (low.year, low.month, low.day) == (1990, 1, 1)
    assert high.date() == date(2027, 12, 3)


@pytest.fixture
def long_log(tmp_path):
    rows = ["user,time,action", "u1,1990-01-02,landing", "u1,1990-01-02,purchase"]
    rows += ["u2,2026-03-02,landing", "u2,2026-03-02,repurchase", "u2,2026-03-03,purchase"]
    path = tmp_path / "long.csv"
    path.write_text("\n".join(rows) + "\n")
    log = open_event_log(path)
    yield log.connection, log.mapped(RULES)
    log.connection.close()


def test_too_many_periods_ask_for_a_longer_period(long_log):
    con, view = long_log
    with pytest.raises(MotError, match="choose a longer period"):
        behaviour.trend(con, view, touchpoints=[FMOT], period="day")
    with pytest.raises(MotError, match="periods"):
        behaviour.event_trend(con, view, events=["landing"], period="day")
    with pytest.raises(MotError, match="periods"):
        behaviour.ordered_funnel(con, view, steps=[FMOT, SMOT], cohort="day")
    with pytest.raises(MotError, match="periods"):
        behaviour.retention(con, view, cohort="day", days=[30])
    # weeks and months always fit the allowed span (1990 to a year from today)
    weekly = behaviour.trend(con, view, touchpoints=[FMOT], period="week")
    assert len(weekly) <= behaviour.MAX_PERIODS and weekly["events"].sum() == 2


def test_trend_chart_refuses_more_rows_than_it_can_draw():
    periods = pd.date_range("2020-01-06", periods=charts.MAX_TREND_ROWS + 1, freq="D")
    trend = pd.DataFrame(
        {
            "period_start": periods,
            "touchpoint": "FMOT",
            "users": 1,
            "events": 1,
            "baseline": 1.0,
            "dip": False,
            "spike": False,
        }
    )
    with pytest.raises(MotError, match="longer period"):
        charts.behaviour_trend_chart(trend)
    assert charts.behaviour_trend_chart(trend.iloc[:100]).to_dict()


# --- logs with nothing to analyse -------------------------------------------------------------


def test_a_log_whose_time_stamps_are_all_unreadable_is_refused(tmp_path):
    path = tmp_path / "dates.csv"
    path.write_text("user,time,action\nu1,not a date,landing\nu2,31/31/2026,purchase\n")
    with pytest.raises(EventLogError, match="none of its 2 rows") as caught:
        open_event_log(path)
    assert "unparseable timestamp" in str(caught.value) and "rows 1, 2" in str(caught.value)


def test_a_header_only_log_is_refused(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("user,time,action\n")
    with pytest.raises(EventLogError, match="no data rows"):
        open_event_log(path)


# --- encodings ----------------------------------------------------------------------------------


TEXT = (
    "usuario,fecha,acción\nu1,2026-03-02T10:00:00,página_vista\nu2,2026-03-03T10:00:00,compra €\n"
)


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-16-le", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("cp1252", b""),
    ],
)
def test_event_logs_in_other_encodings_are_read(tmp_path, monkeypatch, encoding, bom):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    path = tmp_path / "log.csv"
    path.write_bytes(bom + TEXT.encode(encoding))
    log = open_event_log(path)
    assert log.n_events == 2 and log.n_bad_rows == 0
    assert log.columns["event"] == "acción"
    names = [
        r[0] for r in log.connection.execute("SELECT event FROM events ORDER BY ts").fetchall()
    ]
    assert names == ["página_vista", "compra €"]
    # the UTF-8 copy is gone once the log is open (its rows are in the log's table)
    assert not list((tmp_path / "tmp").glob("mot-utf8-*"))
