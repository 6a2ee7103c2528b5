"""A bounded load on the real server on loopback: 30 sessions at once (issue "Hosted and safe").

One server (``python -m ui.serve``, 127.0.0.1, a data folder of its own holding the demo
survey as a workspace); 30 WebSocket clients speaking Streamlit's protocol open the
workspace's landing page and then its Gaps page, as the sidebar's link does, all at once
(``bench/load.py``, whose bench family runs the same load with browsers as well: 30 Chromium
renderers sharing two cores with the server take about two minutes more, too long for
``make test``). Every session gets both first charts without an error; the p95 stays within
a bound of serving them one after another (relative to one session's time, never a bare
time); the server's memory once they have closed and been dropped keeps at most a share of
what the load added.
"""

from __future__ import annotations

import pytest

from bench import load

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(300)]

QUEUE_RATIO = 3.0
"""The bench's target is 2× (measured 1.3–1.4× on two cores); the test leaves room for a
machine busy with other work."""
KEPT_SHARE = load.KEPT_SHARE
KEPT_SLACK_MB = 16.0


@pytest.fixture(scope="module")
def loaded() -> load.LoadRun:
    return load.run("websocket", load.SESSIONS, singles=2)


def test_every_session_gets_both_first_charts_without_an_error(loaded):
    assert loaded.errors == [], load.table(loaded)
    assert len(loaded.many) == load.SESSIONS
    assert loaded.n_ok == load.SESSIONS, load.table(loaded)
    for session in loaded.many:
        assert len(session.seconds) == 2 and all(s > 0 for s in session.seconds), session


def test_the_p95_stays_within_a_bound_of_serving_the_sessions_one_after_another(loaded):
    # the sessions did run at once: together they spent far longer than the load lasted
    assert sum(s.total_s for s in loaded.many) > 5 * loaded.wall_s, load.table(loaded)
    for page in (0, 1):
        assert loaded.queue_ratio(page) <= QUEUE_RATIO, load.table(loaded)


def test_the_memory_the_sessions_took_is_handed_back_once_they_are_gone(loaded):
    memory = loaded.memory
    assert memory.grew_mb > 0, load.table(loaded)  # the sampler saw the load
    assert memory.kept_mb <= KEPT_SHARE * memory.grew_mb + KEPT_SLACK_MB, load.table(loaded)
