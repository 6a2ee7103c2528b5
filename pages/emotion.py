# Emotion curve & peaks: the mean emotional curve with its band, per-segment lines, its peaks
# and troughs, where customers' own peaks and troughs fall, and what they said at each moment.
# Clicking a touchpoint on the curve focuses the tables and comments below on it; the link keeps
# it (?touchpoint=TMOT), so a copied address shows the same focus.
import streamlit as st

from mot import charts
from ui import curve_sentences, frame, queries, state, views, waves_view, widgets
from ui.i18n import chart_text, number, percent, signed, t
from ui.widgets import md_text

frame.require_app()

st.title(t("emotion.title"))
st.caption(t("emotion.caption"))
loaded = widgets.loaded_or_stop()
widgets.require_measures(loaded, "emotion", "experienced", missing="emotion")
labels = widgets.touchpoint_labels(loaded)
text = chart_text()
language = state.language()

controls = st.columns([3, 3, 2, 2], vertical_alignment="bottom")
with controls[0]:
    by = widgets.segment_picker(loaded, key="emotion_segment", label_key="common.segment_overlay")
prominence = controls[1].slider(  # 0 to 50 points, default 5
    t("emotion.prominence"), 0, 50, 5, key="emotion_prominence", help=t("emotion.prominence_help")
)
show_individual = controls[2].toggle(t("emotion.individual"), key="emotion_individual")
sample_size = controls[3].number_input(  # 5 to 500 customers, default 50, step 5
    t("emotion.sample_size"), 5, 500, 50, 5, key="emotion_sample_size",
    help=t("emotion.sample_help"), disabled=not show_individual,
)  # fmt: skip


def label(touchpoint):
    return labels.get(str(touchpoint), str(touchpoint))


def focus_on(frame):
    return views.rows_at(frame, chosen)


curve = widgets.attempt(lambda: queries.curve(loaded, by=by))
if curve is None:
    st.stop()
extremes = queries.extremes(loaded, by=by, prominence=float(prominence))
individual = queries.sample_curves(loaded, n=int(sample_size), seed=0) if show_individual else None
selection = widgets.chart(
    charts.emotion_curve_chart,
    curve,
    extremes=extremes,
    by=by,
    individual=individual,
    labels=labels,
    text=text,
    key="emotion_curve",
    selectable=True,
    pick=state.choose_touchpoint,  # the link carries the touchpoint picked
)
chosen = widgets.picked(selection) or state.touchpoint(labels)  # a click, or the link's
st.caption(curve_sentences.source_text(queries.curve_sources(loaded), language=language))
if clipped := curve_sentences.clipped_text(curve, labels=labels, language=language):
    st.caption(clipped)
if by and curve.attrs.get("n_missing_segment"):
    n_missing = number(curve.attrs["n_missing_segment"], 0)
    st.caption(t("common.missing_segment", n=n_missing, segment=md_text(by)))
if chosen is None:
    st.caption(t("emotion.click_hint"))
else:
    st.info(t("emotion.focus", touchpoint=md_text(label(chosen))), icon="👆")

st.subheader(t("emotion.extremes"))
st.caption(t("emotion.extremes_caption"))
shown_extremes = focus_on(extremes)
if chosen is not None and shown_extremes.empty:
    st.write(t("emotion.no_extremes_at", touchpoint=md_text(label(chosen))))
else:
    widgets.table(
        shown_extremes,
        columns={
            **({by: by} if by else {}),
            "touchpoint": t("chart.touchpoint"),
            "kind": t("emotion.col_kind"),
            "mean": t("emotion.col_mean"),
            "prominence": t("chart.prominence"),
            "global_only": t("emotion.col_note"),
        },
        key="emotion_extremes",
        labels=labels,
        formats={
            "kind": lambda v: t(f"chart.{v}"),
            "mean": signed,
            "global_only": lambda v: t("emotion.global_only") if v else "",
        },
    )

st.subheader(t("emotion.locations"))
st.caption(t("emotion.locations_caption"))
locations = widgets.attempt(lambda: queries.locations(loaded))
if locations is not None:
    widgets.chart(
        charts.extreme_locations_chart,
        locations,
        labels=labels,
        text=text,
        key="emotion_locations_chart",
    )
    with st.expander(t("common.table"), expanded=chosen is not None):
        widgets.table(
            focus_on(locations),
            columns={
                "touchpoint": t("chart.touchpoint"),
                "n_respondents": t("emotion.col_n"),
                "peak_share": t("emotion.col_peak_share"),
                "trough_share": t("emotion.col_trough_share"),
            },
            key="emotion_locations",
            labels=labels,
            formats={
                "n_respondents": lambda v: number(v, 0),
                "peak_share": percent,
                "trough_share": percent,
            },
        )

st.subheader(t("emotion.comments"))
comments = focus_on(loaded.survey.comments)
if loaded.survey.comments.empty:
    st.caption(t("emotion.no_comments"))
elif chosen is None:
    st.caption(t("emotion.comments_all", n=number(len(comments), 0)))
else:
    n_comments, where = number(len(comments), 0), md_text(label(chosen))
    st.caption(t("emotion.comments_at", n=n_comments, touchpoint=where))
if not comments.empty:
    widgets.table(
        comments,
        columns={
            "touchpoint": t("chart.touchpoint"),
            "respondent_id": t("chart.respondent"),
            "comment": t("data.role.comment"),
        },
        key="emotion_comments",
        labels=labels,
    )

waves_view.compare(loaded, waves_view.EMOTION_MEASURES, key="emotion")
