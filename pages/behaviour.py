# Behaviour: what customers did (the event log) mapped to the moments of truth, and how it
# links to what the same customers said in the survey.
import json

import streamlit as st

from mot import charts
from mot.errors import MotError
from mot.events import journey_with_rules, rules_from_frame
from ui import behaviour_view as view
from ui import data, frame, logs, report_builder, state, widgets
from ui.i18n import chart_text, number, p_value, percent, t

frame.require_app()

st.title(t("nav.behaviour"))
st.caption(t("behaviour.caption"))
language = state.language()
choice = state.event_log()
try:
    opened = logs.current()
except MotError as exc:
    st.error(t("behaviour.load_error", error=widgets.md_message(exc)))
    widgets.link_to_data()
    st.stop()
log = opened.log
labels = opened.journey.labels(language)
md_labels = widgets.md_values(labels)  # for Markdown texts; charts and tables take labels
text = chart_text()
unmatched = logs.run("unmatched", opened)

name = t("behaviour.demo_log") if choice.is_demo else choice.name
st.markdown(t("behaviour.current", name=widgets.md_text(name)))
widgets.metrics(
    {
        t("chart.events"): number(log.n_events, 0),
        t("chart.users"): number(log.n_users, 0),
        t("behaviour.sessions"): number(log.n_sessions, 0),
        t("behaviour.unmatched_events"): number(int(unmatched["count"].sum()), 0),
        t("behaviour.bad_rows"): number(log.n_bad_rows, 0),
    }
)
if log.n_bad_rows:
    st.warning(t("behaviour.bad_rows_note", n=number(log.n_bad_rows, 0)))
    widgets.link_to_data()


def choice_key(name, default):
    """A widget key of this log and rules (their options differ between logs), its default
    set through the session state so that a language switch can redraw the label."""
    key = f"behaviour_{name}_{opened.key}"
    st.session_state.setdefault(key, default)
    widgets.redraw_label(key)
    return key


def bounded(step):
    """Run a step whose periods may be too many for this log: its message instead of a crash."""
    try:
        return step()
    except MotError as exc:
        st.warning(t("behaviour.too_many_periods", error=widgets.md_message(exc)))
        return None


def time_table(between, *, key, segment=None):
    """The time-between table, touchpoints by label, durations as a person says them."""
    columns = {segment: segment} if segment else {}
    columns |= {
        "from_touchpoint": t("behaviour.col.from"),
        "to_touchpoint": t("behaviour.col.to"),
        "users": t("chart.users"),
        "median_hours": t("behaviour.col.median"),
        "q1_hours": t("behaviour.col.q1"),
        "q3_hours": t("behaviour.col.q3"),
    }
    widgets.table(
        between.assign(
            from_touchpoint=between["from_touchpoint"].map(label),
            to_touchpoint=between["to_touchpoint"].map(label),
        ),
        columns=columns,
        key=key,
        formats={c: view.hours for c in ("median_hours", "q1_hours", "q3_hours")},
    )


def label(step):
    return labels.get(step, step)


def md_label(step):
    return widgets.md_text(label(step))


FUNNEL_COLUMNS = {
    "step": t("chart.step"),
    "users": t("chart.users"),
    "conversion_from_previous": t("behaviour.col.from_previous"),
    "conversion_from_start": t("behaviour.col.from_start"),
    "ci_low": t("common.col.ci_low"),
    "ci_high": t("common.col.ci_high"),
    "drop_off": t("behaviour.col.drop_off"),
}
SHARES = {
    c: (lambda v: percent(v, 1))
    for c in ("conversion_from_previous", "conversion_from_start", "ci_low", "ci_high", "rate")
}
steps_available = opened.reached
tab_names = ["funnel", "time", "trend", "segments", "survey", "rules"]
tabs = dict(zip(tab_names, st.tabs([t(f"behaviour.tab.{n}") for n in tab_names]), strict=True))

with tabs["rules"]:
    st.caption(t("behaviour.rules_caption"))
    edited = st.data_editor(
        opened.rules.to_frame(),
        key=f"behaviour_rules_{opened.key}",
        num_rows="dynamic",
        hide_index=True,
        column_config={
            "touchpoint": st.column_config.SelectboxColumn(
                t("chart.touchpoint"),
                options=list(opened.journey.ids),
                format_func=label,
                required=True,
            ),
            "keyword": st.column_config.TextColumn(
                t("behaviour.col.keyword"), help=t("behaviour.keyword_help"), required=True
            ),
        },
    )
    if st.button(t("behaviour.apply_rules"), key="behaviour_apply_rules", type="primary"):
        try:
            rules = rules_from_frame(edited, opened.journey)
            journey = journey_with_rules(opened.journey, rules)
        except MotError as exc:
            st.error(t("behaviour.rules_error", error=widgets.md_message(exc)))
        else:
            state.use_dataset(state.dataset().with_journey(journey.to_dict()))
            st.rerun()
    st.download_button(
        t("behaviour.download_journey"),
        json.dumps(opened.journey.to_dict(), ensure_ascii=False, indent=2).encode("utf-8"),
        file_name="journey.json",
        mime="application/json",
        key="behaviour_journey_download",
        help=t("behaviour.download_journey_help"),
    )
    st.subheader(t("behaviour.unmatched_events"))
    if unmatched.empty:
        st.success(t("behaviour.all_matched"))
    else:
        st.caption(t("behaviour.unmatched_caption"))
        widgets.table(
            unmatched,
            columns={"event": t("behaviour.col.event"), "count": t("behaviour.col.count")},
            key="behaviour_unmatched",
        )

if not steps_available:
    message = t("behaviour.no_rules") if not opened.steps else t("behaviour.nothing_reached")
    for name in tab_names[:-1]:
        tabs[name].info(message)
    st.stop()

with tabs["funnel"]:
    left, right = st.columns([3, 1])
    steps = left.multiselect(
        t("behaviour.steps"),
        options=steps_available,
        format_func=label,
        key=choice_key("steps", steps_available),
        help=t("behaviour.steps_help"),
    )
    window = right.number_input(
        t("behaviour.window"),
        min_value=0,
        max_value=3650,
        value=0,
        step=1,
        key="behaviour_window",
        help=t("behaviour.window_help"),
    )
    steps = [s for s in steps_available if s in steps]  # journey order, whatever the clicks
    reach = None
    if len(steps) < 2:
        st.info(t("behaviour.two_steps"))
    else:
        both = logs.run("funnel_and_reach", opened, steps=steps, window_days=window or None)
        ordered, reach = both.funnel, both.reach
        reached = logs.run("open_funnel", opened, steps=steps)
        st.success(report_builder.funnel_summary(ordered, labels=md_labels, language=language))
        widgets.chart(
            charts.funnel_chart,
            ordered,
            open_funnel=reached,
            labels=labels,
            text=text,
            key="behaviour_funnel_chart",
        )
        widgets.table(
            ordered.assign(step=ordered["step"].map(label)),
            columns=FUNNEL_COLUMNS,
            key="behaviour_funnel",
            formats=SHARES,
        )
    st.subheader(t("behaviour.reach_title"))
    st.caption(t("behaviour.reach_caption"))
    if reach is None:  # no funnel asked for: the reach alone
        reach = logs.run("reach", opened)
    widgets.table(
        reach,
        columns={
            "touchpoint": t("chart.touchpoint"),
            "users": t("chart.users"),
            "sessions": t("behaviour.sessions"),
            "events": t("chart.events"),
        },
        key="behaviour_reach",
        labels=labels,
    )
    if opened.entry:
        bounce = widgets.attempt(lambda: logs.run("bounce", opened))
        if bounce is not None and len(bounce):
            row = bounce.iloc[0]
            st.metric(
                t("behaviour.bounce", touchpoint=md_label(opened.entry)),
                percent(row["rate"], 1),
                border=True,
                delta=t(
                    "behaviour.bounce_help",
                    low=percent(row["ci_low"], 1),
                    high=percent(row["ci_high"], 1),
                    n=number(row["sessions"], 0),
                ),
                delta_color="off",
                delta_arrow="off",
            )

with tabs["time"]:
    st.caption(t("behaviour.time_caption"))
    between = widgets.attempt(lambda: logs.run("time_between", opened, steps=steps_available))
    if between is not None and len(between):
        widgets.chart(
            charts.time_between_chart, between, labels=labels, text=text, key="behaviour_time"
        )
        time_table(between, key="behaviour_time_between")
    elif between is not None:
        st.info(t("behaviour.no_pairs"))
    st.subheader(t("behaviour.retention_title"))
    st.caption(t("behaviour.retention_caption"))
    retention = widgets.attempt(lambda: logs.run("retention", opened))
    if retention is not None and len(retention):
        widgets.table(
            retention,
            columns={
                "cohort": t("behaviour.col.cohort"),
                "days": t("behaviour.col.days"),
                "users": t("chart.users"),
                "retained": t("behaviour.repurchased"),
                "rate": t("behaviour.col.rate"),
                "ci_low": t("common.col.ci_low"),
                "ci_high": t("common.col.ci_high"),
                "censored": t("behaviour.col.censored"),
            },
            key="behaviour_retention",
            formats=SHARES | {"cohort": lambda v: str(v)[:10]},
        )
    elif retention is not None:
        st.info(t("behaviour.no_purchases"))

with tabs["trend"]:
    periods = {p: t(f"behaviour.period.{p}") for p in ("week", "day", "month")}
    levels = {"touchpoint": t("behaviour.level.touchpoint"), "event": t("chart.events")}
    left, right = st.columns(2)
    period = left.segmented_control(
        t("behaviour.period"),
        options=list(periods),
        format_func=periods.get,
        key=choice_key("period", "week"),
    )
    level = right.segmented_control(
        t("behaviour.level"),
        options=list(levels),
        format_func=levels.get,
        key=choice_key("level", "touchpoint"),
        help=t("behaviour.level_help"),
    )
    period = period or "week"
    if level == "event":
        trend = bounded(lambda: logs.run("event_trend", opened, period=period))
    else:
        trend = bounded(lambda: logs.run("trend", opened, steps=steps_available, period=period))
    st.caption(t("behaviour.trend_caption"))
    if trend is not None:
        bounded(
            lambda: widgets.chart(
                charts.behaviour_trend_chart, trend, labels=labels, text=text, key="behaviour_trend"
            )
        )
        # at touchpoint level, also what a touchpoint's total hides (one event down, one up)
        hidden = None if level == "event" else logs.hidden_changes(opened, period=period)
        view.trend_notes(trend, period=period, labels=md_labels, hidden=hidden)

    if len(steps) >= 2:
        st.subheader(t(f"behaviour.cohort_title_{period}"))
        st.caption(t("behaviour.cohort_caption"))
        days = window or None
        cohorts = bounded(
            lambda: logs.run("funnel", opened, steps=steps, window_days=days, cohort=period)
        )
        if cohorts is not None:
            by_cohort = view.cohort_table(cohorts, label)
            widgets.table(
                by_cohort,
                columns={c: c for c in by_cohort.columns},
                key="behaviour_cohorts",
                formats={label(s): (lambda v: percent(v, 1)) for s in steps[1:]},
            )

with tabs["segments"]:
    segments = opened.segments
    if not segments:
        st.info(t("behaviour.no_segments"))
    else:
        left, right = st.columns(2)
        segment = left.selectbox(
            t("data.role_segment"), segments, key=f"behaviour_segment_{opened.key}"
        )
        step = right.selectbox(
            t("behaviour.compare_step"),
            steps_available[1:],
            format_func=label,
            key=choice_key("compare_step", steps_available[-1]),
            help=t("behaviour.compare_step_help"),
        )
        by_segment = logs.run("funnel", opened, steps=steps_available, by=segment)
        widgets.chart(
            charts.funnel_chart,
            by_segment,
            by=segment,
            labels=labels,
            text=text,
            key="behaviour_segment_funnel",
        )
        compared = widgets.attempt(
            lambda: logs.run(
                "compare_conversion", opened, steps=steps_available, by=segment, step=step
            )
        )
        if compared is not None and len(compared):
            widgets.chart(
                charts.conversion_difference_chart,
                compared,
                labels=labels,
                text=text,
                key="behaviour_compare_chart",
            )
            widgets.table(
                compared,
                columns={
                    "group_a": t("common.col.group_a"),
                    "group_b": t("common.col.group_b"),
                    "p_a": t("behaviour.col.p_a"),
                    "p_b": t("behaviour.col.p_b"),
                    "difference": t("behaviour.col.difference"),
                    "ci_low": t("common.col.ci_low"),
                    "ci_high": t("common.col.ci_high"),
                    "p_value": t("common.col.p"),
                    "p_adjusted": t("common.col.p_adjusted"),
                },
                key="behaviour_compare",
                formats={
                    **{c: (lambda v: percent(v, 1)) for c in ("p_a", "p_b")},
                    **{c: view.points for c in ("difference", "ci_low", "ci_high")},
                    "p_value": lambda v: p_value(v, language),
                    "p_adjusted": lambda v: p_value(v, language),
                },
            )
        between = widgets.attempt(
            lambda: logs.run("time_between", opened, steps=steps_available, by=segment)
        )
        if between is not None and len(between):
            st.caption(t("behaviour.time_by"))
            time_table(between, key="behaviour_time_segment", segment=segment)
        bounce = widgets.attempt(lambda: logs.run("bounce", opened, by=segment))
        if bounce is not None and len(bounce):
            st.caption(t("behaviour.bounce_by", touchpoint=md_label(opened.entry)))
            widgets.table(
                bounce,
                columns={
                    segment: segment,
                    "sessions": t("behaviour.sessions"),
                    "bounced": t("behaviour.col.bounced"),
                    "rate": t("behaviour.col.rate"),
                    "ci_low": t("common.col.ci_low"),
                    "ci_high": t("common.col.ci_high"),
                },
                key="behaviour_bounce_segment",
                formats=SHARES,
            )

with tabs["survey"]:
    st.caption(t("behaviour.survey_caption"))
    try:
        loaded = data.current()
    except MotError as exc:  # the survey upload itself is broken: say what to fix
        st.error(t("common.load_error", error=widgets.md_message(exc)))
        widgets.link_to_data()
        loaded = None
    linked = loaded and widgets.attempt(lambda: logs.run_linked("link", opened, loaded))
    if linked is not None:
        in_log = linked[linked["in_log"]]
        widgets.metrics(
            {
                t("chart.n_respondents"): number(len(linked), 0),
                t("behaviour.in_log"): number(len(in_log), 0),
                t("behaviour.purchased"): number(int(in_log["converted"].sum()), 0),
                t("behaviour.repurchased"): number(int(in_log["repurchased"].sum()), 0),
            }
        )
        if in_log.empty:
            st.info(t("behaviour.nobody_linked"))
        else:
            st.subheader(t("behaviour.converters_title"))
            converted_step = st.selectbox(  # a repeat purchase first: it splits buyers
                t("behaviour.converted_step"),
                [logs.REPEAT_PURCHASE, *logs.mapped_events(opened)],
                format_func=view.conversion_label,
                key=f"behaviour_converted_step_{opened.key}",
                help=t("behaviour.converted_step_help"),
            )
            by_conversion = widgets.attempt(
                lambda: logs.run_linked(
                    "utilities_by_conversion", opened, loaded, converted_step=converted_step
                )
            )
            if by_conversion is not None and len(by_conversion):
                groups = {g: t(f"behaviour.group.{g}") for g in ("converter", "non_converter")}
                if converted_step == logs.REPEAT_PURCHASE:
                    groups["converter"] = t("behaviour.group.repeat_buyer")
                by_conversion = by_conversion.assign(
                    group_a=by_conversion["group_a"].map(groups),
                    group_b=by_conversion["group_b"].map(groups),
                )
                st.success(
                    report_builder.comparison_summary(
                        by_conversion,
                        segment=t("behaviour.conversion"),
                        labels=md_labels,
                        correction="holm",
                        language=language,
                    )
                )
                widgets.chart(
                    charts.comparison_chart,
                    by_conversion,
                    labels=labels,
                    text=text,
                    key="behaviour_converters_chart",
                )
            elif by_conversion is not None:
                counts = logs.conversions(opened, loaded, converted_step)
                st.info(view.nothing_to_compare(*counts, converted_step))
            st.subheader(t("behaviour.repurchase_title"))
            st.caption(t("behaviour.repurchase_caption"))
            model = logs.run_linked("repurchase", opened, loaded)
            if len(model):
                widgets.chart(
                    charts.repurchase_chart,
                    model,
                    labels=labels,
                    text=text,
                    key="behaviour_repurchase_chart",
                )
                widgets.table(
                    model,
                    columns={
                        "touchpoint": t("chart.touchpoint"),
                        "n": t("chart.n_respondents"),
                        "rate_top_box": t("behaviour.col.rate_top_box"),
                        "rate_rest": t("behaviour.col.rate_rest"),
                        "difference": t("behaviour.col.difference"),
                        "p_value": t("common.col.p"),
                        "odds_ratio_per_10": t("behaviour.col.odds_ratio"),
                        "slope_p_value": t("behaviour.col.slope_p"),
                    },
                    key="behaviour_repurchase",
                    labels=labels,
                    formats={
                        "rate_top_box": lambda v: percent(v, 1),
                        "rate_rest": lambda v: percent(v, 1),
                        "difference": view.points,
                        "odds_ratio_per_10": lambda v: number(v, 2),
                        "p_value": lambda v: p_value(v, language),
                        "slope_p_value": lambda v: p_value(v, language),
                    },
                )
            else:
                st.info(t("behaviour.no_model"))
