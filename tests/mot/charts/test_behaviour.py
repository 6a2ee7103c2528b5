"""Tests of the behaviour (event-log) chart builders of mot.charts, on the demo log's tables.

Every builder is called on the tables :mod:`mot.behaviour` computes from
``data/demo_events.parquet`` (and, for the repurchase model, ``data/demo_survey.csv``),
serialised with ``to_dict()``, compiled or drawn with vl-convert, and the assertions read
the spec: the rows it carries, the order of its axes, its colours, its layers.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from pathlib import Path

import altair as alt
import pandas as pd
import pytest
import vl_convert as vlc

from mot import behaviour, charts
from mot.behaviour import open_event_log, rules_from_journey
from mot.errors import MotError
from mot.journey import default_journey
from mot.report import PNG_SIGNATURE, chart_png, chart_svg
from mot.survey import load_survey

DATA = Path(__file__).resolve().parents[3] / "data"
JOURNEY = ["ZMOT", "FMOT", "SMOT", "TMOT", "UMOT"]
EVENTS = ["landing", "product_view", "add_to_cart", "checkout", "purchase"]


# --- fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo() -> Iterator[dict]:
    """Every behaviour table the charts draw, computed once on the demo log."""
    log = open_event_log(DATA / "demo_events.parquet")
    log.mapped(rules_from_journey(default_journey()))
    con = log.connection
    by_device = behaviour.ordered_funnel(con, steps=JOURNEY, by="device")
    by_variant = behaviour.ordered_funnel(con, steps=EVENTS, step_column="event", by="variant")
    survey = load_survey(DATA / "demo_survey.csv")
    linked = behaviour.link_survey(con, respondents=survey.respondents)
    model = [
        behaviour.utility_predicts_repurchase(survey.ratings, linked, touchpoint=tp)
        for tp in JOURNEY
    ]
    tables = {
        "labels_es": survey.journey.labels("es"),
        "funnel": behaviour.ordered_funnel(con, steps=JOURNEY),
        "open": behaviour.open_funnel(con, steps=JOURNEY),
        "funnel_by": by_device,
        "open_by": behaviour.open_funnel(con, steps=JOURNEY, by="device"),
        "funnel_events": by_variant,
        "times": behaviour.time_between(con, touchpoints=JOURNEY),
        "trend": behaviour.trend(con, touchpoints=JOURNEY),
        "event_trend": behaviour.event_trend(con, events=["delivery", "support_ticket"]),
        "compare": pd.concat(
            [behaviour.compare_conversion(by_device, step=s) for s in JOURNEY[1:]],
            ignore_index=True,
        ),
        "compare_ab": behaviour.compare_conversion(by_variant, step="add_to_cart"),
        "model": pd.concat(model, ignore_index=True),
    }
    yield tables
    con.close()


@pytest.fixture(autouse=True)
def default_theme() -> Iterator[None]:
    """Leave Altair's process-wide theme as the test found it."""
    active = alt.theme.active
    yield
    alt.theme.enable(active)


# The builders as (function, table key, keyword arguments), by case name.
CASES: dict[str, tuple] = {
    "funnel": (charts.funnel_chart, "funnel", {}),
    "funnel_open": (charts.funnel_chart, "funnel", {"open_funnel": "open"}),
    "funnel_by_open": (charts.funnel_chart, "funnel_by", {"open_funnel": "open_by", "by": None}),
    "time_between": (charts.time_between_chart, "times", {}),
    "trend": (charts.behaviour_trend_chart, "trend", {}),
    "event_trend": (charts.behaviour_trend_chart, "event_trend", {}),
    "conversion_difference": (charts.conversion_difference_chart, "compare", {}),
    "repurchase": (charts.repurchase_chart, "model", {}),
}
ALL = sorted(CASES)


def _call(demo: dict, name: str, table: pd.DataFrame | None = None, **kwargs) -> object:
    """Call the case's builder on its demo table (or ``table``), tables named in kwargs."""
    build, key, fixed = CASES[name]
    arguments = {}
    for option, value in fixed.items():
        if option == "by":
            arguments["by"] = "device"
        else:
            arguments[option] = demo[value] if table is None else demo[value].iloc[:0]
    return build(demo[key] if table is None else table, **arguments, **kwargs)


def _spec(demo: dict, name: str, **kwargs) -> dict:
    chart = _call(demo, name, **kwargs)
    assert isinstance(chart, alt.TopLevelMixin)
    return chart.to_dict()


# --- reading specs ---------------------------------------------------------------------------


def _units(spec: dict) -> Iterator[dict]:
    """Every single-mark view of a (layered, faceted) spec."""
    if "mark" in spec:
        yield spec
    for child in [*spec.get("layer", []), *spec.get("vconcat", [])]:
        yield from _units(child)
    if isinstance(spec.get("spec"), dict):
        yield from _units(spec["spec"])


def _mark(unit: dict) -> str:
    mark = unit["mark"]
    return mark["type"] if isinstance(mark, dict) else mark


def _marks(spec: dict, mark: str) -> list[dict]:
    """The views drawing ``mark``."""
    return [u for u in _units(spec) if _mark(u) == mark]


def _rows(spec: dict, column: str) -> list[dict]:
    """The rows of the dataset that has ``column`` (there must be exactly one)."""
    found = [rows for rows in spec.get("datasets", {}).values() if rows and column in rows[0]]
    assert len(found) == 1, f"{len(found)} datasets with {column}"
    return found[0]


def _titles(spec: dict) -> list[str]:
    """Every axis, legend and tooltip title of the encodings."""
    found = []
    for unit in _units(spec):
        for enc in unit.get("encoding", {}).values():
            for entry in enc if isinstance(enc, list) else [enc]:
                if isinstance(entry, dict) and isinstance(entry.get("title"), str):
                    found.append(entry["title"])
    return found


def _scale(spec: dict, channel: str, field_name: str) -> dict:
    scales = [
        u["encoding"][channel]["scale"]
        for u in _units(spec)
        if u.get("encoding", {}).get(channel, {}).get("field") == field_name
        and "scale" in u["encoding"][channel]
    ]
    assert scales, f"no {channel} scale on {field_name}"
    return scales[0]


def _field(unit: dict, channel: str) -> str | None:
    return unit.get("encoding", {}).get(channel, {}).get("field")


# --- every builder ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ALL)
def test_builder_gives_a_spec_that_compiles(demo, name):
    spec = _spec(demo, name)
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    assert list(_units(spec))
    vega = vlc.vegalite_to_vega(json.dumps(spec))
    assert vega["marks"]


@pytest.mark.parametrize("name", ALL)
def test_every_mark_has_titled_tooltips(demo, name):
    for unit in _units(_spec(demo, name)):
        tooltip = unit.get("encoding", {}).get("tooltip")
        assert tooltip is not None, f"{_mark(unit)} has no tooltip"
        if isinstance(tooltip, dict) and "value" in tooltip:  # a reference line's label
            assert tooltip["value"]
            continue
        for entry in tooltip if isinstance(tooltip, list) else [tooltip]:
            assert entry.get("title"), f"untitled tooltip {entry} on {_mark(unit)}"
            assert entry.get("type") in {"nominal", "quantitative", "temporal"}


@pytest.mark.parametrize("name", ALL)
def test_text_overrides_every_title(demo, name):
    spanish = {key: f"ES {value}" for key, value in charts.DEFAULT_TEXT.items()}
    titles = _titles(_spec(demo, name, text=spanish))
    assert titles
    # "n (a)" and "n (b)" are built from the key `n`; "Device" is the `by` column's name.
    leftovers = [t for t in titles if not t.startswith("ES ") and t != "Device"]
    assert leftovers == []


@pytest.mark.parametrize("name", ALL)
def test_empty_table_gives_an_empty_valid_chart(demo, name):
    key = CASES[name][1]
    chart = _call(demo, name, table=demo[key].iloc[:0])
    spec = chart.to_dict()
    assert vlc.vegalite_to_svg(json.dumps(spec)).startswith("<svg")


@pytest.mark.parametrize(
    ("name", "column"),
    [
        ("funnel", "conversion_from_start"),
        ("funnel", "position"),
        ("time_between", "q3_hours"),
        ("trend", "dip"),
        ("event_trend", "baseline"),
        ("conversion_difference", "p_adjusted"),
        ("repurchase", "odds_ratio_per_10"),
    ],
)
def test_missing_column_is_named(demo, name, column):
    key = CASES[name][1]
    with pytest.raises(MotError, match=f"missing: {column}"):
        CASES[name][0](demo[key].drop(columns=column))


def test_missing_column_of_the_open_funnel_is_named(demo):
    with pytest.raises(MotError, match=r"open_funnel.*missing: users"):
        charts.funnel_chart(demo["funnel"], open_funnel=demo["open"].drop(columns="users"))


def test_not_a_table_and_segment_tables_without_by_are_refused(demo):
    with pytest.raises(MotError, match="needs a table"):
        charts.funnel_chart(demo["funnel"].to_dict())
    with pytest.raises(MotError, match="split by a segment"):
        charts.funnel_chart(demo["funnel_by"])
    with pytest.raises(MotError, match="missing: device"):
        charts.funnel_chart(demo["funnel"], by="device")


@pytest.mark.parametrize("name", ALL)
def test_draws_as_png(demo, name, tmp_path):
    with charts.use_theme():
        png = chart_png(_call(demo, name, labels=demo["labels_es"]), scale=1)
    assert png.startswith(PNG_SIGNATURE)
    assert len(png) > 5_000  # something was drawn, not an empty canvas


# --- funnel ----------------------------------------------------------------------------------


def test_funnel_one_bar_per_step_in_position_order(demo):
    labels = demo["labels_es"]
    shuffled = demo["funnel"].sample(frac=1, random_state=3)  # rows out of order
    assert shuffled["step"].tolist() != JOURNEY
    spec = charts.funnel_chart(shuffled, labels=labels).to_dict()
    (bars,) = _marks(spec, "bar")
    assert bars["encoding"]["y"]["sort"] == [labels[s] for s in JOURNEY]
    assert bars["encoding"]["x"]["field"] == "users"
    rows = _rows(spec, "users")
    assert len(rows) == len(demo["funnel"])
    users = {row["step"]: row["users"] for row in rows}
    assert users == dict(zip(demo["funnel"]["step"], demo["funnel"]["users"], strict=True))
    (text,) = _marks(spec, "text")
    assert text["encoding"]["text"] == {
        "field": "conversion_from_start",
        "format": ".0%",
        "type": "quantitative",
    }
    assert bars["encoding"]["color"] == {"value": charts.BLUE}  # one series: no legend


def test_funnel_of_raw_events_keeps_the_event_names(demo):
    one = demo["funnel_events"]
    spec = charts.funnel_chart(one[one["variant"] == "A"].drop(columns="variant")).to_dict()
    (bars,) = _marks(spec, "bar")
    assert bars["encoding"]["y"]["sort"] == EVENTS


def test_open_funnel_layer_only_when_passed(demo):
    plain = _spec(demo, "funnel")
    opened = _spec(demo, "funnel_open")
    assert len(_marks(plain, "bar")) == 1
    assert "open_users" not in _rows(plain, "users")[0]
    behind, front = _marks(opened, "bar")  # the open bar is drawn first, behind
    assert _field(behind, "x") == "open_users"
    assert _field(front, "x") == "users"
    rows = _rows(opened, "users")
    assert [r["open_users"] for r in rows] == demo["open"]["users"].tolist()
    scale = _scale(opened, "color", "open_series")
    assert scale["domain"] == ["Reached in order", "Reached at all (in any order)"]
    assert scale["range"] == [charts.BLUE, charts.LIGHT_GREY]


def test_funnel_by_segment_side_by_side_in_palette_colours(demo):
    spec = _spec(demo, "funnel_by_open")
    rows = _rows(spec, "users")
    assert len(rows) == len(demo["funnel_by"]) == 15
    _, front = _marks(spec, "bar")
    assert front["encoding"]["yOffset"]["field"] == "segment"
    assert front["encoding"]["yOffset"]["sort"] == ["desktop", "mobile", "tablet"]
    scale = _scale(spec, "color", "series")
    assert scale["domain"] == ["desktop", "mobile", "tablet", "Reached at all (in any order)"]
    assert scale["range"] == [*charts.PALETTE[:3], charts.LIGHT_GREY]
    (text,) = _marks(spec, "text")
    assert text["encoding"]["yOffset"]["field"] == "segment"  # one label per segment's bar
    merged = demo["funnel_by"].merge(demo["open_by"], on=["device", "step"])
    expected = {(r.device, r.step): r.users_y for r in merged.itertuples()}
    assert {(r["segment"], r["step"]): r["open_users"] for r in rows} == expected


# --- time between ----------------------------------------------------------------------------


def test_time_between_one_row_per_pair_on_a_log_axis(demo):
    labels = demo["labels_es"]
    spec = charts.time_between_chart(demo["times"], labels=labels).to_dict()
    rows = _rows(spec, "median_hours")
    assert len(rows) == len(demo["times"]) == 4
    (bars,) = _marks(spec, "bar")
    expected = [f"{labels[a]} → {labels[b]}" for a, b in itertools.pairwise(JOURNEY)]
    assert bars["encoding"]["y"]["sort"] == expected
    assert bars["encoding"]["x"]["field"] == "q1_plot"
    assert bars["encoding"]["x2"]["field"] == "q3_plot"
    assert bars["encoding"]["x"]["scale"]["type"] == "log"
    (tick,) = _marks(spec, "tick")
    assert _field(tick, "x") == "median_plot"
    low, high = bars["encoding"]["x"]["scale"]["domain"]
    drawn = [r[k] for r in rows for k in ("q1_plot", "median_plot", "q3_plot")]
    assert low <= min(drawn) and max(drawn) <= high
    values = bars["encoding"]["x"]["axis"]["values"]
    assert values and all(low <= v <= high for v in values)


def test_time_between_clips_zeros_and_notes_pairs_without_users(demo):
    times = demo["times"].copy()
    times.loc[0, "q1_hours"] = 0.0
    times.loc[2, ["users", "median_hours", "q1_hours", "q3_hours"]] = [0, None, None, None]
    spec = charts.time_between_chart(times).to_dict()
    rows = _rows(spec, "median_hours")
    assert rows[0]["q1_hours"] == 0.0
    assert rows[0]["q1_plot"] == pytest.approx(1 / 60)  # one minute, the log axis' floor
    svg = vlc.vegalite_to_svg(json.dumps(spec))
    assert svg.count(">No users</text>") == 1
    assert ">1 min</text>" in svg and ">24 h</text>" in svg  # human tick labels


# --- trends ----------------------------------------------------------------------------------


def test_trend_small_multiples_in_journey_order_with_independent_scales(demo):
    labels = demo["labels_es"]
    spec = charts.behaviour_trend_chart(demo["trend"], labels=labels).to_dict()
    panels = spec["vconcat"]
    assert [panel["title"]["text"] for panel in panels] == [labels[tp] for tp in JOURNEY]
    assert spec["resolve"]["scale"] == {"x": "shared", "y": "independent"}
    # as wide as the page, y axes inside, one time axis under the last panel
    assert all(panel["width"] == "container" for panel in panels)
    x_axes = [_units(panel).__next__()["encoding"]["x"]["axis"] for panel in panels]
    assert [a.get("labels", True) for a in x_axes] == [False] * (len(JOURNEY) - 1) + [True]
    assert len(_rows(spec, "users")) == len(demo["trend"])
    baseline, line, points = list(_units(spec))[:3]  # the first panel's
    assert _field(points, "color") == "flag"
    assert _field(line, "y") == "users" and _field(baseline, "y") == "baseline"
    assert baseline["mark"]["style"] == "mot_reference"  # dashed grey
    scale = _scale(spec, "color", "flag")
    colours = dict(zip(scale["domain"], scale["range"], strict=True))
    assert colours["Dip"] == charts.VERMILLION and colours["Spike"] == charts.GREEN


@pytest.mark.parametrize("key", ["trend", "event_trend"])
def test_dips_and_spikes_are_marked_exactly_where_the_table_says(demo, key):
    table = demo[key]
    spec = charts.behaviour_trend_chart(table).to_dict()
    rows = _rows(spec, "flag")
    flagged = {
        (r["touchpoint"], pd.Timestamp(r["period_start"])): r["flag"]
        for r in rows
        if r["flag"] != "No"
    }
    dips = table[table["dip"]]
    spikes = table[table["spike"] & ~table["dip"]]
    assert {k for k, v in flagged.items() if v == "Dip"} == set(
        zip(dips["touchpoint"], dips["period_start"], strict=True)
    )
    assert {k for k, v in flagged.items() if v == "Spike"} == set(
        zip(spikes["touchpoint"], spikes["period_start"], strict=True)
    )
    assert len(dips) > 0 and len(spikes) > 0
    # Drawn: one vermillion point per dip, one green per spike, plus one legend symbol each.
    svg = vlc.vegalite_to_svg(json.dumps(spec))
    assert len(re.findall(f'fill="{charts.VERMILLION}"', svg)) == len(dips) + 1
    assert len(re.findall(f'fill="{charts.GREEN}"', svg)) == len(spikes) + 1


def test_event_trend_delivery_incident(demo):
    spec = charts.behaviour_trend_chart(demo["event_trend"]).to_dict()
    assert [panel["title"]["text"] for panel in spec["vconcat"]] == ["delivery", "support_ticket"]
    week = {
        r["touchpoint"]: r["flag"]
        for r in _rows(spec, "flag")
        if pd.Timestamp(r["period_start"]) == pd.Timestamp("2026-07-13")
    }
    assert week == {"delivery": "Dip", "support_ticket": "Spike"}


# --- conversion differences ------------------------------------------------------------------


def test_conversion_difference_forest_plot(demo):
    compare = demo["compare"]
    spec = charts.conversion_difference_chart(compare).to_dict()
    rows = _rows(spec, "difference_pp")
    assert len(rows) == len(compare) == 12  # 4 steps × 3 pairs of devices
    (points,) = _marks(spec, "point")
    order = points["encoding"]["y"]["sort"]
    assert [row.split(" · ")[0] for row in order[::3]] == JOURNEY[1:]
    assert order[:3] == [
        "FMOT · desktop − mobile",
        "FMOT · desktop − tablet",
        "FMOT · mobile − tablet",
    ]
    for row, (_, expected) in zip(rows, compare.iterrows(), strict=True):
        assert row["difference_pp"] == pytest.approx(100 * expected["difference"])
        assert row["ci_low_pp"] == pytest.approx(100 * expected["ci_low"])
        significant = expected["p_adjusted"] < 0.05
        assert row["significant_label"] == ("Yes" if significant else "No")
    assert {r["significant_label"] for r in rows} == {"Yes", "No"}
    scale = _scale(spec, "color", "significant_label")
    assert dict(zip(scale["domain"], scale["range"], strict=True)) == {
        "Yes": charts.BLUE,
        "No": charts.GREY,
    }
    (errors,) = [u for u in _marks(spec, "rule") if _field(u, "x") == "ci_low_pp"]
    assert _field(errors, "x2") == "ci_high_pp"
    assert any(_field(u, "x") == "x_reference" for u in _marks(spec, "rule"))  # zero line


def test_conversion_difference_of_an_ab_test(demo):
    spec = charts.conversion_difference_chart(demo["compare_ab"]).to_dict()
    (row,) = _rows(spec, "difference_pp")
    assert row["pair_label"] == "A − B" and row["step"] == "add_to_cart"
    assert row["difference_pp"] < -4 and row["significant_label"] == "Yes"


# --- repurchase ------------------------------------------------------------------------------


def test_repurchase_forest_plot_in_percentage_points(demo):
    labels = demo["labels_es"]
    model = demo["model"]
    spec = charts.repurchase_chart(model, labels=labels).to_dict()
    rows = _rows(spec, "difference_pp")
    assert len(rows) == len(model) == 5
    (points,) = _marks(spec, "point")
    assert points["encoding"]["y"]["sort"] == [labels[tp] for tp in JOURNEY]
    for row, (_, expected) in zip(rows, model.iterrows(), strict=True):
        assert row["difference_pp"] == pytest.approx(100 * expected["difference"])
        assert row["ci_high_pp"] == pytest.approx(100 * expected["ci_high"])
    titles = {t["title"] for t in points["encoding"]["tooltip"]}
    assert {"Odds ratio per 10 points (CI)", "p-value of the slope"} <= titles
    svg = chart_svg(charts.repurchase_chart(model.iloc[[0]]))
    assert "<svg" in svg
