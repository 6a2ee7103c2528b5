# Memory: does the peak-end average of each customer's complete curve predict the rating they
# remember better than the plain average? A verdict in plain words, who was compared and who
# left out, the scatter behind it, the comparison of the six summaries of the curve, and
# duration neglect (area against peak-end by the curve's duration).
import streamlit as st

from mot import charts
from ui import curve_sentences, frame, queries, state, views, widgets
from ui.i18n import chart_text, number, p_value, signed, t

frame.require_app()

# Respondent-level ratings that can stand for memory, the default first.
REMEMBERED = ("overall_retrospective", "overall_satisfaction")

st.title(t("memory.title"))
st.caption(t("memory.caption"))
loaded = widgets.loaded_or_stop()
widgets.require_measures(loaded, "emotion", "experienced", missing="emotion")
text = chart_text()
labels = widgets.touchpoint_labels(loaded)
language = state.language()

present = [o for o in REMEMBERED if o in loaded.survey.outcomes]
if not present:
    widgets.empty_state(loaded, "remembered")
    st.stop()
if len(present) > 1:
    widgets.redraw_label("memory_outcome")
    outcome = st.selectbox(
        t("memory.outcome"),
        options=present,
        key="memory_outcome",
        format_func=lambda o: t(f"outcome.{o}"),
        help=t("memory.outcome_help"),
    )
else:
    outcome = present[0]
    st.caption(t("memory.outcome_fixed", outcome=t(f"outcome.{outcome}")))

result = widgets.attempt(lambda: queries.peak_end(loaded, outcome=outcome))
if result is None:
    st.stop()

test = result.comparison
with st.container(border=True):
    st.markdown(
        "#### "
        + t(
            f"memory.verdict.{result.verdict}",
            r_peak_end=number(test.r_peak_end, 2),
            r_mean=number(test.r_mean, 2),
            p=p_value(test.p_value),
        )
    )
    st.caption(curve_sentences.sample_text(result, labels=labels, language=language))

scatter, models = st.columns(2)
with scatter:
    st.subheader(t("memory.scatter"))
    st.caption(t("memory.scatter_caption"))
    points = queries.memory_points(loaded, outcome=outcome)
    widgets.chart(
        charts.memory_scatter_chart,
        views.memory_scatter_points(points),
        text=text,
        key="memory_scatter",
    )
with models:
    st.subheader(t("memory.models"))
    st.caption(t("memory.models_caption"))
    predictors = result.to_frame()
    widgets.chart(charts.peak_end_chart, predictors, text=text, key="memory_models")

widgets.table(
    predictors,
    columns={
        "predictor": t("memory.col_predictor"),
        "n": t("chart.n_respondents"),
        "r": t("chart.correlation"),
        "ci_low": t("common.col.ci_low"),
        "ci_high": t("common.col.ci_high"),
        "p_value": t("chart.p_value"),
        "t_vs_peak_end": t("memory.col_t_vs_peak_end"),
        "p_vs_peak_end": t("memory.col_p_vs_peak_end"),
    },
    key="memory_predictors",
    decimals=2,
    formats={
        "predictor": lambda v: t(f"chart.predictor_{v}"),
        "n": lambda v: number(v, 0),
        "p_value": p_value,
        "p_vs_peak_end": p_value,
    },
)

st.subheader(t("memory.durations"))
st.caption(t("memory.durations_caption"))
widgets.table(
    queries.durations(loaded),
    columns={
        "duration": t("memory.col_duration"),
        "n_respondents": t("chart.n_respondents"),
        "area": t("memory.col_area"),
        "peak_end": t("memory.col_peak_end"),
        "mean": t("memory.col_mean"),
    },
    key="memory_durations",
    formats={"area": signed, "peak_end": signed, "mean": signed},
)
