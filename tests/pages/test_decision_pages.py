from functools import cache
from html import escape

import pytest
from streamlit.testing.v1 import AppTest

from mot.io import read_table
from mot.survey import build_survey
from tests.conftest import ROOT
from ui import data, report_builder
from ui.state import DEMO_SURVEY, DatasetChoice

TINY = DatasetChoice(name="x.csv", content=b"ResponseId,FMOT_experienced\nR1,3\nR2,4\nR3,5\n")


def page(name: str, *, lang: str = "en", **state: object) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"{name}.py"), default_timeout=120)
    at.session_state["lang"] = lang
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def steps(at: AppTest) -> list[str]:
    """The six-step checklist as drawn: one markdown line per step, its icon first."""
    return [m.value for m in at.markdown if m.value.startswith(":") and "material/" in m.value]


def texts(at: AppTest) -> list[str]:
    """Everything a user reads on the page: titles, headings, text and messages."""
    elements = [*at.title, *at.subheader, *at.caption, *at.markdown]
    elements += [*at.info, *at.success, *at.warning, *at.error]
    return [str(element.value) for element in elements]


@cache
def demo() -> data.Loaded:
    return data.Loaded(build_survey(read_table(DEMO_SURVEY)), "demo")


@pytest.mark.parametrize(
    ("name", "lang", "title", "phrase"),
    [
        ("gaps", "en", "Gaps & priorities", "The six-step method"),
        ("gaps", "es", "Brechas y prioridades", "El método de seis pasos"),
        ("drivers", "en", "Drivers & tests", "Compare segments or variants"),
        ("drivers", "es", "Impulsores y pruebas", "Comparar segmentos o variantes"),
        ("report", "en", "Report", "Press “Build report”"),
        ("report", "es", "Informe", "Pulsa «Generar informe»"),
    ],
)
def test_page_renders_on_the_demo_in_each_language(name, lang, title, phrase):
    at = page(name, lang=lang)
    assert not at.exception
    assert at.title[0].value == title
    assert any(phrase in text for text in texts(at))
    assert not at.error


def test_gaps_checklist_covers_steps_one_to_five_and_names_the_top_priority():
    at = page("gaps")
    checklist = steps(at)
    assert len(checklist) == 6
    assert all("check_circle" in step for step in checklist[:5])
    assert "**2. Learn what customers expect**" in checklist[1]
    assert "**3. Define what would be excellent**" in checklist[2]
    assert "arrow_circle_right" in checklist[5]
    assert "TMOT" in checklist[5] or "SMOT" in checklist[5]
    # The rule is stated in words, and the three tables (levels, priorities) are shown.
    assert any("Priority = importance" in info.value for info in at.info)
    assert len(at.dataframe) == 2


def test_gaps_page_in_spanish_translates_the_checklist_and_quadrants():
    at = page("gaps", lang="es")
    assert not at.exception
    assert "Conocer lo que esperan los clientes" in steps(at)[1]
    priorities = at.dataframe[1].value
    assert "Cuadrante" in priorities.columns
    assert "Concentrarse aquí" in set(priorities["Cuadrante"])


def test_gaps_page_says_which_measures_are_missing():
    at = page("gaps", dataset=TINY)
    assert not at.exception
    missing = " ".join(info.value for info in at.info)
    assert "anticipated" in missing and "excellent" in missing
    checklist = steps(at)
    assert "check_circle" in checklist[3]  # experienced ratings: step 4 is covered
    assert "radio_button_unchecked" in checklist[1]
    assert "radio_button_unchecked" in checklist[4]


def test_drivers_summary_names_fmot_for_the_variant_test():
    at = page("drivers")
    at.selectbox(key="drivers_segment").set_value("variant").run()
    assert not at.exception
    summary = at.success[0].value
    assert summary.startswith("Variant B rates")
    assert "FMOT" in summary and "Holm" in summary
    assert "no other touchpoint differs" in summary


def test_drivers_table_follows_the_chosen_segment():
    at = page("drivers")
    at.selectbox(key="drivers_segment").set_value("variant").run()
    variant = at.dataframe[1].value
    at.selectbox(key="drivers_segment").set_value("persona").run()
    persona = at.dataframe[1].value
    assert not at.exception
    assert set(variant["Group A"]) | set(variant["Group B"]) == {"A", "B"}
    assert len(variant) == 5 and len(persona) == 15
    assert "loyal" in set(persona["Group B"])
    assert "No touchpoint differs between the groups of persona" in at.success[0].value


def test_drivers_outcome_choice_changes_the_weights():
    at = page("drivers")
    recommend = at.dataframe[0].value
    at.selectbox(key="drivers_outcome").set_value("repurchase").run()
    repurchase = at.dataframe[0].value
    assert not at.exception
    assert not recommend.equals(repurchase)
    assert "Ultimate moment of truth" in at.markdown[0].value


def test_report_build_button_offers_the_downloads():
    at = page("report")
    assert not at.download_button
    at.button(key="report_build").click().run()
    assert not at.exception
    labels = [button.label for button in at.download_button]
    assert labels[0] == "Download the HTML report"
    assert {"Download PNG", "Download SVG", "Download CSV"} <= set(labels)
    assert "Download every table (Excel)" in labels
    assert at.selectbox(key="report_chart").options[:1] == ["Journey map"]
    built = at.session_state["report_built"]
    assert built.html.startswith("<!DOCTYPE html>")


def test_report_html_is_self_contained_with_every_section():
    built = report_builder.build_report(demo(), language="en", run=report_builder.direct)
    html = built.html.encode("utf-8")
    titles = ("Overview", "Utilities", "Emotion curve", "Memory", "Gaps & priorities")
    for title in (*titles, "Drivers & tests"):
        assert f"<h2>{escape(title)}</h2>".encode() in html
    assert html.count(b"<svg") >= 10
    assert b"<script src=" not in html and b"https://" not in html
    assert b"Variant B rates First moment of truth (FMOT)" in html
    assert not built.missing
    assert built.png("gaps")[:8] == b"\x89PNG\r\n\x1a\n"
    assert built.excel()[:2] == b"PK"


def test_report_in_spanish_on_thin_data_says_what_is_missing():
    tiny = data.Loaded(build_survey(read_table(TINY.content, name=TINY.name)), "tiny")
    built = report_builder.build_report(tiny, language="es", run=report_builder.direct)
    assert '<html lang="es">' in built.html
    assert "Brechas y prioridades" in built.sections
    assert built.missing == ("Memoria", "Brechas y prioridades")
    assert "necesita información que el conjunto de datos no tiene" in built.html
    assert "Las comparaciones necesitan una columna de segmento" in built.html


def test_drivers_page_explains_a_comparison_with_one_group_left():
    at = page("drivers", filter_segment="variant", filter_values=["A"])
    at.selectbox(key="drivers_segment").set_value("variant").run()
    assert not at.exception
    assert any("Only one group of variant" in info.value for info in at.info)
    assert not at.success
