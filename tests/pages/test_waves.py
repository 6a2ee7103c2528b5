"""Waves compared on the analysis pages (issue 13): a workspace holding the demo survey's
two waves (June, and September after the corrective action at delivery) shows, on
Utilities, Gaps, Emotion and Drivers, wave B against wave A with the planted change found
(TMOT improved), the people who answered both paired on ``customer_id``, in EN and ES; a
third wave adds the trend; a workspace of one wave shows no comparison.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from mot.store import Store
from tests.pages.conftest import BROKEN, page_path
from ui.state import widget_tag

DATA = Path(__file__).resolve().parents[2] / "data"


def _workspace(store: Store, *files: tuple[str, str]) -> tuple[str, list[str]]:
    ws = store.create_workspace("waves")
    ids = []
    for name, label in files:
        content = (DATA / name).read_bytes()
        found = store.add_dataset(
            ws.id, kind="survey", file_name=name, content=content, label=label
        )
        ids.append(found.id)
    return ws.id, ids


TWO = (("demo_survey.csv", "June"), ("demo_survey_wave2.csv", "September"))


def _page(name: str, **params: str) -> AppTest:
    at = AppTest.from_file(page_path("app.py"), default_timeout=180)  # the link is followed
    at.switch_page(f"pages/{name}.py")
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def _text(at: AppTest) -> str:
    parts = [
        e.value for kind in ("markdown", "caption", "info", "subheader") for e in getattr(at, kind)
    ]
    return " ".join(map(str, parts))


def test_utilities_finds_the_planted_improvement_at_delivery(store):
    ident, (june, _) = _workspace(store, *TWO)
    at = _page("utilities", w=ident, lang="EN")
    text = _text(at)
    assert "Measure again: this wave against another" in text
    assert at.selectbox(key=f"utilities_wave_against_{widget_tag(ident)}").value == june
    assert "TMOT" in text and "experienced improved by 8.6 points" in text
    table = next(d.value for d in at.dataframe if "B − A" in d.value.columns)
    assert set(table["Measure"]) <= {"Anticipated", "Experienced", "Remembered"}
    assert "no clear change" in set(table["Change"])
    at.selectbox(key=f"utilities_wave_pair_{widget_tag(ident)}").set_value("customer_id").run()
    assert not at.exception
    assert "answered both waves (matched on `customer_id`)" in _text(at)
    table = next(d.value for d in at.dataframe if "B − A" in d.value.columns)
    assert "partially overlapping t" in set(table["Test"])


@pytest.mark.parametrize(
    ("page", "said"),
    [
        ("gaps", "improved by"),
        ("emotion", "emotion improved by"),
        ("drivers", "NPS: 6.9 in wave A, 10.2 in wave B"),
    ],
)
def test_every_analysis_page_compares_the_waves(store, page, said):
    ident, _ = _workspace(store, *TWO)
    text = _text(_page(page, w=ident, lang="EN"))
    assert "Measure again" in text and said in text


def test_the_comparison_speaks_spanish(store):
    ident, _ = _workspace(store, *TWO)
    text = _text(_page("utilities", w=ident, lang="ES"))
    assert "Medir de nuevo: esta oleada frente a otra" in text
    assert "mejoró" in text


def test_a_third_wave_adds_the_trend_and_one_wave_shows_no_comparison(store):
    ident, _ = _workspace(store, *TWO, ("demo_survey.csv", "December"))
    text = _text(_page("utilities", w=ident, lang="EN"))
    assert "Trend over the 3 waves" in text
    alone, _ = _workspace(store, TWO[0])
    assert "Measure again" not in _text(_page("utilities", w=alone, lang="EN"))


def test_the_workspace_tab_adds_a_wave_and_refuses_a_file_with_nothing_to_analyse(store):
    at = AppTest.from_file(page_path("pages/data.py"), default_timeout=180).run()
    june = (DATA / TWO[0][0]).read_bytes()
    at.file_uploader(key="data_upload").upload(TWO[0][0], june, "text/csv")
    at.run()
    ident = at.query_params["w"]  # the upload's draft
    at.button(key="workspace_add_wave").click().run()
    assert "Choose the new wave's survey file and give it a label first." in [
        w.value for w in at.warning
    ]
    at.file_uploader(key=f"workspace_wave_{widget_tag(ident)}").upload(
        "broken.csv", BROKEN, "text/csv"
    )
    at.text_input(key=f"workspace_wave_label_{widget_tag(ident)}").input("September")
    at.run()
    at.button(key="workspace_add_wave").click().run()
    assert not at.exception
    assert len(store.datasets(ident)) == 1  # refused: nothing stored
    assert any("broken.csv" in e.value and "not a text table" in e.value for e in at.error)
    wave2 = (DATA / TWO[1][0]).read_bytes()
    at.file_uploader(key=f"workspace_wave_{widget_tag(ident)}").upload(TWO[1][0], wave2, "text/csv")
    at.run()
    at.button(key="workspace_add_wave").click().run()
    assert not at.exception, at.exception
    stored = store.datasets(ident)
    assert [(d.file_name, d.label) for d in stored] == [(TWO[0][0], None), TWO[1]]
    opened = at.session_state["_mot_workspace"]
    assert opened.wave == stored[1].id and len(opened.waves) == 2
    # said on the next page the frame draws (the page runs here without app.py's frame)
    assert at.session_state["_mot_notice"] == ("Wave **September** added and shown.", True)
    utilities = _page("utilities", w=ident, lang="EN")
    assert (
        utilities.selectbox(key=f"utilities_wave_against_{widget_tag(ident)}").value == stored[0].id
    )
    assert "experienced improved by 8.6 points" in _text(utilities)
