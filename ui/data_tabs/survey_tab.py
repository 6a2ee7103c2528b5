"""The Data page's Survey tab: upload a survey, see how it was read, edit the column mapping
and the journey, and read the validation report. Every change goes through
``state.use_dataset`` (:func:`ui.widgets.switch_dataset`), so all pages follow it."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from mot import MEASURES, OUTCOMES
from mot.errors import MotError
from mot.io import RawTable
from mot.journey import MOMENT_KEYS, Journey, journey_from_frame, journey_from_json
from mot.mapping import ROLES, known_scale_names, mapping_from_json
from mot.mapping import with_measure_scales as with_scales
from mot.survey import SurveyData, tidy_columns
from mot.validation import SEVERITIES, ValidationReport
from mot.vocabulary import Severity
from ui import data, mapping_table, scale_check, state, widgets, workspaces
from ui.i18n import MEASURE_KEYS, mot_text, number, t

TYPES = ["csv", "txt", "tsv", "xlsx", "sav", "zsav", "parquet", "json", "jsonl"]
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
LABELS = MEASURE_KEYS | {o: f"outcome.{o}" for o in OUTCOMES}
Col = st.column_config


def _use(choice: state.DatasetChoice, build: Callable[[], object], part: str) -> None:
    """Switch to the dataset with the mapping or journey (``part``) that ``build()`` returns."""
    with_part = choice.with_mapping if part == "mapping" else choice.with_journey
    widgets.switch_dataset(lambda: with_part(build().to_dict()), f"data.error.{part}")


def _pick(label_key, options, label=None, width=None):
    options = [*dict.fromkeys(options)]
    return Col.SelectboxColumn(t(label_key), options=options, format_func=label, width=width)


def journey_rows(journey: Journey) -> pd.DataFrame:
    """The journey as the editor shows it: positions counted from 1."""
    return journey.to_frame().assign(position=lambda f: f["position"] + 1)


def report_rows(report: ValidationReport, only: Severity | None, language: str) -> pd.DataFrame:
    """The validation report's entries of one severity (all when ``only`` is None), in words."""
    severity = {s: t(f"data.severity.{s}") for s in SEVERITIES}
    rows = report.to_frame(language)
    rows = rows[rows["severity"].isin([only] if only else SEVERITIES)]
    return rows.assign(severity=rows["severity"].map(severity))


def _upload(choice: state.DatasetChoice) -> None:
    upload = st.file_uploader(
        t("data.upload"), TYPES, key="data_upload", help=t("data.upload_help")
    )
    if upload := widgets.fresh_upload(upload, key="data_upload"):
        # on disk and in a draft workspace, not in memory
        new = workspaces.keep_upload(upload, journey_json=choice.journey_json)
        widgets.switch_dataset(lambda: new, "data.error.upload", new_file=True)
    name = t("data.demo") if choice.is_demo else widgets.md_text(choice.name)
    st.markdown(t("data.current", name=name))
    if st.button(t("sidebar.back_to_demo"), key="data_demo", disabled=choice.is_default_demo):
        workspaces.back_to_demo()
        st.rerun()


def _detected(view: data.FileView, survey: SurveyData) -> None:
    raw = view.raw
    st.subheader(t("data.detected"))
    counts = {
        t("chart.n_respondents"): survey.n_respondents,
        t("data.rows"): view.n_rows,
        t("data.columns"): raw.frame.shape[1],
        t("data.header_rows"): raw.first_data_line - 1,
    }
    widgets.metrics({label: number(n, 0) for label, n in counts.items()})
    source, delimiter = t(f"data.format.{raw.source_format}"), DELIMITERS.get(raw.delimiter or "")
    sep = t(f"data.delimiter.{delimiter}") if delimiter else "–"
    encoding = widgets.md_text(raw.encoding or "–")
    st.markdown(t("data.read_as", format=source, encoding=encoding, delimiter=sep))
    notes = " · ".join(mot_text(note) for note in raw.notes)
    st.caption(t("data.notes", notes=widgets.md_message(notes)))
    st.dataframe(raw.frame.head(10).rename(index=raw.file_row), key="data_preview")


def _mapping_editor(choice: state.DatasetChoice, table: pd.DataFrame, journey: Journey):
    return st.data_editor(
        table,
        key=f"data_mapping_{choice.key}",
        hide_index=True,
        placeholder="–",
        disabled=["column", "why", "confidence"],
        column_config={
            "column": Col.TextColumn(t("data.col.column"), pinned=True),
            "role": _pick("data.col.role", ROLES, lambda r: t(f"data.role.{r}")),
            "touchpoint": _pick("chart.touchpoint", [*journey.ids, *table["touchpoint"].dropna()]),
            "measure": _pick("data.col.measure", MEASURES, lambda m: t(LABELS[m])),
            "outcome": _pick("data.role.outcome", OUTCOMES, lambda o: t(LABELS[o])),
            "scale": _pick(
                "data.col.scale", [*known_scale_names(), *table["scale"].dropna()], width="small"
            ),
            "reverse": Col.CheckboxColumn(
                t("data.col.reverse"), help=t("data.reverse_help"), width="small"
            ),
            "confidence": Col.TextColumn(
                t("data.col.confidence"), help=t("data.confidence.help"), width="small"
            ),
            "why": Col.TextColumn(t("data.col.reason"), width="large"),
        },
    )


def _scales(choice: state.DatasetChoice, edited: pd.DataFrame, survey: SurveyData) -> dict:
    present = {*edited["measure"], *edited["outcome"]}
    targets = [x for x in (*MEASURES, *OUTCOMES) if x in present]
    options, detected = [None, *known_scale_names()], t("data.scale_detected")
    unconfirmed = scale_check.confirm_scales(survey, lambda x: t(LABELS[x]))
    with st.expander(t("data.scales"), expanded=unconfirmed):
        st.caption(t("data.scales_caption"))
        return {
            x: box.selectbox(
                t(LABELS[x]),
                options,
                key=f"data_scale_{x}_{choice.key}",
                format_func=lambda s: s or detected,
            )
            for x, box in zip(targets, st.columns(5) * 3, strict=False)
        }


def _mapping(choice: state.DatasetChoice, raw: RawTable, survey: SurveyData) -> None:
    if tidy_columns(raw.frame) is not None:
        st.info(t("data.tidy"))
        return
    st.caption(t("data.mapping_caption"))
    mapping, journey = data.mapping(choice), data.journey(choice)
    if unsure := mapping_table.unsure_notice(mapping):
        st.warning(unsure)
    edited = _mapping_editor(choice, mapping_table.table(mapping, journey), journey)
    scales = _scales(choice, edited, survey)
    if st.button(t("data.apply_mapping"), key="data_apply_mapping", type="primary"):
        _use(choice, lambda: with_scales(mapping_table.edited(edited, mapping), scales), "mapping")
    texts = t("data.download_mapping"), t("data.upload_mapping"), "mapping.json"
    if file := widgets.json_exchange(mapping.to_dict(), *texts, key="data_mapping_file"):
        _use(choice, lambda: mapping_from_json(file.getvalue(), name=file.name), "mapping")


def _journey(choice: state.DatasetChoice) -> None:
    st.caption(t("data.journey_caption"))
    journey = data.journey(choice)
    steps = st.data_editor(
        journey_rows(journey),
        key=f"data_journey_{choice.key}",
        num_rows="dynamic",
        hide_index=True,
        placeholder="–",
        column_config={
            "position": Col.NumberColumn(t("data.col.position"), help=t("data.position_help")),
            "touchpoint": Col.TextColumn(t("data.col.id"), help=t("data.id_help")),
            "label_en": t("data.col.label_en"),
            "label_es": t("data.col.label_es"),
            "moment": _pick("chart.moment", ["", *MOMENT_KEYS], lambda m: m or t("data.none")),
            "events": Col.TextColumn(t("data.col.events"), help=t("data.events_help")),
        },
    )
    if st.button(t("data.apply_journey"), key="data_apply_journey", type="primary"):
        _use(choice, lambda: journey_from_frame(steps, name=journey.name), "journey")
    texts = t("data.download_journey"), t("data.upload_journey"), "journey.json"
    if file := widgets.json_exchange(journey.to_dict(), *texts, key="data_journey_file"):
        _use(choice, lambda: journey_from_json(file.getvalue(), name=file.name), "journey")


def _report(survey: SurveyData) -> None:
    st.caption(t("data.report_caption"))
    report = survey.report
    n_errors, n_warnings = number(len(report.errors), 0), number(len(report.warnings), 0)
    widgets.metrics({t("data.errors"): n_errors, t("data.warnings"): n_warnings})
    severity = {s: t(f"data.severity.{s}") for s in SEVERITIES}
    only = st.pills(t("data.only"), SEVERITIES, format_func=severity.get, key="data_severity")
    columns = {c: t(f"data.col.{c}") for c in ("severity", "row", "column", "problem", "fix")}
    rows = report_rows(report, only, state.language())
    widgets.table(rows, columns=columns, key="data_report")


def render() -> None:
    """Draw the tab (stops the page when the dataset in use cannot be read)."""
    choice = state.dataset()
    _upload(choice)
    try:
        view, survey = data.file_view(choice), data.survey(choice)
    except MotError as exc:
        st.error(t("common.load_error", error=widgets.md_message(exc)))
        st.stop()
    _detected(view, survey)
    tabs = st.tabs([t("data.tab_mapping"), t("sidebar.journey"), t("data.tab_report")])
    with tabs[0]:
        _mapping(choice, view.raw, survey)
    with tabs[1]:
        _journey(choice)
    with tabs[2]:
        _report(survey)
