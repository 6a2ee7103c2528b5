"""Large type and language from a link's first run; the sidebar's order; the tab's icon."""

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from mot import charts
from tests.conftest import ROOT
from ui import data, frame, state


def first_run(**query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def css(at: AppTest) -> str:
    return "".join(element.proto.body for element in at.get("html"))


def chart_specs(at: AppTest) -> list[dict]:
    return [json.loads(element.proto.spec) for element in at.get("vega_lite_chart")]


def test_a_large_type_link_is_large_from_its_first_run():
    at = first_run(large="true")
    assert not at.exception
    assert frame.LARGE_TYPE_CSS.strip() in css(at)
    assert f"font-size: {frame.LARGE_ROOT_PX}px" in css(at)
    specs = chart_specs(at)
    assert specs
    sizes = {spec["config"]["axis"]["labelFontSize"] for spec in specs}
    assert sizes == {round(12 * charts.LARGE_SCALE, 1)}
    assert at.toggle(key="large").value is True


def test_normal_type_has_the_wrapping_cards_but_not_the_large_type():
    at = first_run()
    assert frame.BASE_CSS.strip() in css(at)
    assert frame.LARGE_TYPE_CSS.strip() not in css(at)
    assert {spec["config"]["axis"]["labelFontSize"] for spec in chart_specs(at)} == {12}


def test_switching_large_type_off_takes_it_away():
    at = first_run(large="true")
    at.toggle(key="large").set_value(False).run()
    assert frame.LARGE_TYPE_CSS.strip() not in css(at)
    assert {spec["config"]["axis"]["labelFontSize"] for spec in chart_specs(at)} == {12}


def test_a_spanish_link_names_the_pages_in_spanish_from_its_first_run():
    at = first_run(lang="ES", large="true")
    assert at.title[0].value == "Resumen del recorrido"
    assert at.session_state["lang"] == "es"
    assert frame.LARGE_TYPE_CSS.strip() in css(at)


def test_the_filter_comes_before_the_display_settings_in_the_sidebar():
    at = first_run()
    order = [getattr(node, "label", None) for node in at.sidebar]
    assert order.index("Filter respondents by") < order.index("Language")
    assert order.index("Language") < order.index("Large type (projector)")


def test_large_type_fits_single_charts_to_the_width_only():
    from mot.curves import curve_extremes, emotion_curve
    from mot.survey import load_survey

    ratings = load_survey(ROOT / "data" / "demo_survey.csv").ratings
    curve = emotion_curve(ratings)
    kwargs = {"extremes": curve_extremes(curve)}

    def spec(large: bool) -> dict:
        return data.spec_for(
            charts.emotion_curve_chart,
            (curve,),
            kwargs,
            key="test_curve",
            language="en",
            large=large,
            shared=True,  # the cache shared by sessions: no session here
        )

    # In large type the plot keeps its height (the axes grow around it); normal type leaves
    # Streamlit's fit to the builder's size.
    assert spec(True)["autosize"] == {"type": "fit-x", "contains": "padding"}
    assert "autosize" not in spec(False)


def test_the_tab_icon_is_a_file_of_the_app():
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    assert "page_icon=str(FAVICON)" in app
    assert ":material/" not in app.split("set_page_config", 1)[1].split(")", 1)[0]
    icon = Path(ROOT / "ui" / "assets" / "favicon.png").read_bytes()
    assert icon[:8] == b"\x89PNG\r\n\x1a\n"


def _large_table_script():
    import pandas as pd
    import streamlit as st

    from ui import widgets

    st.session_state["large"] = st.session_state.get("large", True)
    frame = pd.DataFrame({"touchpoint": ["T1", "T2"], "p": ["p < 0.001", "p = 0.2"]})
    frame["mean"] = [1.25, float("nan")]
    labels = {"T1": "**Loud** [link](http://example.com/x)", "T2": "Delivery"}
    widgets.table(
        frame,
        columns={"touchpoint": "Touchpoint", "p": "p", "mean": "Mean"},
        key="t",
        labels=labels,
    )


def test_large_type_shows_tables_as_static_tables_with_the_files_text_escaped():
    at = AppTest.from_function(_large_table_script).run()
    assert not at.exception
    assert len(at.dataframe) == 0 and len(at.table) == 1
    shown = at.table[0].value
    cells = shown.astype(str).to_numpy().ravel().tolist()
    assert any(cell.startswith("\\*\\*Loud\\*\\* \\[link\\]") for cell in cells), cells
    assert "p\u00a0&lt;\u00a00.001" in cells  # one line, shown as typed
    assert "1\\.2" in cells  # Markdown would read "1." as a list: escaped, shown as 1.2
    at.session_state["large"] = False
    at.run()
    assert len(at.dataframe) == 1 and len(at.table) == 0


def test_charts_are_light_until_the_page_reports_a_dark_theme():
    at = first_run()
    assert {spec["config"]["background"] for spec in chart_specs(at)} == {"white"}
    # what the theme watcher's callback records when the viewer's page turns dark
    at.session_state[state.SCHEME_KEY] = "dark"
    at.run()
    specs = chart_specs(at)
    assert specs and {spec["config"]["background"] for spec in specs} == {charts.DARK_BACKGROUND}
    assert {spec["config"]["axis"]["labelColor"] for spec in specs} == {charts.DARK_INK}
    at.session_state[state.SCHEME_KEY] = "light"
    at.run()
    assert {spec["config"]["background"] for spec in chart_specs(at)} == {"white"}


def test_a_dark_large_type_link_gets_dark_large_charts():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["large"] = "true"
    at.session_state[state.SCHEME_KEY] = "dark"
    at.run()
    specs = chart_specs(at)
    assert specs
    assert {spec["config"]["background"] for spec in specs} == {charts.DARK_BACKGROUND}
    assert {spec["config"]["axis"]["labelFontSize"] for spec in specs} == {
        round(12 * charts.LARGE_SCALE, 1)
    }


def test_the_scheme_record_ignores_anything_but_light_and_dark():
    at = first_run()
    at.session_state[state.SCHEME_KEY] = "<script>"
    at.run()
    assert {spec["config"]["background"] for spec in chart_specs(at)} == {"white"}
