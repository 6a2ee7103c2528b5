# Router and frame: page config, shared state, the shared sidebar, navigation.
import streamlit as st

from ui import state

st.set_page_config(page_title="Moments of Truth", page_icon="🎯", layout="wide")
state.init()

pages = {
    "Analysis": [
        st.Page(
            "pages/overview.py", title="Overview", icon="🧭", url_path="overview", default=True
        ),
    ],
}
with st.sidebar:
    st.caption(f"Dataset: {state.dataset().name}")

st.navigation(pages).run()
