"""Every page, as a user meets it: demo data, an upload, a broken upload, both languages."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

from .conftest import PAGES, page_path

SPANISH_TITLES = {
    "pages/overview.py": "Resumen del recorrido",
}


def run_page(page: str, **state) -> AppTest:
    at = AppTest.from_file(page_path(page), default_timeout=120)
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def test_every_page_is_in_the_navigation():
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    assert PAGES, "no pages found"
    for page in PAGES:
        assert f'"{page}"' in app, f"{page} is not listed in app.py"


def test_app_frame_renders_with_sidebar():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception
    assert any("Demo survey" in m.value for m in at.sidebar.markdown)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("page", PAGES)
def test_page_on_demo_data(page, language):
    at = run_page(page, lang=language)
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.title, "every page has a title"
    if language == "es" and page in SPANISH_TITLES:
        assert at.title[0].value == SPANISH_TITLES[page]


@pytest.mark.parametrize("page", PAGES)
def test_page_after_a_valid_upload(page, valid_upload):
    at = run_page(page, dataset=valid_upload)
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("page", PAGES)
def test_page_after_a_broken_upload_says_what_to_fix(page, broken_upload):
    at = run_page(page, dataset=broken_upload)
    assert not at.exception, at.exception
    messages = " ".join(e.value for e in at.error)
    assert "broken.csv" in messages or "not a text table" in messages or "binary" in messages


def test_overview_kpis_on_demo():
    at = run_page("pages/overview.py")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Respondents"] == "2,000"
    assert metrics["NPS"] == "6.9"
    assert metrics["Best moment"] == "SMOT"
    assert metrics["Emotional peak / trough"].startswith("SMOT")
    assert metrics["Biggest gap"] == "TMOT"
    deltas = {m.label: m.delta for m in at.metric}
    # Issue 12: a gap is the difference of the two means over all ratings (60.5 − 76.3), no
    # longer the mean over the respondents who rated both sides (−15.9).
    assert deltas["Biggest gap"].startswith("Third moment of truth · −15.8")


def test_overview_in_spanish_formats_numbers_the_spanish_way():
    at = run_page("pages/overview.py", lang="es")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Personas encuestadas"] == "2.000"
    assert metrics["NPS"] == "6,9"
    deltas = {m.label: m.delta for m in at.metric}
    assert deltas["Mejor momento"].startswith("Segundo momento de la verdad")


def test_filter_in_sidebar_narrows_every_page():
    at = run_page("pages/overview.py", filter_segment="device", filter_values=["mobile"])
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Respondents"] == "1,077"


@pytest.mark.parametrize("page", ["pages/memory.py", "pages/emotion.py", "pages/overview.py"])
def test_pages_on_a_survey_larger_than_altairs_row_limit(page):
    # 6,000 respondents: more points than Altair's default 5,000-row limit per chart.
    from bench.dashboard import large_survey
    from ui.state import DatasetChoice

    content = large_survey(6_000).read_bytes()
    at = run_page(page, dataset=DatasetChoice(name="big.csv", content=content))
    assert not at.exception, at.exception
    assert not at.error
