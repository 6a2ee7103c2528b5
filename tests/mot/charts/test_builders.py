"""Tests of mot.charts: every builder on the demo survey's real results and on edge inputs.

The builders are pure: they are called on the library's own outputs for
``data/demo_survey.csv``, serialised with ``to_dict()`` and compiled with vl-convert (the
Vega-Lite compiler Streamlit's front end runs too), and the assertions read the spec: fields
and types of the encodings, journey order of the touchpoint axes, the fixed semantic colours,
labels and text overrides, titled tooltips on every mark.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import altair as alt
import numpy as np
import pandas as pd
import pytest
import vl_convert as vlc

from mot import charts, compare, curves, drivers, gaps, memory, scoring, waves, wom
from mot.errors import MotError
from mot.survey import load_survey
from mot.tidy import with_segment

DEMO = Path(__file__).resolve().parents[3] / "data" / "demo_survey.csv"
JOURNEY = ["ZMOT", "FMOT", "SMOT", "TMOT", "UMOT"]


# --- fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo() -> dict:
    """Every result table the dashboard charts, computed once on the demo survey."""
    survey = load_survey(DEMO)
    ratings, people = survey.ratings, survey.respondents
    by_device = with_segment(ratings, people, "device")
    curve = curves.emotion_curve(ratings)
    curve_by = curves.emotion_curve(by_device, by="device")
    emotion = ratings[ratings["measure"] == "emotion"]
    sample = emotion["respondent_id"].cat.categories[:40]
    individual = emotion[emotion["respondent_id"].isin(sample)]
    wave2 = load_survey(DEMO.with_name("demo_survey_wave2.csv"))
    return {
        "survey": survey,
        "waves": waves.compare_waves(survey, wave2),
        "trend": waves.wave_trend([survey, wave2], ["June", "September"]),
        "labels_es": survey.journey.labels("es"),
        "journey": survey.journey.to_frame(),
        "utilities": scoring.score_utilities(ratings),
        "utilities_by": scoring.score_utilities(by_device, by="device"),
        "shifts": scoring.utility_shifts(ratings),
        "curve": curve,
        "extremes": curves.curve_extremes(curve),
        "curve_by": curve_by,
        "extremes_by": curves.curve_extremes(curve_by),
        "individual": individual[["respondent_id", "touchpoint", "value"]],
        "locations": curves.extreme_locations(ratings),
        "predictors": memory.peak_end(ratings, people).to_frame(),
        "points": memory.memory_points(ratings, people),
        "gaps": gaps.gap_table(ratings),
        "ip": gaps.importance_performance(ratings, respondents=people),
        "priorities": gaps.priorities(ratings, respondents=people),
        "drivers": drivers.driver_importance(ratings, people, n_boot=200),
        "comparison": compare.compare_groups(by_device, by="device"),
        "nps": wom.nps(people),
        "nps_by": wom.nps(people, by="device"),
    }


@pytest.fixture(autouse=True)
def default_theme() -> Iterator[None]:
    """Leave Altair's process-wide theme as the test found it."""
    active = alt.theme.active
    yield
    alt.theme.enable(active)


# --- the builders, as cases ------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """How to call one builder: its inputs (keys of ``demo``) and whether it takes labels."""

    build: Callable[..., object]
    inputs: tuple[str, ...]
    labels: bool = True
    touchpoints: bool = True  # its touchpoint axis follows journey order
    kwargs: dict = field(default_factory=dict)

    def __call__(self, tables: dict, **kwargs) -> object:
        if not self.labels:
            kwargs.pop("labels", None)
        return self.build(*(tables[k] for k in self.inputs), **self.kwargs, **kwargs)


def _curve(curve, extremes, individual, **kw):
    return charts.emotion_curve_chart(curve, extremes=extremes, individual=individual, **kw)


def _curve_highlight(curve, extremes, **kw):
    return charts.emotion_curve_chart(curve, extremes=extremes, highlight="TMOT", **kw)


def _curve_by(curve, extremes, **kw):
    return charts.emotion_curve_chart(curve, extremes=extremes, by="device", **kw)


def _journey_map(journey, curve, utilities, extremes, **kw):
    return charts.journey_map_chart(journey, curve, utilities, extremes=extremes, **kw)


CASES: dict[str, Case] = {
    "utilities": Case(charts.utilities_chart, ("utilities",)),
    "utilities_by": Case(charts.utilities_chart, ("utilities_by",), kwargs={"by": "device"}),
    "shifts": Case(charts.shifts_chart, ("shifts",)),
    "curve": Case(_curve, ("curve", "extremes", "individual")),
    "curve_by": Case(_curve_by, ("curve_by", "extremes_by")),
    "curve_highlight": Case(_curve_highlight, ("curve", "extremes")),
    "extreme_locations": Case(charts.extreme_locations_chart, ("locations",)),
    "journey_map": Case(_journey_map, ("journey", "curve", "utilities", "extremes")),
    "peak_end": Case(charts.peak_end_chart, ("predictors",), labels=False, touchpoints=False),
    "memory_scatter": Case(
        charts.memory_scatter_chart, ("points",), labels=False, touchpoints=False
    ),
    "gaps": Case(charts.gaps_chart, ("gaps",)),
    "importance_performance": Case(charts.importance_performance_chart, ("ip",), touchpoints=False),
    "priorities": Case(charts.priorities_chart, ("priorities",), touchpoints=False),
    "drivers": Case(charts.drivers_chart, ("drivers",)),
    "comparison": Case(charts.comparison_chart, ("comparison",)),
    "nps": Case(charts.nps_chart, ("nps",), labels=False, touchpoints=False),
    "nps_by": Case(
        charts.nps_chart, ("nps_by",), labels=False, touchpoints=False, kwargs={"by": "device"}
    ),
    "wave_changes": Case(charts.wave_changes_chart, ("waves",)),
    "wave_trend": Case(charts.wave_trend_chart, ("trend",), touchpoints=False),
}
ALL = sorted(CASES)
WITH_LABELS = sorted(name for name, case in CASES.items() if case.labels)
IN_JOURNEY_ORDER = sorted(name for name, case in CASES.items() if case.touchpoints)


# --- reading specs ---------------------------------------------------------------------------


def _units(spec: dict) -> Iterator[dict]:
    """Every single-mark view of a (layered, faceted, concatenated) spec."""
    if "mark" in spec:
        yield spec
    for key in ("layer", "vconcat", "hconcat", "concat"):
        for child in spec.get(key, []):
            yield from _units(child)
    if isinstance(spec.get("spec"), dict):
        yield from _units(spec["spec"])


def _channel(spec: dict, channel: str) -> list[dict]:
    """The encodings of ``channel`` in every view that has one."""
    return [u["encoding"][channel] for u in _units(spec) if channel in u.get("encoding", {})]


def _records(spec: dict) -> list[dict]:
    """Every data row the spec carries."""
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def _titles(spec: dict) -> list[str]:
    """Every axis, legend and tooltip title in the spec."""
    found = []
    for unit in _units(spec):
        for enc in unit.get("encoding", {}).values():
            entries = enc if isinstance(enc, list) else [enc]
            for entry in entries:
                if isinstance(entry, dict) and isinstance(entry.get("title"), str):
                    found.append(entry["title"])
    return found


def _colour_scale(spec: dict, field_name: str, channel: str = "color") -> dict:
    """The explicit scale of the ``channel`` encoding on ``field_name``."""
    scales = [
        enc["scale"]
        for enc in _channel(spec, channel)
        if enc.get("field") == field_name and "scale" in enc
    ]
    assert scales, f"no {channel} scale on {field_name}"
    return scales[0]


_SPECS: dict[tuple, dict] = {}


def _built(demo: dict, name: str, **kwargs) -> dict:
    """The validated spec of a builder on the demo tables (built once per arguments and theme).

    Callers read the spec and never change it.
    """
    key = (id(demo), name, alt.theme.active, json.dumps(kwargs, sort_keys=True))
    if key not in _SPECS:
        chart = CASES[name](demo, **kwargs)
        assert isinstance(chart, alt.TopLevelMixin)
        _SPECS[key] = chart.to_dict()
    return _SPECS[key]


# --- every builder on the demo data ----------------------------------------------------------


@pytest.mark.parametrize("name", ALL)
def test_builder_gives_a_vega_lite_spec_that_compiles(demo, name):
    spec = _built(demo, name)
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    assert list(_units(spec)), "no mark at all"
    vega = vlc.vegalite_to_vega(json.dumps(spec))
    assert vega["marks"], "compiled to nothing"


@pytest.mark.parametrize("name", ALL)
def test_every_mark_has_titled_tooltips(demo, name):
    spec = _built(demo, name)
    for unit in _units(spec):
        tooltip = unit.get("encoding", {}).get("tooltip")
        assert tooltip is not None, f"{unit['mark']} has no tooltip"
        if isinstance(tooltip, dict) and "value" in tooltip:  # a reference line's label
            assert tooltip["value"]
            continue
        entries = tooltip if isinstance(tooltip, list) else [tooltip]
        assert entries
        for entry in entries:
            assert entry.get("title"), f"untitled tooltip {entry} on {unit['mark']}"
            assert entry.get("type") in {"nominal", "quantitative", "ordinal", "temporal"}


@pytest.mark.parametrize("name", ALL)
def test_every_encoding_has_an_explicit_type(demo, name):
    spec = _built(demo, name)
    for unit in _units(spec):
        for channel, enc in unit.get("encoding", {}).items():
            if channel.endswith("2") or not isinstance(enc, dict):
                continue  # x2/y2 take the type of x/y
            if "field" in enc or "aggregate" in enc:
                assert enc.get("type"), f"{channel} of {unit['mark']} has no type"


@pytest.mark.parametrize("name", IN_JOURNEY_ORDER)
def test_touchpoint_axes_follow_journey_order_with_labels(demo, name):
    labels = demo["labels_es"]
    spec = _built(demo, name, labels=labels)
    sorts = [
        enc["sort"]
        for ch in ("x", "y")
        for enc in _channel(spec, ch)
        if enc.get("field") == "label"
    ]
    assert sorts, "no touchpoint axis"
    expected = [labels[tp] for tp in JOURNEY]
    for sort in sorts:
        assert sort == expected
    # Alphabetical order would differ: the test would catch a lost sort.
    assert sorted(expected) != expected


def test_priorities_rows_follow_rank(demo):
    labels = demo["labels_es"]
    spec = _built(demo, "priorities", labels=labels)
    by_rank = demo["priorities"].sort_values("rank")["touchpoint"].astype(str)
    (sort,) = {tuple(enc["sort"]) for enc in _channel(spec, "y")}
    assert list(sort) == [labels[tp] for tp in by_rank]
    assert sort[0] == labels["TMOT"]  # the demo's delivery trough is the first priority


@pytest.mark.parametrize("name", WITH_LABELS)
def test_labels_mapping_reaches_the_data(demo, name):
    spec = _built(demo, name, labels=demo["labels_es"])
    labels = {row.get("label") for row in _records(spec)}
    assert "Tercer momento de la verdad" in labels
    assert "TMOT" not in labels
    assert "touchpoint" in {key for row in _records(spec) for key in row}  # ids kept too


@pytest.mark.parametrize("name", WITH_LABELS)
def test_default_label_is_the_id(demo, name):
    spec = _built(demo, name)
    labels = {row["label"] for row in _records(spec) if "label" in row}
    assert {"ZMOT", "TMOT"} <= labels


@pytest.mark.parametrize("name", ALL)
def test_text_overrides_every_title(demo, name):
    spanish = {key: f"ES {value}" for key, value in charts.DEFAULT_TEXT.items()}
    spec = _built(demo, name, text=spanish)
    titles = _titles(spec)
    assert titles
    segment_title = "Device"  # the `by` column's name, made readable (not in DEFAULT_TEXT)
    leftovers = [t for t in titles if not t.startswith("ES ") and t != segment_title]
    assert leftovers == []


def test_spanish_axis_title_and_legend(demo):
    text = {"touchpoint": "Punto de contacto", "utility": "Utilidad", "anticipated": "Anticipada"}
    spec = _built(demo, "utilities", text=text)
    assert {enc["title"] for enc in _channel(spec, "y")} == {"Punto de contacto"}
    scale = _colour_scale(spec, "utility_label")
    assert scale["domain"][0] == "Anticipada"
    assert {"Anticipada"} <= {row["utility_label"] for row in _records(spec)}


# --- what each chart must show ---------------------------------------------------------------


def test_utility_colours_are_fixed(demo):
    expected = {"Anticipated": "#56B4E9", "Experienced": "#0072B2", "Retrospective": "#E69F00"}
    for name in ("utilities", "utilities_by", "journey_map"):
        scale = _colour_scale(_built(demo, name), "utility_label")
        assert dict(zip(scale["domain"], scale["range"], strict=True)) == expected
    # The colour follows the utility, not the language.
    spanish = {"anticipated": "Anticipada", "experienced": "Vivida", "retrospective": "Recordada"}
    scale = _colour_scale(_built(demo, "utilities", text=spanish), "utility_label")
    assert scale["domain"] == ["Anticipada", "Vivida", "Recordada"]
    assert scale["range"] == ["#56B4E9", "#0072B2", "#E69F00"]


def test_utilities_dumbbell_encodings(demo):
    spec = _built(demo, "utilities")
    layers = spec["layer"]
    assert [layer["mark"]["type"] for layer in layers] == ["rule", "rule", "point"]
    points = layers[2]["encoding"]
    assert points["x"]["field"] == "mean" and points["x"]["type"] == "quantitative"
    assert points["x"]["scale"]["domain"] == [0, 100]
    assert points["y"] == {**points["y"], "field": "label", "type": "nominal"}
    assert layers[0]["encoding"]["x"]["aggregate"] == "min"  # the dumbbell's bar
    assert layers[1]["encoding"]["x2"] == {"field": "ci_high"}  # the error bars


def test_utilities_by_segment_is_faceted_in_category_order(demo):
    spec = _built(demo, "utilities_by")
    assert spec["facet"] == {
        "field": "segment",
        "sort": ["desktop", "mobile", "tablet"],
        "title": "Device",
        "type": "nominal",
    }
    assert spec["columns"] == 3
    assert {row["segment"] for row in _records(spec)} == {"desktop", "mobile", "tablet"}


def test_emotion_curve_has_the_pick_selection(demo):
    spec = _built(demo, "curve")
    (pick,) = [p for p in spec["params"] if p["name"] == "pick"]
    assert pick["select"] == {"type": "point", "fields": ["touchpoint"], "on": "click"}
    points = [u for u in spec["layer"] if u["mark"]["type"] == "point" and "params" not in u]
    picked = [u for u in spec["layer"] if u.get("name") in pick["views"]]
    assert picked and picked[0]["mark"]["type"] == "point"
    assert points  # the extreme markers
    # The selected field holds touchpoint ids (what the page reads), not labels.
    assert {row["touchpoint"] for row in _records(spec)} >= set(JOURNEY)


def test_emotion_curve_without_selection(demo):
    chart = charts.emotion_curve_chart(demo["curve"], selectable=False)
    assert "params" not in chart.to_dict()


def test_emotion_curve_layers_band_line_neutral_and_extremes(demo):
    spec = _built(demo, "curve", labels=demo["labels_es"])
    marks = [u["mark"]["type"] for u in spec["layer"]]
    assert marks == ["line", "area", "rule", "line", "point", "point", "text", "text"]
    band = spec["layer"][1]["encoding"]
    assert (band["y"]["field"], band["y2"]["field"]) == ("ci_low", "ci_high")
    neutral = spec["layer"][2]
    assert neutral["transform"][-1] == {"calculate": "0", "as": "y_reference"}
    fill = _colour_scale(spec, "kind_label", "fill")
    assert dict(zip(fill["domain"], fill["range"], strict=True)) == {
        "Peak": "#009E73",
        "Trough": "#D55E00",
    }
    texts = {row.get("kind_label") for row in _records(spec)}
    assert {"Peak", "Trough"} <= texts
    individual = spec["layer"][0]["encoding"]
    assert individual["detail"] == {"field": "respondent_id", "type": "nominal"}


def _highlight_views(spec: dict) -> list[dict]:
    """The layers that draw the highlight: orange, with their own rows."""
    return [u for u in spec["layer"] if u["mark"].get("color") == charts.ORANGE]


def test_emotion_curve_highlights_one_touchpoint(demo):
    spec = _built(demo, "curve_highlight", labels=demo["labels_es"])
    marks = [u["mark"]["type"] for u in spec["layer"]]
    # the band first (behind everything), the ring last (above the peak / trough markers)
    assert marks == ["rule", "area", "rule", "line", "point", "point", "text", "text", "point"]
    band, ring = _highlight_views(spec)
    assert band is spec["layer"][0] and ring is spec["layer"][-1]
    assert band["mark"]["opacity"] < 0.5 and "y" not in band["encoding"]  # the plot's height
    assert ring["mark"]["filled"] is False and ring["mark"]["style"] == "mot_highlight"
    for view in (band, ring):
        rows = spec["datasets"][view["data"]["name"]]
        assert [(r["touchpoint"], r["label"]) for r in rows] == [
            ("TMOT", "Tercer momento de la verdad")
        ]
        assert view["encoding"]["x"]["field"] == "label"
        assert view["encoding"]["x"]["sort"] == [demo["labels_es"][i] for i in JOURNEY]
    ring_row = spec["datasets"][ring["data"]["name"]][0]
    tmot = demo["curve"].set_index(demo["curve"]["touchpoint"].astype(str)).loc["TMOT"]
    assert ring_row["mean"] == pytest.approx(float(tmot["mean"]))
    assert vlc.vegalite_to_svg(json.dumps(spec).replace('"container"', "500")).startswith("<svg")


def test_emotion_curve_highlight_follows_the_touchpoint(demo):
    for touchpoint in JOURNEY:
        chart = charts.emotion_curve_chart(demo["curve"], highlight=touchpoint, selectable=False)
        spec = chart.to_dict()
        band = _highlight_views(spec)[0]
        assert [r["touchpoint"] for r in spec["datasets"][band["data"]["name"]]] == [touchpoint]


def test_emotion_curve_highlight_of_an_unknown_touchpoint_draws_nothing(demo):
    spec = charts.emotion_curve_chart(demo["curve"], highlight="nowhere").to_dict()
    for view in _highlight_views(spec):
        assert spec["datasets"].get(view["data"]["name"], []) == []
    plain = charts.emotion_curve_chart(demo["curve"]).to_dict()
    assert _highlight_views(plain) == []


def _y_span(spec: dict) -> float:
    """The width of the emotion axis's domain (the first layer that fixes it)."""
    low, high = next(
        enc["y"]["scale"]["domain"]
        for u in spec["layer"]
        if (enc := u.get("encoding", {})).get("y", {}).get("scale", {}).get("domain")
    )
    return high - low


def test_emotion_curve_height_sets_the_plot_and_its_room_for_labels(demo):
    low = charts.emotion_curve_chart(demo["curve"], extremes=demo["extremes"], height=170)
    tall = charts.emotion_curve_chart(demo["curve"], extremes=demo["extremes"])
    assert (low.to_dict()["height"], tall.to_dict()["height"]) == (170, 320)
    # a lower plot keeps more of its axis for the peak and trough labels (36 px each)
    assert _y_span(low.to_dict()) > _y_span(tall.to_dict())


def test_emotion_curve_highlight_needs_a_single_curve(demo):
    with pytest.raises(MotError, match="highlight"):
        charts.emotion_curve_chart(demo["curve_by"], by="device", highlight="TMOT")


def test_emotion_curve_highlight_stays_orange_on_dark(demo):
    dark = charts.on_dark(_built(demo, "curve_highlight"))
    band, ring = _highlight_views(dark)
    assert band["mark"]["color"] == ring["mark"]["color"] == charts.ORANGE


def test_emotion_curve_by_segment_colours_lines(demo):
    spec = _built(demo, "curve_by")
    colours = _channel(spec, "color")
    assert {enc["field"] for enc in colours} == {"segment"}
    assert {enc["title"] for enc in colours} == {"Device"}
    assert not any(u["mark"]["type"] == "text" for u in _units(spec))  # markers only


def test_segments_keep_category_order_and_odd_names(demo):
    # A user's segment column may be called anything and list its groups in any order.
    order = ["tablet", "mobile", "desktop"]
    curve = demo["curve_by"].rename(columns={"device": "plan.tier"})
    curve["plan.tier"] = curve["plan.tier"].cat.reorder_categories(order)
    extremes = demo["extremes_by"].rename(columns={"device": "plan.tier"})
    chart = charts.emotion_curve_chart(
        curve, extremes=extremes, by="plan.tier", text={"plan.tier": "Plan"}
    )
    spec = chart.to_dict()
    colours = _channel(spec, "color")
    assert {tuple(enc["sort"]) for enc in colours} == {tuple(order)}
    assert {enc["title"] for enc in colours} == {"Plan"}
    assert vlc.vegalite_to_svg(json.dumps(spec)).startswith("<svg")
    utilities = demo["utilities_by"].rename(columns={"device": "plan.tier"})
    spec = charts.utilities_chart(utilities, by="plan.tier").to_dict()
    assert spec["facet"]["title"] == "Plan.tier"


def test_shift_verdict_colours(demo):
    scale = _colour_scale(_built(demo, "shifts"), "verdict_label")
    colours = dict(zip(scale["domain"], scale["range"], strict=True))
    assert colours["Exceeded"] == colours["Kinder"] == "#009E73"
    assert colours["Disappointed"] == colours["Harsher"] == "#D55E00"
    assert colours["Confirmed"] == colours["Same"] == charts.GREY


def test_shifts_two_panels_in_comparison_order(demo):
    spec = _built(demo, "shifts")
    assert spec["facet"]["column"]["sort"] == [
        "Experienced − anticipated",
        "Retrospective − experienced",
    ]


def test_extreme_locations_grouped_bars(demo):
    spec = _built(demo, "extreme_locations")
    bars = spec["layer"][0]["encoding"]
    assert bars["xOffset"]["field"] == "kind_label"
    assert bars["y"]["field"] == "share"
    shares = {(r["touchpoint"], r["kind"]): r["share"] for r in _records(spec)}
    assert shares[("ZMOT", "trough")] == pytest.approx(0.3635)  # extreme_locations, demo


def test_journey_map_shares_x_and_shows_moments(demo):
    spec = _built(demo, "journey_map")
    assert len(spec["vconcat"]) == 3
    assert spec["resolve"]["scale"]["x"] == "shared"
    moments = {row.get("moment") for row in _records(spec)}
    assert set(JOURNEY) <= moments
    texts = [enc["field"] for enc in _channel(spec, "text")]
    assert "moment" in texts


def test_journey_map_draws_its_y_axes_inside_the_container_width(demo):
    # the panels are as wide as the container: an axis outside them would overflow it, so
    # every y axis is drawn inside its plot and its title is the panel's title
    spec = _built(demo, "journey_map")
    axes = [enc["axis"] for enc in _channel(spec, "y") if "axis" in enc]
    assert axes and all(a["labelAlign"] == "left" and a["title"] is None for a in axes)
    titles = [panel.get("title", {}).get("text") for panel in spec["vconcat"][1:]]
    assert titles == ["Mean emotion (−100 to +100)", "Mean rating (0–100)"]


def test_peak_end_highlights_peak_end(demo):
    spec = _built(demo, "peak_end")
    (sort,) = {tuple(enc["sort"]) for enc in _channel(spec, "y")}
    # Issue 12: the most intense moment (the peak-end average's peak) is its own row, and
    # the peak (highest) and the trough (lowest) are tried too (this used to end at the
    # most intense moment, then called "Peak (most intense moment)").
    assert sort == (
        "Peak-end average",
        "Mean of the curve",
        "End",
        "Most intense moment",
        "Peak (highest)",
        "Trough (lowest)",
    )
    colours = [enc for enc in _channel(spec, "color") if "condition" in enc]
    assert colours[0]["condition"][0]["value"] == charts.BLUE
    assert colours[0]["value"] == charts.GREY


def _layer_values(spec: dict, index: int) -> list[dict]:
    name = spec["layer"][index]["data"]["name"]
    return spec["datasets"][name]


def test_memory_scatter_points_are_counted_and_the_line_is_least_squares():
    # Five respondents, four distinct positions; least squares by hand:
    # x = (−40, 0, 0, 40, 80), y = (20, 50, 50, 90, 100): x̄ = 16, ȳ = 62,
    # Sxy = (−56)(−42) + (−16)(−12)·2 + 24·28 + 64·38 = 5840, Sxx = 3136 + 512 + 576 + 4096
    # = 8320 → slope 0.70192, intercept 62 − 0.70192·16 = 50.769; at x = −40: 22.692.
    points = pd.DataFrame(
        {"peak_end": [-40.0, 0.0, 0.0, 40.0, 80.0], "remembered": [20.0, 50.0, 50.0, 90.0, 100.0]}
    )
    spec = charts.memory_scatter_chart(points).to_dict()
    dots = _layer_values(spec, 0)
    assert sorted(d["respondents"] for d in dots) == [1, 1, 1, 2]
    line = _layer_values(spec, 1)
    assert [p["predicted"] for p in line] == [-40.0, 80.0]
    assert line[0]["remembered"] == pytest.approx(22.692, abs=1e-3)
    r = np.corrcoef(points["peak_end"], points["remembered"])[0, 1]
    assert _layer_values(spec, 2)[0]["rSquared"] == pytest.approx(r * r)


def test_memory_scatter_of_another_summary_names_it(demo):
    spec = charts.memory_scatter_chart(demo["points"], predictor="trough").to_dict()
    assert _channel(spec, "x")[0]["title"] == "Trough (lowest)"
    spec = charts.memory_scatter_chart(demo["points"], predictor="most_intense").to_dict()
    assert _channel(spec, "x")[0]["title"] == "Most intense moment"


def test_memory_scatter_ships_positions_not_respondents(demo):
    spec = _built(demo, "memory_scatter")
    assert len(_layer_values(spec, 0)) < 400  # ~2,000 respondents on a few scale points
    assert _channel(spec, "x")[0]["field"] == "predicted"


def test_gaps_rule_runs_from_actual_to_excellent(demo):
    spec = _built(demo, "gaps")
    rule = spec["layer"][0]["encoding"]
    assert (rule["x"]["field"], rule["x2"]["field"]) == ("actual", "excellent")
    tips = {tip["field"] for tip in rule["tooltip"]}
    assert {"gap_to_excellent", "gap_to_expected_ci_low", "gap_to_excellent_ci_high"} <= tips


def test_importance_performance_quadrants(demo):
    spec = _built(demo, "importance_performance")
    scale = _colour_scale(spec, "quadrant_label")
    assert dict(zip(scale["domain"], scale["range"], strict=True))["Concentrate here"] == (
        charts.VERMILLION
    )
    corner_names = {row["name"] for row in _records(spec) if "name" in row}
    assert corner_names == {
        "Concentrate here",
        "Keep up the good work",
        "Low priority",
        "Possible overkill",
    }
    # Issue 12: the splits are the table's own (stated importance at its mean, derived at an
    # equal share of R², never a mean of both scales), not a mean the chart takes itself.
    averages = [enc.get("aggregate") for ch in ("x", "y") for enc in _channel(spec, ch)]
    assert "mean" not in averages
    fields = {enc.get("field") for ch in ("x", "y") for enc in _channel(spec, ch)}
    assert {"performance_split", "importance_split"} <= fields
    rules = {row["rule"] for row in _records(spec) if "rule" in row}
    assert "Performance split at its mean" in rules
    # The demo states importance everywhere: one importance line, the stated one.
    assert rules - {"Performance split at its mean"} == {"Stated importance split at its mean"}


def test_importance_performance_draws_one_split_per_kind_of_importance():
    # Stated importance split at its mean (70), derived at an equal share of R² (100 / 3): two
    # horizontal lines, each labelled with its rule; never one line at a mean of both.
    ip = pd.DataFrame(
        {
            "touchpoint": ["ZMOT", "FMOT", "SMOT"],
            "importance": [80.0, 60.0, 48.4],
            "importance_source": ["stated", "stated", "derived"],
            "performance": [50.0, 60.0, 70.0],
            "quadrant": ["concentrate_here", "low_priority", "keep_up"],
            "importance_split": [70.0, 70.0, 100 / 3],
            "performance_split": [60.0, 60.0, 60.0],
        }
    )
    spec = charts.importance_performance_chart(ip).to_dict()
    lines = {
        row["rule"]: row["importance_split"]
        for row in _records(spec)
        if "rule" in row and "importance_split" in row
    }
    assert lines == pytest.approx(
        {
            "Stated importance split at its mean": 70.0,
            "Derived importance split at an equal share of R²": 100 / 3,
        }
    )
    shapes = _channel(spec, "shape")
    assert shapes and shapes[0]["scale"]["range"] == ["circle", "diamond"]


def test_drivers_interval_is_scaled_to_share(demo):
    spec = _built(demo, "drivers")
    rows = {row["touchpoint"]: row for row in _records(spec)}
    tmot = rows["TMOT"]
    assert tmot["share_ci_low"] == pytest.approx(tmot["raw_weight_ci_low"] / tmot["r2"])
    assert tmot["share_ci_low"] <= tmot["share"] <= tmot["share_ci_high"]


def test_comparison_marks_significance(demo):
    spec = _built(demo, "comparison")
    rows = _records(spec)
    significant = {(r["touchpoint"], r["pair_label"]) for r in rows if r["is_significant"]}
    # The demo's mobile delivery trough: every TMOT pair differs, nothing else does.
    assert {tp for tp, _ in significant} == {"TMOT"}
    assert len(significant) == 3
    opacity = _colour_scale(spec, "significant_label", "opacity")
    assert opacity["domain"] == ["Yes", "No"]
    offsets = _channel(spec, "yOffset")
    assert offsets and all(enc["field"] == "pair_label" for enc in offsets)


def test_nps_colours_and_segments(demo):
    spec = _built(demo, "nps_by")
    scale = _colour_scale(spec, "answer_label")
    assert scale["range"] == [charts.VERMILLION, charts.GREY, charts.GREEN]
    sorts = {tuple(enc["sort"]) for enc in _channel(spec, "y")}
    assert sorts == {("desktop", "mobile", "tablet")}


def test_nps_without_by_is_one_row(demo):
    spec = _built(demo, "nps")
    assert {row["segment"] for row in _records(spec)} == {"All respondents"}


# --- inputs are left alone -------------------------------------------------------------------


def test_builders_do_not_mutate_their_inputs(demo):
    before = {k: v.copy(deep=True) for k, v in demo.items() if isinstance(v, pd.DataFrame)}
    dtypes = {k: v.dtypes.copy() for k, v in before.items()}
    for case in CASES.values():
        case(demo, labels=demo["labels_es"]).to_dict()
    for key, frame in before.items():
        pd.testing.assert_frame_equal(demo[key], frame)
        pd.testing.assert_series_equal(demo[key].dtypes, dtypes[key])
    assert isinstance(demo["utilities"]["touchpoint"].dtype, pd.CategoricalDtype)


# --- edge inputs -----------------------------------------------------------------------------


def _edge_tables(demo: dict, transform: Callable[[pd.DataFrame], pd.DataFrame]) -> dict:
    return {k: transform(v) if isinstance(v, pd.DataFrame) else v for k, v in demo.items()}


def _empty(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.iloc[0:0]


def _only_tmot(frame: pd.DataFrame) -> pd.DataFrame:
    if "touchpoint" not in frame.columns:
        return frame
    return frame[frame["touchpoint"].astype(str) == "TMOT"]


def _nan_intervals(frame: pd.DataFrame) -> pd.DataFrame:
    interval = [c for c in frame.columns if "ci_low" in c or "ci_high" in c]
    return frame.assign(**dict.fromkeys(interval, np.nan))


def _svg(chart: object) -> str:
    # vl-convert has no page to fill: give "container" widths a size.
    spec = json.dumps(chart.to_dict()).replace('"width": "container"', '"width": 500')
    return vlc.vegalite_to_svg(spec)


@pytest.mark.parametrize("name", ALL)
def test_empty_table_gives_an_empty_valid_chart(demo, name):
    chart = CASES[name](_edge_tables(demo, _empty))
    spec = chart.to_dict()
    assert [row for row in _records(spec) if "label" in row or "touchpoint" in row] == []
    assert _svg(chart).startswith("<svg")


@pytest.mark.parametrize("name", ALL)
def test_single_touchpoint(demo, name):
    tables = _edge_tables(demo, _only_tmot)
    chart = CASES[name](tables, labels=demo["labels_es"])
    spec = chart.to_dict()
    labels = {row["label"] for row in _records(spec) if "label" in row}
    if CASES[name].labels:
        assert labels == {"Tercer momento de la verdad"}
    assert _svg(chart).startswith("<svg")


@pytest.mark.parametrize("name", ALL)
def test_missing_intervals_drop_error_bars_not_estimates(demo, name):
    chart = CASES[name](_edge_tables(demo, _nan_intervals))
    spec = chart.to_dict()
    for unit in _units(spec):
        enc = unit.get("encoding", {})
        uses_interval = any(
            isinstance(e, dict) and "ci_" in str(e.get("field", "")) for e in enc.values()
        )
        if uses_interval and unit["mark"]["type"] in {"rule", "area"}:
            filters = [t["filter"] for t in unit.get("transform", []) if "filter" in t]
            assert any("isFinite" in f for f in filters), "interval drawn without a filter"
    assert _svg(chart).startswith("<svg")


def test_nan_intervals_render_estimates(demo):
    curve = demo["curve"].assign(ci_low=np.nan, ci_high=np.nan)
    chart = charts.emotion_curve_chart(curve)
    rows = _records(chart.to_dict())
    assert [row["mean"] for row in rows] == pytest.approx(demo["curve"]["mean"].tolist())
    assert all(row["ci_low"] is None for row in rows)  # NaN goes out as null
    assert "<path" in _svg(chart)


# --- errors people can act on ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("builder", "frame", "column"),
    [
        (charts.utilities_chart, "utilities", "ci_low"),
        (charts.shifts_chart, "shifts", "verdict"),
        (charts.emotion_curve_chart, "curve", "mean"),
        (charts.gaps_chart, "gaps", "excellent"),
        (charts.drivers_chart, "drivers", "r2"),
        (charts.comparison_chart, "comparison", "significant"),
        (charts.peak_end_chart, "predictors", "r"),
        (charts.nps_chart, "nps", "score"),
    ],
)
def test_missing_column_is_a_mot_error_naming_it(demo, builder, frame, column):
    with pytest.raises(MotError, match=f"missing: {column}"):
        builder(demo[frame].drop(columns=[column]))


def test_not_a_table_is_a_mot_error():
    with pytest.raises(MotError, match="needs a table"):
        charts.utilities_chart([{"touchpoint": "ZMOT"}])


def test_segment_table_without_by_is_a_mot_error(demo):
    with pytest.raises(MotError, match="split by a segment"):
        charts.utilities_chart(demo["utilities_by"])
    with pytest.raises(MotError, match="split by a segment"):
        charts.emotion_curve_chart(demo["curve_by"])
    with pytest.raises(MotError, match="pass `by=`"):
        charts.nps_chart(demo["nps_by"])


def test_unknown_by_is_a_mot_error(demo):
    with pytest.raises(MotError, match="missing: channel"):
        charts.utilities_chart(demo["utilities_by"], by="channel")


def test_shared_labels_are_told_apart(demo):
    labels = {"ZMOT": "Online", "FMOT": "Online"}
    spec = charts.utilities_chart(demo["utilities"], labels=labels).to_dict()
    assert _channel(spec, "y")[0]["sort"][:2] == ["Online (ZMOT)", "Online (FMOT)"]


def test_plain_string_touchpoints_use_first_appearance():
    utilities = pd.DataFrame(
        {
            "touchpoint": ["delivery", "checkout"],
            "utility": ["experienced", "experienced"],
            "n": [10, 12],
            "mean": [55.0, 70.0],
            "ci_low": [50.0, 65.0],
            "ci_high": [60.0, 75.0],
        }
    )
    spec = charts.utilities_chart(utilities).to_dict()
    assert _channel(spec, "y")[0]["sort"] == ["delivery", "checkout"]


# --- themes ----------------------------------------------------------------------------------


def test_themes_register_and_scale_type():
    charts.register_themes()
    assert {charts.THEME, charts.THEME_LARGE} <= set(alt.theme.names())
    chart = alt.Chart(pd.DataFrame({"a": [1]})).mark_point().encode(x="a:Q", tooltip="a:Q")
    with charts.use_theme(False):
        assert alt.theme.active == "mot"
        normal = chart.to_dict()["config"]
    with charts.use_theme(True):
        assert alt.theme.active == "mot_large"
        large = chart.to_dict()["config"]
    assert normal["range"]["category"] == list(charts.PALETTE)
    assert large["range"]["category"] == list(charts.PALETTE)
    ratio = large["axis"]["labelFontSize"] / normal["axis"]["labelFontSize"]
    assert ratio == pytest.approx(1.6, abs=0.02)
    assert large["line"]["strokeWidth"] > normal["line"]["strokeWidth"]
    assert large["point"]["size"] > 2 * normal["point"]["size"]
    assert large["style"]["mot_extreme"]["size"] > normal["style"]["mot_extreme"]["size"]


def test_use_theme_context_restores_the_previous_theme():
    alt.theme.enable("default")
    with charts.use_theme(True):
        assert alt.theme.active == "mot_large"
    assert alt.theme.active == "default"


def test_builders_do_not_configure_charts(demo):
    # The look comes from the theme: a builder's spec has no config of its own.
    alt.theme.enable("none")
    for name in ALL:
        assert "config" not in _built(demo, name), name


# --- rendering -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["curve", "journey_map", "utilities_by"])
def test_renders_to_svg_and_png_with_the_large_theme(demo, name, tmp_path):
    chart = CASES[name](demo, labels=demo["labels_es"])
    with charts.use_theme(True):
        spec = json.dumps(chart.to_dict()).replace('"width": "container"', '"width": 900')
    svg = vlc.vegalite_to_svg(spec)
    assert "Tercer momento" in svg
    png = vlc.vegalite_to_png(spec)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    (tmp_path / f"{name}.png").write_bytes(png)


def test_spanish_charts_write_decimal_commas():
    import altair as alt
    import pandas as pd
    import vl_convert

    from mot.charts import localised

    chart = alt.Chart(pd.DataFrame({"x": [1234.5, 2.0]})).mark_bar().encode(x="x:Q")
    assert localised(chart, "en") is chart
    svg = vl_convert.vegalite_to_svg(localised(chart, "es").to_json())
    assert "1.000" in svg and "1,000" not in svg


def test_spanish_charts_name_months_in_spanish():
    import altair as alt
    import pandas as pd
    import vl_convert

    from mot.charts import localised

    days = pd.DataFrame({"day": pd.to_datetime(["2026-06-01", "2026-07-13", "2026-08-24"])})
    chart = alt.Chart(days).mark_point().encode(x=alt.X("day:T", axis=alt.Axis(format="%d %b")))
    spanish = vl_convert.vegalite_to_svg(localised(chart, "es").to_json())
    english = vl_convert.vegalite_to_svg(chart.to_json())
    assert "13 jul" in spanish and "Jul" not in spanish
    assert "13 Jul" in english


# --- the emotion axis, the large type --------------------------------------------------------


def _y_domain(spec: dict, scale: str = "y") -> list[float]:
    """The compiled (Vega) domain of the y scale: an explicit pair, or fail."""
    compiled = vlc.vegalite_to_vega(json.dumps(spec).replace('"container"', "900"))
    found = [s for s in compiled["scales"] if s["name"] == scale]
    assert found, [s["name"] for s in compiled["scales"]]
    domain = found[0]["domain"]
    assert isinstance(domain, list), domain
    return domain


def test_a_one_touchpoint_curve_keeps_its_axis_on_the_emotion_scale():
    # Two respondents at one touchpoint: the interval runs far past −100..+100.
    curve = pd.DataFrame(
        {
            "touchpoint": pd.Categorical(["FMOT"]),
            "position": [0],
            "n": [2],
            "mean": [20.0],
            "sd": [141.0],
            "ci_low": [-280.0],
            "ci_high": [320.0],
            "source": ["emotion"],
        }
    )
    spec = charts.emotion_curve_chart(curve).to_dict()
    low, high = _y_domain(spec)
    assert -100 <= low < 0 < 20 < high <= 100
    band = next(u for u in _units(spec) if u["mark"]["type"] == "area")
    assert band["mark"]["clip"] is True  # the band is cut at the scale's ends


def test_trough_labels_hang_clear_of_the_neutral_line(demo):
    # The demo's troughs sit just above neutral (+3.5, +4.4): a label under the point would
    # cross the dashed zero line and the touchpoint labels below the plot.
    spec = charts.emotion_curve_chart(demo["curve"], extremes=demo["extremes"]).to_dict()
    low, high = _y_domain(spec)
    span = high - low
    labels = [row for row in _records(spec) if "text_y" in row]
    troughs = [row["text_y"] for row in labels if row["kind"] == "trough"]
    peaks = [row["text_y"] for row in labels if row["kind"] == "peak"]
    assert troughs and peaks
    assert all(y <= 0 for y in troughs)  # at or below the neutral line, never across it
    assert all(y - low >= 0.1 * span for y in troughs)  # and room below for the label
    assert all(high - y >= 0.1 * span for y in peaks)
    assert low >= -100 and high <= 100


def test_the_journey_maps_emotion_panel_stays_on_the_scale(demo):
    spec = _built(demo, "journey_map")
    emotion = spec["vconcat"][1]
    band = next(u for u in _units(emotion) if u["mark"]["type"] == "area")
    low, high = band["encoding"]["y"]["scale"]["domain"]
    assert -100 <= low < 0 < high <= 100


def test_large_legends_wrap_and_tick_labels_keep_apart():
    chart = alt.Chart(pd.DataFrame({"a": [1]})).mark_point().encode(x="a:Q")
    with charts.use_theme(False):
        normal = chart.to_dict()["config"]
    with charts.use_theme(True):
        large = chart.to_dict()["config"]
    assert "columns" not in normal["legend"]
    assert large["legend"]["columns"] == 2
    assert large["axis"]["labelSeparation"] > normal["axis"]["labelSeparation"] > 0


def test_by_segment_panels_write_their_axis_title_over_two_lines(demo):
    # Three panels by segment are each narrower than "Mean rating (0–100)" in large type.
    spec = _built(demo, "utilities_by")
    titles = {json.dumps(enc.get("title")) for enc in _channel(spec, "x")}
    assert titles == {json.dumps(["Mean rating", "(0–100)"])}


def test_one_pair_comparison_rows_have_room_for_large_labels(demo):
    survey = demo["survey"]
    by_variant = with_segment(survey.ratings, survey.respondents, "variant")
    spec = charts.comparison_chart(compare.compare_groups(by_variant, by="variant")).to_dict()
    assert {row["pair_label"] for row in _records(spec)} == {"A − B"}
    assert spec["height"]["step"] >= 28  # one touchpoint's row: a label in large type fits


# --- the dark theme --------------------------------------------------------------------------


def _luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a ``#RRGGBB`` colour (independent of mot.charts)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_matches_the_wcag_examples():
    assert _contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert _contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def _colours(value, key="", colourish=False):
    """Every colour a spec draws with: (key, colour), data, labels and domains left out."""
    if isinstance(value, str):
        if value.startswith("#") and (key.lower().endswith("color") or colourish):
            yield key, value
        return
    if isinstance(value, dict):
        for k, v in value.items():
            if k in {"data", "datasets", "domain", "title", "legend", "field", "sort"}:
                continue
            inner = colourish or k.lower().endswith("color") or k in {"fill", "stroke", "range"}
            yield from _colours(v, k, inner)
    elif isinstance(value, list):
        for v in value:
            yield from _colours(v, key, colourish)


@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize("name", ALL)
def test_dark_charts_keep_every_mark_and_label_visible(demo, name, large):
    with charts.use_theme(large):
        spec = charts.on_dark(_built(demo, name))
    assert spec["config"]["background"] == charts.DARK_BACKGROUND
    drawn = {(key, colour.upper()) for key, colour in _colours(spec)}
    assert drawn
    for key, colour in drawn:
        if key == "gridColor":  # grid lines stay faint on purpose
            assert _contrast(colour, charts.DARK_BACKGROUND) < 2
            continue
        if colour == charts.DARK_BACKGROUND and key in {"background", "stroke", "value"}:
            continue  # the background itself, a halo around a point, a hollow shape
        # text, lines, points and bars: at least 3:1 on the background (WCAG 1.4.11)
        assert _contrast(colour, charts.DARK_BACKGROUND) >= 3, (name, key, colour)
    texts = [spec["config"][part][k] for part, k in [("text", "color"), ("axis", "labelColor")]]
    assert all(_contrast(c, charts.DARK_BACKGROUND) >= 7 for c in texts)


def test_on_dark_recolours_colours_only():
    spec = {
        "datasets": {"d": [{"touchpoint": "white", "c": "#333333"}]},
        "encoding": {
            "color": {
                "field": "white",
                "scale": {"domain": ["white", "#333333"], "range": ["#333333", charts.BLUE]},
                "legend": {"title": "white"},
            },
            "fill": {"condition": {"test": "datum.x", "value": "white"}, "value": "white"},
            "text": {"value": "white"},
        },
        "mark": {"type": "rule", "color": charts.INK},
        "title": "#333333",
    }
    dark = charts.on_dark(spec)
    assert dark["datasets"] == spec["datasets"]
    assert dark["title"] == "#333333" and dark["encoding"]["text"] == {"value": "white"}
    colour = dark["encoding"]["color"]
    assert colour["field"] == "white" and colour["legend"] == {"title": "white"}
    assert colour["scale"]["domain"] == ["white", "#333333"]
    assert colour["scale"]["range"] == [charts.DARK_INK, charts.BLUE]
    assert dark["encoding"]["fill"]["value"] == charts.DARK_BACKGROUND
    assert dark["mark"]["color"] == charts.DARK_INK
    assert spec["mark"]["color"] == charts.INK  # the input is not modified


def test_the_dark_chart_background_is_the_apps():
    import tomllib

    toml = Path(__file__).resolve().parents[3] / ".streamlit" / "config.toml"
    config = tomllib.loads(toml.read_text())
    assert config["theme"]["dark"]["backgroundColor"].upper() == charts.DARK_BACKGROUND
    assert "base" not in config["theme"]  # both themes offered: the menu switches them
    assert config["theme"]["light"]["backgroundColor"].upper() == "#FFFFFF"
