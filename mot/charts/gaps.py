"""Charts of the Gaps page: the six-step gaps, importance–performance and priorities."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from mot.charts._base import (
    GAP_LEVELS,
    QUADRANTS,
    SCALE_TICKS,
    all_finite,
    fixed_scale,
    merged_text,
    reference_rule,
    require,
    require_unique,
    tip,
    tp_y,
    with_labels,
)
from mot.charts.theme import GAP_LEVEL_COLORS, QUADRANT_COLORS

_GAP_COLUMNS = [
    "n_expected",
    "expected",
    "n_excellent",
    "excellent",
    "n_actual",
    "actual",
    "gap_to_expected",
    "gap_to_expected_ci_low",
    "gap_to_expected_ci_high",
    "gap_to_excellent",
    "gap_to_excellent_ci_low",
    "gap_to_excellent_ci_high",
]


def _gap_tips(t: Mapping[str, str]) -> list:
    tips = [tip("label:N", t["touchpoint"])]
    for gap in ("gap_to_excellent", "gap_to_expected"):
        tips += [
            tip(f"{gap}:Q", t[gap], "+.1f"),
            tip(f"{gap}_ci_low:Q", f"{t[gap]}: {t['ci_low']}", "+.1f"),
            tip(f"{gap}_ci_high:Q", f"{t[gap]}: {t['ci_high']}", "+.1f"),
        ]
    return tips


def gaps_chart(
    gaps: pd.DataFrame,
    *,
    labels: Mapping[str, str] | None = None,
    text: Mapping[str, str] | None = None,
) -> alt.LayerChart:
    """Expected, excellent and actual level per touchpoint, with the gap to excellent.

    Each touchpoint is a row (journey order); the expected (sky), actual (blue) and
    excellent (purple) means are points on one 0–100 axis, a thick vermillion bar spans the
    gap from actual to excellent and its size is written beside it. Tooltips give both
    gaps with their intervals.

    Parameters
    ----------
    gaps : DataFrame
        The output of :func:`mot.gaps.gap_table` (without ``by``): ``touchpoint``, the
        counts and means ``n_expected, expected, n_excellent, excellent, n_actual,
        actual`` and ``gap_to_expected``, ``gap_to_excellent`` with their ``_ci_low``,
        ``_ci_high``.
    labels : Mapping[str, str], optional
        Touchpoint id → display label; default the id.
    text : Mapping[str, str], optional
        Overrides of the keys ``touchpoint, level, expected, actual, excellent,
        mean_0_100, mean, n, gap_to_expected, gap_to_excellent, ci_low, ci_high``.

    Returns
    -------
    alt.LayerChart
        Layers: gap bars, points, gap values.

    Raises
    ------
    MotError
        If a column is missing or a touchpoint repeats.
    """
    t = merged_text(text)
    require(gaps, ["touchpoint", *_GAP_COLUMNS], builder="gaps_chart", source="mot.gaps.gap_table")
    require_unique(gaps, ["touchpoint"], builder="gaps_chart")
    wide, order = with_labels(gaps, _GAP_COLUMNS, labels)
    long = pd.concat(
        [
            pd.DataFrame(
                {
                    "label": wide["label"],
                    "level": level,
                    "level_label": t[level],
                    "value": wide[level],
                    "n": wide[f"n_{level}"],
                }
            )
            for level in GAP_LEVELS
        ],
        ignore_index=True,
    )
    x_scale = alt.Scale(domain=[0, 100])
    x_axis = alt.Axis(values=list(SCALE_TICKS))
    y = tp_y(order, t["touchpoint"])
    gap_base = alt.Chart(wide).transform_filter(all_finite("actual", "excellent")).encode(y=y)
    gap_bar = gap_base.mark_rule(style="mot_gap").encode(
        x=alt.X("actual:Q", title=t["mean_0_100"], scale=x_scale, axis=x_axis),
        x2="excellent:Q",
        tooltip=_gap_tips(t),
    )
    gap_value = gap_base.mark_text(style="mot_value_label", align="left", dx=12).encode(
        x=alt.X("excellent:Q", title=t["mean_0_100"], scale=x_scale, axis=x_axis),
        text=alt.Text("gap_to_excellent:Q", format="+.1f"),
        tooltip=_gap_tips(t),
    )
    domain = [t[level] for level in GAP_LEVELS]
    points = (
        alt.Chart(long)
        .transform_filter(all_finite("value"))
        .mark_point(filled=True, opacity=1)
        .encode(
            y=y,
            x=alt.X("value:Q", title=t["mean_0_100"], scale=x_scale, axis=x_axis),
            color=alt.Color(
                "level_label:N",
                title=t["level"],
                sort=domain,
                scale=fixed_scale(GAP_LEVELS, GAP_LEVEL_COLORS, t),
            ),
            tooltip=[
                tip("label:N", t["touchpoint"]),
                tip("level_label:N", t["level"]),
                tip("value:Q", t["mean"], ".1f"),
                tip("n:Q", t["n"], ",d"),
            ],
        )
    )
    return (gap_bar + points + gap_value).properties(width="container", height=alt.Step(40))


def _padded_domain(values: pd.Series) -> list[float]:
    """A 0–100 sub-range around ``values``, padded and rounded to fives."""
    finite = pd.to_numeric(values, errors="coerce").dropna()
    finite = finite[finite.map(math.isfinite)]
    if finite.empty:
        return [0.0, 100.0]
    low = max(0.0, 5 * math.floor((float(finite.min()) - 5) / 5))
    high = min(100.0, 5 * math.ceil((float(finite.max()) + 5) / 5))
    return [low, max(high, low + 10)]


def _quadrant_corners(
    x_domain: Sequence[float], y_domain: Sequence[float], t: Mapping[str, str]
) -> list[alt.Chart]:
    """The four quadrant names, one in each corner of the plot."""
    corners = {
        "concentrate_here": (x_domain[0], y_domain[1], "left", "top"),
        "keep_up": (x_domain[1], y_domain[1], "right", "top"),
        "low_priority": (x_domain[0], y_domain[0], "left", "bottom"),
        "possible_overkill": (x_domain[1], y_domain[0], "right", "bottom"),
    }
    layers = []
    for quadrant, (x, y, align, baseline) in corners.items():
        frame = pd.DataFrame({"x": [x], "y": [y], "name": [t[quadrant]]})
        layers.append(
            alt.Chart(frame)
            .mark_text(
                style="mot_corner",
                align=align,
                baseline=baseline,
                color=QUADRANT_COLORS[quadrant],
                dx=6 if align == "left" else -6,
                dy=6 if baseline == "top" else -6,
            )
            .encode(
                x=alt.X("x:Q", scale=alt.Scale(domain=list(x_domain), nice=False)),
                y=alt.Y("y:Q", scale=alt.Scale(domain=list(y_domain), nice=False)),
                text="name:N",
                tooltip=[tip("name:N", t["quadrant"])],
            )
        )
    return layers


def importance_performance_chart(
    ip: pd.DataFrame,
    *,
    labels: Mapping[str, str] | None = None,
    text: Mapping[str, str] | None = None,
) -> alt.LayerChart:
    """Importance–performance grid: touchpoints placed by performance (x) and importance (y).

    Points are labelled with the touchpoint, coloured by quadrant and shaped by the source of
    their importance (a circle stated, a diamond derived); the quadrant names sit in the
    corners. Dashed lines mark the splits, each labelled with its rule: performance at
    its mean, stated importance at its mean and derived importance at an equal share of R²
    (one line per kind of importance present: the two scales are never averaged together).

    Parameters
    ----------
    ip : DataFrame
        The output of :func:`mot.gaps.importance_performance`: ``touchpoint, importance,
        importance_source, performance, quadrant, importance_split, performance_split``.
    labels : Mapping[str, str], optional
        Touchpoint id → display label; default the id.
    text : Mapping[str, str], optional
        Overrides of the keys ``touchpoint, performance, importance, importance_source,
        stated, derived, quadrant, concentrate_here, keep_up, low_priority,
        possible_overkill, split_performance, split_stated, split_derived``.

    Returns
    -------
    alt.LayerChart
        Layers: split lines and their rules, points, point labels, quadrant names.

    Raises
    ------
    MotError
        If a column is missing or a touchpoint repeats.
    """
    t = merged_text(text)
    needed = ["touchpoint", "importance", "importance_source", "performance", "quadrant"]
    needed += ["importance_split", "performance_split"]
    require(
        ip, needed, builder="importance_performance_chart", source="mot.gaps.importance_performance"
    )
    require_unique(ip, ["touchpoint"], builder="importance_performance_chart")
    data, _ = with_labels(ip, needed[1:], labels)
    data["quadrant_label"] = data["quadrant"].map(lambda q: t.get(q, q) if q else q)
    data["source_label"] = data["importance_source"].map(lambda s: t.get(s, s) if s else s)
    x_domain = _padded_domain(pd.concat([data["performance"], data["performance_split"]]))
    y_domain = _padded_domain(pd.concat([data["importance"], data["importance_split"]]))
    x_scale = alt.Scale(domain=x_domain, nice=False)
    y_scale = alt.Scale(domain=y_domain, nice=False)
    x = alt.X("performance:Q", title=t["performance"], scale=x_scale)
    y = alt.Y("importance:Q", title=t["importance"], scale=y_scale)
    # Names go right of a point in the left half of the plot, left of it in the right half.
    data["name_side"] = (data["performance"] > sum(x_domain) / 2).map(
        {True: "right", False: "left"}
    )
    tips = [
        tip("label:N", t["touchpoint"]),
        tip("performance:Q", t["performance"], ".1f"),
        tip("importance:Q", t["importance"], ".1f"),
        tip("source_label:N", t["importance_source"]),
        tip("quadrant_label:N", t["quadrant"]),
    ]
    base = alt.Chart(data).transform_filter(all_finite("performance", "importance"))
    present = [q for q in QUADRANTS if q in set(data["quadrant"].dropna())]
    points = base.mark_point(filled=True, opacity=1, style="mot_extreme").encode(
        x=x,
        y=y,
        color=alt.Color(
            "quadrant_label:N",
            title=t["quadrant"],
            sort=[t[q] for q in present],
            scale=fixed_scale(present, QUADRANT_COLORS, t),
        ),
        # Which split line a point is read against: stated or derived importance.
        shape=alt.Shape(
            "source_label:N",
            title=t["importance_source"],
            sort=[t["stated"], t["derived"]],
            scale=alt.Scale(domain=[t["stated"], t["derived"]], range=["circle", "diamond"]),
        ),
        tooltip=tips,
    )
    names = [
        base.transform_filter(alt.datum.name_side == side)
        .mark_text(align=side, dx=12 if side == "left" else -12, style="mot_value_label")
        .encode(x=x, y=y, text="label:N", tooltip=tips)
        for side in ("left", "right")
    ]
    splits = _split_layers(data, x_scale, y_scale, x_domain, t)
    layers = [*splits, points, *names, *_quadrant_corners(x_domain, y_domain, t)]
    return alt.layer(*layers).properties(width="container", height=420)


def _split_layers(
    data: pd.DataFrame,
    x_scale: alt.Scale,
    y_scale: alt.Scale,
    x_domain: Sequence[float],
    t: Mapping[str, str],
) -> list[alt.Chart]:
    """The dashed split lines of the grid, each with its rule written beside it.

    One vertical line at the performance split; one horizontal line per kind of importance
    (stated, derived) at that kind's own split, labelled at the plot's right edge.
    """
    rules = data[["importance_source", "importance_split"]].drop_duplicates("importance_source")
    rules = rules.assign(
        rule=rules["importance_source"].map(lambda s: t[f"split_{s}"]),
        x_end=float(x_domain[1]),
    )
    rules = rules[rules["importance_split"].map(lambda v: pd.notna(v) and math.isfinite(v))]
    split = data["performance_split"].dropna()
    performance = pd.DataFrame(
        {"performance_split": split.iloc[:1].astype("float64"), "rule": t["split_performance"]}
    )
    value = "datum.rule + ': ' + format(datum.{}, '.1f')"
    v_rule = (
        alt.Chart(performance)
        .transform_calculate(rule_text=value.format("performance_split"))
        .mark_rule(style="mot_reference")
        .encode(
            x=alt.X("performance_split:Q", title=t["performance"], scale=x_scale),
            tooltip=[tip("rule_text:N", t["split_performance"])],
        )
    )
    horizontal = alt.Chart(rules).transform_calculate(rule_text=value.format("importance_split"))
    h_rules = horizontal.mark_rule(style="mot_reference").encode(
        y=alt.Y("importance_split:Q", title=t["importance"], scale=y_scale),
        tooltip=[tip("rule_text:N", t["importance_source"])],
    )
    h_text = horizontal.mark_text(
        style="mot_corner", align="right", baseline="bottom", dx=-6, dy=-3
    ).encode(
        x=alt.X("x_end:Q", scale=x_scale),
        y=alt.Y("importance_split:Q", scale=y_scale),
        text="rule_text:N",
        tooltip=[tip("rule_text:N", t["importance_source"])],
    )
    v_text = (
        alt.Chart(performance)
        .transform_calculate(rule_text=value.format("performance_split"))
        .mark_text(style="mot_corner", align="left", baseline="top", dx=5)
        .encode(  # at the top of the plot, beside the line: inside it whatever its height
            x=alt.X("performance_split:Q", scale=x_scale),
            y=alt.value(18),
            text="rule_text:N",
            tooltip=[tip("rule_text:N", t["split_performance"])],
        )
    )
    return [v_rule, h_rules, v_text, h_text]


def priorities_chart(
    priorities: pd.DataFrame,
    *,
    labels: Mapping[str, str] | None = None,
    text: Mapping[str, str] | None = None,
) -> alt.LayerChart:
    """Horizontal bars of the corrective-action priority, most urgent at the top.

    Rows follow ``rank`` (touchpoints without a priority last, without a bar); bars are
    coloured by importance–performance quadrant.

    Parameters
    ----------
    priorities : DataFrame
        The output of :func:`mot.gaps.priorities`: ``rank, touchpoint, importance,
        gap_used, gap, priority, quadrant`` (``rule`` shown when present).
    labels : Mapping[str, str], optional
        Touchpoint id → display label; default the id.
    text : Mapping[str, str], optional
        Overrides of the keys ``touchpoint, priority, rank, importance, gap, target,
        to_excellent, to_expected, quadrant, concentrate_here, keep_up, low_priority,
        possible_overkill, rule, no_difference``.

    Returns
    -------
    alt.LayerChart
        Layers: zero line, bars, values.

    Raises
    ------
    MotError
        If a column is missing or a touchpoint repeats.
    """
    t = merged_text(text)
    needed = ["rank", "touchpoint", "importance", "gap_used", "gap", "priority", "quadrant"]
    require(priorities, needed, builder="priorities_chart", source="mot.gaps.priorities")
    require_unique(priorities, ["touchpoint"], builder="priorities_chart")
    ranked = priorities.assign(_rank=pd.to_numeric(priorities["rank"], errors="coerce"))
    ranked = ranked.sort_values("_rank", kind="stable", na_position="last")
    rank_order = [str(v) for v in ranked["touchpoint"]]
    extra = ["rule"] if "rule" in priorities.columns else []
    data, order = with_labels(
        ranked, [c for c in needed if c != "touchpoint"] + extra, labels, order=rank_order
    )
    for column in ("quadrant", "gap_used"):
        data[f"{column}_label"] = data[column].map(lambda v: t.get(v, v) if v else v)
    present = [q for q in QUADRANTS if q in set(data["quadrant"].dropna())]
    tips = [
        tip("rank:Q", t["rank"], ".0f"),
        tip("label:N", t["touchpoint"]),
        tip("priority:Q", t["priority"], ".1f"),
        tip("importance:Q", t["importance"], ".1f"),
        tip("gap:Q", t["gap"], "+.1f"),
        tip("gap_used_label:N", t["target"]),
        tip("quadrant_label:N", t["quadrant"]),
        *([tip("rule:N", t["rule"])] if extra else []),
    ]
    base = alt.Chart(data).encode(y=tp_y(order, t["touchpoint"]))
    x = alt.X("priority:Q", title=t["priority"])
    bars = base.mark_bar().encode(
        x=x,
        color=alt.Color(
            "quadrant_label:N",
            title=t["quadrant"],
            sort=[t[q] for q in present],
            scale=fixed_scale(present, QUADRANT_COLORS, t),
        ),
        tooltip=tips,
    )
    values = (
        base.transform_filter(all_finite("priority"))
        .mark_text(style="mot_value_label", align="left", dx=5)
        .encode(x=x, text=alt.Text("priority:Q", format=".1f"), tooltip=tips)
    )
    zero = reference_rule(data, "x", 0, t["no_difference"])
    return (zero + bars + values).properties(width="container", height=alt.Step(40))
