"""The analysis pages (utilities, emotion curve, memory) as a user meets them.

AppTest cannot look inside charts: these tests check that the charts are there, what data
they were given, and the texts and tables around them. Expected numbers come from the demo
survey (``data/demo_survey.csv``) through the library: TMOT experienced − anticipated is
−15.9 points (CI −17.0 to −14.7); on the 1,660 complete curves the peak-end average
correlates r = 0.73 with the remembered rating against r = 0.45 for the mean (Williams'
t = 17.45, p < 0.001), as data/README.md documents (truth 3).
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
from streamlit import dataframe_util
from streamlit.elements.vega_charts import VegaLiteStateSerde
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from ui.state import DatasetChoice

PAGES = ("utilities", "emotion", "memory")
SPANISH_TITLES = {
    "utilities": "Expectativa, experiencia y recuerdo",
    "emotion": "Curva emocional, picos y valles",
    "memory": "Memoria: la regla del pico y el final",
}
# Experienced ratings only: no emotion, no anticipated or remembered ratings, no outcome.
BARE = DatasetChoice(name="x.csv", content=b"ResponseId,FMOT_experienced\nR1,3\nR2,4\nR3,5\n")


def run_page(name: str, **state: object) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"{name}.py"), default_timeout=60)
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def charts(at: AppTest) -> list:
    return list(at.get("vega_lite_chart"))


def chart_data(chart) -> list[pd.DataFrame]:
    """The data sets a chart was drawn from."""
    return [
        dataframe_util.convert_arrow_bytes_to_pandas_df(d.data.data) for d in chart.proto.datasets
    ]


def chart_values(chart) -> set[str]:
    """Every text value in the data of a chart (segment names, respondent ids, ...)."""
    return {
        value
        for frame in chart_data(chart)
        for column in frame.columns
        for value in frame[column]
        if isinstance(value, str)
    }


def words(at: AppTest) -> str:
    """Every text a user reads on the page (titles, paragraphs, captions, messages)."""
    parts = [*at.title, *at.subheader, *at.markdown, *at.caption, *at.info, *at.warning]
    return "\n".join(str(p.value) for p in parts)


def table(at: AppTest, column: str) -> pd.DataFrame:
    """The table on the page with a column titled ``column``."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def assert_clean(at: AppTest) -> None:
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]


# --- every page -----------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_page_speaks_spanish(page):
    at = run_page(page, lang="es")
    assert_clean(at)
    assert at.title[0].value == SPANISH_TITLES[page]
    assert charts(at), "the page draws its charts in Spanish too"


@pytest.mark.parametrize("page", PAGES)
def test_page_without_the_measures_says_what_is_missing(page):
    at = run_page(page, dataset=BARE)
    assert_clean(at)
    assert at.title, "the page is never blank"
    assert at.info or charts(at), "an analysis or an explanation of what is missing"


# --- utilities ------------------------------------------------------------------------------


def test_utilities_draws_scores_and_shifts_with_a_summary():
    at = run_page("utilities")
    assert_clean(at)
    assert len(charts(at)) == 2
    text = words(at)
    assert (
        "At **Third moment of truth**, experience fell short of expectation by 15.9 points "
        "(95% CI 14.7 to 17.0, adjusted p < 0.001)." in text
    )
    assert "beat expectation by 10.7 points" in text  # SMOT
    assert "Expectation was confirmed (no clear difference) at: Ultimate moment of truth." in text
    assert "At **Second moment of truth**, memory is harsher than the experience" in text


def test_utilities_table_shows_significance():
    tests = table(run_page("utilities"), "Verdict")
    tmot = tests[
        (tests["Touchpoint"] == "Third moment of truth")
        & (tests["Comparison"] == "Experienced − anticipated")
    ].iloc[0]
    assert tmot["Mean difference"] == "−15.9"
    assert tmot["p-value"] == "p < 0.001"
    assert tmot["Verdict"] == "Disappointed"
    # The verdict is read on the p adjusted across touchpoints (Holm), shown beside the raw p.
    fmot = tests[
        (tests["Touchpoint"] == "First moment of truth")
        & (tests["Comparison"] == "Experienced − anticipated")
    ].iloc[0]
    assert (fmot["p-value"], fmot["Adjusted p"], fmot["Verdict"]) == (
        "p = 0.005",
        "p = 0.009",
        "Exceeded",
    )
    assert set(tests["Verdict"]) >= {"Confirmed", "Kinder", "Harsher"}


def test_utilities_summary_in_spanish():
    text = words(run_page("utilities", lang="es"))
    assert (
        "En **Tercer momento de la verdad**, la experiencia quedó 15,9 puntos por debajo de lo "
        "esperado (IC 95 % de 14,7 a 17,0, p < 0,001 ajustado)." in text
    )


def test_utilities_segment_overlay_splits_chart_and_table():
    at = run_page("utilities")
    assert "mobile" not in chart_values(charts(at)[0])
    at.selectbox(key="utilities_segment").select("device").run()
    assert_clean(at)
    assert {"desktop", "mobile", "tablet"} <= chart_values(charts(at)[0])
    tests = table(at, "Verdict")
    mobile_tmot = tests[
        (tests["device"] == "mobile")
        & (tests["Touchpoint"] == "Third moment of truth")
        & (tests["Comparison"] == "Experienced − anticipated")
    ]
    assert mobile_tmot["Verdict"].tolist() == ["Disappointed"]
    assert "the table below is split by device" in words(at)


# Issue 12: five experienced ratings on 1–5 (0–100: 100, 100, 100, 100, 0): mean 80, sd 44.7,
# t-interval 80 ± 2.776 · 20 = 24.5 to 135.5, cut at 100.
EDGE = DatasetChoice(
    name="edge.csv",
    content=b"ResponseId,FMOT_experienced\nR1,5\nR2,5\nR3,5\nR4,5\nR5,1\n",
)


def test_utilities_states_the_interval_rule_and_lists_cut_and_small_intervals():
    at = run_page("utilities", dataset=EDGE)
    assert_clean(at)
    text = words(at)
    assert "Intervals stay on the 0–100 scale" in text
    assert "Interval cut at the end of the 0–100 scale: First moment of truth (Experienced)." in (
        text
    )
    assert "Fewer than 20 ratings (interval shown, on a small sample): First moment" in text
    (data,) = [d for d in chart_data(charts(at)[0]) if "ci_high" in d.columns]
    assert data["ci_high"].max() == 100.0  # the chart draws the cut interval
    assert set(data["ci_clipped_label"]) == {"Yes"}
    spanish = words(run_page("utilities", dataset=EDGE, lang="es"))
    assert "Intervalo cortado en el extremo de la escala 0–100" in spanish
    assert "Menos de 20 valoraciones" in spanish


def test_utilities_on_the_demo_flags_nothing_but_states_the_rule():
    text = words(run_page("utilities"))
    assert "Intervals stay on the 0–100 scale" in text
    assert "Interval cut at the end" not in text and "Fewer than 20 ratings (" not in text


# --- emotion curve --------------------------------------------------------------------------


def test_emotion_draws_curve_extremes_and_locations():
    at = run_page("emotion")
    assert_clean(at)
    assert len(charts(at)) == 2
    extremes = table(at, "Kind")
    assert extremes[["Touchpoint", "Kind"]].values.tolist() == [
        ["Zero moment of truth", "Trough"],
        ["Second moment of truth", "Peak"],
        ["Third moment of truth", "Trough"],
        ["Ultimate moment of truth", "Peak"],
    ]
    locations = table(at, "Their peak is here")
    assert len(locations) == 5
    assert locations["Their peak is here"].iloc[2] == "32%"  # SMOT: 317 of 2,000
    assert "Click a touchpoint on the curve" in words(at)
    # Issue 12: the source of each customer's curve is counted (every demo respondent rated
    # emotion), and no interval of the demo's curve reaches past the scale.
    assert (
        "Where each customer's curve comes from: 2,000 from their emotion ratings; 0 from "
        "their experienced utility" in words(at)
    )
    assert "is cut at ±100" not in words(at)


def test_emotion_counts_the_curve_sources_of_a_mixed_survey():
    # R1, R2 rated emotion (−3..+3); R3 only experienced utility: its curve falls back on it.
    mixed = DatasetChoice(
        name="mixed.csv",
        content=b"ResponseId,FMOT_emotion,FMOT_experienced,SMOT_emotion,SMOT_experienced\n"
        b"R1,2,4,3,5\nR2,-1,2,1,4\nR3,,5,,1\n",
    )
    at = run_page("emotion", dataset=mixed)
    assert_clean(at)
    text = words(at)
    assert "2 from their emotion ratings; 1 from their experienced utility" in text
    # Three points per touchpoint (n = 3): the 95% band reaches past the scale and is cut.
    assert "the 95% band reaches past the end of the scale and is cut at ±100" in text
    spanish = words(run_page("emotion", dataset=mixed, lang="es"))
    assert "2 de sus valoraciones de emoción; 1 de su utilidad vivida" in spanish
    assert "se corta en ±100" in spanish


def test_emotion_in_spanish_names_peaks_and_troughs():
    at = run_page("emotion", lang="es")
    extremes = table(at, "Tipo")
    assert set(extremes["Tipo"]) == {"Pico", "Valle"}
    assert "Segundo momento de la verdad" in set(extremes["Punto de contacto"])


def test_emotion_segment_overlay_draws_a_line_per_segment():
    at = run_page("emotion")
    assert "mobile" not in chart_values(charts(at)[0])
    at.selectbox(key="emotion_segment").select("device").run()
    assert_clean(at)
    assert {"desktop", "mobile", "tablet"} <= chart_values(charts(at)[0])
    assert "device" in table(at, "Kind").columns


def test_emotion_prominence_slider_changes_the_extremes():
    at = run_page("emotion")
    at.slider(key="emotion_prominence").set_value(50).run()
    extremes = table(at, "Kind")
    # Nothing stands out by 50 points: only the highest and the lowest point remain.
    assert extremes["Kind"].tolist() == ["Trough", "Peak"]
    assert extremes["Note"].str.startswith("Only the highest or lowest point").all()


def test_emotion_individual_curves_on_request():
    at = run_page("emotion")
    assert at.number_input(key="emotion_sample_size").disabled
    assert not [v for v in chart_values(charts(at)[0]) if v.startswith("R_")]
    at.toggle(key="emotion_individual").set_value(True).run()
    at.number_input(key="emotion_sample_size").set_value(20).run()
    assert_clean(at)
    drawn = [v for v in chart_values(charts(at)[0]) if v.startswith("R_")]  # respondent ids
    assert len(drawn) == 20


def test_emotion_click_on_a_touchpoint_focuses_tables_and_comments():
    at = run_page("emotion")
    assert "All 48 comments" in words(at)
    # What the browser sends when the TMOT point of the curve is clicked, as Streamlit reads it.
    click = json.dumps({"selection": {"pick": [{"touchpoint": "TMOT"}]}})
    at.session_state["emotion_curve"] = VegaLiteStateSerde(["pick"]).deserialize(click)
    at.run()
    assert_clean(at)
    assert "Focused on Third moment of truth." in [i.value for i in at.info]
    assert table(at, "Their peak is here")["Touchpoint"].tolist() == ["Third moment of truth"]
    assert table(at, "Kind")["Kind"].tolist() == ["Trough"]
    comments = table(at, "Comment")
    assert len(comments) == 19
    assert set(comments["Touchpoint"]) == {"Third moment of truth"}
    assert "19 comments at Third moment of truth." in words(at)


# --- memory ---------------------------------------------------------------------------------


def test_memory_verdict_follows_the_peak_and_the_end():
    at = run_page("memory")
    assert_clean(at)
    assert len(charts(at)) == 2
    # Issue 12: only complete curves (1,660 of 2,000) are compared, so the numbers moved
    # from r = 0.71 / 0.43 (every curve, some ending before UMOT) to the documented ones; the
    # "peak" of the peak-end average is named the most intense moment.
    assert (
        "In your data, memory follows the most intense moment and the end: r = 0.73, better "
        "than the average (r = 0.45), p < 0.001." in words(at)
    )
    assert (
        "1,660 customers with a complete curve (a rating at each of the 5 touchpoints: Zero "
        "moment of truth, First moment of truth, Second moment of truth, Third moment of "
        "truth, Ultimate moment of truth) and a remembered rating. Left out: 0 without a "
        "curve, 77 without the remembered rating, 263 who skipped a touchpoint" in words(at)
    )
    predictors = table(at, "Summary of the curve")
    assert predictors["Summary of the curve"].tolist() == [
        "Peak-end average",
        "Mean of the curve",
        "End",
        "Most intense moment",
        "Peak (highest)",
        "Trough (lowest)",
    ]
    assert predictors["Correlation r"].tolist() == ["0.73", "0.45", "0.31", "0.67", "0.55", "0.60"]
    assert predictors["Williams' t, peak-end against it"].tolist()[:2] == ["–", "17.45"]
    assert "Verhoef, Antonides & de Hoog (2004)" in words(at)


def test_memory_shows_duration_neglect_by_the_length_of_the_curve():
    at = run_page("memory")
    durations = table(at, "Touchpoints spanned")
    # mot.curves.duration_summary on the demo: 5 + 112 + 1,883 = 2,000 customers.
    assert durations["Touchpoints spanned"].tolist() == ["3", "4", "5"]
    assert durations["Respondents"].tolist() == ["5", "112", "1,883"]
    assert durations["Mean area under the curve"].tolist()[-1] == "+62.1"
    assert "cold-hand study (Kahneman et al., 1993)" in words(at)
    assert "Olvido de la duración" in words(run_page("memory", lang="es"))


def test_memory_scatter_gets_prediction_and_memory():
    frames = chart_data(charts(run_page("memory"))[0])
    points = next(f for f in frames if "predicted" in f)
    assert {"predicted", "remembered"} <= set(points.columns)
    # One point per distinct position, sized by the respondents it holds: together, the
    # 1,660 respondents with a complete curve and the remembered rating (1,923 before issue
    # 12 counted every curve).
    assert points["respondents"].sum() == 1660


def test_memory_verdict_in_spanish():
    text = words(run_page("memory", lang="es"))
    assert (
        "En estos datos, el recuerdo sigue al momento más intenso y al final: r = 0,73, mejor "
        "que el promedio (r = 0,45), p < 0,001." in text
    )
    assert (
        "1.660 personas con la curva completa" in text
        and "263 que se saltaron un punto de contacto" in text
    )


def test_memory_outcome_picker_changes_the_analysis():
    at = run_page("memory")
    picker = at.selectbox(key="memory_outcome")
    assert picker.value == "overall_retrospective"
    assert picker.options == ["Overall remembered rating", "Overall satisfaction"]
    before = table(at, "Summary of the curve")["Correlation r"].tolist()
    picker.select("overall_satisfaction").run()
    assert_clean(at)
    assert table(at, "Summary of the curve")["Correlation r"].tolist() != before


def test_memory_without_emotion_or_remembered_rating_names_what_is_missing():
    at = run_page("memory", dataset=BARE)
    assert_clean(at)
    assert len(at.info) == 1
    assert "overall_retrospective" in at.info[0].value
    assert not charts(at)
