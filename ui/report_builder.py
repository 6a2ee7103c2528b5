"""The downloadable report of the current dataset, and the plain-language texts that the
gaps and drivers pages share with it.

Analyses are the queries of :mod:`ui.queries` and :mod:`ui.log_queries`, called through a
runner: :func:`cached` (the queries' caches) in the app, :func:`direct` (no cache) in tests
and scripts, which run outside a Streamlit session. Everything takes the language as an
argument and never reads a widget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, ParamSpec, TypeVar

import pandas as pd

from mot import charts, report
from mot.actions import action_markers
from mot.errors import MotError
from mot.vocabulary import DEFAULT_CORRECTION
from ui import data, log_queries, logs, queries, sentences
from ui.i18n import chart_text, mot_text, number, p_value, t

P = ParamSpec("P")
R = TypeVar("R")

Runner = Callable[..., Any]
"""How the report calls a query: ``run(query, subject, **params)`` (:func:`cached`, ...)."""

SECTIONS: tuple[str, ...] = (
    "overview",
    "utilities",
    "emotion",
    "memory",
    "gaps",
    "actions",
    "drivers",
    "validation",
    "behaviour",
)
"""Section keys in report order (titles: :data:`SECTION_TITLES`); ``actions`` is there only
when the workspace has corrective actions, ``behaviour`` only when an event log goes with
the report."""

SECTION_TITLES: dict[str, str] = {
    "overview": "nav.overview",
    "utilities": "nav.utilities",
    "emotion": "report.name.emotion_curve",
    "memory": "nav.memory",
    "gaps": "nav.gaps",
    "actions": "actions.heading",
    "drivers": "nav.drivers",
    "validation": "data.tab_report",
    "behaviour": "nav.behaviour",
}
"""Catalogue key of each section's title (the page's name, said once in the catalogue)."""

NAME_KEYS: dict[str, str] = {
    "utilities": "nav.utilities",
    "comparison": "chart.comparison",
    "journey_map": "overview.map",
    "funnel": "behaviour.tab.funnel",
    "reach": "behaviour.reach_title",
    "validation": "data.tab_report",
    "actions": "actions.heading",
    "action_effects": "actions.effects",
}
"""Catalogue key of a chart's or table's name where the app already says it; else
``report.name.<slug>``."""


def name_key(slug: str) -> str:
    """The catalogue key of the name of the chart or table ``slug``."""
    return NAME_KEYS.get(slug, f"report.name.{slug}")


TREND_PERIOD = "week"
"""The period of the report's behaviour trend (the Behaviour page's default)."""


REPORT_CHART_WIDTH = 680
"""Plot width in a file: the report, PNG and SVG have no container to stretch to."""


def cached(query: Any, subject: object, /, *args: object, **params: object) -> Any:
    """Call a query of :mod:`ui.queries` or :mod:`ui.log_queries` through its cache."""
    return query(subject, *args, **params)


def direct(query: Any, subject: object, /, *args: object, **params: object) -> Any:
    """Call a query of :mod:`ui.queries` or :mod:`ui.log_queries` without any cache."""
    return query.uncached(subject, *args, **params)


direct_log = direct
"""The event log's queries without any cache (the same runner as :func:`direct`)."""


def optional(step: Callable[[], object]) -> object | None:
    """The result of ``step``, or None when the data lacks what it needs (a MotError)."""
    try:
        return step()
    except MotError:
        return None


def translated(frame: pd.DataFrame, prefixes: dict[str, str], language: str) -> pd.DataFrame:
    """A copy with the coded values of some columns in words: ``column → key prefix``."""
    return frame.assign(
        **{
            column: frame[column].astype(str).map(lambda v, p=prefix: t(p + v, language))
            for column, prefix in prefixes.items()
        }
    )


def export_spec(chart: object) -> dict:
    """The Vega-Lite spec of ``chart`` for a file: the normal theme and a fixed width."""
    with data.THEME_LOCK, charts.use_theme(large=False):
        spec = chart.to_dict()
    return _fixed_width(spec)


def _fixed_width(node: object) -> object:
    """``node`` with every ``"width": "container"`` replaced by :data:`REPORT_CHART_WIDTH`."""
    if isinstance(node, dict):
        return {
            key: REPORT_CHART_WIDTH
            if key == "width" and value == "container"
            else _fixed_width(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_fixed_width(value) for value in node]
    return node


# --- plain-language texts ------------------------------------------------------------------


# --- the report ----------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class BuiltReport:
    """A built report: the HTML document (and the report it was written from, for the PDF)
    plus its charts and tables for separate download.

    ``key`` identifies the data, filter and language it was built from; ``charts`` and
    ``tables`` are ``(slug, title, object)`` triples in report order; ``specs`` holds each
    chart's spec as exported (see :func:`export_spec`).
    """

    key: str
    language: str
    html: str
    file_stem: str
    sections: tuple[str, ...]
    missing: tuple[str, ...]
    charts: tuple[tuple[str, str, object], ...]
    tables: tuple[tuple[str, str, pd.DataFrame], ...]
    specs: dict[str, dict]
    document: report.Report

    def chart(self, slug: str) -> object:
        return next(chart for key, _, chart in self.charts if key == slug)

    def file_name(self, slug: str, extension: str) -> str:
        """The download name of a chart or table: its title in the report's language
        (``curva_emocional.png``, ``emotion_curve.png``)."""
        titles = {key: title for key, title, _ in (*self.charts, *self.tables)}
        return report.file_name(titles.get(slug, slug), extension)

    def pdf(self) -> bytes:
        """The report as a PDF (A4), drawn on request: :func:`mot.report_pdf.report_pdf`."""
        return self.document.to_pdf()

    def zip(self) -> bytes:
        """The HTML and PDF report, every chart as PNG and every table as CSV in one zip
        archive, each file named in the report's language (the PDF only when a font for it
        is installed: :func:`pdf_problem`)."""
        files = {f"{self.file_stem}.html": self.html.encode("utf-8")}
        if pdf_problem(self.language) is None:
            files[f"{self.file_stem}.pdf"] = self.pdf()
        files |= {self.file_name(slug, "png"): self.png(slug) for slug, _, _ in self.charts}
        files |= {self.file_name(slug, "csv"): self.csv(slug) for slug, _, _ in self.tables}
        return report.zip_files(files)

    def png(self, slug: str) -> bytes:
        return report.chart_png(self.specs[slug], language=self.language)

    def svg(self, slug: str) -> bytes:
        return report.chart_svg(self.specs[slug], language=self.language).encode("utf-8")

    def table(self, slug: str) -> pd.DataFrame:
        return next(frame for key, _, frame in self.tables if key == slug)

    def csv(self, slug: str) -> bytes:
        return report.table_to_csv(self.table(slug), language=self.language)

    def excel(self) -> bytes:
        return report.tables_to_excel({title: frame for _, title, frame in self.tables})


@dataclass
class _Part:
    """What one section contributes: its text, charts, tables and raw tables for export."""

    text: list[str] = field(default_factory=list)
    charts: list[tuple[str, object]] = field(default_factory=list)
    tables: list[tuple[str, pd.DataFrame]] = field(default_factory=list)
    exports: list[tuple[str, pd.DataFrame]] = field(default_factory=list)


@dataclass(frozen=True)
class _Context:
    loaded: data.Loaded
    run: Runner
    language: str
    labels: dict[str, str]
    text: dict[str, str]
    log: logs.Opened | None = None
    log_run: Runner = direct
    actions: pd.DataFrame | None = None
    effects: pd.DataFrame | None = None

    def get(self, query: queries.Query[P, R], *args: P.args, **params: P.kwargs) -> R:
        return self.run(query, self.loaded, *args, **params)

    def log_get(self, query: log_queries.LogQuery[P, R], *args: P.args, **params: P.kwargs) -> R:
        return self.log_run(query, self.log, *args, **params)

    def t(self, key: str, **values: object) -> str:
        return t(key, self.language, **values)

    def number(self, value: float | None, decimals: int = 1) -> str:
        return number(value, decimals, self.language)

    def name(self, touchpoint: object) -> str:
        return sentences.touchpoint_name(touchpoint, self.labels)

    def readable(
        self,
        frame: pd.DataFrame,
        columns: dict[str, str],
        codes: dict[str, str] | None = None,
    ) -> pd.DataFrame:
        """Chosen columns under translated headers (``column → key``), touchpoints by their
        labels, coded values in words (``column → key prefix``)."""
        shown = translated(frame[list(columns)], codes or {}, self.language)
        for column in ("touchpoint", "group_a", "group_b"):
            if column in shown:
                shown[column] = shown[column].astype(str).map(lambda v: self.labels.get(v, v))
        return shown.rename(columns={c: self.t(k) for c, k in columns.items()})


def pdf_problem(language: str) -> str | None:
    """Why this server cannot make the PDF (no font for it, in ``language``), or None."""
    from mot.report_pdf import report_font

    try:
        report_font()
    except MotError as exc:
        return mot_text(exc, language)
    return None


def report_scope(loaded: data.Loaded, language: str) -> str:
    """The filter in force as one line: "Filter: segment = A, B" or "All respondents"."""
    if loaded.kept is None:
        return t("report.scope_all", language)
    segment, values = loaded.kept
    return t("report.scope_kept", language, segment=segment, values=", ".join(values))


def report_key(
    loaded: data.Loaded,
    language: str,
    log: logs.Opened | None = None,
    actions_key: str = "",
) -> str:
    """What a report depends on: the data with its filter, the language, the event log and
    the corrective actions (``actions_key``: their ids and versions)."""
    return f"{loaded.key}|{language}|{log.key if log is not None else ''}|{actions_key}"


def build_report(
    loaded: data.Loaded,
    *,
    language: str,
    run: Runner | None = None,
    generated: str | None = None,
    log: logs.Opened | None = None,
    log_run: Runner | None = None,
    actions: pd.DataFrame | None = None,
    effects: pd.DataFrame | None = None,
    actions_key: str = "",
) -> BuiltReport:
    """Run every analysis and assemble the report in ``language``.

    A section whose data is missing says so and the others are still built; a chart that
    cannot be drawn raises :class:`mot.errors.ExportError` (a MotError). With an event log
    (``log``, analyses through ``log_run``: :func:`cached` by default) the report ends
    with a Behaviour section (after the survey's validation report); without one it has none.
    With corrective ``actions`` (:func:`mot.actions.actions_frame`; ``effects``: their
    before/after, as :func:`ui.actions_view.for_report` gives them) a section lists them after
    the gaps and the journey map flags them.
    """
    survey = loaded.survey
    labels = survey.journey.labels(language)
    context = _Context(
        loaded,
        run or cached,
        language,
        labels,
        chart_text(language),
        log,
        log_run or cached,
        actions if actions is not None and len(actions) else None,
        effects,
    )
    left_out = {"behaviour"} if log is None else set()
    left_out |= {"actions"} if context.actions is None else set()
    keys = tuple(k for k in SECTIONS if k not in left_out)
    sections, charts_out, tables_out, missing, specs = [], [], [], [], {}
    for key in keys:
        title = t(SECTION_TITLES[key], language)
        try:
            part = _BUILDERS[key](context)
        except MotError as exc:
            part = _Part([t("report.section_missing", language, error=mot_text(exc, language))])
            missing.append(title)
        specs.update({slug: export_spec(chart) for slug, chart in part.charts})
        sections.append(
            report.ReportSection(
                title,
                "\n\n".join(part.text),
                charts=tuple(specs[slug] for slug, _ in part.charts),
                tables=tuple((t(name_key(s), language), f) for s, f in part.tables),
            )
        )
        charts_out += [(s, t(name_key(s), language), chart) for s, chart in part.charts]
        tables_out += [(s, t(name_key(s), language), f) for s, f in part.exports]
    document = report.Report(
        t("report.doc_title", language),
        subtitle=t(
            "report.doc_subtitle",
            language,
            dataset=survey.name or t("report.demo_name", language),
            n=number(survey.n_respondents, 0, language),
        ),
        sections=tuple(sections),
        language=language,
        generated=generated or datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        scope=report_scope(loaded, language),
    )
    return BuiltReport(
        key=report_key(loaded, language, log, actions_key),
        language=language,
        html=document.to_html(max_rows=200),
        file_stem="moments_of_truth_report" if language == "en" else "informe_momentos_verdad",
        sections=tuple(section.title for section in sections),
        missing=tuple(missing),
        charts=tuple(charts_out),
        tables=tuple(tables_out),
        specs=specs,
        document=document,
    )


# --- sections --------------------------------------------------------------------------------


def _overview(c: _Context) -> _Part:
    survey = c.loaded.survey
    part = _Part([c.t("report.overview.respondents", n=c.number(survey.n_respondents, 0))])
    if "recommend" in survey.outcomes:
        nps = c.get(queries.nps)
        part.text.append(sentences.nps_interval(nps.iloc[0], language=c.language, report=True))
        part.exports.append(("nps", nps))
    part.text += _highlight_texts(c, c.get(queries.highlights))
    curve = optional(lambda: c.get(queries.curve))
    if curve is not None:
        figure = charts.journey_map_chart(
            survey.journey.to_frame(),
            curve,
            c.get(queries.utilities),
            extremes=c.get(queries.extremes),
            actions=action_markers(c.actions) if c.actions is not None else None,
            labels=c.labels,
            text=c.text,
        )
        part.charts.append(("journey_map", figure))
    return part


def _highlight_texts(c: _Context, h: object) -> list[str]:
    """Best and worst moment, biggest gap, peak and trough (those the data has)."""
    texts = []
    if h.best_touchpoint and h.best_touchpoint != h.worst_touchpoint:
        texts.append(
            c.t(
                "report.overview.best_worst",
                best=c.name(h.best_touchpoint),
                best_mean=c.number(h.best_mean),
                worst=c.name(h.worst_touchpoint),
                worst_mean=c.number(h.worst_mean),
            )
        )
    if h.gap_touchpoint:
        texts.append(
            c.t(
                f"report.overview.gap.{h.gap_kind}",
                touchpoint=c.name(h.gap_touchpoint),
                gap=c.number(abs(h.gap)),
            )
        )
    if h.peak_touchpoint and h.peak_touchpoint != h.trough_touchpoint:
        texts.append(
            c.t(
                "report.overview.peak",
                peak=c.name(h.peak_touchpoint),
                trough=c.name(h.trough_touchpoint),
            )
        )
    return texts


def _utilities(c: _Context) -> _Part:
    utilities = c.get(queries.utilities)
    part = _Part([c.t("report.utilities.text")], exports=[("utilities", utilities)])
    part.charts.append(
        ("utilities", charts.utilities_chart(utilities, labels=c.labels, text=c.text))
    )
    columns = {
        "touchpoint": "chart.touchpoint",
        "utility": "data.col.measure",
        "n": "chart.n",
        "mean": "chart.mean",
        "ci_low": "common.col.ci_low",
        "ci_high": "common.col.ci_high",
    }
    part.tables.append(("utilities", c.readable(utilities, columns, {"utility": "utility."})))
    shifts = optional(lambda: c.get(queries.shifts))
    if shifts is not None and len(shifts):
        part.charts.append(("shifts", charts.shifts_chart(shifts, labels=c.labels, text=c.text)))
        part.exports.append(("shifts", shifts))
    return part


def _emotion(c: _Context) -> _Part:
    curve = c.get(queries.curve)
    extremes = c.get(queries.extremes)
    part = _Part([c.t("report.emotion.text")], exports=[("emotion_curve", curve)])
    figure = charts.emotion_curve_chart(
        curve, extremes=extremes, labels=c.labels, text=c.text, selectable=False
    )
    part.charts.append(("emotion_curve", figure))
    if len(extremes):
        columns = {
            "touchpoint": "chart.touchpoint",
            "kind": "emotion.col_kind",
            "mean": "chart.mean",
        }
        part.tables.append(("extremes", c.readable(extremes, columns, {"kind": "report.kind."})))
        part.exports.append(("extremes", extremes))
    return part


def _memory(c: _Context) -> _Part:
    result = c.get(queries.peak_end)
    table = result.to_frame()
    r = table.set_index("predictor")["r"]
    verdict = c.t(
        f"report.memory.verdict.{result.verdict}",
        r_pe=c.number(r.get("peak_end"), 2),
        r_mean=c.number(r.get("mean"), 2),
        p=p_value(result.comparison.p_value, c.language),
    )
    part = _Part([c.t("report.memory.text", n=c.number(result.n, 0)), verdict])
    part.charts.append(("peak_end", charts.peak_end_chart(table, text=c.text)))
    points = optional(lambda: c.get(queries.memory_points))
    if points is not None and len(points):
        part.charts.append(("memory_scatter", charts.memory_scatter_chart(points, text=c.text)))
    columns = {
        "predictor": "report.col.predictor",
        "n": "chart.n",
        "r": "chart.r",
        "ci_low": "common.col.ci_low",
        "ci_high": "common.col.ci_high",
        "p_value": "common.col.p",
    }
    codes = {"predictor": "chart.predictor_"}
    part.tables.append(("peak_end", c.readable(table, columns, codes)))
    part.exports.append(("peak_end", table))
    return part


def _gaps(c: _Context) -> _Part:
    gaps = c.get(queries.gaps)
    derive = {"outcome": "recommend"} if "recommend" in c.loaded.survey.outcomes else {}
    grid = optional(lambda: c.get(queries.importance_performance, **derive))
    ranked = optional(lambda: c.get(queries.priorities, **derive))
    steps = sentences.method_checklist(
        c.loaded.survey, gaps=gaps, priorities=ranked, labels=c.labels, language=c.language
    )
    part = _Part(["\n".join(f"{s.mark} {s.step}. {s.title}: {s.detail}" for s in steps)])
    part.charts.append(("gaps", charts.gaps_chart(gaps, labels=c.labels, text=c.text)))
    columns = {
        "touchpoint": "chart.touchpoint",
        "expected": "chart.expected",
        "excellent": "chart.excellent",
        "actual": "chart.actual",
        "gap_to_expected": "chart.gap_to_expected",
        "gap_to_excellent": "chart.gap_to_excellent",
    }
    part.tables.append(("gaps", c.readable(gaps, columns)))
    part.exports.append(("gaps", gaps))
    if grid is not None:
        figure = charts.importance_performance_chart(grid, labels=c.labels, text=c.text)
        part.charts.append(("importance_performance", figure))
        part.exports.append(("importance_performance", grid))
    if ranked is not None:
        part.text.append(sentences.priority_rule_text(ranked, labels=c.labels, language=c.language))
        figure = charts.priorities_chart(ranked, labels=c.labels, text=c.text)
        part.charts.append(("priorities", figure))
        columns = {
            "rank": "chart.rank",
            "touchpoint": "chart.touchpoint",
            "importance": "measure.importance",
            "gap": "gaps.col.gap",
            "priority": "gaps.col.priority",
            "quadrant": "chart.quadrant",
        }
        codes = {"quadrant": "chart."}
        part.tables.append(("priorities", c.readable(ranked, columns, codes)))
        part.exports.append(("priorities", ranked))
    return part


def _actions(c: _Context) -> _Part:
    actions = c.actions if c.actions is not None else pd.DataFrame()
    open_ = int((actions["status"] != "done").sum())
    part = _Part(
        [c.t("actions.report.count", n=c.number(len(actions), 0), open=c.number(open_, 0))]
    )
    shown = actions.assign(
        status=actions["status"].map(lambda v: c.t(f"actions.status.{v}")),
        gap=actions["gap"].map(lambda v: c.t(f"actions.gap.{v}") if isinstance(v, str) else ""),
        due=actions["due"].map(lambda v: v.isoformat() if v is not None else ""),
    )
    columns = {
        "touchpoint": "chart.touchpoint",
        "title": "actions.col.title",
        "owner": "actions.col.owner",
        "status": "actions.col.status",
        "due": "actions.col.due",
        "gap": "actions.col.gap",
        "note": "actions.col.note",
    }
    part.tables.append(("actions", c.readable(shown, columns)))
    part.exports.append(("actions", actions.drop(columns=["id", "version", "wave"])))
    if c.effects is not None and len(c.effects):
        part.text += [
            sentences.action_effect(row, c.labels, c.language) for row in c.effects.itertuples()
        ]
        columns = {
            "title": "actions.col.title",
            "touchpoint": "chart.touchpoint",
            "wave_a": "actions.col.wave_a",
            "mean_a": "actions.col.mean_a",
            "wave_b": "actions.col.wave_b",
            "mean_b": "actions.col.mean_b",
            "difference": "waves.col.difference",
            "change": "chart.change",
        }
        readable = c.effects.assign(
            change=c.effects["change"].map(lambda v: c.t(f"waves.change.{v}"))
        )
        part.tables.append(("action_effects", c.readable(readable, columns)))
        part.exports.append(("action_effects", c.effects.drop(columns=["id"])))
    return part


def _drivers(c: _Context) -> _Part:
    survey = c.loaded.survey
    part = _Part()
    if survey.outcomes:
        outcome = survey.outcomes[0]
        drivers = c.get(queries.drivers, outcome=outcome)
        part.text.append(
            sentences.driver_summary(drivers, outcome=outcome, labels=c.labels, language=c.language)
            + " "
            + sentences.driver_method(drivers, language=c.language)
        )
        part.charts.append(("drivers", charts.drivers_chart(drivers, labels=c.labels, text=c.text)))
        columns = {
            "touchpoint": "chart.touchpoint",
            "r": "chart.correlation",
            "share": "drivers.col.share",
            "raw_weight": "drivers.col.raw_weight",
            "raw_weight_ci_low": "common.col.ci_low",
            "raw_weight_ci_high": "common.col.ci_high",
        }
        part.tables.append(("drivers", c.readable(drivers, columns)))
        part.exports.append(("drivers", drivers))
    else:
        part.text.append(c.t("drivers.no_outcome"))
    segment = sentences.preferred_segment(survey.segments)
    if segment is None:
        part.text.append(c.t("drivers.no_segments"))
        return part
    _comparison(c, part, segment)
    return part


def _comparison(c: _Context, part: _Part, segment: str) -> None:
    """The default comparison (Holm-corrected) and NPS by ``segment``, added to ``part``."""
    comparison = c.get(queries.compare, by=segment)
    summary = sentences.comparison_summary(
        comparison,
        segment=segment,
        labels=c.labels,
        correction=DEFAULT_CORRECTION,
        language=c.language,
    )
    part.text.append(c.t("report.drivers.comparison", segment=segment) + summary)
    figure = charts.comparison_chart(comparison, labels=c.labels, text=c.text)
    part.charts.append(("comparison", figure))
    columns = {
        "touchpoint": "chart.touchpoint",
        "group_a": "common.col.group_a",
        "group_b": "common.col.group_b",
        "difference": "drivers.col.difference",
        "test": "chart.test",
        "effect_size": "chart.effect_size",
        "p_adjusted": "common.col.p_adjusted",
    }
    codes = {"test": "drivers.test."}
    part.tables.append(("comparison", c.readable(comparison, columns, codes)))
    part.exports.append(("comparison", comparison))
    if "recommend" in c.loaded.survey.outcomes:
        by_segment = c.get(queries.nps, by=segment)
        part.charts.append(("nps_by", charts.nps_chart(by_segment, by=segment, text=c.text)))
        part.exports.append(("nps_by", by_segment))


def _behaviour(c: _Context) -> _Part:
    """The event log: its size, the ordered funnel and reach, the weekly trend with the weeks
    it names (the Behaviour page's analyses, through the same cache)."""
    opened = c.log
    log = opened.log
    labels = opened.journey.labels(c.language)
    unmatched = c.log_get(log_queries.unmatched)
    part = _Part(
        [
            c.t(
                "report.behaviour.text",
                log=c.t("behaviour.demo_log") if opened.is_demo else opened.name,
                events=c.number(log.n_events, 0),
                users=c.number(log.n_users, 0),
                unmatched=c.number(int(unmatched["count"].sum()), 0),
            )
        ]
    )
    steps = opened.reached
    if len(steps) < 2:
        part.text.append(c.t("report.behaviour.no_funnel"))
        return part
    # the parameters of the Behaviour page's first view: its cached results are reused
    both = c.log_get(log_queries.funnel_and_reach, steps=steps, window_days=None)
    funnel, reach = both.funnel, both.reach
    reached = c.log_get(log_queries.open_funnel, steps=steps)
    part.text.append(sentences.funnel_summary(funnel, labels=labels, language=c.language))
    figure = charts.funnel_chart(funnel, open_funnel=reached, labels=labels, text=c.text)
    part.charts.append(("funnel", figure))
    part.tables.append(("funnel", _funnel_table(c, funnel, labels)))
    reach_columns = {
        "touchpoint": "chart.touchpoint",
        "users": "chart.users",
        "sessions": "behaviour.sessions",
        "events": "chart.events",
    }
    part.tables.append(("reach", c.readable(reach, reach_columns)))
    part.exports += [("funnel", funnel), ("reach", reach)]
    trend = c.log_get(log_queries.trend, steps=steps, period=TREND_PERIOD)
    part.text.append(c.t("report.behaviour.trend"))
    part.charts.append(("trend", charts.behaviour_trend_chart(trend, labels=labels, text=c.text)))
    part.text.append(_unusual_weeks(c, trend, labels))
    part.exports.append(("trend", trend))
    return part


def _funnel_table(c: _Context, funnel: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    columns = {
        "step": "chart.step",
        "users": "chart.users",
        "conversion_from_previous": "behaviour.col.from_previous",
        "conversion_from_start": "behaviour.col.from_start",
        "drop_off": "behaviour.col.drop_off",
    }
    shown = funnel.assign(step=funnel["step"].astype(str).map(lambda s: labels.get(s, s)))
    return c.readable(shown, columns)


def _unusual_weeks(c: _Context, trend: pd.DataFrame, labels: dict[str, str]) -> str:
    """The dips and spikes of the trend, one line each, or that there are none."""
    flagged = trend[trend["dip"] | trend["spike"]]
    if flagged.empty:
        return c.t("report.behaviour.no_unusual")
    lines = [
        "– "
        + c.t(
            "report.behaviour.dip" if row.dip else "report.behaviour.spike",
            touchpoint=labels.get(str(row.touchpoint), str(row.touchpoint)),
            start=str(row.period_start)[:10],
            users=c.number(row.users, 0),
            baseline=c.number(row.baseline, 0),
        )
        for row in flagged.itertuples(index=False)
    ]
    return "\n".join([c.t("report.behaviour.unusual"), *lines])


def _validation(c: _Context) -> _Part:
    """The validation report of the file: its errors and warnings in the report's language."""
    found = c.loaded.survey.report
    if not found.entries:
        return _Part([c.t("data.no_problems")])
    counts = {
        "errors": c.number(len(found.errors), 0),
        "warnings": c.number(len(found.warnings), 0),
    }
    frame = found.to_frame(c.language)
    frame["severity"] = frame["severity"].map(lambda s: c.t(f"data.severity.{s}"))
    columns = {k: f"data.col.{k}" for k in ("severity", "row", "column", "problem", "fix")}
    part = _Part([c.t("report.validation.text", **counts)], exports=[("validation", frame)])
    part.tables.append(("validation", c.readable(frame, columns)))
    return part


_BUILDERS: dict[str, Callable[[_Context], _Part]] = {
    "overview": _overview,
    "utilities": _utilities,
    "emotion": _emotion,
    "memory": _memory,
    "gaps": _gaps,
    "actions": _actions,
    "drivers": _drivers,
    "validation": _validation,
    "behaviour": _behaviour,
}
