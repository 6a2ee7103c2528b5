# Router and frame: page config, shared state, the access gate, the shared sidebar,
# navigation; and the web server around them (st.App: the health route and the headers).
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui import access, frame, hosting, state
from ui.i18n import t

# The tab's icon is a file of the app, served by the app: a Material icon name would be
# fetched from Google's font server, which fails offline.
FAVICON = Path(__file__).resolve().parent / "ui" / "assets" / "favicon.png"


def main() -> None:
    """One run of the app's script: the page config, the gate, the navigation, the page."""
    # The menu's About item also makes it show the theme switch (light/dark, config.toml).
    st.set_page_config(
        page_title="Moments of Truth",
        page_icon=str(FAVICON),
        layout="wide",
        menu_items={"About": t("app.about")},
    )
    state.init()

    pages = {
        t("nav.explore"): [
            st.Page(
                "pages/overview.py",
                title=t("nav.overview"),
                icon=":material/explore:",
                url_path="overview",
                default=True,
            ),
            st.Page(
                "pages/data.py", title=t("nav.data"), icon=":material/upload_file:", url_path="data"
            ),
        ],
        t("nav.analyse"): [
            st.Page(
                "pages/utilities.py",
                title=t("nav.utilities"),
                icon=":material/balance:",
                url_path="utilities",
            ),
            st.Page(
                "pages/emotion.py",
                title=t("nav.emotion"),
                icon=":material/show_chart:",
                url_path="emotion",
            ),
            st.Page(
                "pages/memory.py",
                title=t("nav.memory"),
                icon=":material/psychology:",
                url_path="memory",
            ),
            st.Page(
                "pages/gaps.py", title=t("nav.gaps"), icon=":material/target:", url_path="gaps"
            ),
            st.Page(
                "pages/drivers.py",
                title=t("nav.drivers"),
                icon=":material/science:",
                url_path="drivers",
            ),
            st.Page(
                "pages/behaviour.py",
                title=t("nav.behaviour"),
                icon=":material/route:",
                url_path="behaviour",
            ),
        ],
        t("nav.share"): [
            st.Page(
                "pages/report.py",
                title=t("nav.report"),
                icon=":material/description:",
                url_path="report",
            ),
            st.Page(
                "pages/present.py",
                title=t("nav.present"),
                icon=":material/slideshow:",
                url_path=frame.PRESENT_PAGE,
            ),
            st.Page(
                "pages/workshop.py",
                title=t("nav.workshop"),
                icon=":material/groups:",
                url_path="workshop",
            ),
        ],
    }
    if not access.has_access():
        # A visitor without access gets the sign-in page at every address of the app, and
        # nothing else: no sidebar, no data. The addresses stay the same, so a shared link
        # opens its page once signed in.
        gate = [
            st.Page(
                access.sign_in_page, title=t("access.title"), url_path=p.url_path, default=i == 0
            )
            for i, p in enumerate(p for group in pages.values() for p in group)
        ]
        st.navigation(gate, position="hidden").run()
        st.stop()
    access.keep_pass()  # a browser without its pass cookie gets it, then comes back
    page = st.navigation(pages)
    frame.display_mode(page)
    frame.sidebar(page)
    with st.sidebar:
        access.sign_out_button()
    page.run()


# `streamlit run app.py` (and `make run`) finds this ASGI app and serves the script through
# it; uvicorn can serve it too (`uvicorn app:app`).
app = st.App(__file__, routes=hosting.ROUTES, middleware=hosting.MIDDLEWARE)

if get_script_run_ctx() is not None:  # a session running the script, not the server importing
    main()
