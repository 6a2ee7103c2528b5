"""Helpers every chart module shares: input checks, plain data, journey order, axes, tooltips.

A private module: its names are for the modules of :mod:`mot.charts` only.
"""

from __future__ import annotations

import json
import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TypeAlias

import altair as alt
import pandas as pd

from mot._frames import require_columns
from mot.charts.texts import DEFAULT_TEXT
from mot.errors import MotError
from mot.messages import Message

UTILITIES: tuple[str, ...] = ("anticipated", "experienced", "retrospective")


COMPARISONS: tuple[str, ...] = ("experienced_vs_anticipated", "retrospective_vs_experienced")


VERDICTS: tuple[str, ...] = ("exceeded", "kinder", "confirmed", "same", "disappointed", "harsher")


PREDICTORS: tuple[str, ...] = ("peak_end", "mean", "end", "most_intense", "peak", "trough")


QUADRANTS: tuple[str, ...] = ("concentrate_here", "keep_up", "low_priority", "possible_overkill")


NPS_CLASSES: tuple[str, ...] = ("detractors", "passives", "promoters")


GAP_LEVELS: tuple[str, ...] = ("expected", "actual", "excellent")


AnyChart: TypeAlias = (
    alt.Chart | alt.LayerChart | alt.FacetChart | alt.VConcatChart | alt.HConcatChart
)


SCALE_TICKS = (0, 25, 50, 75, 100)  # ticks of a 0–100 rating axis


TITLE_LIMIT = 14  # characters per line of a wrapped x-axis touchpoint label


def merged_text(text: Mapping[str, str] | None) -> dict[str, str]:
    """Return the default texts updated with the caller's."""
    merged = dict(DEFAULT_TEXT)
    if text:
        merged.update({str(k): str(v) for k, v in text.items()})
    return merged


def segment_heading(t: Mapping[str, str], by: str) -> str:
    """Title of a segment column: ``text[by]`` or the column name made readable."""
    return t.get(by) or by.replace("_", " ").capitalize()


def require(frame: object, columns: Sequence[str], *, builder: str, source: str) -> None:
    """Raise MotError unless ``frame`` is a DataFrame holding ``columns``."""
    require_columns(frame, columns, builder=builder, source=source)


def require_unique(frame: pd.DataFrame, keys: Sequence[str], *, builder: str) -> None:
    """Raise MotError when two rows share ``keys`` (a by-segment table without ``by``)."""
    if frame.empty:
        return
    duplicated = frame.duplicated(subset=list(keys), keep=False)
    if duplicated.any():
        row = frame.loc[duplicated, list(keys)].iloc[0]
        where = ", ".join(f"{k}={row[k]}" for k in keys)
        message = Message("charts.split", builder=builder, where=where)
        raise MotError(message)


def is_text(series: pd.Series) -> bool:
    dtype = series.dtype
    return (
        isinstance(dtype, pd.CategoricalDtype)
        or pd.api.types.is_object_dtype(dtype)
        or pd.api.types.is_string_dtype(dtype)
    )


def plain(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """Copy ``columns`` into plain dtypes Altair serialises: str/None, float, bool, int."""
    out: dict[str, object] = {}
    for col in dict.fromkeys(columns):
        series = frame[col].reset_index(drop=True)
        if is_text(series):
            values = series.to_numpy(dtype=object)
            present = series.notna().to_numpy()
            out[col] = pd.Series(
                [str(v) if ok else None for v, ok in zip(values, present, strict=True)],
                dtype=object,
            )
        elif pd.api.types.is_bool_dtype(series.dtype):
            out[col] = series.astype(object).where(series.notna(), None)
        elif pd.api.types.is_extension_array_dtype(series.dtype):
            out[col] = series.astype("float64")
        else:
            out[col] = series
    return pd.DataFrame(out, index=pd.RangeIndex(len(frame)), columns=list(dict.fromkeys(columns)))


def journey_order(frame: pd.DataFrame, column: str = "touchpoint") -> list[str]:
    """Touchpoint ids present in ``frame``, in journey order."""
    tp = frame[column]
    present = {str(v) for v in tp.dropna()}
    if "position" in frame.columns:
        ordered = frame.sort_values("position", kind="stable")[column].dropna()
        ids = [str(v) for v in ordered]
    elif isinstance(tp.dtype, pd.CategoricalDtype):
        ids = [str(c) for c in tp.cat.categories]
    else:
        ids = [str(v) for v in tp.dropna()]
    return [i for i in dict.fromkeys(ids) if i in present]


def label_map(ids: Sequence[str], labels: Mapping[str, str] | None) -> dict[str, str]:
    """Display label per id; a label shared by two ids gets the id appended."""
    names = {i: str(labels.get(i, i)) if labels else i for i in ids}
    counts = Counter(names.values())
    return {i: f"{name} ({i})" if counts[name] > 1 else name for i, name in names.items()}


def with_labels(
    frame: pd.DataFrame,
    columns: Sequence[str],
    labels: Mapping[str, str] | None,
    order: Sequence[str] | None = None,
) -> tuple[pd.DataFrame, list[str]]:
    """Plain copy of ``columns`` with a ``label`` column, and the labels in journey order."""
    ids = list(order) if order is not None else journey_order(frame)
    extra = [i for i in journey_order(frame) if i not in ids]
    ids = ids + extra
    names = label_map(ids, labels)
    data = plain(frame, ["touchpoint", *columns])
    data["label"] = data["touchpoint"].map(names)
    data["position"] = data["touchpoint"].map({i: k for k, i in enumerate(ids)})
    return data, [names[i] for i in ids]


SEGMENT = "segment"  # the field a `by` column is renamed to (user column names may hold dots)


def segment_order(frame: pd.DataFrame, by: str) -> list[str]:
    """Segments present, in category order (sorted values for a plain column)."""
    values = frame[by].dropna()
    if isinstance(values.dtype, pd.CategoricalDtype):
        present = {str(v) for v in values}
        return [str(c) for c in values.cat.categories if str(c) in present]
    return sorted({str(v) for v in values})


def wrap_expr(labels: Sequence[str]) -> str | None:
    """Vega expression breaking long axis labels over lines, or None when none is long."""
    wrapped = {
        label: textwrap.wrap(label, TITLE_LIMIT) for label in labels if len(label) > TITLE_LIMIT
    }
    if not wrapped:
        return None
    return f"({json.dumps(wrapped, ensure_ascii=False)})[datum.label] || datum.label"


def tp_x(order: Sequence[str], title: str | None, *, axis: bool = True, orient: str = "bottom"):
    """The x encoding of touchpoints in journey order, long labels wrapped."""
    if not axis:
        return alt.X("label:N", sort=list(order), title=None, axis=None)
    expr = wrap_expr(order)
    options = {"labelExpr": expr} if expr else {}
    return alt.X(
        "label:N",
        sort=list(order),
        title=title,
        axis=alt.Axis(labelAngle=0, orient=orient, **options),
    )


def tp_y(order: Sequence[str], title: str):
    """The y encoding of touchpoints in journey order (first at the top)."""
    return alt.Y("label:N", sort=list(order), title=title)


def tip(shorthand: str, title: str, fmt: str | None = None) -> alt.Tooltip:
    """A titled tooltip."""
    if fmt:
        return alt.Tooltip(shorthand, title=title, format=fmt)
    return alt.Tooltip(shorthand, title=title)


def all_finite(*fields: str) -> str:
    """Vega filter keeping rows whose ``fields`` are finite numbers (drops null and NaN)."""
    return " && ".join(f"isFinite(datum[{json.dumps(f)}])" for f in fields)


def fixed_scale(keys: Sequence[str], colors: Mapping[str, str], t: Mapping[str, str]):
    """Colour scale mapping the translated names of ``keys`` to their fixed colours."""
    return alt.Scale(domain=[t.get(k, k) for k in keys], range=[colors[k] for k in keys])


def reference_rule(data: pd.DataFrame, channel: str, value: float, title: str) -> alt.Chart:
    """A dashed reference line at ``value`` (one mark, whatever the number of rows)."""
    enc = alt.X if channel == "x" else alt.Y
    field = f"{channel}_reference"
    return (
        alt.Chart(data)
        .transform_aggregate(rows="count()")
        .transform_calculate(**{field: str(value)})
        .mark_rule(style="mot_reference")
        .encode(
            **{channel: enc(f"{field}:Q")},
            tooltip=[tip(f"{field}:Q", title)],
        )
    )


def optional_tips(data: pd.DataFrame, specs: Sequence[tuple[str, str, str | None]]):
    """Tooltips for the columns of ``specs`` (shorthand, title, format) present in ``data``."""
    return [tip(s, title, fmt) for s, title, fmt in specs if s.split(":")[0] in data.columns]


def inner_y_axis() -> alt.Axis:
    """A y axis drawn inside its plot, without a title (the panel's title says it).

    Labels sit just right of the left edge, above their grid line. A stacked chart as wide
    as its container has plots as wide as the container, and an axis outside them would
    push the chart past the container's right edge.
    """
    return alt.Axis(
        title=None,
        labelAlign="left",
        labelBaseline="bottom",
        labelPadding=-3,
        tickSize=0,
        domain=False,
    )


def panel_title(title: str) -> alt.TitleParams:
    """A panel's small title, at its top left: the inner y axis's title (themed size)."""
    return alt.TitleParams(
        title, anchor="start", style=["group-title", "mot_panel_title"], offset=4
    )
