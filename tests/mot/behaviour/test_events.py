"""Tests for mot.events: event logs into the standard DuckDB view, rules, unmatched events.

Expected timestamps are written by hand (UTC, after converting the stated offsets); the demo
log's counts come from data/README.md (computed there with plain pandas).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mot.behaviour import (
    EventRules,
    event_counts,
    journey_with_rules,
    open_event_log,
    rules_frame,
    rules_from_frame,
    rules_from_journey,
    unmatched_events,
)
from mot.behaviour import log as events
from mot.errors import EventLogError, MotError
from mot.journey import default_journey, journey_from_json

DEMO = "data/demo_events.parquet"


def _rows(log, columns="row_number, user_id, session_id, ts, event"):
    return log.connection.execute(
        f"SELECT {columns} FROM {log.view} ORDER BY row_number"
    ).fetchall()


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------
# Reading and timestamps


def test_csv_iso_strings(tmp_path):
    path = _write(
        tmp_path,
        "log.csv",
        "user_id,timestamp,event_name,revenue\n"
        "007,2024-06-01 10:00:00,search,\n"
        "007,2024-06-01T10:05:00,purchase,12.5\n"
        "8,2024-06-02,landing,\n",
    )
    log = open_event_log(path)
    assert log.columns == {
        "user_id": "user_id",
        "session_id": None,
        "timestamp": "timestamp",
        "event": "event_name",
    }
    rows = _rows(log, "row_number, user_id, ts, event, revenue")
    assert rows == [
        (1, "007", datetime(2024, 6, 1, 10, 0), "search", None),
        (2, "007", datetime(2024, 6, 1, 10, 5), "purchase", 12.5),
        (3, "8", datetime(2024, 6, 2), "landing", None),
    ]
    assert (log.n_rows, log.n_events, log.n_users, log.n_bad_rows) == (3, 3, 2, 0)
    names = [d[0] for d in log.connection.execute("DESCRIBE events").fetchall()]
    assert names == ["row_number", "user_id", "session_id", "ts", "event", "revenue"]
    types = dict(
        log.connection.execute("SELECT column_name, column_type FROM (DESCRIBE events)").fetchall()
    )
    assert types["ts"] == "TIMESTAMP" and types["row_number"] == "BIGINT"


def test_csv_semicolon_day_first_and_spanish_names(tmp_path):
    path = _write(
        tmp_path,
        "registro.csv",
        "ID_Cliente;Fecha_Hora;Acción;Sesión\n"
        "c1;03/04/2024 10:30;búsqueda;s1\n"
        "c1;25/04/2024 18:05;compra;s1\n"
        "c2;01/12/2024 00:00;envío;s2\n",
    )
    log = open_event_log(path)
    assert log.columns == {
        "user_id": "ID_Cliente",
        "session_id": "Sesión",
        "timestamp": "Fecha_Hora",
        "event": "Acción",
    }
    # day first: 25/04 only reads as dd/mm, so 03/04 is 3 April, not 4 March
    assert [r[3] for r in _rows(log)] == [
        datetime(2024, 4, 3, 10, 30),
        datetime(2024, 4, 25, 18, 5),
        datetime(2024, 12, 1, 0, 0),
    ]
    assert [r[2] for r in _rows(log)] == ["s1", "s1", "s2"]


def test_month_first_with_seconds(tmp_path):
    path = _write(
        tmp_path, "us.csv", "user,time,event\nu,12/31/2024 23:59:58,x\nu,01/02/2025 08:00:00,y\n"
    )
    assert [r[3] for r in _rows(open_event_log(path))] == [
        datetime(2024, 12, 31, 23, 59, 58),
        datetime(2025, 1, 2, 8, 0),
    ]


@pytest.mark.parametrize(
    "values",
    [
        [1717236000, 1717236060],  # epoch seconds
        [1717236000000, 1717236060000],  # milliseconds
        [1717236000000000, 1717236060000000],  # microseconds
    ],
)
def test_epoch_numbers_by_magnitude(tmp_path, values):
    # 1717236000 s = 2024-06-01 10:00:00 UTC (date -u -d @1717236000)
    lines = "".join(f"u1,{v},ev\n" for v in values)
    path = _write(tmp_path, "epoch.csv", "user_id,ts,event\n" + lines)
    log = open_event_log(path)
    assert [r[3] for r in _rows(log)] == [datetime(2024, 6, 1, 10, 0), datetime(2024, 6, 1, 10, 1)]


def test_epoch_numbers_in_parquet(tmp_path):
    frame = pd.DataFrame(
        {"user_id": ["a", "b"], "event_timestamp": [1717236000000, 1717236000.5], "event": "x"}
    )
    frame.to_parquet(tmp_path / "e.parquet")
    log = open_event_log(tmp_path / "e.parquet")
    assert [r[3] for r in _rows(log)] == [
        datetime(2024, 6, 1, 10, 0),
        datetime(2024, 6, 1, 10, 0, 0, 500000),
    ]


def test_offsets_converted_to_utc(tmp_path):
    path = _write(
        tmp_path,
        "tz.csv",
        "user_id,timestamp,event\n"
        "u,2024-06-01T10:00:00+02:00,a\n"
        "u,2024-06-01 10:00:00-0500,b\n"
        "u,2024-06-01T10:00:00Z,c\n"
        "u,2024-06-01T10:00:00,d\n",
    )
    assert [r[3] for r in _rows(open_event_log(path))] == [
        datetime(2024, 6, 1, 8, 0),
        datetime(2024, 6, 1, 15, 0),
        datetime(2024, 6, 1, 10, 0),
        datetime(2024, 6, 1, 10, 0),
    ]


def test_json_lines(tmp_path):
    records = [
        {"user_id": 1, "timestamp": "2024-06-01T12:00:00+02:00", "event": "landing", "device": "m"},
        {"user_id": 2, "timestamp": "2024-06-01T13:00:00+02:00", "event": "bounce", "device": "d"},
    ]
    path = _write(tmp_path, "log.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")
    log = open_event_log(path)
    assert _rows(log, "row_number, user_id, ts, event, device") == [
        (1, "1", datetime(2024, 6, 1, 10, 0), "landing", "m"),
        (2, "2", datetime(2024, 6, 1, 11, 0), "bounce", "d"),
    ]


def test_parquet_tz_aware_and_glob(tmp_path):
    ts = pd.to_datetime(["2024-06-01 12:00", "2024-06-01 13:00"]).tz_localize("Europe/Madrid")
    for i in range(2):
        pd.DataFrame(
            {"user_id": [f"u{i}"] * 2, "timestamp": ts, "event_name": ["a", "b"]}
        ).to_parquet(tmp_path / f"part{i}.parquet")
    log = open_event_log(tmp_path / "part*.parquet")
    rows = _rows(log, "row_number, user_id, ts")
    assert [r[0] for r in rows] == [1, 2, 3, 4]  # numbered on through the files in name order
    assert [r[1] for r in rows] == ["u0", "u0", "u1", "u1"]
    assert rows[0][2] == datetime(2024, 6, 1, 10, 0)  # Madrid is UTC+2 in June


def test_ga4_export_flattened(tmp_path):
    def record(user, micros, name, session, page=None, value=None):
        params = [{"key": "ga_session_id", "value": {"int_value": str(session)}}]
        if page is not None:
            params.append({"key": "page_title", "value": {"string_value": page}})
        if value is not None:
            params.append({"key": "value", "value": {"double_value": value}})
        return {
            "event_date": "20240601",
            "event_timestamp": str(micros),
            "event_name": name,
            "event_params": params,
            "user_pseudo_id": user,
        }

    records = [
        record("p1", 1717236000000000, "page_view", 111, page="Home"),
        record("p1", 1717236060000000, "purchase", 111, value=19.9),
        record("p2", 1717236000000000, "page_view", 111, page="Shoes"),
    ]
    path = _write(tmp_path, "ga4.jsonl", "\n".join(json.dumps(r) for r in records))
    log = open_event_log(path)
    assert log.columns["user_id"] == "user_pseudo_id"
    assert log.columns["session_id"] == "ga_session_id"
    assert log.columns["timestamp"] == "event_timestamp"
    rows = _rows(log, 'user_id, session_id, ts, event, page_title, "value"')
    assert rows == [
        ("p1", "p1-111", datetime(2024, 6, 1, 10, 0), "page_view", "Home", None),
        ("p1", "p1-111", datetime(2024, 6, 1, 10, 1), "purchase", None, 19.9),
        ("p2", "p2-111", datetime(2024, 6, 1, 10, 0), "page_view", "Shoes", None),
    ]
    assert any("GA4" in note for note in log.notes)


def test_columns_override(tmp_path):
    path = _write(
        tmp_path, "x.csv", "who,when,what,user\nA,2024-01-01,open,zzz\nB,2024-01-02,close,zzz\n"
    )
    log = open_event_log(path, columns={"user_id": "who", "timestamp": "When", "event": "what"})
    assert log.columns["user_id"] == "who" and log.columns["timestamp"] == "when"
    assert [r[1] for r in _rows(log)] == ["A", "B"]
    assert _rows(log, "user")[0] == ("zzz",)  # the unused `user` column stays a property


def test_missing_roles_say_what_was_found(tmp_path):
    path = _write(tmp_path, "x.csv", "customer,when,what\nA,2024-01-01,open\n")
    with pytest.raises(EventLogError) as info:
        open_event_log(path)
    message = str(info.value)
    assert "user_id" in message and "timestamp" in message and "event" in message
    assert "customer, when, what" in message and "columns=" in message


@pytest.mark.parametrize(
    "columns",
    [{"user_id": "nope"}, {"colour": "what"}, {"event": None}],
)
def test_bad_override(tmp_path, columns):
    path = _write(tmp_path, "x.csv", "user_id,ts,event\nA,2024-01-01,open\n")
    with pytest.raises(EventLogError):
        open_event_log(path, columns=columns)


@pytest.mark.parametrize("name", ["missing.csv", "log.xlsx", "nothing*.csv"])
def test_unreadable_sources(tmp_path, name):
    if name == "log.xlsx":
        (tmp_path / name).write_bytes(b"PK\x03\x04")
    with pytest.raises(EventLogError):
        open_event_log(tmp_path / name)


def test_garbage_parquet_is_an_event_log_error(tmp_path):
    (tmp_path / "bad.parquet").write_bytes(b"not parquet at all")
    with pytest.raises(EventLogError, match=r"bad\.parquet"):
        open_event_log(tmp_path / "bad.parquet")


def test_bad_rows_counted_with_row_numbers(tmp_path):
    path = _write(
        tmp_path,
        "bad.csv",
        "user_id,timestamp,event\n"
        "u1,2024-06-01 10:00,a\n"  # row 1 (line 2)
        ",2024-06-01 10:00,a\n"  # row 2: no user
        "u1,not a date,b\n"  # row 3: unreadable
        "u1,,b\n"  # row 4: no timestamp
        "u1,2024-06-01 10:01,\n"  # row 5: no event
        "u2,yesterday,c\n"  # row 6: unreadable
        "u2,2024-06-01 11:00,c\n",  # row 7
    )
    log = open_event_log(path)
    assert (log.n_rows, log.n_events, log.n_bad_rows) == (7, 2, 5)
    bad = log.bad_rows()
    assert list(bad.columns) == ["problem", "count", "example_rows"]
    table = {p.split(" (")[0]: (n, ex) for p, n, ex in bad.itertuples(index=False)}
    assert table == {
        "unparseable timestamp": (2, [3, 6]),
        "missing user id": (1, [2]),
        "missing timestamp": (1, [4]),
        "missing event name": (1, [5]),
    }
    assert bad["problem"].iloc[0] == "unparseable timestamp (column `timestamp`)"
    assert [r[0] for r in _rows(log)] == [1, 7]


def test_sessions_derived_by_30_minute_gap(tmp_path):
    path = _write(
        tmp_path,
        "s.csv",
        "user_id,timestamp,event\n"
        "a,2024-06-01 10:00,x\n"
        "a,2024-06-01 10:30,x\n"  # gap 30 min exactly: same session
        "a,2024-06-01 11:00:01,x\n"  # gap 30 min 1 s: new session
        "b,2024-06-01 10:10,x\n"
        "a,2024-06-02 09:00,x\n",  # out of file order: sessions follow time
    )
    log = open_event_log(path)
    assert [r[2] for r in _rows(log)] == ["a:1", "a:1", "a:2", "b:1", "a:3"]
    assert log.n_sessions == 4
    assert open_event_log(path, session_gap=None).n_sessions == 0


def _relation_type(log):
    return log.connection.execute(
        "SELECT table_type FROM information_schema.tables WHERE table_name = ?", [log.table]
    ).fetchone()[0]


def test_parquet_is_read_from_the_file_with_bad_rows_counted(tmp_path):
    # a Parquet log is not copied: the view reads the file, and still leaves out and counts
    # the bad rows, trims ids, converts zoned times and keeps each property on its own row
    ts = pd.to_datetime(
        ["2024-06-01 12:00", None, "2024-06-01 12:02", "2024-06-01 12:03", "2024-06-01 12:04"]
    ).tz_localize("Europe/Madrid")
    frame = pd.DataFrame(
        {
            "user_id": [" u1 ", "u1", "   ", "u2", "u2"],
            "session_id": ["s1", "s1", "s2", "s3", "s3"],
            "timestamp": ts,
            "event_name": ["search", "landing", "landing", " ", "purchase"],
            "revenue": [1.0, 2.0, 3.0, 4.0, 5.0],
        }
    )
    frame.to_parquet(tmp_path / "e.parquet", row_group_size=2)  # several row groups
    log = open_event_log(tmp_path / "e.parquet")
    assert _relation_type(log) == "VIEW"
    assert (log.n_rows, log.n_events, log.n_bad_rows) == (5, 2, 3)
    table = {p.split(" (")[0]: (n, ex) for p, n, ex in log.bad_rows().itertuples(index=False)}
    assert table == {
        "missing timestamp": (1, [2]),
        "missing user id": (1, [3]),
        "missing event name": (1, [4]),
    }
    assert _rows(log, "row_number, user_id, ts, event, revenue") == [
        (1, "u1", datetime(2024, 6, 1, 10, 0), "search", 1.0),
        (5, "u2", datetime(2024, 6, 1, 10, 4), "purchase", 5.0),
    ]
    assert (log.n_users, log.n_sessions) == (2, 2)


def test_clean_parquet_ids_are_read_as_they_are(tmp_path):
    # trimming is tested per value only when the file has a blank or padded id or event name
    def rows_sql(log):
        return log.connection.execute(
            "SELECT sql FROM duckdb_views() WHERE view_name = ?", [log.table]
        ).fetchone()[0]

    ts = pd.to_datetime(["2024-06-01 10:00", "2024-06-01 10:01"])
    for users, trimmed in ((["u1", "u2"], False), (["u1", "u2 "], True)):
        frame = pd.DataFrame(
            {"user_id": users, "session_id": "s", "timestamp": ts, "event": ["a", "b"]}
        )
        frame.to_parquet(tmp_path / "c.parquet")
        log = open_event_log(tmp_path / "c.parquet")
        assert ("prefix(user_id" in rows_sql(log)) is trimmed
        assert _rows(log, "user_id") == [("u1",), ("u2",)]


def test_parquet_glob_with_sessions_is_numbered_on_through_the_files(tmp_path):
    ts = pd.to_datetime(["2024-06-01 12:00", "2024-06-01 13:00"])
    for i in range(2):
        pd.DataFrame(
            {"user_id": f"u{i}", "session_id": f"s{i}", "timestamp": ts, "event_name": ["a", ""]}
        ).to_parquet(tmp_path / f"part{i}.parquet")
    log = open_event_log(tmp_path / "part*.parquet")
    assert _relation_type(log) == "VIEW"
    assert _rows(log, "row_number, user_id, session_id") == [(1, "u0", "s0"), (3, "u1", "s1")]
    assert log.bad_rows()["example_rows"].tolist() == [[2, 4]]


def test_csv_is_copied_once_into_a_table(tmp_path):
    path = _write(tmp_path, "a.csv", "user_id,timestamp,event\nu,2024-06-01,a\n")
    assert _relation_type(open_event_log(path)) == "LOCAL TEMPORARY"


def test_reopening_under_the_same_view_name_switches_format(tmp_path):
    csv = _write(tmp_path, "a.csv", "user_id,timestamp,event\nu,2024-06-01,a\n")
    pd.DataFrame(
        {"user_id": ["p", "q"], "timestamp": pd.to_datetime(["2024-06-01"] * 2), "event": "b"}
    ).to_parquet(tmp_path / "b.parquet")
    con = duckdb.connect()
    open_event_log(csv, connection=con)
    log = open_event_log(tmp_path / "b.parquet", connection=con)
    assert _rows(log, "user_id, event") == [("p", "b"), ("q", "b")]
    log = open_event_log(csv, connection=con)
    assert _rows(log, "user_id, event") == [("u", "a")]


def test_own_connection_spills_a_log_larger_than_its_memory_limit(tmp_path, monkeypatch):
    # the connection open_event_log makes has a memory limit and a temporary folder of its
    # own: a table larger than the limit goes to disk instead of failing
    monkeypatch.setattr(events, "MEMORY_LIMIT", "64MB")
    n = 400_000
    frame = pd.DataFrame(
        {
            "user_id": [f"user{(i // 4) % 5000:05d}" for i in range(n)],  # sessions of one user
            "session_id": [f"session{i // 4:07d}" for i in range(n)],
            "timestamp": "2024-06-01 10:00:00",
            "event": "landing",
            "note": "a property long enough not to be stored inline " * 2,
        }
    )
    frame.to_csv(tmp_path / "big.csv", index=False)
    log = open_event_log(tmp_path / "big.csv")
    con = log.connection
    limit, folder = con.execute(
        "SELECT current_setting('memory_limit'), current_setting('temp_directory')"
    ).fetchone()
    assert limit.startswith("61") and "mot-duckdb-" in folder  # 64 MB = 61.0 MiB
    assert con.execute("SELECT count(*) FROM duckdb_temporary_files()").fetchone()[0] > 0
    assert (log.n_events, log.n_users, log.n_sessions) == (n, 5000, n // 4)
    con.close()
    assert not Path(folder).exists()  # DuckDB removes the folder it made


def test_a_given_connection_keeps_its_settings(tmp_path):
    path = _write(tmp_path, "a.csv", "user_id,timestamp,event\nu,2024-06-01,a\n")
    con = duckdb.connect()
    before = con.execute("SELECT current_setting('memory_limit')").fetchone()
    open_event_log(path, connection=con)
    assert con.execute("SELECT current_setting('memory_limit')").fetchone() == before


# ---------------------------------------------------------------------------------------------
# Rules


def test_longest_keyword_wins_and_spanish_accents():
    rules = rules_from_journey(default_journey())
    assert rules.match("repurchase") == "UMOT"  # not SMOT's `purchase`
    assert rules.match("purchase") == "SMOT"
    assert rules.match("compra") == "SMOT"
    assert rules.match("Recompra") == "UMOT"
    assert rules.match("BÚSQUEDA_web") == "ZMOT"
    assert rules.match("envio_retrasado") == "TMOT"
    assert rules.match("Add To Cart") == "SMOT"
    assert rules.match("newsletter_open") is None


def test_ties_go_to_the_earlier_touchpoint():
    rules = EventRules((("first", ("abc",)), ("second", ("bcd",))))
    assert rules.match("abcd") == "first"


def test_rules_frame_round_trip_and_validation():
    journey = default_journey()
    rules = rules_from_journey(journey)
    frame = rules_frame(rules)
    assert list(frame.columns) == ["touchpoint", "keyword"]
    assert rules_from_frame(frame, journey) == rules
    edited = pd.concat(
        [frame, pd.DataFrame({"touchpoint": ["tmot"], "keyword": ["parcel, paquete"]})]
    )
    assert rules_from_frame(edited, journey).as_dict()["TMOT"][-2:] == ("parcel", "paquete")
    with pytest.raises(EventLogError, match="hotel"):
        rules_from_frame(pd.DataFrame({"touchpoint": ["hotel"], "keyword": ["x"]}), journey)
    with pytest.raises(EventLogError):
        rules_from_frame(pd.DataFrame({"tp": ["SMOT"]}), journey)


def test_journey_with_rules_saves_in_the_journey():
    journey = default_journey()
    rules = EventRules((("SMOT", ("pedido",)), ("UMOT", ("opinión",))))
    new = journey_with_rules(journey, rules)
    assert new.touchpoint("SMOT").events == ("pedido",)
    assert new.touchpoint("ZMOT").events == ()
    assert journey_from_json(__import__("json").dumps(new.to_dict())) == new
    assert journey.touchpoint("SMOT").events != ("pedido",)  # input unchanged
    with pytest.raises(EventLogError):
        journey_with_rules(journey, EventRules((("lobby", ("x",)),)))


def test_mapped_view_and_unmatched(tmp_path):
    path = _write(
        tmp_path,
        "m.csv",
        "user_id,timestamp,event\n"
        "u,2024-06-01 10:00,purchase\n"
        "u,2024-06-01 10:01,repurchase\n"
        "u,2024-06-01 10:02,login\n"
        "v,2024-06-01 10:03,login\n"
        "v,2024-06-01 10:04,zeta\n",
    )
    log = open_event_log(path)
    rules = rules_from_journey(default_journey())
    view = log.mapped(rules)
    assert view == "events_mapped"
    got = log.connection.execute(
        f"SELECT row_number, touchpoint FROM {view} ORDER BY row_number"
    ).fetchall()
    assert got == [(1, "SMOT"), (2, "UMOT"), (3, None), (4, None), (5, None)]
    unmatched = unmatched_events(log, rules)
    assert unmatched.to_dict("list") == {"event": ["login", "zeta"], "count": [2, 1]}
    counts = event_counts(log)
    assert list(counts.columns) == ["event", "count", "users"]
    assert counts.iloc[0].tolist() == ["login", 2, 2]


def test_shared_connection(tmp_path):
    path = _write(tmp_path, "a.csv", "user_id,timestamp,event\nu,2024-06-01,a\n")
    con = duckdb.connect()
    log = open_event_log(path, connection=con, view="web")
    assert log.connection is con
    assert con.execute("SELECT count(*) FROM web").fetchone() == (1,)


# ---------------------------------------------------------------------------------------------
# The demo log (counts from data/README.md)


@pytest.fixture(scope="module")
def demo():
    return open_event_log(DEMO)


def test_demo_counts(demo):
    assert (demo.n_events, demo.n_users, demo.n_sessions, demo.n_bad_rows) == (
        175_038,
        23_995,
        74_596,
        0,
    )
    first = demo.connection.execute(
        "SELECT row_number, user_id, session_id, ts FROM events ORDER BY row_number LIMIT 1"
    ).fetchone()
    raw = pd.read_parquet(DEMO).iloc[0]
    assert first == (
        1,
        raw["user_id"],
        raw["session_id"],
        raw["timestamp"].tz_convert(None).to_pydatetime(),
    )


def test_demo_unmatched_events(demo):
    unmatched = unmatched_events(demo, rules_from_journey(default_journey()))
    assert unmatched.to_dict("list") == {
        "event": ["newsletter_open", "app_update", "account_login"],
        "count": [24_138, 3_913, 3_005],
    }


def test_demo_mapped_counts(demo):
    view = demo.mapped(rules_from_journey(default_journey()))
    counts = dict(
        demo.connection.execute(f"SELECT touchpoint, count(*) FROM {view} GROUP BY 1").fetchall()
    )
    # sums of the README's per-moment event counts
    assert counts == {
        "ZMOT": 22_452 + 8_332 + 5_869 + 4_265,
        "FMOT": 23_817 + 39_637 + 8_457,
        "SMOT": 6_502 + 5_300 + 4_828,
        "TMOT": 7_671 + 4_639 + 431,
        "UMOT": 998 + 359 + 425,
        None: 24_138 + 3_913 + 3_005,
    }


# ---------------------------------------------------------------------------------------------
# Property: arbitrary timestamp text never breaks the log


TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    values=st.lists(
        TEXT | st.sampled_from(["2024-06-01", "1717236000", "31/12/2024 10:00"]),
        min_size=1,
        max_size=8,
    )
)
def test_arbitrary_timestamps_are_good_or_counted(tmp_path, values):
    frame = pd.DataFrame({"user_id": "u", "timestamp": values, "event": "e"})
    frame.to_parquet(tmp_path / "p.parquet")
    try:
        log = open_event_log(tmp_path / "p.parquet")
    except MotError as exc:
        assert isinstance(exc, EventLogError)
        return
    assert log.n_events + log.n_bad_rows == log.n_rows == len(values)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=st.lists(TEXT, min_size=1, max_size=8))
def test_arbitrary_timestamps_in_csv(tmp_path, values):
    frame = pd.DataFrame({"user_id": "u", "timestamp": values, "event": "e"})
    frame.to_csv(tmp_path / "p.csv", index=False)
    try:
        log = open_event_log(tmp_path / "p.csv")
    except MotError as exc:
        assert isinstance(exc, EventLogError)
        return
    assert log.n_events + log.n_bad_rows == log.n_rows


def test_properties_with_reserved_names_are_kept(tmp_path):
    path = _write(
        tmp_path, "r.csv", "user_id,timestamp,event_name,ts,touchpoint\nu,2024-06-01,a,x,y\n"
    )
    log = open_event_log(path)
    assert _rows(log, "event, source_ts, source_touchpoint") == [("a", "x", "y")]


def test_mapped_after_a_result_left_unfinished(demo):
    # fetchone() leaves the rest of a result pending on the connection; mapping must not
    # fail on it (DuckDB refuses to register a frame then)
    demo.connection.execute("SELECT * FROM events").fetchone()
    view = demo.mapped(rules_from_journey(default_journey()), name="events_mapped_again")
    n = demo.connection.execute(f"SELECT count(touchpoint) FROM {view}").fetchone()[0]
    assert n == demo.n_events - (24_138 + 3_913 + 3_005)


def test_touchpoint_events_need_no_query(demo):
    rules = rules_from_journey(default_journey())
    view = demo.mapped(rules)
    counted = dict(
        demo.connection.execute(
            f"SELECT touchpoint, count(*) FROM {view} WHERE touchpoint IS NOT NULL GROUP BY 1"
        ).fetchall()
    )
    assert demo.touchpoint_events(rules) == {tp: counted.get(tp, 0) for tp in rules.touchpoints}


def test_parquet_binary_ids_are_trimmed_and_blank_ones_left_out(tmp_path):
    # older writers store text as plain binary: DuckDB reads BLOB, which the view still
    # reads as trimmed text; a blank id or event is a bad row, as in a text column
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "user_id": pa.array([b"a", b"", b" c ", b"d"], type=pa.binary()),
            "session_id": ["1", "1", "1", "1"],
            "timestamp": pa.array([1_700_000_000_000_000] * 4, type=pa.timestamp("us")),
            "event": pa.array([b"landing", b"x", b"y", b"  "], type=pa.binary()),
        }
    )
    pq.write_table(table, tmp_path / "binary.parquet")
    log = open_event_log(tmp_path / "binary.parquet")
    rows = log.connection.execute(f"SELECT user_id, event FROM {log.view}").fetchall()
    assert rows == [("a", "landing"), ("c", "y")]
    assert log.n_events == 2 and log.n_bad_rows == 2


def test_parquet_dates_beyond_the_timestamp_range_are_unreadable_rows(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "user_id": ["u0", "u1"],
            "session_id": ["s0", "s1"],
            "timestamp": pa.array([19_000, 2**31 - 10], type=pa.date32()),  # 2022; year 5.8 M
            "event": ["landing", "landing"],
        }
    )
    pq.write_table(table, tmp_path / "dates.parquet")
    log = open_event_log(tmp_path / "dates.parquet")
    assert log.bad_rows()["example_rows"].tolist() == [[2]]
    assert log.bad_rows()["problem"].iloc[0].startswith("unparseable timestamp")
    # every query that reads the time stamps works
    assert log.connection.execute(f"SELECT max(ts) FROM {log.view}").fetchone()[0] == datetime(
        2022, 1, 8
    )


IDS = st.sampled_from([None, "", "  ", "u1", " u1", "u1 ", "u2"])
NAMES = st.sampled_from([None, "", " ", "landing", " landing", "purchase ", "search"])


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(st.tuples(IDS, NAMES, st.booleans()), min_size=1, max_size=12))
def test_quick_opening_of_parquet_agrees_with_the_full_pass(tmp_path, monkeypatch, rows):
    # the opening reads a Parquet file's columns as they are unless an id needs trimming;
    # either way the counts, the bad rows and the view are those of the pass that trims
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "user_id": pa.array([r[0] for r in rows], pa.string()),
            "timestamp": pa.array(
                [datetime(2026, 1, 1, 10, k) if r[2] else None for k, r in enumerate(rows)],
                pa.timestamp("us", tz="UTC"),
            ),
            "event": pa.array([r[1] for r in rows], pa.string()),
        }
    )
    path = tmp_path / "log.parquet"
    pq.write_table(table, path)

    def opened(quick: bool) -> tuple:
        with monkeypatch.context() as patch:
            if not quick:
                patch.setattr(events, "_quick_summary", lambda *args: None)
            try:
                log = open_event_log(path)
            except EventLogError as exc:  # no usable row (issue 9): both passes refuse alike
                return str(exc)
        view = log.connection.execute(
            f"SELECT row_number, user_id, event FROM {log.view} ORDER BY row_number"
        ).fetchall()
        return log.n_rows, log.n_events, log.bad_rows().to_dict("list"), log._events, view

    assert opened(quick=True) == opened(quick=False)


def test_a_clean_parquet_file_is_opened_by_the_quick_pass(monkeypatch):
    taken = []
    quick = events._quick_summary
    monkeypatch.setattr(events, "_quick_summary", lambda *a: taken.append(quick(*a)) or taken[-1])
    log = open_event_log(DEMO)
    assert taken and taken[0] is not None
    assert (log.n_events, log.n_bad_rows) == (175_038, 0)


# ---------------------------------------------------------------------------------------------
# GA4's recommended events on the default journey (issue 10)


@pytest.mark.parametrize(
    ("event", "moment"),
    [
        ("view_item_list", "ZMOT"),
        ("search", "ZMOT"),
        ("view_search_results", "ZMOT"),
        ("select_item", "ZMOT"),
        ("view_item", "FMOT"),
        ("add_to_cart", "SMOT"),
        ("view_cart", "SMOT"),
        ("begin_checkout", "SMOT"),
        ("add_shipping_info", "SMOT"),  # not TMOT's "shipping": the longer keyword wins
        ("add_payment_info", "SMOT"),
        ("purchase", "SMOT"),
        ("refund", "TMOT"),
        ("customer_support", "TMOT"),
        ("share", "UMOT"),
        ("generate_lead", "UMOT"),
        ("write_review", "UMOT"),
        ("session_start", None),
        ("first_visit", None),
        ("user_engagement", None),
        ("scroll", None),
        ("page_view", None),  # by its name alone: only a product page makes it FMOT
    ],
)
def test_ga4_recommended_events_map_to_the_default_moments(event, moment):
    assert rules_from_journey(default_journey()).match(event) == moment


def test_a_generated_ga4_log_gives_a_sensible_funnel_with_no_rule_editing(tmp_path):
    from mot import behaviour
    from tests.mot.ga4_log import write_ga4_log

    truth = write_ga4_log(tmp_path / "ga4.jsonl")
    log = open_event_log(tmp_path / "ga4.jsonl")
    assert log.page_column == "page_location"
    assert any("Page address: `page_location`" in note for note in log.notes)
    rules = rules_from_journey(default_journey())
    view = log.mapped(rules)
    reach = behaviour.touchpoint_reach(log.connection, view, touchpoints=rules.touchpoints)
    users = dict(zip(reach["touchpoint"], reach["users"], strict=True))
    # Every moment reached by exactly the users the generator sent there.
    for moment in ("ZMOT", "FMOT", "SMOT", "TMOT", "UMOT"):
        assert users[moment] == len(truth[moment]), moment
    assert users["ZMOT"] > users["FMOT"] > users["SMOT"] > users["TMOT"] > 0
    assert users["UMOT"] > 0
    funnel = behaviour.ordered_funnel(log.connection, view, steps=list(rules.touchpoints))
    steps = funnel.set_index("step")["users"]
    assert steps.tolist() == [
        len(truth["ZMOT"]),
        len(truth["FMOT"]),
        len(truth["SMOT"]),
        len(truth["TMOT"]),
        len(truth["TMOT_then_UMOT"]),
    ]
    assert steps.is_monotonic_decreasing
    # GA4's automatic events are not moments; page views of the home, category and search
    # pages neither, product page views are FMOT.
    unmatched = unmatched_events(log, rules).set_index("event")["count"]
    assert {"session_start", "first_visit", "user_engagement", "scroll"} <= set(unmatched.index)
    views = log.connection.execute(
        f"SELECT touchpoint, count(*) FROM {view} WHERE event = 'page_view' GROUP BY 1"
    ).fetchall()
    product_views = log.connection.execute(
        "SELECT count(*) FROM events WHERE event = 'page_view' AND page_location LIKE '%/product/%'"
    ).fetchone()[0]
    assert dict(views) == {
        "FMOT": product_views,
        None: int(unmatched["page_view"]),
    }
    counted = log.touchpoint_events(rules)
    mapped = dict(
        log.connection.execute(
            f"SELECT touchpoint, count(*) FROM {view} WHERE touchpoint IS NOT NULL GROUP BY 1"
        ).fetchall()
    )
    assert counted == mapped  # the counts the Behaviour page offers steps from


def test_page_view_without_a_page_address_is_no_moment_and_the_log_says_so(tmp_path):
    path = _write(
        tmp_path,
        "log.csv",
        "user_id,timestamp,event_name\nu1,2024-06-01 10:00,page_view\n"
        "u1,2024-06-01 10:01,view_item\nu1,2024-06-01 10:02,purchase\n",
    )
    log = open_event_log(path)
    assert log.page_column is None
    assert any("`page_view` events carry no page address" in note for note in log.notes)
    rules = rules_from_journey(default_journey())
    assert unmatched_events(log, rules)["event"].tolist() == ["page_view"]
    assert log.touchpoint_events(rules) == {"ZMOT": 0, "FMOT": 1, "SMOT": 1, "TMOT": 0, "UMOT": 0}


def test_a_page_rule_reads_a_page_path_column_and_its_texts_stay_data(tmp_path):
    path = _write(
        tmp_path,
        "log.csv",
        "user_id,timestamp,event_name,page_path\n"
        "u1,2024-06-01 10:00,page_view,/Tienda/PRODUCTO/42\n"
        "u1,2024-06-01 10:01,page_view,/it's-here\n"
        "u2,2024-06-01 10:00,page_view,/home\n",
    )
    log = open_event_log(path)
    assert log.page_column == "page_path"
    rules = EventRules(
        (("ZMOT", ("page_view@/it's",)), ("FMOT", ("page_view@/producto",)), ("SMOT", ()))
    )
    view = log.mapped(rules)
    rows = log.connection.execute(f"SELECT page_path, touchpoint FROM {view} ORDER BY 1").fetchall()
    assert rows == [("/Tienda/PRODUCTO/42", "FMOT"), ("/home", None), ("/it's-here", "ZMOT")]
    assert unmatched_events(log, rules).values.tolist() == [["page_view", 1]]
