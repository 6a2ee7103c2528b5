"""Every file of the hostile corpus uploaded on the Data page (AppTest), after a good one.

Each test starts with a good survey and a good event log in the session (as after a user's
good uploads), uploads one corpus file, and checks what the user sees: no exception box, no
traceback, path or passwd line in any text, no live markdown link or image from the file; a
refused file says why and the previous data stays; a readable one becomes the current data.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.hostile import corpus as hostile
from tests.hostile.checks import leaks, live_markup
from tests.pages.conftest import page_path
from ui.state import DatasetChoice, EventLogChoice

# Slow (`make test` runs them, `make test-fast` does not):
# the generated hostile corpus through the Data page.
pytestmark = pytest.mark.slow

GOOD_SURVEY = DatasetChoice(name="previous_survey.csv", content=hostile.valid_survey())
GOOD_LOG = EventLogChoice("previous_log.csv", hostile.valid_log())
SURVEYS = [c for c in hostile.SURVEYS if c.kind == "survey"]
LOGS = list(hostile.LOGS)
EVENTS = {  # the good events of each readable log (see corpus.py)
    "log_injection.csv": 12,
    "log_hostile_values.csv": 14,
    "log_year_99999_mixed.csv": 3,
    "log_utf16.csv": 12,
    "log_nested.jsonl": 12,
}
ROWS_KEPT_EXCEPT = {"ragged.csv"}


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> Path:
    """The corpus on disk once per module (the page gets the bytes, as from a browser)."""
    folder = tmp_path_factory.mktemp("hostile")
    hostile.generate(folder)
    return folder


def data_page() -> AppTest:
    at = AppTest.from_file(page_path("pages/data.py"), default_timeout=60)
    at.session_state["dataset"] = GOOD_SURVEY
    at.session_state["event_log"] = GOOD_LOG
    return at.run()


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def shown_text(at: AppTest) -> str:
    """Every text the page draws as markdown, message, title or metric."""
    parts = [
        *at.title,
        *at.header,
        *at.subheader,
        *at.markdown,
        *at.caption,
        *at.error,
        *at.warning,
        *at.info,
        *at.success,
    ]
    texts = [str(p.value) for p in parts]
    texts += [f"{m.label} {m.value}" for m in at.metric]
    return "\n".join(texts)


def assert_user_safe(at: AppTest, files: Path, what: str) -> None:
    assert not at.exception, f"{what}: exception box {[e.message for e in at.exception]}"
    text = shown_text(at)
    assert not leaks(text, files), f"{what}: {leaks(text, files)}"
    assert not live_markup(text), f"{what}: renders {live_markup(text)}"


def upload(at: AppTest, key: str, name: str, content: bytes) -> AppTest:
    at.file_uploader(key=key).upload(name, content)
    return at.run()


@pytest.fixture(scope="module")
def started() -> None:
    """Sanity: the starting point shows the good survey and log (30 respondents, 12 events)."""
    at = data_page()
    assert not at.exception, at.exception
    shown = metrics(at)
    assert (shown["Respondents"], shown["Events"]) == ("30", "12")


@pytest.mark.parametrize("case", SURVEYS, ids=lambda c: c.name)
def test_every_survey_file_on_the_survey_tab(case, files, started):
    at = upload(data_page(), "data_upload", case.name, (files / case.name).read_bytes())
    assert_user_safe(at, files, case.name)
    refused = at.session_state["dataset"] == GOOD_SURVEY
    if case.expect == hostile.REFUSED:
        assert refused, f"{case.name} has nothing to analyse, yet replaced the good survey"
    if case.expect == hostile.LOADS:
        assert not refused, f"{case.name} was refused: {[e.value for e in at.error]}"
    if refused:
        assert any(case.name in e.value for e in at.error), "the refusal names the file"
        assert metrics(at)["Respondents"] == "30", "the previous survey is still shown"
    else:
        assert at.session_state["dataset"].name == case.name
        shown = metrics(at)
        assert {"Errors", "Warnings"} <= set(shown), "the validation report is shown"
        if case.expect == hostile.LOADS and case.name not in ROWS_KEPT_EXCEPT:
            assert shown["Respondents"] == str(hostile.N_ROWS), "good rows are never lost"


@pytest.mark.parametrize("case", LOGS, ids=lambda c: c.name)
def test_every_event_log_on_the_event_log_tab(case, files, started):
    at = upload(data_page(), "data_log_upload", case.name, (files / case.name).read_bytes())
    assert_user_safe(at, files, case.name)
    refused = at.session_state["event_log"] == GOOD_LOG
    if case.expect == hostile.REFUSED:
        assert refused, f"{case.name} has nothing to analyse, yet replaced the good log"
        assert any(case.name in e.value for e in at.error), "the refusal names the file"
        assert metrics(at)["Events"] == "12", "the previous log is still shown"
    else:
        assert not refused, f"{case.name} was refused: {[e.value for e in at.error]}"
        assert metrics(at)["Events"] == str(EVENTS[case.name])


def test_a_hostile_file_name_is_shown_as_text(files):
    name = "[click](http://host/phish) ![x](http://host/pixel).csv"
    at = upload(data_page(), "data_upload", name, hostile.valid_survey())
    assert_user_safe(at, files, "hostile name")
    assert at.session_state["dataset"].name == name


def test_a_journey_with_markup_labels_is_shown_as_text(files):
    content = (files / "journey_markup.json").read_bytes()
    at = upload(data_page(), "data_journey_file_upload", "journey_markup.json", content)
    assert_user_safe(at, files, "journey_markup.json")
    assert "host/pixel" in (at.session_state["dataset"].journey_json or ""), "the journey applies"


def test_a_mapping_to_missing_columns_is_explained(files):
    content = (files / "mapping_missing.json").read_bytes()
    at = upload(data_page(), "data_mapping_file_upload", "mapping_missing.json", content)
    assert_user_safe(at, files, "mapping_missing.json")
    text = shown_text(at) + " ".join(
        " ".join(map(str, df.value.to_numpy().ravel())) for df in at.dataframe
    )
    assert "no_such_column" in text, "the missing column is named"


@pytest.mark.parametrize(
    ("name", "journey"),
    [
        ("log_injection.csv", None),
        ("log_hostile_values.csv", None),
        ("log_hostile_values.csv", "journey_sql_keywords.json"),
    ],
)
def test_hostile_logs_on_the_behaviour_page(name, journey, files):
    at = AppTest.from_file(page_path("pages/behaviour.py"), default_timeout=60)
    survey = GOOD_SURVEY
    if journey:
        journey_json = (files / journey).read_text(encoding="utf-8")
        survey = DatasetChoice(GOOD_SURVEY.name, GOOD_SURVEY.content, journey_json=journey_json)
    at.session_state["dataset"] = survey
    at.session_state["event_log"] = EventLogChoice(name, (files / name).read_bytes())
    at.run()
    assert_user_safe(at, files, f"behaviour page, {name}")
    assert not at.error, [e.value for e in at.error]
    assert metrics(at)["Events"] == str(EVENTS[name])
    assert not re.search(r"root:|/bin/(ba)?sh", shown_text(at))


@pytest.mark.parametrize(
    ("key", "state", "good", "bad"),
    [
        ("data_upload", "dataset", "valid_survey.csv", "header_only.csv"),
        ("data_upload", "dataset", "valid_survey.csv", "garbage.txt"),
        ("data_log_upload", "event_log", "valid_log.csv", "log_header_only.csv"),
        ("data_log_upload", "event_log", "valid_log.csv", "log_binary_junk.csv"),
    ],
)
def test_a_bad_upload_after_a_good_one_keeps_the_good_one(key, state, good, bad, files):
    at = AppTest.from_file(page_path("pages/data.py"), default_timeout=60).run()
    at = upload(at, key, good, (files / good).read_bytes())
    assert at.session_state[state].name == good, "the good upload is the current data"
    before = at.session_state[state]
    at = upload(at, key, bad, (files / bad).read_bytes())
    assert_user_safe(at, files, f"{good} then {bad}")
    assert at.session_state[state] == before, f"{bad} replaced the good {good}"
    assert any(bad in e.value for e in at.error), "the refusal names the file"


def test_a_log_named_like_a_path_stays_in_its_folder(files):
    escape = Path(tempfile.gettempdir()) / "hostile_escape.csv"
    assert not escape.exists()
    name = "../../../hostile_escape.csv"
    at = upload(data_page(), "data_log_upload", name, hostile.valid_log())
    assert_user_safe(at, files, name)
    assert not escape.exists(), "an upload's name must not choose where it is written"
    assert metrics(at)["Events"] == "12"
