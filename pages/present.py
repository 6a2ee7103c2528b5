# Presenter view: the data the session shows (the demo, or a workspace opened with ?w=ID) as
# slides for a projector. A title, one slide per touchpoint in journey order (the emotion
# curve with it highlighted, its utilities and gaps, a sentence), an end; large type, no
# sidebar; Previous / Next, or the keys ← → and Page Up / Page Down. The link keeps the
# slide (?slide=3). The parts live in ui/present.py.
import streamlit as st

from mot import charts
from ui import frame, present, queries, state, widgets
from ui.i18n import chart_text, number, t
from ui.widgets import md_text

frame.require_app()
present.start()
loaded = widgets.loaded_or_stop()
widgets.require_measures(loaded)
survey = loaded.survey
labels = widgets.touchpoint_labels(loaded)
language = state.language()
facts = queries.facts(loaded)
slides = present.deck(facts)
slide = state.slide(slides.total)
highlights = queries.highlights(loaded)
touchpoint = slides.touchpoint_at(slide)
note = ""
if touchpoint is not None:
    moment = survey.journey.touchpoint(touchpoint).moment
    note = present.kicker(touchpoint, slides, moment, highlights)
present.controls(slide, slides.total, note)


def title_slide():
    st.space("medium")
    st.caption(t("present.kicker"))
    with st.container(key="present_title"):
        st.title(present.data_name(), anchor=False)
    journey = md_text(survey.journey.name)
    st.subheader(t("present.subtitle", journey=journey, n=number(survey.n_respondents, 0)))
    st.caption(present.scope(loaded))
    st.space("small")
    st.markdown(f"**{t('present.journey')}**")
    with st.container(key="present_journey"):
        st.markdown(present.journey_line(slides.touchpoints, labels))
    st.caption(t("present.keys"))


def touchpoint_slide(touchpoint):
    row = present.fact_row(facts, touchpoint)
    st.title(md_text(labels.get(touchpoint, touchpoint)), anchor=False)
    curve = widgets.attempt(lambda: queries.curve(loaded))
    if curve is not None:
        widgets.chart(
            charts.emotion_curve_chart,
            curve,
            extremes=queries.extremes(loaded),
            labels=labels,
            text=chart_text(),
            selectable=False,
            highlight=touchpoint,
            height=present.CURVE_HEIGHT,
            key="present_curve",
        )
    utilities = present.utility_cards(row, survey.measures)
    gaps = present.gap_cards(row)
    left, right = st.columns([max(len(utilities), 1), 1.5 * max(len(gaps), 1)], gap="medium")
    with left:
        st.caption(f"**{t('present.utilities')}**")
        if utilities:
            present.cards(utilities, name="utilities")
        else:
            st.caption(t("present.no_utilities"))
    with right:
        st.caption(f"**{t('present.gaps')}**")
        if gaps:
            present.cards(gaps, name="gaps")
        else:
            st.caption(t("present.no_gaps"))
    with st.container(key="present_sentence"):
        st.markdown(present.sentence(row))


def end_slide():
    st.markdown(f"**{t('present.remember')}**")
    nps = None
    if "recommend" in survey.outcomes:
        nps = widgets.attempt(lambda: queries.nps(loaded))
    present.cards(present.end_cards(highlights, nps, labels, language), name="end", per_row=2)
    if closing := present.closing(highlights, labels):
        with st.container(key="present_sentence"):
            st.markdown(closing)
    st.space("medium")
    with st.container(key="present_title"):
        st.title(t("present.thanks"), anchor=False, text_alignment="center")


if touchpoint is not None:
    touchpoint_slide(touchpoint)
elif slide == 1:
    title_slide()
else:
    end_slide()
