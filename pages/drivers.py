# Drivers & tests: which moments drive an outcome (relative weights or dominance analysis), and
# whether segments or A/B variants differ touchpoint by touchpoint (test, effect size, corrected
# p-values), with NPS per group (adjusted Wald intervals) and its Holm-adjusted differences.
import streamlit as st

from mot import charts
from mot.compare import CORRECTIONS, TESTS
from ui import drivers_view, frame, queries, report_builder, sentences, state, waves_view, widgets
from ui.i18n import MEASURE_KEYS, chart_text, number, t
from ui.widgets import md_message, md_text

frame.require_app()

st.title(t("nav.drivers"))
st.caption(t("drivers.caption"))
loaded = widgets.loaded_or_stop()
widgets.require_measures(loaded)
survey = loaded.survey
labels = widgets.touchpoint_labels(loaded)
text = chart_text()
language = state.language()

st.subheader(t("drivers.importance"))
if not survey.outcomes:
    widgets.empty_state(loaded, "outcome")
else:
    drivers_view.importance(loaded, labels=labels, text=text, language=language)

st.subheader(t("drivers.compare"))
st.caption(t("drivers.compare_caption"))
segments = list(survey.segments)
if not segments:
    widgets.empty_state(loaded, "segments", columns=bool(survey.outcomes))  # listed once
    st.stop()
left, middle, right, last = st.columns(4)
segment = left.selectbox(
    t("drivers.segment"),
    options=segments,
    index=segments.index(sentences.preferred_segment(survey.segments)),
    key="drivers_segment",
)
measures = [m for m in survey.measures if m != "importance"] or list(survey.measures)
measure = middle.selectbox(
    t("data.col.measure"),
    options=measures,
    index=measures.index("experienced") if "experienced" in measures else 0,
    format_func=lambda m: t(MEASURE_KEYS[m]),
    key="drivers_measure",
)
test = right.selectbox(
    t("chart.test"),
    options=list(TESTS),
    format_func=lambda v: t(f"drivers.test.{v}"),
    key="drivers_test",
)
correction = last.selectbox(
    t("drivers.correction"),
    options=list(CORRECTIONS),
    format_func=lambda v: t(f"drivers.correction.{v}"),
    key="drivers_correction",
)
comparison = widgets.attempt(
    lambda: queries.compare(loaded, by=segment, measure=measure, test=test, correction=correction)
)
if comparison is not None and comparison.empty:
    st.info(
        t(
            "drivers.one_group",
            segment=md_text(segment),
            measure=t(MEASURE_KEYS[measure]),
        )
    )
elif comparison is not None:
    summary = sentences.comparison_summary(
        comparison, segment=segment, labels=labels, correction=correction, language=language
    )
    st.success(md_message(summary))
    widgets.chart(
        charts.comparison_chart, comparison, labels=labels, text=text, key="drivers_compare_chart"
    )
    widgets.table(
        report_builder.translated(
            comparison, {"test": "drivers.test.", "effect_size_kind": "drivers.effect."}, language
        ),
        columns={
            "touchpoint": t("chart.touchpoint"),
            "group_a": t("common.col.group_a"),
            "group_b": t("common.col.group_b"),
            "mean_a": t("drivers.col.mean_a"),
            "mean_b": t("drivers.col.mean_b"),
            "difference": t("drivers.col.difference"),
            "test": t("chart.test"),
            "effect_size": t("chart.effect_size"),
            "p_value": t("common.col.p"),
            "p_adjusted": t("common.col.p_adjusted"),
            "significant": t("drivers.col.significant"),
        },
        key="drivers_compare",
        labels=labels,
        formats={
            "effect_size": lambda v: number(v, 2),
            "p_value": lambda v: sentences.p_cell(v, language),
            "p_adjusted": lambda v: sentences.p_cell(v, language),
        },
    )

if "recommend" in survey.outcomes:
    st.subheader(t("drivers.nps", segment=md_text(segment)))
    drivers_view.nps_by_segment(loaded, segment=segment, text=text)

waves_view.compare(loaded, (), key="drivers", nps="recommend" in survey.outcomes)
