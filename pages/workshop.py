# Workshop: a live room. The facilitator opens it for the journey of the data shown; phones
# join at /join with its code and rate each open touchpoint; this page is the projector's
# view (it refreshes by itself), the facilitator's controls and the room's answers as a wave.
import streamlit as st

from ui import actions_view, frame, room_view, rooms, widgets
from ui.i18n import t

frame.require_app()

st.title(t("nav.workshop"))
st.caption(t("workshop.caption"))
loaded = widgets.loaded_or_stop()
room = rooms.current()
if room is None:
    room_view.opening(loaded)
    st.stop()

room_view.header(room)
room_view.controls(room)
room_view.live()
room_view.finish(room)
actions_view.section(loaded, key="workshop_actions")
