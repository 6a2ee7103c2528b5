# Overview: KPI cards and the journey map of the current dataset.
import streamlit as st

from mot import charts
from ui import data, widgets
from ui.i18n import chart_text, number, signed, t

st.title(t("overview.title"))
st.caption(t("overview.caption"))
loaded = widgets.loaded_or_stop()
survey = loaded.survey
labels = widgets.touchpoint_labels(loaded)
text = chart_text()
highlights = data.run("highlights", loaded)


def label(touchpoint):
    return labels.get(touchpoint, touchpoint) if touchpoint else t("overview.not_available")


cards = st.columns(6)
cards[0].metric(t("overview.respondents"), number(survey.n_respondents, 0), border=True)
nps = widgets.attempt(lambda: data.run("nps", loaded)) if "recommend" in survey.outcomes else None
if nps is not None and len(nps):
    row = nps.iloc[0]
    cards[1].metric(
        t("overview.nps"),
        number(row["score"], 1),
        border=True,
        help=t(
            "overview.nps_help",
            low=number(row["ci_low"]),
            high=number(row["ci_high"]),
            n=number(row["n"], 0),
        ),
    )
else:
    cards[1].metric(t("overview.nps"), "–", border=True)
cards[2].metric(
    t("overview.best"),
    label(highlights.best_touchpoint),
    border=True,
    delta=t("overview.experienced_points", value=number(highlights.best_mean)),
    delta_color="off",
    delta_arrow="off",
)
cards[3].metric(
    t("overview.worst"),
    label(highlights.worst_touchpoint),
    border=True,
    delta=t("overview.experienced_points", value=number(highlights.worst_mean)),
    delta_color="off",
    delta_arrow="off",
)
gap_words = t(f"overview.gap_{highlights.gap_kind}") if highlights.gap_kind else ""
cards[4].metric(
    t("overview.gap"),
    label(highlights.gap_touchpoint),
    border=True,
    delta=f"{signed(highlights.gap)} {gap_words}" if highlights.gap else None,
    delta_color="inverse",
)
cards[5].metric(
    t("overview.peak"),
    label(highlights.peak_touchpoint),
    border=True,
    delta=t("overview.trough") + ": " + label(highlights.trough_touchpoint),
    delta_color="off",
    delta_arrow="off",
)

st.subheader(t("overview.map"))
st.caption(t("overview.map_caption"))
curve = widgets.attempt(lambda: data.run("curve", loaded))
if curve is not None:
    figure = charts.journey_map_chart(
        survey.journey.to_frame(),
        curve,
        data.run("utilities", loaded),
        extremes=data.run("extremes", loaded),
        labels=labels,
        text=text,
    )
    widgets.chart(figure, key="overview_map")
