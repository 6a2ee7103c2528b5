# Utilities: anticipated, experienced and remembered utility per touchpoint, and the paired
# shifts between them (expectation confirmed or disappointed; memory kinder or harsher).
import streamlit as st

from mot import UTILITIES, charts
from mot.scoring import COMPARISONS, SMALL_N, shift_highlights
from ui import frame, queries, sentences, views, waves_view, widgets
from ui.i18n import chart_text, number, p_value, signed, t
from ui.widgets import md_text

frame.require_app()

st.title(t("utilities.title"))
st.caption(t("utilities.caption"))
loaded = widgets.loaded_or_stop()
widgets.require_measures(loaded, *UTILITIES, missing="utilities")
labels = widgets.touchpoint_labels(loaded)
text = chart_text()
with st.columns([1, 2])[0]:
    by = widgets.segment_picker(loaded, key="utilities_segment", label_key="common.segment_overlay")


def left_out(result):
    n_missing = result.attrs.get("n_missing_segment", 0) if by else 0
    if n_missing:
        st.caption(t("common.missing_segment", n=number(n_missing, 0), segment=md_text(by)))


def label(touchpoint):
    return labels.get(str(touchpoint), str(touchpoint))


def item(row):
    name = f"{md_text(label(row['touchpoint']))} ({t('chart.' + row['utility'])})"
    return f"{md_text(row[by])}: {name}" if by else name


def verdict(value):
    return t(f"chart.{value}" if isinstance(value, str) else "utilities.too_few_pairs")


st.subheader(t("utilities.scores"))
utilities = widgets.attempt(lambda: queries.utilities(loaded, by=by))
if utilities is not None:
    widgets.chart(
        charts.utilities_chart, utilities, by=by, labels=labels, text=text, key="utilities_chart"
    )
    left_out(utilities)
    st.caption(t("utilities.interval_rule", small_n=number(SMALL_N, 0)))
    for flag, key in (("ci_clipped", "utilities.clipped"), ("small_n", "utilities.small_n")):
        items = sentences.flagged_names(utilities, flag, item)
        if items:
            st.caption(t(key, items=items, small_n=number(SMALL_N, 0)))

st.subheader(t("utilities.shifts"))
st.caption(t("utilities.shifts_caption"))
shifts = widgets.attempt(lambda: queries.shifts(loaded))
if shifts is not None:
    widgets.chart(charts.shifts_chart, shifts, labels=labels, text=text, key="utilities_shifts")

    st.subheader(t("utilities.summary"))
    if by:
        st.caption(t("utilities.summary_everyone", segment=md_text(by)))
    highlights = shift_highlights(shifts)
    for comparison in COMPARISONS:
        lines = views.shift_sentences(
            highlights,
            comparison,
            notable=lambda row: t(
                f"utilities.say.{row.verdict}",
                touchpoint=f"**{md_text(label(row.touchpoint))}**",
                size=number(row.size),
                low=number(row.size_low),
                high=number(row.size_high),
                p=p_value(row.p_adjusted),
            ),
            unchanged=lambda ids, c=comparison: t(
                f"utilities.say.{c.verdicts[1]}",
                touchpoints=", ".join(md_text(label(v)) for v in ids),
            ),
        )
        if lines:
            st.markdown(f"**{t(f'utilities.about.{comparison.name}')}**")
            st.markdown("\n".join(f"- {line}" for line in lines))

    st.subheader(t("utilities.tests"))
    st.caption(t("utilities.tests_caption"))
    tests = queries.shifts(loaded, by=by) if by else shifts
    left_out(tests)
    widgets.table(
        tests,
        columns={
            **({by: by} if by else {}),
            "touchpoint": t("chart.touchpoint"),
            "comparison": t("chart.comparison"),
            "n": t("chart.n_respondents"),
            "mean_diff": t("utilities.col_diff"),
            "ci_low": t("common.col.ci_low"),
            "ci_high": t("common.col.ci_high"),
            "p_value": t("chart.p_value"),
            "p_adjusted": t("common.col.p_adjusted"),
            "verdict": t("chart.verdict"),
        },
        key="utilities_tests",
        labels=labels,
        formats={
            "comparison": lambda v: t(f"chart.{v}"),
            "n": lambda v: number(v, 0),
            "mean_diff": signed,
            "ci_low": signed,
            "ci_high": signed,
            "p_value": p_value,
            "p_adjusted": p_value,
            "verdict": verdict,
        },
    )

waves_view.compare(loaded, waves_view.UTILITY_MEASURES, key="utilities")
