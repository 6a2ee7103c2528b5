"""The Behaviour and Data pages with hostile and careless event logs (issue 9).

A column header that injected SQL showed /etc/passwd on the Behaviour page; a 5-row log in
the year 99999 took 208 s and 6 GB; uploads stayed in the temporary folder forever.
"""

import csv
import io
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from mot.journey import default_journey
from ui import logs
from ui.state import DEMO, EventLogChoice

from .conftest import page_path

BEHAVIOUR = "pages/behaviour.py"
DATA = "pages/data.py"

PASSWD = (
    "device\") + CAST((SELECT string_agg(line,'|') FROM read_csv('/etc/passwd', "
    "columns={'line': 'VARCHAR'}, header=false, delim='\\x01')) AS INTEGER) + "
    'approx_count_distinct("device'
)
EVIL_PURCHASE = "purchase'); SELECT * FROM read_csv('/etc/passwd') --"


def _hostile_csv() -> bytes:
    rows = [
        ("u1", "2026-03-02T10:00:00Z", "landing", "mobile"),
        ("u1", "2026-03-02T10:01:00Z", "product_view", "mobile"),
        ("u1", "2026-03-02T10:05:00Z", EVIL_PURCHASE, "mobile"),
        ("u2", "2026-03-03T09:00:00Z", "landing", "tab'let\"; --"),
        ("u2", "2026-03-03T09:02:00Z", "product_view", "tab'let\"; --"),
        ("u2", "2026-03-04T09:00:00Z", EVIL_PURCHASE, "tab'let\"; --"),
        ("u3", "2026-03-04T09:00:00Z", "landing", "tab'let\"; --"),
        ("u4", "2026-03-05T12:00:00Z", "landing", "mobile"),
    ]
    out = io.StringIO()
    writer = csv.writer(out)
    # with a `device` column, the injected header read /etc/passwd into an error on screen
    writer.writerow(["user", "time", "action", PASSWD, "device"])
    writer.writerows((*row, "web" if i % 2 else "app") for i, row in enumerate(rows))
    return out.getvalue().encode("utf-8")


def run(page: str, **state) -> AppTest:
    at = AppTest.from_file(page_path(page), default_timeout=120)
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def everything(at: AppTest) -> str:
    parts = [*at.markdown, *at.success, *at.info, *at.warning, *at.caption, *at.error]
    parts += [*at.metric]
    text = " ".join(str(getattr(p, "value", "")) for p in parts)
    return text + " ".join(df.value.to_string() for df in at.dataframe)


@pytest.fixture
def uploads(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "mot-event-logs"
    monkeypatch.setattr(logs, "UPLOADS", folder)
    return folder


def test_hostile_column_and_event_names_are_data_on_the_behaviour_page(uploads):
    at = run(BEHAVIOUR, event_log=EventLogChoice("hostile.csv", _hostile_csv()))
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    text = everything(at)
    assert "root:" not in text and "/bin/" not in text
    # the injected header is one property column with two values: a segment like device
    segment = next(s for s in at.selectbox if s.key and s.key.startswith("behaviour_segment_"))
    assert segment.options == [PASSWD, "device"]
    funnel = next(df.value for df in at.dataframe if "Drop-off" in df.value.columns)
    assert list(funnel["Users"]) == ["4", "2"]  # FMOT u1–u4; SMOT (the hostile purchase) u1, u2


def test_hostile_journey_keywords_on_the_behaviour_page(uploads):
    journey = default_journey().to_dict()
    for step in journey["touchpoints"]:
        if step["id"] == "SMOT":
            step["events"] = [EVIL_PURCHASE, "x'); DROP TABLE events; --"]
    at = run(
        BEHAVIOUR,
        dataset=DEMO.with_journey(journey),
        event_log=EventLogChoice("hostile.csv", _hostile_csv()),
    )
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert "root:" not in everything(at)
    funnel = next(df.value for df in at.dataframe if "Drop-off" in df.value.columns)
    assert list(funnel["Users"]) == ["4", "2"]


def test_a_log_in_the_year_99999_takes_seconds_and_says_what_was_left_out(uploads):
    log = (
        b"user,time,action\n"
        b"u1,99999-01-01T00:00:00,landing\n"
        b"u1,2026-03-02T10:00:00Z,landing\n"
        b"u1,2026-03-02T10:05:00Z,purchase\n"
        b"u2,99999-03-01,purchase\n"
        b"u3,1970-01-01,landing\n"
    )
    start = time.perf_counter()
    at = run(BEHAVIOUR, event_log=EventLogChoice("far.csv", log))
    assert time.perf_counter() - start < 60  # was 208 s, then an Altair error
    assert not at.exception, at.exception
    values = {m.label: m.value for m in at.metric}
    assert values["Events"] == "2" and values["Rows left out"] == "3"
    data = run(DATA, event_log=EventLogChoice("far.csv", log))
    bad = next(df.value for df in data.dataframe if "Example rows" in df.value.columns)
    assert any("out of range" in p for p in bad["Problem"])


def test_a_log_spanning_decades_offers_a_month_trend(uploads):
    # 1990 to 2026 in weeks over three touchpoints is more than a chart draws: the page says
    # so and offers months, which draw
    rows = [b"user,time,action"]
    for year in (1990, 2026):
        for i, event in enumerate((b"search", b"landing", b"purchase")):
            rows.append(b"u%d,%d-01-0%dT10:00:00Z,%s" % (i, year, i + 2, event))
    at = run(BEHAVIOUR, event_log=EventLogChoice("decades.csv", b"\n".join(rows) + b"\n"))
    assert not at.exception, at.exception
    assert any("a week or a month" in w.value for w in at.warning), [w.value for w in at.warning]
    period = next(w for w in at.segmented_control if w.key.startswith("behaviour_period_"))
    assert "month" in period.options or "Month" in period.options
    period.set_value("month").run()
    assert not at.exception, at.exception
    assert not [w.value for w in at.warning if "a week or a month" in w.value]


def test_a_log_with_no_readable_time_stamp_is_refused_with_the_reason(uploads):
    log = EventLogChoice("dates.csv", b"user,time,action\nu1,not a date,landing\nu2,x,buy\n")
    at = run(BEHAVIOUR, event_log=log)
    assert not at.exception, at.exception
    assert at.error and "none of its 2 rows" in at.error[0].value
    data = run(DATA, event_log=log)
    assert not data.exception, data.exception
    assert any("dates.csv" in e.value and "unparseable" in e.value for e in data.error)
    assert not list(uploads.glob("*/*"))  # the refused upload is not kept


def test_messages_name_the_upload_not_the_server_folder(uploads):
    at = run(BEHAVIOUR, event_log=EventLogChoice("broken.parquet", b"\x00 not parquet" * 50))
    assert at.error and "broken.parquet" in at.error[0].value
    assert "mot-event-logs" not in at.error[0].value and str(uploads) not in at.error[0].value


def test_a_utf16_upload_is_read(uploads):
    text = "user,time,action\nu1,2026-03-02T10:00:00Z,landing\nu1,2026-03-02T10:05:00Z,compra\n"
    at = run(BEHAVIOUR, event_log=EventLogChoice("utf16.csv", text.encode("utf-16")))
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert {m.label: m.value for m in at.metric}["Events"] == "2"


def test_a_replaced_upload_is_deleted(uploads):
    first = EventLogChoice("first.csv", _hostile_csv())
    at = run(BEHAVIOUR, event_log=first)
    assert not at.exception, at.exception
    [old] = list(uploads.glob("*/first.csv"))
    second = EventLogChoice("second.csv", _hostile_csv().replace(b"u4", b"u9"))
    at.session_state["event_log"] = second
    at.run()
    assert not at.exception, at.exception
    assert not old.parent.exists()  # was kept forever
    assert len(list(uploads.glob("*/second.csv"))) == 1
    at.session_state["event_log"] = first  # back to the first: opened anew, the second goes
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert [p.name for p in uploads.glob("*/*")] == ["first.csv"]


def test_release_closes_the_log_and_deletes_its_folder(tmp_path):
    from mot.behaviour import open_event_log

    folder = tmp_path / "abc"
    folder.mkdir()
    path = folder / "shop.csv"
    path.write_bytes(_hostile_csv())
    handle = logs._Handle(open_event_log(path), path)
    logs._release(handle)
    assert not folder.exists()
    with pytest.raises(Exception, match=r"(?i)closed"):
        handle.log.connection.execute("SELECT 1")
    demo = logs._Handle(open_event_log("data/demo_events.parquet"), None)
    logs._release(demo)  # the bundled demo file is never deleted
    assert Path("data/demo_events.parquet").exists()


def test_a_killed_servers_leftovers_are_swept_at_start_and_live_files_kept(
    uploads, tmp_path, monkeypatch
):
    import os
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    old, live = uploads / "old", uploads / "live"
    spill, copy = tmp_path / "mot-duckdb-abc", tmp_path / "mot-utf8-xyz"
    survey, live_survey = tmp_path / "mot-surveys" / "old", tmp_path / "mot-surveys" / "live"
    for folder in (old, live, spill, copy, survey, live_survey):
        folder.mkdir(parents=True)
        (folder / "f").write_bytes(b"x")
    two_days_ago = time.time() - 2 * 86400
    for folder in (old, spill, copy, survey):
        os.utime(folder, (two_days_ago, two_days_ago))
    assert logs.sweep_stale() == 4
    assert live.exists() and not old.exists() and not spill.exists() and not copy.exists()
    assert live_survey.exists() and not survey.exists()
