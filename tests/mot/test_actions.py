"""Corrective actions in the library: the tidy table, the journey-map markers and the
before/after of each action's touchpoint, checked on the demo's two waves (the planted
improvement at delivery, data/README.md truth 8) against means computed here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from mot.actions import (
    ACTION_COLUMNS,
    EFFECT_COLUMNS,
    MARKER_COLUMNS,
    action_effects,
    action_markers,
    actions_frame,
)
from mot.errors import MotError
from mot.store import Action
from mot.survey import load_survey
from mot.waves import compare_waves
from tests.mot.test_waves import _values

DATA = Path(__file__).resolve().parents[2] / "data"

ACTIONS = [
    Action("a1", "w", "TMOT", "Call ahead", status="doing", gap="expected", due=date(2027, 1, 5)),
    Action("a2", "w", "TMOT", "Text the slot", status="done", gap="excellent"),
    Action("a3", "w", "FMOT", "Shelf signs", status="idea"),
    Action("a4", "w", "GONE", "Old touchpoint", status="planned"),
]


def test_the_actions_table_is_tidy_and_keeps_empty_values_empty() -> None:
    frame = actions_frame(ACTIONS)
    assert list(frame.columns) == list(ACTION_COLUMNS) and len(frame) == 4
    assert frame.loc[0, "due"] == date(2027, 1, 5) and frame.loc[2, "due"] is None
    assert frame["gap"].tolist()[2:] == [None, None]
    assert frame["version"].dtype == "int64"
    assert list(actions_frame([]).columns) == list(ACTION_COLUMNS)


def test_markers_count_open_actions_and_show_the_least_advanced_status() -> None:
    markers = action_markers(actions_frame(ACTIONS)).set_index("touchpoint")
    assert list(markers.reset_index().columns) == list(MARKER_COLUMNS)
    assert markers.index.tolist() == ["TMOT", "FMOT", "GONE"]  # in the order given
    assert markers.loc["TMOT", ["n", "n_open", "status"]].tolist() == [2, 1, "doing"]
    assert markers.loc["TMOT", "titles"] == "Call ahead · Text the slot"
    many = pd.DataFrame({"touchpoint": ["X"] * 5, "title": list("abcde"), "status": ["idea"] * 5})
    assert action_markers(many, limit=3).loc[0, "titles"] == "a · b · c · …"
    with pytest.raises(MotError, match="action_markers needs the columns"):
        action_markers(pd.DataFrame({"touchpoint": ["X"]}))


def test_before_and_after_recover_the_planted_improvement_at_delivery() -> None:
    a, b = load_survey(DATA / "demo_survey.csv"), load_survey(DATA / "demo_survey_wave2.csv")
    effects = action_effects(actions_frame(ACTIONS), compare_waves(a, b))
    assert list(effects.columns) == list(EFFECT_COLUMNS)
    # each action: experienced, then its gap; a touchpoint the waves lack gives no row
    assert list(zip(effects["id"], effects["measure"], strict=True)) == [
        ("a1", "experienced"),
        ("a1", "gap_expected"),
        ("a2", "experienced"),
        ("a2", "gap_excellent"),
        ("a3", "experienced"),
    ]
    tmot = effects[(effects["id"] == "a1") & (effects["measure"] == "experienced")].iloc[0]
    before, after = _values(a, "TMOT", "experienced"), _values(b, "TMOT", "experienced")
    assert tmot["mean_a"] == pytest.approx(before.mean())
    assert tmot["mean_b"] == pytest.approx(after.mean())
    assert tmot["difference"] == pytest.approx(after.mean() - before.mean())
    assert tmot["change"] == "improved"
    # the gap: each respondent's experienced − anticipated, averaged
    gaps = {
        name: (_values(s, "TMOT", "experienced") - _values(s, "TMOT", "anticipated")).mean()
        for name, s in (("a", a), ("b", b))
    }
    gap = effects[effects["measure"] == "gap_expected"].iloc[0]
    assert (gap["mean_a"], gap["mean_b"]) == (pytest.approx(gaps["a"]), pytest.approx(gaps["b"]))
    assert effects.loc[effects["id"] == "a3", "change"].item() == "no_change"  # FMOT unchanged
