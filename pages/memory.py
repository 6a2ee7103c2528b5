# Memory: does the peak-end average of each customer's curve predict the rating they remember
# better than the plain average? A verdict in plain words, the scatter behind it, and the
# comparison of the four summaries of the curve.
import streamlit as st

from mot import charts
from ui import frame, queries, views, widgets
from ui.i18n import chart_text, number, p_value, t

frame.require_app()

# Respondent-level ratings that can stand for memory, the default first.
REMEMBERED = ("overall_retrospective", "overall_satisfaction")

st.title(t("memory.title"))
st.caption(t("memory.caption"))
loaded = widgets.loaded_or_stop()
widgets.require_measures(loaded, "emotion", "experienced", missing="emotion")
text = chart_text()

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
    st.caption(
        t(
            "memory.sample",
            n=number(result.n, 0),
            excluded=number(result.n_excluded, 0),
            source=t(f"memory.source.{result.source}"),
            t=number(test.t, 2),
            df=number(test.df, 0),
        )
    )

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
    },
    key="memory_predictors",
    decimals=2,
    formats={
        "predictor": lambda v: t(f"chart.predictor_{v}"),
        "n": lambda v: number(v, 0),
        "p_value": p_value,
    },
)
