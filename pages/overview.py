# Overview: KPI cards and the journey map of the current dataset.
import streamlit as st

from mot import charts
from ui import actions_view, frame, queries, sentences, state, views, widgets
from ui.i18n import number, signed, t

frame.require_app()

st.title(t("overview.title"))
st.caption(t("overview.caption"))
loaded = widgets.loaded_or_stop()
widgets.require_measures(loaded)
survey = loaded.survey
labels = widgets.touchpoint_labels(loaded)
# The cards sit above the map, but the map is drawn first: it is what people wait for.
cards = st.container()
st.subheader(t("overview.map"))
st.caption(t("overview.map_caption"))
flags = actions_view.markers(state.workspace_id())
inputs = widgets.attempt(lambda: widgets.journey_map_inputs(loaded, state.language(), flags))
if inputs is not None:
    args, kwargs = inputs
    widgets.chart(charts.journey_map_chart, *args, key="overview_map", **kwargs)

highlights = queries.highlights(loaded)


def short(touchpoint):
    return widgets.md_text(touchpoint) if touchpoint else "–"


def named(touchpoint, detail):
    if not touchpoint:
        return t("overview.not_available")
    return f"{widgets.md_text(labels.get(touchpoint, touchpoint))} · {detail}"


top, bottom = cards.columns(3), cards.columns(3)
top[0].metric(t("chart.n_respondents"), number(survey.n_respondents, 0), border=True)
nps = widgets.attempt(lambda: queries.nps(loaded)) if "recommend" in survey.outcomes else None
if nps is not None and len(nps):
    row = views.first_row(nps)
    interval = sentences.nps_interval(row, language=state.language())
    top[1].metric(
        t("overview.nps"),
        number(row["score"], 1),
        border=True,
        delta=interval,
        delta_color="off",
        delta_arrow="off",
    )
else:
    top[1].metric(t("overview.nps"), "–", border=True)
gap_words = t(f"overview.gap.{highlights.gap_kind}") if highlights.gap_kind else ""
top[2].metric(
    t("overview.gap"),
    short(highlights.gap_touchpoint),
    border=True,
    delta=named(highlights.gap_touchpoint, f"{signed(highlights.gap)} {gap_words}"),
    delta_color="red",
    delta_arrow="down",
)
for column, key, touchpoint, mean in (
    (bottom[0], "overview.best", highlights.best_touchpoint, highlights.best_mean),
    (bottom[1], "overview.worst", highlights.worst_touchpoint, highlights.worst_mean),
):
    detail = t("overview.experienced_points", value=number(mean))
    column.metric(
        t(key),
        short(touchpoint),
        border=True,
        delta=named(touchpoint, detail),
        delta_color="off",
        delta_arrow="off",
    )
bottom[2].metric(
    t("overview.peak_trough"),
    f"{short(highlights.peak_touchpoint)} / {short(highlights.trough_touchpoint)}",
    border=True,
    delta_color="off",
    delta_arrow="off",
    delta=t(
        "overview.peak_trough_detail",
        peak=number(highlights.peak_mean),
        trough=number(highlights.trough_mean),
    ),
)
