"""Survey uploads live on disk for their session (``ui.uploads``), never twice in memory.

The Data page writes an upload to a private folder, drops Streamlit's copy of its bytes and
builds the survey from the file; the folder goes when the session replaces the upload, when
the upload is refused, and when the session ends.
"""

import hashlib

from streamlit.runtime import caching
from streamlit.runtime.caching.cache_resource_api import _resource_caches
from streamlit.testing.v1 import AppTest

from mot.survey import load_survey
from ui import state, uploads

from .conftest import BROKEN, VALID_EXPORT, page_path

OTHER = VALID_EXPORT.replace(b"R1,", b"R100,")


def data_page() -> AppTest:
    at = AppTest.from_file(page_path("pages/data.py"), default_timeout=120)
    at.run()
    return at


def upload(at: AppTest, name: str, content: bytes) -> AppTest:
    at.file_uploader(key="data_upload").upload(name, content, "text/csv")
    return at.run()


def respondents(at: AppTest) -> str:
    return next(m.value for m in at.metric if m.label == "Respondents")


def test_an_upload_is_a_private_file_with_its_digest():
    at = upload(data_page(), "my export.csv", VALID_EXPORT)
    assert not at.exception, at.exception
    kept = at.session_state["dataset"]
    assert kept.path.parent.parent == uploads.SURVEYS
    assert kept.path.name == "my export.csv"
    assert kept.path.read_bytes() == VALID_EXPORT
    assert kept.digest == hashlib.sha256(VALID_EXPORT).hexdigest()
    assert (kept.path.parent.stat().st_mode & 0o077) == 0, "readable by the server's user only"
    assert respondents(at) == "40"
    at.run()  # Streamlit's copy is gone: the rerun neither fails nor loads the file again
    assert not at.exception and at.session_state["dataset"] == kept
    uploads.discard(kept)


def test_a_file_on_disk_gives_the_survey_its_bytes_give():
    kept = uploads.write(VALID_EXPORT, "my_export.csv")
    try:
        on_disk = load_survey(kept.source, name=kept.name)
        in_memory = load_survey(VALID_EXPORT, name="my_export.csv")
        assert on_disk.ratings.equals(in_memory.ratings)
        assert on_disk.respondents.equals(in_memory.respondents)
        assert str(on_disk.report) == str(in_memory.report)
        assert str(uploads.SURVEYS) not in str(on_disk.report), "no server path in messages"
    finally:
        uploads.discard(kept)
    assert not kept.path.parent.exists()


def test_mapping_edits_keep_the_file_and_its_reading():
    kept = uploads.write(VALID_EXPORT, "my_export.csv")
    edited = kept.with_mapping({"columns": []})
    assert edited.path == kept.path and edited.file_key == kept.file_key
    assert edited.key != kept.key
    uploads.discard(kept)


def test_a_second_upload_deletes_the_first_file():
    at = upload(data_page(), "first.csv", VALID_EXPORT)
    first = at.session_state["dataset"]
    at = upload(at, "second.csv", OTHER)
    second = at.session_state["dataset"]
    assert second.name == "second.csv" and second.path.exists()
    assert not first.path.parent.exists()
    uploads.discard(second)


def test_a_refused_upload_leaves_nothing_and_keeps_the_previous_file():
    at = upload(data_page(), "good.csv", VALID_EXPORT)
    good = at.session_state["dataset"]
    at = upload(at, "junk_refused.csv", BROKEN)
    assert at.session_state["dataset"] == good and good.path.exists()
    # Other tests (xdist workers) may be writing uploads at the same time: look for this one.
    left = list(uploads.SURVEYS.glob("*/junk_refused.csv"))
    assert left == [], "the refused file's folder is deleted"
    uploads.discard(good)


def test_back_to_the_demo_deletes_the_upload():
    at = upload(data_page(), "my_export.csv", VALID_EXPORT)
    kept = at.session_state["dataset"]
    at.button(key="data_demo").click().run()
    assert at.session_state["dataset"] == state.DEMO
    assert not kept.path.parent.exists()


def test_ending_the_session_deletes_its_uploads():
    at = upload(data_page(), "my_export.csv", VALID_EXPORT)
    kept = at.session_state["dataset"]
    assert kept.path.exists()
    sessions = [s for s in _resource_caches._function_caches if s is not None]
    del at
    for session_id in sessions:  # what AppSession.shutdown does when the browser leaves
        caching.clear_session_resource_cache(session_id)
    assert not kept.path.parent.exists()
