"""An upload's memory is given back when its browser session ends.

Surveys built from an upload are ``st.cache_resource(scope="session")`` entries; Streamlit
clears a session's caches when the session disconnects (``AppSession.clear_session_caches``).
This test does what that shutdown does and checks that no reference keeps the file's tables.
"""

import gc
import weakref

import pandas as pd
from streamlit.runtime import caching
from streamlit.runtime.caching.cache_resource_api import _resource_caches
from streamlit.testing.v1 import AppTest

from mot.io import RawTable
from mot.survey import SurveyData

from .conftest import page_path


def _session_values() -> dict[str, list[object]]:
    """Every value in a session-scoped resource cache, by session id."""
    found: dict[str, list[object]] = {}
    for session_id, caches in _resource_caches._function_caches.items():
        if session_id is None:
            continue
        for cache in caches.values():
            for result in list(cache._mem_cache.values()):
                found.setdefault(session_id, []).append(result.value)
    return found


def test_ending_the_session_frees_the_uploaded_survey(valid_upload):
    at = AppTest.from_file(page_path("pages/utilities.py"), default_timeout=120)
    at.session_state["dataset"] = valid_upload
    at.run()
    assert not at.exception
    values = _session_values()
    held = [  # an upload's cached survey and file view (ui.data._Upload) unwrapped
        (session_id, part)
        for session_id, vs in values.items()
        for v in vs
        for part in (v, getattr(v, "survey", None), getattr(getattr(v, "view", None), "raw", None))
        if isinstance(part, SurveyData | RawTable)
    ]
    assert any(isinstance(v, SurveyData) for _, v in held), "the upload was not cached"
    frames = [weakref.ref(v.ratings if isinstance(v, SurveyData) else v.frame) for _, v in held]
    assert all(isinstance(ref(), pd.DataFrame) for ref in frames)
    sessions = {session_id for session_id, _ in held}
    del held, values, at
    for session_id in sessions:  # what AppSession.shutdown does when the browser leaves
        caching.clear_session_resource_cache(session_id)
        caching.clear_session_data_cache(session_id)
    gc.collect()
    alive = [ref for ref in frames if ref() is not None]
    assert not alive, f"{len(alive)} of {len(frames)} tables outlived their session"
