"""Survey uploads kept on disk for the session that made them, not in the server's memory.

An upload's bytes would otherwise stay in memory beside the survey built from them (and in
Streamlit's own store of uploaded files), one more copy of the file for as long as the
session lives. :func:`keep` writes them to a folder of their own under :data:`SURVEYS`
(private to the server's user), takes them out of Streamlit's store and returns a
:class:`~ui.state.DatasetChoice` that names the file; the survey is read from there
(``mot.survey.load_survey`` streams it). The folder is deleted when the session replaces
the upload by another dataset (:func:`replaced`), when the upload is refused
(:func:`discard`), and when the session ends (every folder a session made is a
session-scoped resource released with it). A server that was killed leaves folders behind:
``ui.logs.sweep_stale`` removes them at the next start.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui import state

SURVEYS = Path(tempfile.gettempdir()) / "mot-surveys"


def _remove(folder: Path) -> None:
    if folder.parent == SURVEYS:  # never anything else
        shutil.rmtree(folder, ignore_errors=True)


@st.cache_resource(max_entries=64, scope="session", show_spinner=False, on_release=_remove)
def _held(folder_name: str) -> Path:
    """The session holds this folder: released (deleted) with the session."""
    return SURVEYS / folder_name


def write(content: bytes, name: str, *, journey_json: str | None = None) -> state.DatasetChoice:
    """Write an upload's bytes to a new private folder; the choice that reads it from there."""
    SURVEYS.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=SURVEYS))
    safe = re.sub(r"[^\w.\- ]", "_", Path(name).name).strip(" .") or "survey.csv"
    path = folder / safe
    path.write_bytes(content)
    digest = hashlib.sha256(content).hexdigest()
    if get_script_run_ctx() is not None:
        _held(folder.name)
    return state.DatasetChoice(name, path=path, digest=digest, journey_json=journey_json)


def keep(upload: object, *, journey_json: str | None = None) -> state.DatasetChoice:
    """An ``st.file_uploader`` file, written to disk and dropped from Streamlit's store.

    Streamlit keeps an uploaded file's bytes until the user removes it in the browser or
    the session ends; once they are on disk that copy is not needed (the uploader then
    returns nothing for it, which :func:`ui.widgets.fresh_upload` already expects).
    """
    choice = write(upload.getvalue(), upload.name, journey_json=journey_json)
    forget(upload)
    return choice


def forget(upload: object) -> None:
    """Drop Streamlit's copy of an ``st.file_uploader`` file's bytes (they are on disk now)."""
    ctx = get_script_run_ctx()
    file_id = getattr(upload, "file_id", None)
    if ctx is not None and file_id is not None:
        ctx.uploaded_file_mgr.remove_file(session_id=ctx.session_id, file_id=file_id)


def discard(choice: state.DatasetChoice) -> None:
    """Delete an upload's folder (a refused upload, or one the session replaced)."""
    if choice.path is not None:
        _remove(Path(choice.path).parent)


def replaced(previous: state.DatasetChoice, current: state.DatasetChoice) -> None:
    """The session switched from ``previous`` to ``current``: delete the file left behind."""
    if previous.path is not None and previous.path != current.path:
        discard(previous)
