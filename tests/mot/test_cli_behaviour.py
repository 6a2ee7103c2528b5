"""``python -m mot behaviour``, run as a user runs it: a subprocess, exit codes, output."""

import json
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT
from tests.mot.test_cli import run

# Slow (`make test` runs them, `make test-fast` does not):
# whole-process runs of the CLI.
pytestmark = pytest.mark.slow

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


# An event log with a row of every problem: no user, no event name, no time stamp, an
# unreadable one and one out of range (as tests/pages/test_spanish_pages.py has it).
BAD_LOG = """user,time,action
u1,2026-03-02T10:00:00Z,landing
u1,2026-03-02T10:01:00Z,product_view
u1,2026-03-02T10:05:00Z,purchase
u2,2026-03-03T09:00:00Z,landing
,2026-03-03T09:02:00Z,product_view
u2,2026-03-04T09:00:00Z,
u3,,landing
u3,not a date,landing
u4,1970-01-01T00:00:00Z,landing
"""


def test_behaviour_in_spanish_prints_headings_notes_and_bad_rows_in_spanish(tmp_path):
    log = tmp_path / "registro.csv"
    log.write_text(BAD_LOG, encoding="utf-8")
    result = run("behaviour", log, "--lang", "es")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Eventos: 4\nUsuarios: 2\nFilas erróneas (dejadas fuera): 5\n")
    assert "- falta el id de usuario (columna `user`): 1 (p. ej. filas 5)" in out
    assert "- marca de tiempo ilegible (columna `time`): 1 (p. ej. filas 8)" in out
    assert "marca de tiempo fuera de rango (columna `time`; anterior a 1990-01-01" in out
    assert "Embudo ordenado (conversión desde el primer paso, IC del 95 %):" in out
    assert "Alcance de cada punto de contacto:" in out
    assert "Cómo se ha leído el registro:" in out and "- Marcas de tiempo `time`" in out
    for english in ("Events:", "Bad rows", "missing user id", "e.g. rows", "Touchpoint reach"):
        assert english not in out
    english = run("behaviour", log)
    assert english.stdout.startswith("Events: 4\nUsers: 2\nBad rows (left out): 5\n")
    assert "- missing user id (column `user`): 1 (e.g. rows 5)" in english.stdout
    assert "How the log was read:" in english.stdout
    # numbers as each language writes them: 1 of the 2 users who landed purchased
    steps = ("--steps", "landing,purchase")
    assert "0,500" in run("behaviour", log, *steps, "--lang", "es").stdout
    assert "0.500" in run("behaviour", log, *steps).stdout
    # the JSON keeps its keys and numbers whatever the language
    as_json = [
        json.loads(run("behaviour", log, "--json", *lang).stdout) for lang in ([], ["--lang", "es"])
    ]
    assert as_json[0] == as_json[1]


def test_behaviour_errors_are_said_in_spanish(tmp_path):
    log = tmp_path / "fechas.csv"
    log.write_text(
        "user_id,timestamp,event_name\nu1,not a date,landing\nu2,someday,purchase\n",
        encoding="utf-8",
    )
    result = run("behaviour", log, "--lang", "es")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith(
        "error: `fechas.csv`: ninguna de sus 2 filas es un evento utilizable (marca de tiempo "
        "ilegible (columna `timestamp`): 2 (p. ej. filas 1, 2))."
    )
    assert "Traceback" not in result.stderr
    missing = run("behaviour", tmp_path / "nada.parquet", "--lang", "es")
    assert missing.returncode == 1
    assert missing.stderr.startswith("error: No hay ningún archivo de registro de eventos en")
    assert run("behaviour", log, "--lang", "fr").returncode == 2


def test_a_behaviour_run_imports_no_scipy():
    # scipy.special alone costs a tenth of a second of the command's start (issue 11)
    code = (
        "import contextlib, io, runpy, sys\n"
        f"sys.argv = ['mot', 'behaviour', {str(EVENTS)!r}, '--json']\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        runpy.run_module('mot', run_name='__main__')\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print([m for m in sys.modules if m.startswith('scipy')])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip().splitlines()[-1] == "[]"
