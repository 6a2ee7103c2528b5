"""The Data page's Event log tab: upload a log, see how it was read, correct its columns, and
read its bad rows. Every change goes through ``state.use_event_log``."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from mot import behaviour
from mot.errors import EventLogError, MotError
from ui import logs, state, widgets, workspaces
from ui.i18n import mot_text, number, t

LOG_TYPES = ["csv", "tsv", "txt", "parquet", "jsonl", "ndjson", "json", "gz"]
LOG_ROLES = ("user_id", "session_id", "timestamp", "event")

PROBLEM_KEYS = {
    "bad_row.user_id": "data.log_problem.id",
    "bad_row.event": "data.log_problem.name",
    "bad_row.timestamp": "data.log_problem.timestamp",
    "bad_row.unparseable": "data.log_problem.unparseable",
    "bad_row.out_of_range": "data.log_problem.range",
}


def switch_log(build: Callable[[], state.EventLogChoice], upload_id: str | None = None) -> None:
    """Switch every page to the event log ``build()`` returns, or say why it cannot be read.

    An upload counts as handled (``upload_id``) only once it is opened or refused: a run
    interrupted meanwhile (the user clicks another page) handles it again next time.
    """
    try:
        new = build()
        with st.status(t("data.log_step_reading")):
            opened = logs.open_log(new)
        if opened.n_events == 0:  # nothing to analyse: keep the log in use
            raise EventLogError(t("data.log_no_events", name=new.name, bad=opened.n_bad_rows))
    except MotError as exc:
        state.mark_log_upload_seen(upload_id)
        st.error(t("data.log_upload_error", error=widgets.md_message(exc)))
        return
    state.mark_log_upload_seen(upload_id)
    state.use_event_log(workspaces.keep_event_log(new))  # saved in the session's workspace
    st.rerun()


def problem_text(problem: object) -> str:
    """A bad-row problem of mot.behaviour (a message with its code) in the session's language."""
    key = PROBLEM_KEYS.get(getattr(problem, "code", None))
    return t(key, column=problem.params["column"]) if key else mot_text(problem)


def bad_rows_shown(bad: pd.DataFrame) -> pd.DataFrame:
    """The bad-rows table in words: problems translated, example rows as one text."""
    return bad.assign(
        problem=bad["problem"].map(problem_text),
        example_rows=bad["example_rows"].map(lambda rows: ", ".join(map(str, rows))),
    )


def _upload(current: state.EventLogChoice) -> None:
    upload = st.file_uploader(
        t("data.log_upload"), LOG_TYPES, key="data_log_upload", help=t("data.log_upload_help")
    )
    if upload is not None and state.log_upload_seen() != upload.file_id:
        new = state.EventLogChoice(upload.name, upload.getvalue())
        switch_log(lambda: new, upload.file_id)
    name = t("behaviour.demo_log") if current.is_demo else current.name
    st.markdown(t("behaviour.current", name=widgets.md_text(name)))
    if st.button(t("data.log_back_to_demo"), key="data_log_demo", disabled=current.is_demo):
        workspaces.back_to_demo_log()
        st.rerun()


def _columns(current: state.EventLogChoice, log: behaviour.EventLog) -> None:
    st.subheader(t("data.columns"))
    st.caption(t("data.log_columns_caption"))
    options = behaviour.source_columns(log)
    chosen = {}
    for role, box in zip(LOG_ROLES, st.columns(len(LOG_ROLES)), strict=True):
        now = log.columns.get(role)
        role_options = [None, *options] if role == "session_id" else options
        chosen[role] = box.selectbox(
            t(f"data.log_role.{role}"),
            role_options,
            index=role_options.index(now) if now in role_options else 0,
            format_func=lambda c: t("data.log_no_session") if c is None else c,
            key=f"data_log_{role}_{current.key}",
        )
    if st.button(t("data.log_apply_columns"), key="data_log_apply", type="primary"):
        switch_log(lambda: current.with_columns(chosen))


def render() -> None:
    """Draw the tab."""
    current = state.event_log()
    st.caption(t("data.log_caption"))
    _upload(current)
    try:
        log = logs.open_log(current)
    except MotError as exc:
        st.error(t("data.log_error", error=widgets.md_message(exc)))
        return
    counts = {
        t("data.log_rows"): log.n_rows,
        t("chart.events"): log.n_events,
        t("chart.users"): log.n_users,
        t("behaviour.sessions"): log.n_sessions,
        t("behaviour.bad_rows"): log.n_bad_rows,
    }
    widgets.metrics({label: number(n, 0) for label, n in counts.items()})
    notes = " ".join(mot_text(note) for note in log.notes)
    st.caption(t("data.log_notes", notes=widgets.md_message(notes)))
    st.dataframe(behaviour.preview_events(log), hide_index=True, key="data_log_preview")
    _columns(current, log)
    st.subheader(t("behaviour.bad_rows"))
    bad = log.bad_rows()
    if bad.empty:
        st.success(t("data.log_no_bad_rows"))
    else:
        st.caption(t("data.log_bad_rows_caption"))
        widgets.table(
            bad_rows_shown(bad),
            columns={
                "problem": t("data.col.problem"),
                "count": t("behaviour.col.count"),
                "example_rows": t("data.log_examples"),
            },
            key="data_log_bad",
        )
