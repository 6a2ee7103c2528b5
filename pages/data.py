# Data: upload a survey, see how it was read, edit the column mapping and the journey, and read
# the validation report. Every change goes through state.use_dataset, so all pages follow it.
import streamlit as st

from mot import MEASURES, OUTCOMES, events
from mot.errors import EventLogError, MotError
from mot.journey import MOMENT_KEYS, journey_from_frame, journey_from_json
from mot.mapping import ROLES, known_scale_names, mapping_from_json
from mot.mapping import with_measure_scales as with_scales
from mot.survey import tidy_columns
from mot.validation import SEVERITIES
from ui import data, frame, logs, mapping_table, scale_check, state, uploads, widgets
from ui.i18n import MEASURE_KEYS, mot_text, number, t

frame.require_app()

TYPES = ["csv", "txt", "tsv", "xlsx", "sav", "zsav", "parquet", "json", "jsonl"]
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
LABELS = MEASURE_KEYS | {o: f"outcome.{o}" for o in OUTCOMES}
LOG_TYPES = ["csv", "tsv", "txt", "parquet", "jsonl", "ndjson", "json", "gz"]
LOG_ROLES = ("user_id", "session_id", "timestamp", "event")
LOG_UPLOAD_SEEN = "data_log_upload_seen"
Col = st.column_config


def use(build, part):
    """Switch to the dataset with the mapping or journey (``part``) that ``build()`` returns."""
    with_part = choice.with_mapping if part == "mapping" else choice.with_journey
    widgets.switch_dataset(lambda: with_part(build().to_dict()), f"data.{part}_error")


def pick(label_key, options, label=None, width=None):
    options = [*dict.fromkeys(options)]
    return Col.SelectboxColumn(t(label_key), options=options, format_func=label, width=width)


def switch_log(build, upload_id=None):
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
        st.session_state[LOG_UPLOAD_SEEN] = upload_id
        st.error(t("data.log_upload_error", error=widgets.md_message(exc)))
        return
    st.session_state[LOG_UPLOAD_SEEN] = upload_id
    state.use_event_log(new)
    st.rerun()


PROBLEM_KEYS = {
    "bad_row.user_id": "data.log_problem.id",
    "bad_row.event": "data.log_problem.name",
    "bad_row.timestamp": "data.log_problem.timestamp",
    "bad_row.unparseable": "data.log_problem.unparseable",
    "bad_row.out_of_range": "data.log_problem.range",
}


def problem_text(problem):
    """A bad-row problem of mot.events (a message with its code) in the session's language."""
    key = PROBLEM_KEYS.get(getattr(problem, "code", None))
    return t(key, column=problem.params["column"]) if key else mot_text(problem)


def event_log_tab():
    current = state.event_log()
    st.caption(t("data.log_caption"))
    upload = st.file_uploader(
        t("data.log_upload"), LOG_TYPES, key="data_log_upload", help=t("data.log_upload_help")
    )
    if upload is not None and st.session_state.get(LOG_UPLOAD_SEEN) != upload.file_id:
        new = state.EventLogChoice(upload.name, upload.getvalue())
        switch_log(lambda: new, upload.file_id)
    name = t("behaviour.demo_log") if current.is_demo else current.name
    st.markdown(t("behaviour.current", name=widgets.md_text(name)))
    if st.button(t("data.log_back_to_demo"), key="data_log_demo", disabled=current.is_demo):
        state.use_event_log(state.DEMO_LOG)
        st.rerun()
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
    st.dataframe(events.preview_events(log), hide_index=True, key="data_log_preview")
    st.subheader(t("data.columns"))
    st.caption(t("data.log_columns_caption"))
    options = events.source_columns(log)
    chosen = {}
    for role, box in zip(LOG_ROLES, st.columns(len(LOG_ROLES)), strict=True):
        now = log.columns.get(role)
        role_options = [None, *options] if role == "session_id" else options
        chosen[role] = box.selectbox(
            t(f"data.log_role_{role}"),
            role_options,
            index=role_options.index(now) if now in role_options else 0,
            format_func=lambda c: t("data.log_no_session") if c is None else c,
            key=f"data_log_{role}_{current.key}",
        )
    if st.button(t("data.log_apply_columns"), key="data_log_apply", type="primary"):
        switch_log(lambda: current.with_columns(chosen))
    st.subheader(t("behaviour.bad_rows"))
    bad = log.bad_rows()
    if bad.empty:
        st.success(t("data.log_no_bad_rows"))
    else:
        st.caption(t("data.log_bad_rows_caption"))
        bad = bad.assign(
            problem=bad["problem"].map(problem_text),
            example_rows=bad["example_rows"].map(lambda rows: ", ".join(map(str, rows))),
        )
        widgets.table(
            bad,
            columns={
                "problem": t("data.col_problem"),
                "count": t("behaviour.col.count"),
                "example_rows": t("data.log_examples"),
            },
            key="data_log_bad",
        )


st.title(t("data.title"))
st.caption(t("data.caption"))
survey_tab, log_tab = st.tabs([t("data.tab_survey"), t("data.tab_log")])
with log_tab:
    event_log_tab()
with survey_tab:
    choice = state.dataset()
    upload = st.file_uploader(
        t("data.upload"), TYPES, key="data_upload", help=t("data.upload_help")
    )
    if upload := widgets.fresh_upload(upload, key="data_upload"):
        new = uploads.keep(upload, journey_json=choice.journey_json)  # on disk, not in memory
        widgets.switch_dataset(lambda: new, "data.upload_error", new_file=True)
    name = t("data.demo") if choice.is_demo else widgets.md_text(choice.name)
    st.markdown(t("data.current", name=name))
    if st.button(t("sidebar.back_to_demo"), key="data_demo", disabled=choice.is_default_demo):
        state.use_dataset(state.DEMO)
        st.rerun()
    try:
        view, survey = data.file_view(choice), data.survey(choice)
        raw = view.raw
    except MotError as exc:
        st.error(t("common.load_error", error=widgets.md_message(exc)))
        st.stop()

    st.subheader(t("data.detected"))
    counts = {
        t("chart.n_respondents"): survey.n_respondents,
        t("data.rows"): view.n_rows,
        t("data.columns"): raw.frame.shape[1],
        t("data.header_rows"): raw.first_data_line - 1,
    }
    widgets.metrics({label: number(n, 0) for label, n in counts.items()})
    source, delimiter = t(f"data.format_{raw.source_format}"), DELIMITERS.get(raw.delimiter or "")
    sep = t(f"data.delimiter_{delimiter}") if delimiter else "–"
    encoding = widgets.md_text(raw.encoding or "–")
    st.markdown(t("data.read_as", format=source, encoding=encoding, delimiter=sep))
    notes = " · ".join(mot_text(note) for note in raw.notes)
    st.caption(t("data.notes", notes=widgets.md_message(notes)))
    st.dataframe(raw.frame.head(10).rename(index=raw.file_row), key="data_preview")

    tabs = st.tabs([t("data.tab_mapping"), t("sidebar.journey"), t("data.tab_report")])
    with tabs[0]:
        if tidy_columns(raw.frame) is not None:
            st.info(t("data.tidy"))
        else:
            st.caption(t("data.mapping_caption"))
            mapping, journey = data.mapping(choice), data.journey(choice)
            if unsure := mapping_table.unsure_notice(mapping):
                st.warning(unsure)
            table = mapping_table.table(mapping, journey)
            edited = st.data_editor(
                table,
                key=f"data_mapping_{choice.key}",
                hide_index=True,
                placeholder="–",
                disabled=["column", "why", "confidence"],
                column_config={
                    "column": Col.TextColumn(t("data.col_column"), pinned=True),
                    "role": pick("data.col_role", ROLES, lambda r: t(f"data.role_{r}")),
                    "touchpoint": pick(
                        "chart.touchpoint", [*journey.ids, *table["touchpoint"].dropna()]
                    ),
                    "measure": pick("data.col_measure", MEASURES, lambda m: t(LABELS[m])),
                    "outcome": pick("data.role_outcome", OUTCOMES, lambda o: t(LABELS[o])),
                    "scale": pick(
                        "data.col_scale",
                        [*known_scale_names(), *table["scale"].dropna()],
                        width="small",
                    ),
                    "reverse": Col.CheckboxColumn(
                        t("data.col_reverse"), help=t("data.reverse_help"), width="small"
                    ),
                    "confidence": Col.TextColumn(
                        t("data.col_confidence"), help=t("data.confidence_help"), width="small"
                    ),
                    "why": Col.TextColumn(t("data.col_reason"), width="large"),
                },
            )
            present = {*edited["measure"], *edited["outcome"]}
            targets = [x for x in (*MEASURES, *OUTCOMES) if x in present]
            options, detected = [None, *known_scale_names()], t("data.scale_detected")
            unconfirmed = scale_check.confirm_scales(survey, lambda x: t(LABELS[x]))
            with st.expander(t("data.scales"), expanded=unconfirmed):
                st.caption(t("data.scales_caption"))
                scales = {
                    x: box.selectbox(
                        t(LABELS[x]),
                        options,
                        key=f"data_scale_{x}_{choice.key}",
                        format_func=lambda s: s or detected,
                    )
                    for x, box in zip(targets, st.columns(5) * 3, strict=False)
                }
            if st.button(t("data.apply_mapping"), key="data_apply_mapping", type="primary"):
                use(lambda: with_scales(mapping_table.edited(edited, mapping), scales), "mapping")
            texts = t("data.download_mapping"), t("data.upload_mapping"), "mapping.json"
            if file := widgets.json_exchange(mapping.to_dict(), *texts, key="data_mapping_file"):
                use(lambda: mapping_from_json(file.getvalue(), name=file.name), "mapping")

    with tabs[1]:
        st.caption(t("data.journey_caption"))
        journey = data.journey(choice)
        steps = st.data_editor(
            journey.to_frame().assign(position=lambda f: f["position"] + 1),
            key=f"data_journey_{choice.key}",
            num_rows="dynamic",
            hide_index=True,
            placeholder="–",
            column_config={
                "position": Col.NumberColumn(t("data.col_position"), help=t("data.position_help")),
                "touchpoint": Col.TextColumn(t("data.col_id"), help=t("data.id_help")),
                "label_en": t("data.col_label_en"),
                "label_es": t("data.col_label_es"),
                "moment": pick("chart.moment", ["", *MOMENT_KEYS], lambda m: m or t("data.none")),
                "events": Col.TextColumn(t("data.col_events"), help=t("data.events_help")),
            },
        )
        if st.button(t("data.apply_journey"), key="data_apply_journey", type="primary"):
            use(lambda: journey_from_frame(steps, name=journey.name), "journey")
        texts = t("data.download_journey"), t("data.upload_journey"), "journey.json"
        if file := widgets.json_exchange(journey.to_dict(), *texts, key="data_journey_file"):
            use(lambda: journey_from_json(file.getvalue(), name=file.name), "journey")

    with tabs[2]:
        st.caption(t("data.report_caption"))
        report = survey.report
        n_errors, n_warnings = number(len(report.errors), 0), number(len(report.warnings), 0)
        widgets.metrics({t("data.errors"): n_errors, t("data.warnings"): n_warnings})
        severity = {s: t(f"data.severity_{s}") for s in SEVERITIES}
        only = st.pills(t("data.only"), SEVERITIES, format_func=severity.get, key="data_severity")
        frame = report.to_frame(state.language())
        frame = frame[frame["severity"].isin([only] if only else SEVERITIES)]
        frame["severity"] = frame["severity"].map(severity)
        columns = {c: t(f"data.col_{c}") for c in ("severity", "row", "column", "problem", "fix")}
        widgets.table(frame, columns=columns, key="data_report")
