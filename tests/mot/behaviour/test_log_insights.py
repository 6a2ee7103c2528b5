"""mot.log_insights: numbers checked by hand (each test says how)."""

import math

import pandas as pd
import pytest

from mot import behaviour
from mot.behaviour.insights import (
    PURCHASE_EVENT,
    LargestLoss,
    bounce_entry,
    largest_loss,
    link_counts,
    mapped_events,
    repurchase_models,
)
from mot.errors import MotError
from mot.journey import default_journey


def test_the_purchase_event_is_the_survey_links_default():
    import inspect

    for function in (behaviour.link_survey, behaviour.retention):
        default = inspect.signature(function).parameters["purchase_event"].default
        assert default == PURCHASE_EVENT


def test_bounce_entry_is_the_fmot_when_reached_else_the_first_step():
    journey = default_journey()
    assert bounce_entry(journey, ["ZMOT", "FMOT", "SMOT"]) == "FMOT"
    assert bounce_entry(journey, ["SMOT", "UMOT"]) == "SMOT"
    assert bounce_entry(journey, []) is None


def test_mapped_events_follow_the_journey_then_the_counts():
    pairs = [("zeta", "T2", 1), ("beta", "T1", 5), ("alpha", "T1", 5), ("gamma", "T1", 9)]
    pairs += [("zeta", "T1", 2), ("noise", None, 100)]
    # T1: gamma (9), then alpha and beta (5, by name), then zeta (2); zeta not listed again
    assert mapped_events(pairs, ["T1", "T2"]) == ["gamma", "alpha", "beta", "zeta"]
    assert mapped_events([], ["T1"]) == []


def test_link_counts_count_converters_among_those_in_the_log_only():
    linked = pd.DataFrame(
        {
            "in_log": [True, True, True, False, False],
            "converted": [True, False, True, True, False],
            "repurchased": [True, False, False, True, False],
        }
    )
    counts = link_counts(linked)
    # by hand: 5 respondents, 3 in the log, of them rows 0 and 2 converted, row 0 bought again
    assert (counts.respondents, counts.in_log, counts.converted, counts.repurchased) == (5, 3, 2, 1)
    assert counts.converters("repurchased") == 1
    assert counts.to_frame().iloc[0].tolist() == [5, 3, 2, 1]
    with pytest.raises(MotError, match="converted` or `repurchased"):
        counts.converters("in_log")
    with pytest.raises(MotError, match="in_log"):
        link_counts(linked.drop(columns="in_log"))


def _ratings(touchpoint: str, values: list[float], top: list[bool], ids: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "respondent_id": list(ids),
            "touchpoint": touchpoint,
            "measure": "experienced",
            "value": values,
            "top_box": top,
        }
    )


def test_repurchase_models_report_the_touchpoints_they_leave_out():
    ratings = pd.concat(
        [
            _ratings("FMOT", [100.0, 100.0, 0.0, 0.0], [True, True, False, False], "abcd"),
            _ratings("SMOT", [50.0], [False], "z"),  # z is not linked: no model
        ],
        ignore_index=True,
    )
    linked = pd.DataFrame(
        {"respondent_id": list("abcd"), "repurchased": [True, False, False, False]}
    )
    models = repurchase_models(ratings, linked, touchpoints=["SMOT", "FMOT", "UMOT"])
    assert models.left_out == ("SMOT", "UMOT") and models.n_left_out == 2
    row = models.table.iloc[0]
    # by hand: top box a, b → 1 of 2 bought again (0.5); the rest c, d → 0 of 2 (0.0)
    assert row["touchpoint"] == "FMOT" and row["n"] == 4
    assert math.isclose(row["rate_top_box"], 0.5) and math.isclose(row["rate_rest"], 0.0)
    assert math.isclose(row["difference"], 0.5)
    assert list(models.to_frame().columns) == list(behaviour.REPURCHASE_MODEL_COLUMNS)


def test_repurchase_models_with_nothing_to_model_keep_their_columns():
    ratings = _ratings("FMOT", [10.0], [False], "a")
    linked = pd.DataFrame({"respondent_id": ["x"], "repurchased": [True]})
    models = repurchase_models(ratings, linked, touchpoints=["FMOT"])
    assert models.table.empty and models.left_out == ("FMOT",)
    assert list(models.table.columns) == list(behaviour.REPURCHASE_MODEL_COLUMNS)


def test_repurchase_models_refuse_a_link_without_its_columns():
    ratings = _ratings("FMOT", [10.0], [False], "a")
    with pytest.raises(MotError):
        repurchase_models(ratings, pd.DataFrame({"respondent_id": ["a"]}), touchpoints=["FMOT"])


def test_largest_loss_is_the_first_step_pair_losing_the_most():
    funnel = pd.DataFrame(
        {
            "step": ["ZMOT", "FMOT", "SMOT", "UMOT"],
            "users": [1000, 400, 100, 25],
            # by hand: 400/1000 = 0.4, 100/400 = 0.25, 25/100 = 0.25 → losses 0.6, 0.75, 0.75
            "conversion_from_previous": [float("nan"), 0.4, 0.25, 0.25],
        }
    )
    assert largest_loss(funnel) == LargestLoss("FMOT", "SMOT", 0.75)


def test_largest_loss_is_none_when_nobody_is_lost_or_nothing_is_known():
    nobody = pd.DataFrame({"step": ["a", "b"], "conversion_from_previous": [math.nan, 1.0]})
    unknown = pd.DataFrame({"step": ["a", "b"], "conversion_from_previous": [math.nan, math.nan]})
    assert largest_loss(nobody) is None and largest_loss(unknown) is None
    with pytest.raises(MotError, match="conversion_from_previous"):
        largest_loss(pd.DataFrame({"step": ["a"]}))


def test_largest_loss_ignores_the_index_of_the_funnel():
    funnel = pd.DataFrame(
        {"step": ["a", "b", "c"], "conversion_from_previous": [math.nan, 0.9, 0.5]},
        index=[10, 20, 30],
    )
    # by hand: losses 0.1 (a → b) and 0.5 (b → c)
    assert largest_loss(funnel) == LargestLoss("b", "c", 0.5)
