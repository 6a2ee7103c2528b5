"""Charts of a workspace's waves: what changed from wave A to wave B, and the trend."""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from mot.charts._base import (
    all_finite,
    merged_text,
    require,
    require_unique,
    tip,
    tp_y,
    with_labels,
)
from mot.charts.theme import GREEN, GREY, INK, LIGHT_GREY, VERMILLION

WAVE_MEASURES: tuple[str, ...] = ("anticipated", "experienced", "retrospective", "emotion")
"""The measures the changes chart draws, one panel each (gaps and importance are in the table)."""

CHANGE_COLORS: dict[str, str] = {
    "improved": GREEN,
    "no_change": GREY,
    "worsened": VERMILLION,
    "not_tested": LIGHT_GREY,
}


def wave_changes_chart(
    table: pd.DataFrame,
    *,
    labels: Mapping[str, str] | None = None,
    text: Mapping[str, str] | None = None,
) -> alt.FacetChart:
    """The difference wave B − wave A per touchpoint, one panel per measure.

    Each bar is the difference of the two waves' means with its interval (the test of
    :func:`mot.waves.compare_waves`); green where it improved, vermillion where it worsened
    (on the Holm-adjusted p), grey when no change is shown.

    Parameters
    ----------
    table : DataFrame
        The output of :func:`mot.waves.compare_waves`: ``touchpoint, measure, difference,
        ci_low, ci_high, n_a, n_b, p_adjusted, method, change``.
    labels : Mapping[str, str], optional
        Touchpoint id → display label; default the id.
    text : Mapping[str, str], optional
        Overrides of the keys ``touchpoint, wave_difference, ci_low, ci_high,
        n_a, n_b, p_adjusted, test, change, improved, worsened, no_change, not_tested,
        no_difference`` and the measure names.

    Returns
    -------
    alt.FacetChart
        One panel per measure of :data:`WAVE_MEASURES` present; layers: bars, error bars,
        zero line.

    Raises
    ------
    MotError
        If a column is missing or a touchpoint and measure repeat.
    """
    t = merged_text(text)
    needed = ["touchpoint", "measure", "difference", "ci_low", "ci_high", "n_a", "n_b"]
    needed += ["p_adjusted", "method", "change"]
    require(table, needed, builder="wave_changes_chart", source="mot.waves.compare_waves")
    require_unique(table, ["touchpoint", "measure"], builder="wave_changes_chart")
    shown = table[table["measure"].isin(WAVE_MEASURES)]
    data, order = with_labels(shown, needed[1:], labels)
    data["measure_label"] = data["measure"].map(lambda m: t.get(m, m))
    data["change_label"] = data["change"].map(lambda c: t.get(c, c))
    present = [c for c in CHANGE_COLORS if c in set(data["change"])]
    domain = [t[c] for c in present]
    tips = [
        tip("label:N", t["touchpoint"]),
        tip("difference:Q", t["wave_difference"], "+.1f"),
        tip("ci_low:Q", t["ci_low"], "+.1f"),
        tip("ci_high:Q", t["ci_high"], "+.1f"),
        tip("n_a:Q", t["n_a"], ",d"),
        tip("n_b:Q", t["n_b"], ",d"),
        tip("p_adjusted:Q", t["p_adjusted"], ".2g"),
        tip("method:N", t["test"]),
        tip("change_label:N", t["change"]),
    ]
    base = alt.Chart(data).encode(y=tp_y(order, t["touchpoint"]))
    bars = base.mark_bar().encode(
        x=alt.X("difference:Q", title=t["wave_difference"]),
        color=alt.Color(
            "change_label:N",
            title=t["change"],
            sort=domain,
            scale=alt.Scale(domain=domain, range=[CHANGE_COLORS[c] for c in present]),
        ),
        tooltip=tips,
    )
    errors = (
        base.transform_filter(all_finite("ci_low", "ci_high"))
        .mark_rule(style="mot_errorbar", color=INK)
        .encode(x=alt.X("ci_low:Q", title=t["wave_difference"]), x2="ci_high:Q", tooltip=tips)
    )
    zero = base.mark_rule(color=INK).encode(x=alt.datum(0), tooltip=alt.value(t["no_difference"]))
    panels = [t.get(m, m) for m in WAVE_MEASURES if m in set(data["measure"])]
    return (
        (bars + errors + zero)
        .properties(width=170, height=alt.Step(30))
        .facet(column=alt.Column("measure_label:N", title=None, sort=panels))
    )


def wave_trend_chart(
    trend: pd.DataFrame,
    *,
    utility: str = "experienced",
    labels: Mapping[str, str] | None = None,
    text: Mapping[str, str] | None = None,
) -> alt.LayerChart:
    """One utility's mean per touchpoint across the waves, a line per touchpoint.

    Parameters
    ----------
    trend : DataFrame
        The output of :func:`mot.waves.wave_trend`: ``wave, position, touchpoint, utility,
        n, mean, ci_low, ci_high``.
    utility : str, default "experienced"
        The utility drawn.
    labels : Mapping[str, str], optional
        Touchpoint id → display label; default the id.
    text : Mapping[str, str], optional
        Overrides of the keys ``wave, touchpoint, mean_0_100, ci_low, ci_high, n``.

    Returns
    -------
    alt.LayerChart
        Lines with points, and each mean's interval as a rule.

    Raises
    ------
    MotError
        If a column is missing.
    """
    t = merged_text(text)
    needed = ["wave", "position", "touchpoint", "utility", "n", "mean", "ci_low", "ci_high"]
    require(trend, needed, builder="wave_trend_chart", source="mot.waves.wave_trend")
    rows = trend[trend["utility"] == utility]
    data, order = with_labels(rows, needed, labels)
    data["wave"] = data["wave"].astype(str)
    waves = list(dict.fromkeys(rows.sort_values("position")["wave"].astype(str)))
    tips = [
        tip("wave:N", t["wave"]),
        tip("label:N", t["touchpoint"]),
        tip("mean:Q", t["mean_0_100"], ".1f"),
        tip("ci_low:Q", t["ci_low"], ".1f"),
        tip("ci_high:Q", t["ci_high"], ".1f"),
        tip("n:Q", t["n"], ",d"),
    ]
    labelled = [dict(zip(data["touchpoint"], data["label"], strict=False)).get(o, o) for o in order]
    base = alt.Chart(data).encode(
        x=alt.X("wave:N", title=t["wave"], sort=waves, axis=alt.Axis(labelAngle=0)),
        color=alt.Color("label:N", title=t["touchpoint"], sort=labelled),
    )
    line = base.mark_line(point=True).encode(
        y=alt.Y("mean:Q", title=t["mean_0_100"], scale=alt.Scale(domain=[0, 100])),
        tooltip=tips,
    )
    band = (
        base.transform_filter(all_finite("ci_low", "ci_high"))
        .mark_rule()
        .encode(y="ci_low:Q", y2="ci_high:Q", tooltip=tips)
    )
    return (line + band).properties(width="container", height=260)
