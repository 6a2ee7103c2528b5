"""``python -m mot behaviour``, run as a user runs it: a subprocess, exit codes, output."""

import json
import time

import pytest

from tests.conftest import ROOT
from tests.test_cli import run

EVENTS = ROOT / "data" / "demo_events.parquet"


@pytest.fixture(scope="module")
def demo() -> dict:
    result = run("behaviour", EVENTS, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_json_is_one_object_with_the_documented_keys(demo):
    assert set(demo) == {"events", "users", "funnel", "touchpoints", "unmatched_events", "bad_rows"}
    assert demo["events"] == 175038
    assert demo["users"] == 23995
    assert demo["bad_rows"] == 0


def test_unmatched_events_are_the_three_planted_ones(demo):
    assert {u["event"] for u in demo["unmatched_events"]} == {
        "newsletter_open",
        "app_update",
        "account_login",
    }
    assert all(u["count"] > 0 for u in demo["unmatched_events"])


def test_default_funnel_is_the_five_moments_in_order(demo):
    funnel = demo["funnel"]
    assert [f["step"] for f in funnel] == ["ZMOT", "FMOT", "SMOT", "TMOT", "UMOT"]
    users = [f["users"] for f in funnel]
    assert users == sorted(users, reverse=True)
    assert funnel[0]["conversion"] == 1.0
    for f in funnel:
        assert {"conversion_from_previous", "ci_low", "ci_high", "drop_off"} <= set(f)
        assert f["ci_low"] <= f["conversion"] <= f["ci_high"]


def test_touchpoint_reach(demo):
    reach = demo["touchpoints"]
    assert [t["touchpoint"] for t in reach] == ["ZMOT", "FMOT", "SMOT", "TMOT", "UMOT"]
    for t in reach:
        assert set(t) == {"touchpoint", "users", "sessions", "events"}
        assert 0 < t["users"] <= t["sessions"] <= t["events"]


def test_steps_give_an_event_funnel():
    result = run("behaviour", EVENTS, "--steps", "product_view,add_to_cart,purchase", "--json")
    assert result.returncode == 0, result.stderr
    funnel = json.loads(result.stdout)["funnel"]
    assert [f["step"] for f in funnel] == ["product_view", "add_to_cart", "purchase"]
    users = [f["users"] for f in funnel]
    assert users[0] > users[1] > users[2] > 0


def test_human_readable_summary():
    result = run("behaviour", EVENTS)
    assert result.returncode == 0, result.stderr
    for text in ("Events: 175038", "Users: 23995", "Bad rows", "funnel", "reach"):
        assert text in result.stdout
    assert "newsletter_open" in result.stdout


def test_unparseable_timestamp_is_a_bad_row(tmp_path):
    log = tmp_path / "log.csv"
    log.write_text(
        "user_id,timestamp,event_name\n"
        "u1,2026-01-01 10:00:00,landing\n"
        "u1,not a date,purchase\n"
        "u2,2026-01-02 11:00:00,product_view\n",
        encoding="utf-8",
    )
    result = run("behaviour", log, "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["bad_rows"] == 1
    assert out["events"] == 2
    text = run("behaviour", log)
    assert "timestamp" in text.stdout and "rows 2" in text.stdout


def test_missing_file_or_columns_exit_1_without_traceback(tmp_path):
    no_roles = tmp_path / "no_roles.csv"
    no_roles.write_text("a,b\n1,2\n", encoding="utf-8")
    for path in (tmp_path / "missing.parquet", no_roles):
        result = run("behaviour", path)
        assert result.returncode == 1
        assert result.stderr.startswith("error: ") or "\nerror: " in result.stderr
        assert "Traceback" not in result.stderr + result.stdout


def test_behaviour_without_file_exits_2():
    assert run("behaviour").returncode == 2


def test_all_unreadable_time_stamps_exit_1_with_the_reason(tmp_path):
    log = tmp_path / "dates.csv"
    log.write_text(
        "user_id,timestamp,event_name\nu1,not a date,landing\nu2,someday,purchase\n",
        encoding="utf-8",
    )
    result = run("behaviour", log, "--json")
    assert result.returncode == 1  # was 0, with "events": 0
    assert "none of its 2 rows" in result.stderr and "unparseable timestamp" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_a_tiny_log_in_the_year_99999_takes_seconds(tmp_path):
    log = tmp_path / "far.csv"
    log.write_text(
        "user_id,timestamp,event_name\n"
        "u1,99999-01-01T00:00:00,landing\n"
        "u1,2026-03-02T10:00:00,landing\n"
        "u1,2026-03-02T10:05:00,purchase\n"
        "u2,99999-06-01,purchase\n"
        "u3,1970-01-01,landing\n",
        encoding="utf-8",
    )
    start = time.perf_counter()
    result = run("behaviour", log, "--json")
    assert time.perf_counter() - start < 60  # was minutes and gigabytes
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert (out["events"], out["bad_rows"]) == (2, 3)
    text = run("behaviour", log).stdout
    assert "timestamp out of range" in text and "rows 1, 4, 5" in text


def test_a_utf16_log_is_read(tmp_path):
    log = tmp_path / "utf16.csv"
    text = "user_id,timestamp,event_name\nu1,2026-03-02T10:00:00,landing\n"
    log.write_bytes(text.encode("utf-16"))  # with its byte-order mark
    result = run("behaviour", log, "--json")
    assert result.returncode == 0, result.stderr  # was "CSV Error on Line: 1"
    assert json.loads(result.stdout)["events"] == 1
