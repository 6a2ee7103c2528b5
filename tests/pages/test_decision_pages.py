import io
import threading
import zipfile
from functools import cache
from html import escape

import pytest
from streamlit.testing.v1 import AppTest

from mot.behaviour import open_event_log, rules_from_journey
from mot.io import read_table
from mot.survey import build_survey
from tests.conftest import ROOT
from ui import data, logs, report_builder
from ui.state import DEMO_EVENTS, DEMO_SURVEY, DatasetChoice

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


@cache
def demo_log() -> logs.Opened:
    """The demo event log opened and mapped as the Behaviour page does, outside a session."""
    log = open_event_log(DEMO_EVENTS)
    journey = demo().survey.journey
    rules = rules_from_journey(journey)
    view = log.mapped(rules)
    return logs.Opened(log, view, rules, journey, "demo-log", threading.Lock(), "demo", True)


def report_with_log(language: str) -> report_builder.BuiltReport:
    return report_builder.build_report(
        demo(),
        language=language,
        run=report_builder.direct,
        log=demo_log(),
        log_run=report_builder.direct_log,
    )


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
    # The rule is stated in words, and the tables (levels, how each gap is tested,
    # priorities) are shown.
    assert any("Priority = importance" in info.value for info in at.info)
    assert len(at.dataframe) == 3


def test_gaps_page_in_spanish_translates_the_checklist_and_quadrants():
    at = page("gaps", lang="es")
    assert not at.exception
    assert "Conocer lo que esperan los clientes" in steps(at)[1]
    priorities = next(d.value for d in at.dataframe if "Cuadrante" in d.value.columns)
    assert "Concentrarse aquí" in set(priorities["Cuadrante"])


def test_gaps_page_shows_each_gap_s_test_and_its_raw_and_adjusted_p():
    at = page("gaps")
    tests = next(d.value for d in at.dataframe if "Test (to expected)" in d.value.columns)
    assert list(tests.columns) == [
        "Touchpoint",
        "Gap to expected",
        "Test (to expected)",
        "Rated both (expected)",
        "p (to expected)",
        "Adjusted p (to expected)",
        "Gap to excellent",
        "Test (to excellent)",
        "Rated both (excellent)",
        "p (to excellent)",
        "Adjusted p (to excellent)",
    ]
    # On the demo some respondents skipped a side: every gap uses the overlapping test.
    assert set(tests["Test (to expected)"]) == {"partially overlapping t-test"}
    umot = tests[tests["Touchpoint"] == "Ultimate moment of truth"].iloc[0]
    assert umot["p (to expected)"] == "p = 0.571"
    assert umot["Adjusted p (to expected)"] == "p = 0.571"  # the largest p: Holm keeps it
    fmot = tests[tests["Touchpoint"] == "First moment of truth"].iloc[0]
    assert (fmot["p (to expected)"], fmot["Adjusted p (to expected)"]) == ("p = 0.005", "p = 0.010")
    rule = " ".join(texts(at))
    assert "a paired t-test when everyone did, Welch's t-test when nobody did" in rule
    assert "partially overlapping samples t-test" in rule and "(Holm)" in rule


def test_gaps_page_states_the_rule_and_the_tests_in_spanish():
    at = page("gaps", lang="es")
    tests = next(d.value for d in at.dataframe if "Prueba (con lo esperado)" in d.value.columns)
    assert set(tests["Prueba (con lo esperado)"]) == {"prueba t parcialmente solapada"}
    assert "p ajustado (con lo excelente)" in tests.columns
    fmot = tests[tests["Punto de contacto"] == "Primer momento de la verdad"].iloc[0]
    assert fmot["p ajustado (con lo esperado)"] == "p = 0,010"
    rule = " ".join(texts(at))
    assert "prueba t de muestras parcialmente solapadas" in rule and "(Holm)" in rule


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


# --- issue 10: downloads named in the report's language, a Behaviour section -----------------


def test_report_in_spanish_names_its_charts_and_tables_in_spanish():
    built = report_with_log("es")
    assert built.file_name("emotion_curve", "png") == "curva_emocional.png"
    assert built.file_name("journey_map", "svg") == "mapa_del_recorrido.svg"
    assert built.file_name("funnel", "csv") == "embudo.csv"
    names = zipfile.ZipFile(io.BytesIO(built.zip())).namelist()
    assert names[:2] == ["informe_momentos_verdad.html", "informe_momentos_verdad.pdf"]
    assert {"curva_emocional.png", "embudo.png", "brechas.csv", "embudo.csv"} <= set(names)
    assert not [n for n in names if n.startswith(("emotion", "funnel", "gaps", "journey"))]
    assert len(names) == 2 + len(built.charts) + len(built.tables)  # no name given twice
    english = report_builder.build_report(demo(), language="en", run=report_builder.direct)
    assert english.file_name("emotion_curve", "png") == "emotion_curve.png"


def test_report_with_an_event_log_has_a_behaviour_section():
    built = report_with_log("en")
    assert built.sections[-1] == "Behaviour" and not built.missing
    html = built.html
    section = html[html.index("<h2>Behaviour</h2>") :]
    assert "Event log: demo shop log. 175,038 events of 23,995 users" in section
    # The Behaviour page's funnel sentence, and the weeks the trend names.
    assert "Of 20,164 users who reached Zero moment of truth (ZMOT)" in section
    assert "Unusual weeks" in section and "(a dip)" in section
    assert section.count("<svg") == 2  # the funnel and the trend
    assert {"funnel", "trend"} <= {slug for slug, _, _ in built.charts}
    assert {"funnel", "reach", "trend"} <= {slug for slug, _, _ in built.tables}
    assert built.table("funnel")["users"].tolist() == [20164, 20009, 5440, 4021, 1322]
    spanish = report_with_log("es")
    assert spanish.sections[-1] == "Comportamiento"
    assert "De 20.164 usuarios que llegaron a Momento cero de la verdad" in spanish.html


def test_report_without_an_event_log_has_no_behaviour_section():
    built = report_builder.build_report(demo(), language="en", run=report_builder.direct)
    assert "Behaviour" not in built.sections
    assert "<h2>Behaviour</h2>" not in built.html and "Event log:" not in built.html
    assert not {"funnel", "trend"} & {slug for slug, _, _ in built.charts}


def test_report_page_adds_the_demo_log_to_the_demo_survey_only():
    at = page("report")
    at.button(key="report_build").click().run()
    assert not at.exception
    assert at.session_state["report_built"].sections[-1] == "Behaviour"
    assert "Download everything (zip)" in [button.label for button in at.download_button]
    # An uploaded survey: the demo shop's log describes other customers, so it stays out.
    upload = page("report", dataset=TINY)
    upload.button(key="report_build").click().run()
    assert not upload.exception
    assert "Behaviour" not in upload.session_state["report_built"].sections


# --- issue 12: the driver method is chosen and named; NPS intervals say what they are -------


def test_drivers_method_choice_names_the_method_and_changes_the_weights():
    at = page("drivers")
    assert at.selectbox(key="drivers_method").value == "relative_weights"
    weights = at.dataframe[0].value
    assert any(c.value.startswith("Relative weights (Johnson)") for c in at.caption)
    at.selectbox(key="drivers_method").set_value("dominance").run()
    assert not at.exception and not at.error
    dominance = at.dataframe[0].value
    assert any(c.value.startswith("Dominance analysis (general dominance") for c in at.caption)
    assert not weights.equals(dominance)
    # Independent: the shares are the library's dominance shares on the demo.
    from mot.drivers import driver_importance

    survey = demo().survey
    expected = driver_importance(survey.ratings, survey.respondents, method="dominance", n_boot=0)
    shown = [float(v.rstrip("%")) / 100 for v in dominance["Share of R²"]]
    assert shown == pytest.approx(expected["share"].tolist(), abs=5e-4)


def test_drivers_nps_section_states_the_interval_rule_and_the_holm_differences():
    at = page("drivers")
    at.selectbox(key="drivers_segment").set_value("persona").run()
    captions = " ".join(c.value for c in at.caption)
    assert "adjusted Wald" in captions and "fewer than 10 answers gets no interval" in captions
    assert "Holm-adjusted" in captions
    table = at.dataframe[-1].value
    assert {"Group A", "Group B", "NPS a − b", "p", "Adjusted p"} <= set(table.columns)
    assert len(table) == 3  # three personas, three pairs
    spanish = page("drivers", lang="es")
    captions = " ".join(c.value for c in spanish.caption)
    assert "Wald ajustados" in captions and "menos de 10 respuestas" in captions
    assert any(c.value.startswith("Pesos relativos (Johnson)") for c in spanish.caption)


def test_overview_nps_card_names_its_interval_method():
    at = page("overview")
    deltas = {m.label: m.delta for m in at.metric}
    assert "(adjusted Wald)" in deltas["NPS"] and deltas["NPS"].startswith("95% CI")
    spanish = page("overview", lang="es")
    assert "(Wald ajustado)" in {m.label: m.delta for m in spanish.metric}["NPS"]
