"""What a careless or hostile file must not do to the dashboard (issue 9, the UI side)."""

import json
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from mot.journey import default_journey
from ui import state

from .conftest import PAGES, page_path

NO_EDITS = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


def run_page(page: str, **session) -> AppTest:
    at = AppTest.from_file(page_path(page), default_timeout=120)
    for key, value in session.items():
        at.session_state[key] = value
    return at.run()


# --- edits on the demo data are honoured ----------------------------------------------------


def test_a_journey_edit_on_the_demo_is_shown_on_the_overview_and_not_shared():
    at = run_page("pages/data.py")
    editor = at.data_editor(key=f"data_journey_{state.DEMO.key}")
    smot = int(editor.value.index[editor.value["touchpoint"] == "SMOT"][0])
    at.session_state[f"data_journey_{state.DEMO.key}"] = {
        **NO_EDITS,
        "edited_rows": {smot: {"label_en": "Our shop visit"}},
    }
    at.button(key="data_apply_journey").click().run()
    assert not at.exception, at.exception
    edited = at.session_state["dataset"]
    assert edited.is_demo and not edited.is_default_demo
    overview = run_page("pages/overview.py", dataset=edited)
    assert not overview.exception, overview.exception
    deltas = {m.label: m.delta for m in overview.metric}
    assert deltas["Best moment"].startswith("Our shop visit")
    other = run_page("pages/overview.py")  # another session, on the plain demo
    deltas = {m.label: m.delta for m in other.metric}
    assert deltas["Best moment"].startswith("Second moment of truth")


def test_a_mapping_edit_on_the_demo_is_honoured():
    at = run_page("pages/data.py")
    table = at.data_editor(key=f"data_mapping_{state.DEMO.key}").value
    device = int(table.index[table["column"] == "device"][0])
    at.session_state[f"data_mapping_{state.DEMO.key}"] = {
        **NO_EDITS,
        "edited_rows": {device: {"role": "ignore"}},
    }
    at.button(key="data_apply_mapping").click().run()
    assert not at.exception, at.exception
    edited = at.session_state["dataset"]
    plain = run_page("pages/utilities.py")
    assert "device" in plain.selectbox(key="utilities_segment").options
    mine = run_page("pages/utilities.py", dataset=edited)
    assert not mine.exception, mine.exception
    options = mine.selectbox(key="utilities_segment").options
    assert "device" not in options and "channel" in options


# --- markdown from files is text -------------------------------------------------------------

HOSTILE = [
    "![x](http://host/pixel)",
    "<img src=x onerror=alert(1)>",
    "**bold**",
    "[link](http://evil)",
]
# Markup left unescaped: an image or a link, an HTML tag, bold.
RAW_MARKUP = re.compile(r"!\[|<img|(?<!\\)\]\(|(?<!\\)\*\*bold|(?<!\\)\[link")


def hostile_journey() -> dict:
    ids = ["ZMOT", "FMOT", "SMOT", "TMOT", "UMOT"]
    return {
        "name": "Shop " + HOSTILE[0],
        "touchpoints": [
            {
                "id": tp,
                "moment": tp,
                "label_en": f"{tp} {HOSTILE[i % 4]}",
                "label_es": HOSTILE[i % 4],
            }
            for i, tp in enumerate(ids)
        ],
    }


def hostile_upload() -> state.DatasetChoice:
    """An export whose file name, segment column and segment values hold markup."""
    from .conftest import VALID_EXPORT

    text = VALID_EXPORT.decode()
    text = text.replace("device", "device <img src=x onerror=alert(1)>", 1)
    text = text.replace("mobile", "![m](http://host/pixel)").replace("desktop", "**bold**")
    return state.DatasetChoice(
        name="[export](http://evil).csv",
        content=text.encode(),
        journey_json=json.dumps(hostile_journey()),
    )


def shown_markdown(at: AppTest) -> list[str]:
    """Every text of the page that Streamlit renders as Markdown."""
    texts = []
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "title"):
        texts += [e.value for e in getattr(at, kind)]
    texts += [e.value for e in at.subheader] + [e.value for e in at.header]
    texts += [f"{m.label} {m.value} {m.delta or ''}" for m in at.metric]
    texts += [tab.label for tab in at.tabs] + [e.label for e in at.expander]
    for kind in ("selectbox", "multiselect", "button", "toggle", "slider", "number_input"):
        texts += [w.label for w in getattr(at, kind)]
    return texts


def assert_no_markup(at: AppTest) -> None:
    assert not at.exception, at.exception
    texts = shown_markdown(at)
    assert texts
    leaks = [text for text in texts if RAW_MARKUP.search(text)]
    assert not leaks, leaks


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("page", [p for p in PAGES if p != "pages/behaviour.py"])
def test_every_page_shows_markup_from_the_files_as_text(page, language):
    choice = hostile_upload()
    at = run_page(page, dataset=choice, lang=language)
    assert_no_markup(at)
    if page == "pages/report.py":
        at.button(key="report_build").click().run()
        assert_no_markup(at)
        html = at.session_state["report_built"].html
        assert "<img src=x onerror" not in html, "the HTML report escapes the labels"
        assert "&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_behaviour_page_shows_markup_from_the_journey_as_text(language):
    # the demo log with the default journey's rules, every label holding markup
    journey = default_journey().to_dict()
    for i, step in enumerate(journey["touchpoints"]):
        step["label_en"] = f"{step['id']} {HOSTILE[i % 4]}"
        step["label_es"] = HOSTILE[(i + 1) % 4]
    journey["name"] = "Shop " + HOSTILE[0]
    at = run_page("pages/behaviour.py", dataset=state.DEMO.with_journey(journey), lang=language)
    assert_no_markup(at)
    shown = " ".join(shown_markdown(at))
    assert "\\*\\*bold\\*\\*" in shown or "&lt;img" in shown, "the labels are shown, escaped"


def test_segment_values_and_labels_are_text_when_the_page_uses_them():
    choice = hostile_upload()
    segment = "device <img src=x onerror=alert(1)>"
    for page, key in (
        ("pages/utilities.py", "utilities_segment"),
        ("pages/emotion.py", "emotion_segment"),
    ):
        at = run_page(page, dataset=choice, **{key: segment})
        assert_no_markup(at)
    at = run_page("pages/drivers.py", dataset=choice)
    assert_no_markup(at)
    texts = " ".join(shown_markdown(at))
    assert "device &lt;img src=x onerror=alert(1)&gt;" in texts, "the name is shown, as text"


def test_the_sidebar_shows_the_journey_and_file_names_as_text():
    at = AppTest.from_file(page_path("app.py"), default_timeout=120)
    at.session_state["dataset"] = hostile_upload()
    at.run()
    assert_no_markup(at)
    sidebar = " ".join(m.value for m in [*at.sidebar.markdown, *at.sidebar.caption])
    assert "\\[export\\](http:\u2060//evil).csv" in sidebar
    assert "Shop !\\[x\\](http:\u2060//host/pixel)" in sidebar


# --- a file with nothing to analyse never replaces the data in use ---------------------------


def uploaded(at: AppTest, key: str, name: str, content: bytes) -> AppTest:
    at.file_uploader(key=key).upload(name, content)
    return at.run()


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("header_only.csv", b"ResponseId,FMOT_experienced,TMOT_experienced\n", "no data rows"),
        ("garbage.csv", b"a;b\n\xff\xfe;??\n%%;&&\n", "none of its 2 columns"),
        ("words.csv", b"name,colour\nAna,red\nLuis,blue\n", "none of its 2 columns"),
    ],
)
def test_an_upload_with_nothing_to_analyse_keeps_the_previous_dataset(name, content, says):
    from .conftest import VALID_EXPORT

    good = state.DatasetChoice(name="my_export.csv", content=VALID_EXPORT)
    at = run_page("pages/data.py", dataset=good)
    uploaded(at, "data_upload", name, content)
    assert not at.exception, at.exception
    (message,) = [e.value for e in at.error]
    assert name in message and says in message and "still loaded" in message
    assert at.session_state["dataset"] == good
    assert {m.label: m.value for m in at.metric}["Respondents"] == "40"


def test_an_event_log_with_no_readable_event_keeps_the_previous_log():
    at = run_page("pages/data.py")
    header = b"user_id,session_id,timestamp,event\n"
    uploaded(at, "data_log_upload", "header_only.csv", header)
    assert not at.exception, at.exception
    (message,) = [e.value for e in at.error]
    assert "header_only.csv" in message and "still loaded" in message
    assert at.session_state["event_log"] == state.DEMO_LOG
    dates = header + b"u1,s1,not a date,view\nu2,s2,yesterday,buy\n"
    uploaded(at, "data_log_upload", "no_dates.csv", dates)
    assert any("no_dates.csv" in e.value and "2 rows" in e.value for e in at.error)
    assert at.session_state["event_log"] == state.DEMO_LOG


# --- no internals on screen ------------------------------------------------------------------


def test_the_config_hides_error_details_from_the_browser():
    import tomllib

    from tests.conftest import ROOT

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"


def test_an_unexpected_exception_shows_no_traceback_nor_path():
    import tomllib

    from streamlit.testing.v1.util import patch_config_options

    from tests.conftest import ROOT

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))

    def crash():
        raise RuntimeError("cannot open /srv/moments/secret/upload.csv")

    with patch_config_options({"client.showErrorDetails": config["client"]["showErrorDetails"]}):
        at = AppTest.from_function(crash).run()
    (shown,) = at.exception
    assert shown.stack_trace == []
    assert "/srv/moments" not in shown.message and "RuntimeError" not in shown.message


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("survey.xlsx", b"PK\x03\x04" + b"junk" * 20),
        ("survey.sav", b"$FL2" + b"\x00" * 100),
        ("survey.parquet", b"PAR1" + b"\x00" * 50 + b"PAR1"),
        ("survey.json", b"{not json"),
        ("survey.csv", b"\x00\x01\x02\xff" * 300),
        ("survey.zsav", b"junk"),
    ],
)
def test_upload_errors_name_the_file_never_a_server_path(name, content):
    import tempfile

    from tests.conftest import ROOT

    at = uploaded(run_page("pages/data.py"), "data_upload", name, content)
    assert not at.exception, at.exception
    messages = [e.value for e in at.error]
    assert messages and all(name in m for m in messages), messages
    for message in messages:
        assert str(ROOT) not in message and tempfile.gettempdir() not in message, message
        assert not re.search(r"(?<![\w.])/(?:[\w.-]+/)+", message), message


# --- CSV downloads neutralise formulas --------------------------------------------------------

FORMULAS = ["=1+1", "+A", "-B", "@x", '=HYPERLINK("http://evil","x")', "\t=1+1"]


def formula_upload() -> state.DatasetChoice:
    """An export whose comments and segment (its name and values) start like formulas."""
    from .conftest import VALID_EXPORT

    lines = VALID_EXPORT.decode().splitlines()
    rows = [lines[0].replace("device", "+segment") + ",TMOT_comment"]
    for i, line in enumerate(lines[1:]):
        segment = "+A" if i % 2 else "-B"
        comment = FORMULAS[i % len(FORMULAS)].replace('"', '""')
        rows.append(line.replace("mobile", segment).replace("desktop", segment) + f',"{comment}"')
    return state.DatasetChoice(name="formulas.csv", content="\n".join(rows).encode())


@pytest.fixture
def downloads(monkeypatch) -> dict[str, bytes]:
    """The CSV files the pages offer, by file name (recorded as Streamlit stores them)."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    files: dict[str, bytes] = {}
    add = MediaFileManager.add

    def record(self, content, mimetype, coordinates, file_name=None, is_for_static_download=False):
        if mimetype == "text/csv" and not callable(content):
            files[file_name] = bytes(content)
        return add(self, content, mimetype, coordinates, file_name, is_for_static_download)

    monkeypatch.setattr(MediaFileManager, "add", record)
    return files


def csv_table(data: bytes) -> pd.DataFrame:
    import io

    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)


def test_page_csv_downloads_write_formula_like_text_as_text(downloads):
    choice = formula_upload()
    emotion = run_page("pages/emotion.py", dataset=choice)
    assert not emotion.exception, emotion.exception
    utilities = run_page("pages/utilities.py", dataset=choice, utilities_segment="+segment")
    assert not utilities.exception, utilities.exception
    comments = csv_table(downloads["emotion_comments.csv"])
    written = set(comments["comment"])
    assert {"'=1+1", "'+A", "'-B", "'@x", '\'=HYPERLINK("http://evil","x")'} <= written
    assert not [c for c in written if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    tests = csv_table(downloads["utilities_tests.csv"])
    assert "'+segment" in tests.columns, "a column name is text too"
    assert set(tests["'+segment"]) == {"'+A", "'-B"}
    diffs = tests["mean_diff"].astype(float)
    assert (diffs < 0).any(), "the demo has negative shifts"
    assert not tests["mean_diff"].str.startswith("'").any(), "numbers stay numbers"


def test_back_to_the_demo_data_resets_an_edited_demo():
    hotel = {"name": "Hotel", "touchpoints": [{"id": "FMOT", "moment": "FMOT"}]}
    at = run_page("pages/data.py", dataset=state.DEMO.with_journey(hotel))
    assert not at.button(key="data_demo").disabled
    at.button(key="data_demo").click().run()
    assert at.session_state["dataset"] == state.DEMO


# --- the escaping helpers themselves ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("![x](http://host/pixel)", "!\\[x\\](http:\u2060//host/pixel)"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        (
            "**bold** _it_ ~~s~~ `c` $x$ a|b",
            "\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`c\\` \\$x\\$ a\\|b",
        ),
        (":red[alarm]", ":red\\[alarm\\]"),
        ("# Title\n- item\n3. third", "\\# Title\n\\- item\n3\\. third"),
        ("my_export.csv", "my_export.csv"),
        ("Third moment of truth · −15.9", "Third moment of truth · −15.9"),
        ("back\\slash & co", "back\\\\slash &amp; co"),
        ("www.evil.test a@b.test", "www\u2060.evil.test a@\u2060b.test"),
    ],
)
def test_md_text_escapes_markdown_and_html(text, shown):
    from ui.widgets import md_text

    assert md_text(text) == shown


def test_md_message_keeps_our_code_spans_and_escapes_the_rest():
    from ui.widgets import md_message

    assert md_message("Column `FMOT_x`, row 9: `no sé` is not a number.") == (
        "Column `FMOT_x`, row 9: `no sé` is not a number."
    )
    assert md_message("`a`![x](u)") == "`a`!\\[x\\](u)"
    # A backtick run that Markdown would not close is escaped, so what follows stays text.
    assert md_message("```![x](u)`") == "\\`\\`\\`!\\[x\\](u)\\`"
    assert md_message("\\`![x](u)`") == "\\\\`![x](u)`", "the code span is literal in Markdown"
