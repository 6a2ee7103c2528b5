# Gaps & priorities: the six-step method on the current dataset — expected, excellent and
# actual per touchpoint, the importance–performance grid, and what to fix first.
import streamlit as st

from mot import charts
from ui import actions_view, frame, queries, report_builder, sentences, state, waves_view, widgets
from ui.i18n import chart_text, number, p_value, signed, t
from ui.widgets import md_message

frame.require_app()

st.title(t("nav.gaps"))
st.caption(t("gaps.caption"))
loaded = widgets.loaded_or_stop()
widgets.require_measures(loaded)
survey = loaded.survey
labels = widgets.touchpoint_labels(loaded)
text = chart_text()
language = state.language()

outcome = None
if survey.outcomes:
    outcome = st.selectbox(
        t("gaps.outcome"),
        options=list(survey.outcomes),
        format_func=lambda o: t(f"outcome.{o}"),
        key="gaps_outcome",
        help=t("gaps.outcome_help"),
        width=420,
    )
derive = {"outcome": outcome} if outcome else {}

gaps = widgets.attempt(lambda: queries.gaps(loaded))
priorities = report_builder.optional(lambda: queries.priorities(loaded, **derive))

st.subheader(t("gaps.method"))
st.caption(t("gaps.method_caption"))
steps = sentences.method_checklist(
    survey, gaps=gaps, priorities=priorities, labels=labels, language=language
)
for item in steps:
    st.markdown(f"{item.icon} **{item.step}. {item.title}** — {md_message(item.detail)}")

if gaps is not None:
    st.subheader(t("gaps.levels"))
    st.caption(t("gaps.levels_caption"))
    widgets.chart(charts.gaps_chart, gaps, labels=labels, text=text, key="gaps_levels_chart")
    widgets.table(
        gaps,
        columns={
            "touchpoint": t("chart.touchpoint"),
            "expected": t("chart.expected"),
            "excellent": t("chart.excellent"),
            "actual": t("chart.actual"),
            "gap_to_expected": t("chart.gap_to_expected"),
            "gap_to_excellent": t("chart.gap_to_excellent"),
            "n_actual": t("gaps.col.n_actual"),
        },
        key="gaps_levels",
        labels=labels,
        formats={"n_actual": lambda v: number(v, 0)},
    )
    st.subheader(t("gaps.tests"))
    st.caption(t("gaps.tests_caption"))
    columns, formats = {"touchpoint": t("chart.touchpoint")}, {}
    for target in ("expected", "excellent"):
        gap = f"gap_to_{target}"
        columns |= {
            gap: t(f"chart.{gap}"),
            f"{gap}_method": t(f"gaps.col.method.{target}"),
            f"n_paired_{target}": t(f"gaps.col.n_paired.{target}"),
            f"{gap}_p": t(f"gaps.col.p.{target}"),
            f"{gap}_p_adjusted": t(f"gaps.col.p_adjusted.{target}"),
        }
        formats |= {
            gap: signed,
            f"{gap}_method": lambda v: t(
                f"gaps.test.{v}" if isinstance(v, str) else "gaps.test.none"
            ),
            f"n_paired_{target}": lambda v: number(v, 0),
            f"{gap}_p": p_value,
            f"{gap}_p_adjusted": p_value,
        }
    widgets.table(gaps, columns=columns, key="gaps_tests", labels=labels, formats=formats)

st.subheader(t("gaps.grid"))
st.caption(t("gaps.grid_caption"))
grid = widgets.attempt(lambda: queries.importance_performance(loaded, **derive))
if grid is not None:
    widgets.chart(
        charts.importance_performance_chart, grid, labels=labels, text=text, key="gaps_grid_chart"
    )

st.subheader(t("gaps.priorities"))
if priorities is None:
    widgets.attempt(lambda: queries.priorities(loaded, **derive))
else:
    rule = sentences.priority_rule_text(priorities, labels=labels, language=language)
    st.info(md_message(rule))
    widgets.chart(
        charts.priorities_chart, priorities, labels=labels, text=text, key="gaps_priorities_chart"
    )
    shown = report_builder.translated(
        priorities, {"quadrant": "chart.", "importance_source": "gaps.source."}, language
    )
    widgets.table(
        shown,
        columns={
            "rank": t("chart.rank"),
            "touchpoint": t("chart.touchpoint"),
            "importance": t("measure.importance"),
            "importance_source": t("chart.importance_source"),
            "gap": t("gaps.col.gap"),
            "priority": t("gaps.col.priority"),
            "quadrant": t("chart.quadrant"),
        },
        key="gaps_priorities",
        labels=labels,
    )

actions_view.section(loaded)
waves_view.compare(loaded, waves_view.GAP_MEASURES, key="gaps")
