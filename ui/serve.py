"""Start the dashboard: ``python -m ui.serve [options]`` is ``streamlit run app.py [options]``
with a warm-up.

Streamlit runs nothing until a browser connects, and a browser spends about a second loading
the page's own scripts before it does. The warm-up uses that second: the library is imported
before the server starts, then a background thread builds the bundled demo survey, the
landing page's analyses and its journey map (caches shared by every session), so that the
first visitor's landing page finds them ready instead of waiting for them. ``make run`` and
the end-to-end tests start the dashboard this way.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app.py"


def warm() -> None:
    """Import what the landing page needs, load the demo survey and compute the landing
    page's analyses and journey map in English into the caches shared by every session."""
    # Outside a script run Streamlit warns that there is no session; that is expected here.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(
        logging.ERROR
    )
    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)
    from mot import charts
    from mot.errors import MotError
    from ui import data, frame, queries, state, widgets  # noqa: F401  (frame: the sidebar's imports)

    demo = data.Loaded(data.survey(state.DEMO), state.DEMO.key, shared=True)
    queries.highlights(demo)
    queries.nps(demo)
    try:
        args, kwargs = widgets.journey_map_inputs(demo, "en")
    except MotError:  # a demo without emotion ratings has no journey map to warm
        return
    data.spec_for(
        charts.journey_map_chart,
        args,
        kwargs,
        key="overview_map",
        language="en",
        large=False,
        shared=True,
    )


def main(argv: list[str] | None = None) -> None:
    from streamlit.web import cli

    # Imports first, in this thread: done in the background they would hold the GIL while
    # the server sends the page's scripts, and the browser would wait for both. The demo's
    # analyses and chart then overlap the browser's page load, with short GIL turns so that
    # the server stays responsive (measured: bench/README.md, first chart).
    import mot.charts  # noqa: F401
    import ui.data
    import ui.frame
    import ui.logs

    ui.logs.sweep_stale()  # what a killed server left in the temporary folder
    sys.setswitchinterval(0.0005)
    threading.Thread(target=warm, name="mot-warm-up", daemon=True).start()
    sys.argv = ["streamlit", "run", str(APP), *(sys.argv[1:] if argv is None else argv)]
    cli.main()


if __name__ == "__main__":
    main()
