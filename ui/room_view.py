"""What the Workshop page draws: opening a room, the projector's live view, the controls,
and the room's answers as a dataset (:mod:`ui.rooms` does the work).

The live part is a fragment that reruns by itself every :data:`REFRESH_SECONDS`, reading
the store: answers per touchpoint, the live gaps to expected and to excellent, the room's
emotion curve, how each question was answered, and the comments (as text). Controls change
the room at once; the phones see it on their next refresh (a few seconds).
"""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
import streamlit as st

from mot import charts, workshop
from mot.errors import MotError
from mot.store import Room
from ui import data, rooms, state, widgets
from ui.i18n import chart_text, number, signed, t
from ui.widgets import md_message

REFRESH_SECONDS = 2
CODE_CSS = """
<style>
.mot-room-code { font-size: 5.5rem; font-weight: 800; letter-spacing: .18em; line-height: 1.1;
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
</style>
"""


def _refused(step) -> bool:
    """Run a control; a refusal (a read-only link, a wrong key) is said, never raised."""
    try:
        step()
    except MotError as exc:
        st.error(md_message(exc))
        return False
    return True


def opening(loaded: data.Loaded) -> None:
    """No room yet: open one for the data shown, or take one over with its code and key."""
    left, right = st.columns(2, gap="large")
    with left, st.form("room_open", border=True):
        st.subheader(t("workshop.open_title"))
        name = st.text_input(t("workshop.name"), value=rooms.default_name(), max_chars=200)
        scale = st.selectbox(
            t("workshop.scale"),
            options=list(workshop.SCALES),
            index=list(workshop.SCALES).index(workshop.DEFAULT_SCALE),
            format_func=lambda s: f"{s[0]}–{s[1]}",
        )
        stepwise = st.toggle(t("workshop.step"), help=t("workshop.step_help"))
        if st.form_submit_button(t("workshop.open"), type="primary", icon=":material/groups:"):
            opened = _refused(lambda: rooms.open_room(loaded, name, stepwise=stepwise, scale=scale))
            if opened:
                st.rerun()
    with right, st.form("room_take_over", border=True):
        st.subheader(t("workshop.take_over_title"))
        st.caption(t("workshop.take_over_caption"))
        code = st.text_input(t("workshop.code"), max_chars=8)
        key = st.text_input(t("workshop.key"), type="password", max_chars=64)
        pressed = st.form_submit_button(t("workshop.take_over"), icon=":material/key:")
        if pressed and _refused(lambda: rooms.take_over(code, key)):
            st.rerun()


def header(room: Room) -> None:
    """The code, big, with the join address and its QR code."""
    address = rooms.join_address(room.code)
    code = workshop.clean_code(room.code) or ""  # our own alphabet: nothing to escape
    words, picture = st.columns([3, 2], vertical_alignment="center")
    with words:
        st.markdown(f"### {t('workshop.join_at')}")
        st.html(f'{CODE_CSS}<div class="mot-room-code">{code}</div>')
        st.code(address, language=None, wrap_lines=True)
        if rooms.local_only(address):
            st.warning(t("workshop.local_only"))
        if room.ended:
            st.info(t("workshop.ended"))
    with picture:
        st.image(rooms.qr_png(address), caption=t("workshop.scan"), width=300)


def controls(room: Room) -> None:
    """The facilitator's switches, in the sidebar (the main area is the projector's):
    stepping, hiding results, locking, opening touchpoints, the key."""
    if room.ended:
        return
    with st.sidebar:
        st.subheader(t("workshop.controls"))
        _flags(room)
        if room.stepwise:
            _step(room)
        else:
            _switches(room)
        with st.expander(t("workshop.key_note")):
            st.code(rooms.key(), language=None)


def _flags(room: Room) -> None:
    flags = (
        ("stepwise", "workshop.step", room.stepwise),
        ("results_hidden", "workshop.hide_results", room.results_hidden),
        ("joining_locked", "workshop.lock", room.joining_locked),
    )
    for flag, label, value in flags:
        # the stored state is in the key: a change made elsewhere redraws the switch
        changed = st.toggle(t(label), value=value, key=f"room_flag_{flag}_{room.code}_{value}")
        if changed != value and _refused(lambda f=flag, v=changed: rooms.set_flags(room, **{f: v})):
            st.rerun()


def _step(room: Room) -> None:
    names = rooms.shown_labels(room)
    now = next((tp.id for tp in room.touchpoints if tp.is_open), None)
    picked = st.radio(
        t("workshop.open_now"),
        options=list(names),
        format_func=lambda i: names[i],
        index=list(names).index(now) if now else None,
        key=f"room_step_{room.code}_{now}",
    )
    if picked and picked != now and _refused(lambda: rooms.set_open(room, picked, True, only=True)):
        st.rerun()


def _switches(room: Room) -> None:
    names = rooms.shown_labels(room)
    st.caption(t("workshop.open_caption"))
    for tp in room.touchpoints:
        key = f"room_tp_{room.code}_{tp.id}_{tp.is_open}"
        changed = st.toggle(names[tp.id], value=tp.is_open, key=key)
        if changed != tp.is_open and _refused(
            lambda i=tp.id, v=changed: rooms.set_open(room, i, v)
        ):
            st.rerun()


@st.fragment(run_every=timedelta(seconds=REFRESH_SECONDS))
def live() -> None:
    """The projector's view, read again from the store every few seconds."""
    room = rooms.current()
    if room is None:
        return
    answers = rooms.answers(room)
    summary = rooms.summary(room, answers)
    open_now = [tp.label(state.language()) for tp in room.touchpoints if tp.is_open]
    cards = st.columns(3)
    cards[0].metric(t("workshop.participants"), number(rooms.participants(room), 0))
    cards[1].metric(t("workshop.ratings"), number(rooms.answered(answers), 0))
    cards[2].metric(t("workshop.open_count"), number(len(open_now), 0))
    if room.results_hidden:
        st.info(t("workshop.results_hidden"))
        _counts(summary)
        return
    _numbers(room, answers, summary)


def _counts(summary: pd.DataFrame) -> None:
    widgets.table(
        summary,
        columns={"label": t("chart.touchpoint"), "n": t("workshop.col.n")},
        key="room_counts",
    )


def _numbers(room: Room, answers: pd.DataFrame, summary: pd.DataFrame) -> None:
    low, high = room.scale
    st.subheader(t("workshop.levels"))
    st.caption(t("workshop.levels_caption", low=low, high=high))
    widgets.table(
        summary,
        columns={
            "label": t("chart.touchpoint"),
            "n": t("workshop.col.n"),
            "expected": t("chart.expected"),
            "excellent": t("chart.excellent"),
            "experienced": t("chart.room_experienced"),
            "emotion": t("chart.room_emotion"),
            "gap_expected": t("workshop.col.gap_expected"),
            "gap_excellent": t("workshop.col.gap_excellent"),
        },
        key="room_summary",
        formats={"gap_expected": signed, "gap_excellent": signed, "emotion": signed},
    )
    text, names = chart_text(), rooms.labels(room)
    gaps, curve = rooms.gaps(room, answers), rooms.curve(room, answers)
    left, right = st.columns(2)
    if gaps is not None and len(answers):
        with left:
            st.markdown(f"**{t('workshop.gaps')}**")
            widgets.chart(charts.gaps_chart, gaps, labels=names, text=text, key="room_gaps")
    if curve is not None and len(answers):
        with right:
            st.markdown(f"**{t('workshop.curve')}**")
            widgets.chart(
                charts.emotion_curve_chart, curve, labels=names, text=text, key="room_curve"
            )
    chosen = _distribution(room, answers)
    _comments(room, answers, chosen)


def _distribution(room: Room, answers: pd.DataFrame) -> str:
    """How one touchpoint's questions were answered; returns the touchpoint shown."""
    st.subheader(t("workshop.distribution"))
    names = rooms.shown_labels(room)
    # Stepping: the open touchpoint (the key follows it); all open: the one answered last,
    # until the facilitator picks another.
    now = next((tp.id for tp in room.touchpoints if tp.is_open), None) if room.stepwise else None
    first = now or rooms.latest_touchpoint(room, answers)
    chosen = (
        st.segmented_control(
            t("chart.touchpoint"),
            options=list(names),
            format_func=lambda i: names[i],
            default=first,
            key=f"room_distribution_{room.code}_{now or 'all'}",
        )
        or first
    )
    shown = rooms.distribution(room, answers, chosen)
    if shown.empty:
        st.caption(t("workshop.no_answers"))
    else:
        widgets.chart(charts.room_distribution_chart, shown, text=chart_text(), key="room_points")
    return chosen


def _comments(room: Room, answers: pd.DataFrame, touchpoint: str) -> None:
    """Every comment on the touchpoint shown, newest first, each with Hide / Show again."""
    said = rooms.comments(room, answers)
    said = said[said["touchpoint"] == touchpoint]
    st.subheader(t("workshop.comments_on", touchpoint=rooms.shown_labels(room)[touchpoint]))
    if said.empty:
        st.caption(t("workshop.no_comments"))
        return
    for row in said.itertuples(index=False):  # at most one per participant
        words, button = st.columns([6, 1], vertical_alignment="center")
        words.text(t("workshop.hidden_comment") if row.hidden else row.comment)  # as typed
        label = "workshop.show_comment" if row.hidden else "workshop.hide_comment"
        key = f"room_hide_{row.participant}_{row.touchpoint}"
        if button.button(t(label), key=key):
            _refused(
                lambda r=row: rooms.hide_comment(room, r.participant, r.touchpoint, not r.hidden)
            )
            st.rerun()


def finish(room: Room) -> None:
    """End the room; save its answers as a wave; download them."""
    st.subheader(t("workshop.after"))
    answers = rooms.answers(room)
    first, second, third = st.columns(3)
    with first:
        pressed = st.button(t("workshop.save_wave"), type="primary", icon=":material/save:")
        if pressed and _refused(lambda: rooms.save_wave(room, answers)):
            state.leave_notice(t("workshop.saved_wave"), done=True)
            st.rerun()
    with second:
        st.download_button(
            t("workshop.download_csv"),
            data=rooms.csv(room, answers),
            file_name=rooms.file_name(room),
            mime="text/csv",
            icon=":material/download:",
            on_click="ignore",
        )
    with third:
        st.download_button(
            t("workshop.download_deck"),
            data=lambda: rooms.deck(room),  # built when clicked: charts take a moment
            file_name=rooms.file_name(room, "pptx"),
            mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
            icon=":material/slideshow:",
            on_click="ignore",
            help=t("workshop.deck_help"),
        )
    if not room.ended:
        sure = st.checkbox(t("workshop.end_sure"), key=f"room_end_sure_{room.code}")
        pressed = st.button(t("workshop.end"), disabled=not sure, icon=":material/stop_circle:")
        if pressed and _refused(lambda: rooms.end(room)):
            st.rerun()
    elif st.button(t("workshop.leave"), icon=":material/logout:"):
        rooms.leave()
        st.rerun()
