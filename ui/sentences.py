"""The plain-language texts that the Gaps, Drivers and Behaviour pages share with the report.

Each takes a result of :mod:`ui.queries` or :mod:`ui.log_queries` (a tidy table of ``mot``)
and the language, and returns what a reader sees: the six-step checklist, the priority rule,
the comparison, funnel and driver sentences, a p-value cell. Nothing here reads a widget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from mot.behaviour import largest_loss
from mot.compare import significant_differences
from mot.drivers import top_driver
from mot.journey import MOMENT_KEYS
from mot.method import method_coverage, priority_rules, top_priority
from mot.wom import NPS_MIN_N
from ui.i18n import number, p_value, percent, signed, t

STATUS_ICONS = {
    "done": ":green[:material/check_circle:]",
    "next": ":orange[:material/arrow_circle_right:]",
    "missing": ":gray[:material/radio_button_unchecked:]",
}
"""Markdown icon of each step status on a page (Material icons ship with Streamlit)."""


STATUS_MARKS = {"done": "✓", "next": "→", "missing": "○"}
"""Plain-text mark of each step status in the report (in every common font)."""


def touchpoint_name(touchpoint: object, labels: dict[str, str]) -> str:
    """A touchpoint as a sentence names it: its label, with the moment's acronym if any."""
    key = str(touchpoint)
    label = labels.get(key, key)
    return f"{label} ({key})" if key in MOMENT_KEYS and key not in label else label


def _short_name(touchpoint: str, labels: dict[str, str]) -> str:
    return touchpoint if touchpoint in MOMENT_KEYS else labels.get(touchpoint, touchpoint)


@dataclass(frozen=True)
class ChecklistItem:
    """One step of the six-step method, as the page and the report show it."""

    step: int
    status: str
    icon: str
    mark: str
    title: str
    detail: str


def method_checklist(
    survey: object,
    *,
    gaps: pd.DataFrame | None,
    priorities: pd.DataFrame | None,
    labels: dict[str, str],
    language: str,
) -> tuple[ChecklistItem, ...]:
    """The six steps with what the data covers (see :func:`mot.method.method_coverage`)."""
    rated = survey.rated_touchpoints
    coverage = method_coverage(survey.measures, touchpoints=rated, gaps=gaps, priorities=priorities)
    items = []
    for row in coverage.itertuples(index=False):
        if row.key == "map":
            evidence = ", ".join(_short_name(tp, labels) for tp in rated)
        else:
            evidence = touchpoint_name(row.evidence, labels)
        detail = t(f"gaps.step.{row.key}.{row.status}", language, evidence=evidence, n=len(rated))
        items.append(
            ChecklistItem(
                step=int(row.step),
                status=row.status,
                icon=STATUS_ICONS[row.status],
                mark=STATUS_MARKS[row.status],
                title=t(f"gaps.step.{row.key}", language),
                detail=detail,
            )
        )
    return tuple(items)


def priority_rule_text(priorities: pd.DataFrame, *, labels: dict[str, str], language: str) -> str:
    """The rule that ranked the touchpoints, and the top priority, in words."""
    top = top_priority(priorities)
    if top is None:
        return t("gaps.rule.none", language)
    rules = priority_rules(priorities)
    sentences = []
    for rule in rules.itertuples(index=False):
        source = t(f"gaps.rule.source.{rule.importance_source}", language)
        sentences.append(t(f"gaps.rule.{rule.gap_used}", language, source=source))
        if len(rules) > 1:
            names = ", ".join(touchpoint_name(tp, labels) for tp in rule.touchpoints)
            sentences.append(t("gaps.rule.applies_to", language, touchpoints=names))
    sentences.append(
        t(
            "gaps.rule.top",
            language,
            touchpoint=touchpoint_name(top["touchpoint"], labels),
            importance=number(top["importance"], 0, language),
            gap=signed(top["gap"], 1, language),
            priority=number(top["priority"], 1, language),
        )
    )
    return " ".join(sentences)


def comparison_summary(
    comparison: pd.DataFrame,
    *,
    segment: str,
    labels: dict[str, str],
    correction: str,
    language: str,
    most: int = 3,
) -> str:
    """What differs between the groups, in one or two sentences.

    E.g. "Variant B rates First moment of truth (FMOT) 9.3 points higher than A (Welch t,
    Hedges' g = 0.52, adjusted p < 0.001); no other touchpoint differs after Holm
    correction."
    """
    findings = significant_differences(comparison)
    n_tests = int(comparison["p_value"].notna().sum())
    corrected = correction != "none"
    correction_name = t(f"drivers.correction.{correction}", language)
    if findings.empty:
        key = "drivers.summary.none" if corrected else "drivers.summary.none_uncorrected"
        return t(key, language, segment=segment, correction=correction_name, n=n_tests)
    parts = [
        t(
            "drivers.summary.finding",
            language,
            segment=segment,
            higher=row.higher,
            lower=row.lower,
            touchpoint=touchpoint_name(row.touchpoint, labels),
            difference=number(row.difference, 1, language),
            test=t(f"drivers.test.{row.test}", language),
            effect=t(f"drivers.effect.{row.effect_size_kind}", language),
            effect_size=number(row.effect_size, 2, language),
            p=p_value(row.p_adjusted, language),
        )
        for row in findings.head(most).itertuples(index=False)
    ]
    text = "; ".join(parts)
    if len(findings) == 1:
        key = "drivers.summary.rest" if corrected else "drivers.summary.no_correction"
        text += "; " + t(key, language, correction=correction_name)
    else:
        text += "."
        if len(findings) > most:
            text += " " + t("drivers.summary.more", language, n=len(findings) - most)
    return text[:1].upper() + text[1:]


def funnel_summary(funnel: pd.DataFrame, *, labels: dict[str, str], language: str) -> str:
    """The ordered funnel in one sentence: how many start, how many finish in order, and the
    step that loses the largest share of those who got to the step before it.

    E.g. "Of 21,403 users who reached Zero moment of truth (ZMOT), 18.2% went on to Ultimate
    moment of truth (UMOT) in that order; the largest loss is from First moment (FMOT) to
    Second moment (SMOT): 61.5% of users did not continue."
    """
    start, end = funnel.iloc[0], funnel.iloc[-1]
    if start["users"] == 0:
        return t("behaviour.summary.empty", language, first=touchpoint_name(start["step"], labels))
    text = t(
        "behaviour.summary.start",
        language,
        n=number(start["users"], 0, language),
        first=touchpoint_name(start["step"], labels),
        share=percent(end["conversion_from_start"], 1, language),
        last=touchpoint_name(end["step"], labels),
    )
    loss = largest_loss(funnel)
    if loss is not None:
        text += t(
            "behaviour.summary.loss",
            language,
            source=touchpoint_name(loss.source, labels),
            target=touchpoint_name(loss.target, labels),
            share=percent(loss.share, 1, language),
        )
    return text + "."


def driver_summary(
    drivers: pd.DataFrame, *, outcome: str, labels: dict[str, str], language: str
) -> str:
    """The strongest driver of ``outcome``, in words."""
    top = top_driver(drivers)
    return t(
        "drivers.top_driver",
        language,
        touchpoint=touchpoint_name(top["touchpoint"], labels),
        outcome=t(f"outcome.{outcome}", language),
        share=percent(top["share"], 0, language),
    )


def driver_method(drivers: pd.DataFrame, *, language: str) -> str:
    """How the weights were estimated (the method named), the model's R² and who was left
    out."""
    first = drivers.iloc[0]
    method = str(first["method"]) if "method" in drivers.columns else "relative_weights"
    return t(
        f"drivers.importance_caption.{method}",
        language,
        r2=number(first["r2"], 2, language),
        n=number(first["n"], 0, language),
        excluded=number(first["n_excluded"], 0, language),
    )


def nps_interval(row: pd.Series, *, language: str, report: bool = False) -> str:
    """The NPS of everyone with its interval and the interval's method, or why it has none
    (fewer than :data:`mot.wom.NPS_MIN_N` answers): the Overview card's line, or with
    ``report`` the report's sentence."""
    values = {
        "n": number(row["n"], 0, language),
        "score": number(row["score"], 1, language),
        "min_n": number(NPS_MIN_N, 0, language),
    }
    if bool(row["small_n"]) or pd.isna(row["ci_low"]):
        key = "report.overview.nps_no_interval" if report else "overview.nps_no_interval"
        return t(key, language, **values)
    values |= {
        "low": number(row["ci_low"], 1, language),
        "high": number(row["ci_high"], 1, language),
        "method": t(f"common.nps_method.{row['ci_method']}", language),
    }
    return t("report.overview.nps" if report else "overview.nps_help", language, **values)


def flagged_names(
    table: pd.DataFrame, flag: str, name: Callable[[pd.Series], str], *, limit: int = 8
) -> str | None:
    """The rows of ``table`` whose ``flag`` column is true, named by ``name`` and joined
    ("A, B, C and 4 more" past ``limit``); None when no row is flagged or there is no such
    column."""
    if flag not in table.columns:
        return None
    rows = table[table[flag].fillna(False).to_numpy(dtype=bool)]
    names = [name(row) for _, row in rows.iterrows()]
    if not names:
        return None
    shown = ", ".join(names[:limit])
    return shown + (f" (+{len(names) - limit})" if len(names) > limit else "")


def p_cell(p: object, language: str) -> str:
    """A p-value in a table cell: ``< 0.001`` or three decimals (``–`` when missing)."""
    if p is None or pd.isna(p):
        return "–"
    if float(p) < 0.001:
        return "< " + number(0.001, 3, language)
    return number(float(p), 3, language)


def preferred_segment(segments: tuple[str, ...]) -> str | None:
    """The segment to compare by default: an A/B variant if there is one, else the first."""
    for segment in segments:
        if "variant" in segment.lower():
            return segment
    return segments[0] if segments else None


def action_effect(row: object, labels: dict[str, str], language: str | None = None) -> str:
    """The before/after of a corrective action in words (a row of
    :func:`mot.actions.action_effects`): "Call ahead · TMOT (Delivery), experienced utility:
    52.0 → 60.6 (+8.6, p < 0.001): improved". Plain text: the title and labels are the
    user's, to be escaped where shown."""
    tp = str(row.touchpoint)
    name = labels.get(tp, tp)
    return t(
        "actions.effect",
        language,
        title=str(row.title),
        touchpoint=tp if name == tp else f"{tp} ({name})",
        measure=t(f"actions.measure.{row.measure}", language),
        a=number(row.mean_a, 1, language),
        b=number(row.mean_b, 1, language),
        difference=signed(row.difference, language=language),
        p=p_value(row.p_adjusted, language=language),
        change=t(f"waves.change.{row.change}", language),
    )
