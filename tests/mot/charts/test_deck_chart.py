"""The deck's touchpoint chart and the house theme applied without touching Altair's registry.

The spec is read as Vega-Lite JSON (``to_dict``) and compiled with vl-convert, the compiler
the PNG export runs.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd
import pytest
import vl_convert as vlc

from mot import charts
from mot.errors import MotError

SUMMARY = pd.DataFrame(
    {
        "touchpoint": ["FMOT", "TMOT", "UMOT"],
        "expected": [5.0, 6.1, math.nan],
        "excellent": [6.5, 6.8, math.nan],
        "experienced": [5.5, 3.9, math.nan],
        "emotion": [1.5, -1.6, math.nan],
    }
)


def panels(spec: dict) -> tuple[dict, dict]:
    levels, emotion = spec["vconcat"]
    return levels, emotion


def values(spec: dict, panel: dict) -> list[dict]:
    """The rows a panel draws (Altair keeps inline data in the top-level datasets)."""
    name = panel["data"]["name"] if "data" in panel else panel["layer"][0]["data"]["name"]
    return spec["datasets"][name]


def test_three_levels_on_the_room_scale_and_the_emotion_on_minus_3_to_3():
    spec = charts.deck_levels_chart(SUMMARY, touchpoint="TMOT", scale=(1, 7)).to_dict()
    levels, emotion = panels(spec)
    rows = values(spec, levels)
    assert [(r["level_label"], r["value"]) for r in rows] == [
        ("Expected", 6.1),
        ("Excellent", 6.8),
        ("Experienced", 3.9),
    ]
    assert {r["base"] for r in rows} == {1.0}  # bars start at the scale's low end
    bars = levels["layer"][0]
    assert bars["mark"]["type"] == "bar" and bars["encoding"]["x2"]["field"] == "base"
    assert bars["encoding"]["x"]["scale"]["domain"] == [1.0, 7.0]
    assert bars["encoding"]["x"]["axis"]["values"] == [1, 2, 3, 4, 5, 6, 7]
    colours = bars["encoding"]["color"]["scale"]
    assert colours["range"] == [charts.SKY, charts.PURPLE, charts.BLUE]
    (row,) = values(spec, emotion)
    assert row["value"] == -1.6 and row["side"] == "negative"
    emotion_bar = emotion["layer"][0]
    assert emotion_bar["encoding"]["x"]["scale"]["domain"] == [-3, 3]
    assert emotion_bar["encoding"]["x2"]["field"] == "zero"
    assert emotion_bar["encoding"]["color"]["scale"]["range"] == [charts.VERMILLION, charts.GREEN]
    # each panel keeps its colours: the emotion bar is not coloured as a level
    assert spec["resolve"]["scale"]["color"] == "independent"
    vlc.vegalite_to_vega(spec)  # compiles


def test_text_overrides_name_the_levels_and_the_axis():
    text = {"expected": "Esperado", "excellent": "Excelente", "experienced": "Vivido",
            "emotion": "Emoción", "mean": "Media en la escala 0–10"}  # fmt: skip
    spec = charts.deck_levels_chart(SUMMARY, touchpoint="FMOT", scale=(0, 10), text=text).to_dict()
    levels, emotion = panels(spec)
    assert [r["level_label"] for r in values(spec, levels)] == ["Esperado", "Excelente", "Vivido"]
    assert levels["layer"][0]["encoding"]["x"]["title"] == "Media en la escala 0–10"
    assert levels["layer"][0]["encoding"]["x"]["scale"]["domain"] == [0.0, 10.0]
    assert values(spec, emotion)[0]["level_label"] == "Emoción"


def test_missing_means_draw_no_bar():
    spec = charts.deck_levels_chart(SUMMARY, touchpoint="UMOT").to_dict()
    levels, emotion = panels(spec)
    for panel in (levels, emotion):
        assert panel["layer"][0]["transform"] == [{"filter": 'isFinite(datum["value"])'}]
    assert all(r["value"] is None for r in values(spec, levels))
    vlc.vegalite_to_vega(spec)


def test_a_missing_column_or_touchpoint_is_a_typed_error():
    with pytest.raises(MotError, match="emotion"):
        charts.deck_levels_chart(SUMMARY.drop(columns="emotion"), touchpoint="FMOT")
    with pytest.raises(MotError, match="no row for the touchpoint SMOT"):
        charts.deck_levels_chart(SUMMARY, touchpoint="SMOT")


def test_themed_spec_is_the_house_theme_whatever_theme_is_enabled():
    chart = charts.localised(charts.deck_levels_chart(SUMMARY, touchpoint="FMOT"), "es")
    with charts.use_theme(large=True):  # another session's large type, process-wide
        spec = charts.themed_spec(chart)
        large = charts.themed_spec(chart, large=True)
    assert alt.theme.active != charts.THEME_LARGE  # the registry is as it was
    with charts.use_theme(large=False):
        normal = chart.to_dict()
    assert spec["config"] == normal["config"]
    assert spec["config"]["title"]["fontSize"] == 16 and large["config"]["title"]["fontSize"] > 16
    assert spec["config"]["locale"]["number"]["decimal"] == ","  # the chart's own config kept
