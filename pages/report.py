# Report: build a self-contained HTML (and PDF) report of the current dataset (and its event log) on
# request, then offer it, each chart (PNG, SVG) and each table (CSV, one Excel workbook), or
# everything in one zip, for download, named in the report's language. The built report
# stays in the session, so downloads never rebuild it.
import streamlit as st

from ui import actions_view, frame, logs, report_builder, state, widgets
from ui.i18n import number, t

frame.require_app()

st.title(t("nav.report"))
st.caption(t("report.caption"))
loaded = widgets.loaded_or_stop()
widgets.require_measures(loaded)
language = state.language()
log = logs.for_report()
acts = actions_view.for_report()
extra = {"actions": acts.actions, "effects": acts.effects, "actions_key": acts.key} if acts else {}
built = state.built_report()
current = report_builder.report_key(loaded, language, log, extra.get("actions_key", ""))

pressed = st.button(
    t("report.build"),
    key="report_build",
    type="primary" if built is None or built.key != current else "secondary",
    icon=":material/build:",
)
if pressed:
    with st.spinner(t("report.building")):
        fresh = widgets.attempt(
            lambda: report_builder.build_report(loaded, language=language, log=log, **extra)
        )
    if fresh is not None:
        state.keep_built_report(fresh)
        built = fresh

if built is None:
    st.info(t("report.not_built"))
    st.stop()
if built.key != current:
    st.warning(t("report.stale"))
st.success(
    t(
        "report.ready",
        sections=number(len(built.sections), 0),
        charts=number(len(built.charts), 0),
        tables=number(len(built.tables), 0),
    )
)
if built.missing:
    st.info(t("report.missing_sections", sections=widgets.md_text(", ".join(built.missing))))
downloads = st.container(horizontal=True)
downloads.download_button(
    t("report.download_html"),
    built.html.encode("utf-8"),
    file_name=f"{built.file_stem}.html",
    mime="text/html",
    key="report_html",
    type="primary",
    icon=":material/description:",
    on_click="ignore",
)
pdf_problem = report_builder.pdf_problem(built.language)
whole = [("pdf", built.pdf, "application/pdf", "picture_as_pdf")] if pdf_problem is None else []
for kind, content, mime, icon in [*whole, ("zip", built.zip, "application/zip", "folder_zip")]:
    downloads.download_button(
        t(f"report.download.{kind}"),
        content,
        file_name=f"{built.file_stem}.{kind}",
        mime=mime,
        key=f"report_{kind}",
        help=t(f"report.download_help.{kind}"),
        icon=f":material/{icon}:",
        on_click="ignore",
    )
if pdf_problem is not None:
    st.caption(t("report.pdf_unavailable", reason=widgets.md_text(pdf_problem)))
st.caption(t("report.contents") + ": " + widgets.md_text(" · ".join(built.sections)))

st.subheader(t("report.charts"))
chart_titles = {slug: title for slug, title, _ in built.charts}
pick, png, svg = st.columns([3, 1, 1], vertical_alignment="bottom")
chart = pick.selectbox(
    t("report.chart"), options=list(chart_titles), format_func=chart_titles.get, key="report_chart"
)
if chart is not None:
    png.download_button(
        t("report.download_png"),
        lambda slug=chart: built.png(slug),
        file_name=built.file_name(chart, "png"),
        mime="image/png",
        key="report_png",
        icon=":material/image:",
        on_click="ignore",
    )
    svg.download_button(
        t("report.download_svg"),
        lambda slug=chart: built.svg(slug),
        file_name=built.file_name(chart, "svg"),
        mime="image/svg+xml",
        key="report_svg",
        icon=":material/draw:",
        on_click="ignore",
    )
    widgets.chart(
        lambda slug, _built_key: built.chart(slug), chart, built.key, key="report_chart_preview"
    )

st.subheader(t("report.tables"))
st.caption(t("report.tables_caption"))
st.download_button(
    t("report.download_excel"),
    built.excel,
    file_name=f"{built.file_stem}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="report_excel",
    icon=":material/table_view:",
    on_click="ignore",
)
table_titles = {slug: title for slug, title, _ in built.tables}
pick, csv = st.columns([4, 1], vertical_alignment="bottom")
table = pick.selectbox(
    t("common.table"), options=list(table_titles), format_func=table_titles.get, key="report_table"
)
if table is not None:
    csv.download_button(
        t("common.download_csv"),
        lambda slug=table: built.csv(slug),
        file_name=built.file_name(table, "csv"),
        mime="text/csv",
        key="report_csv",
        icon=":material/csv:",
        on_click="ignore",
    )
    st.dataframe(built.table(table), hide_index=True, key="report_table_preview")
