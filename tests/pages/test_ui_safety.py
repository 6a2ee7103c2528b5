"""What a careless or hostile file must not do to the dashboard (issue 9, the UI side)."""

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

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
    assert "\\[export\\](http\\://evil).csv" in sidebar
    assert "Shop !\\[x\\](http\\://host/pixel)" in sidebar
