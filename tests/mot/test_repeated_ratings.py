"""One rule for repeated ratings (issue 12): one respondent, touchpoint and measure twice.

Loading keeps the first rating and names every later one in the validation report (an
error: data left out); every analysis given a table that still holds a repeat refuses it with
the same :class:`DuplicateRatingError`, naming the first repeat and the fix. Before, drivers
and gaps averaged repeats silently, score_utilities and compare counted both, and only the
curves refused them.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from mot.compare import compare_groups, compare_top_box
from mot.curves import emotion_curve, extreme_locations, respondent_curves
from mot.drivers import driver_importance
from mot.errors import DuplicateRatingError, MotError
from mot.gaps import gap_table, importance_performance, priorities
from mot.io import read_table
from mot.mapping import mapping_from_dict
from mot.memory import peak_end
from mot.messages import render
from mot.scoring import score_utilities, utility_shifts
from mot.survey import build_survey, load_report, load_survey
from tests.conftest import ROOT

IDS = [f"r{i}" for i in range(8)]
TOUCHPOINTS = ["ZMOT", "FMOT"]


def _ratings() -> pd.DataFrame:
    """Eight respondents rate two touchpoints on every measure the analyses read."""
    rng = np.random.default_rng(0)
    frames = []
    for measure in ("anticipated", "experienced", "excellent", "retrospective", "importance"):
        for tp in TOUCHPOINTS:
            frames.append(
                pd.DataFrame(
                    {
                        "respondent_id": IDS,
                        "touchpoint": tp,
                        "measure": measure,
                        "value": rng.integers(10, 95, len(IDS)).astype(float),
                    }
                )
            )
    frame = pd.concat(frames, ignore_index=True)
    frame["variant"] = np.where(frame["respondent_id"] < "r4", "A", "B")
    frame["top_box"] = frame["value"] >= 80
    frame["touchpoint"] = pd.Categorical(frame["touchpoint"], TOUCHPOINTS, ordered=True)
    return frame


PEOPLE = pd.DataFrame(
    {
        "respondent_id": IDS,
        "recommend": [3.0, 9, 7, 5, 10, 2, 8, 6],
        "overall_retrospective": [30.0, 80, 60, 50, 90, 20, 70, 55],
    }
)

ANALYSES = {
    "score_utilities": lambda r: score_utilities(r),
    "utility_shifts": lambda r: utility_shifts(r),
    "emotion_curve": lambda r: emotion_curve(r),
    "respondent_curves": lambda r: respondent_curves(r),
    "extreme_locations": lambda r: extreme_locations(r),
    "peak_end": lambda r: peak_end(r, PEOPLE),
    "gap_table": lambda r: gap_table(r),
    "importance_performance": lambda r: importance_performance(r),
    "priorities": lambda r: priorities(r),
    "driver_importance": lambda r: driver_importance(r, PEOPLE, n_boot=0),
    "compare_groups": lambda r: compare_groups(r, by="variant"),
    "compare_top_box": lambda r: compare_top_box(r, by="variant"),
}


@pytest.mark.parametrize("name", list(ANALYSES))
def test_every_analysis_runs_without_repeats_and_refuses_one(name):
    ratings = _ratings()
    ANALYSES[name](ratings)  # the clean table is analysed
    # r2 rates `experienced` at FMOT a second time (appended last): every analysis reads it.
    first = ratings.index[
        (ratings["respondent_id"] == "r2")
        & (ratings["touchpoint"] == "FMOT")
        & (ratings["measure"] == "experienced")
    ][0]
    twice = pd.concat([ratings, ratings.loc[[first]].assign(value=99.0)], ignore_index=True)
    with pytest.raises(DuplicateRatingError) as error:
        ANALYSES[name](twice)
    text = str(error.value)
    assert text.startswith("Respondent `r2` has 2 `experienced` ratings at touchpoint `FMOT`")
    assert f"rows {first}, {len(ratings)} of the ratings table" in text
    assert "1 respondent × touchpoint × measure cell(s)" in text
    assert "drop_duplicates(['respondent_id', 'touchpoint', 'measure'])" in text
    assert isinstance(error.value, MotError)  # pages and the CLI catch it as any MotError


def test_the_error_is_the_same_whichever_analysis_meets_it_in_both_languages():
    ratings = _ratings()
    twice = pd.concat([ratings, ratings.iloc[[9]]], ignore_index=True)  # an anticipated rating
    messages = set()
    for analysis in (score_utilities, utility_shifts, gap_table):
        with pytest.raises(DuplicateRatingError) as error:
            analysis(twice)
        messages.add(str(error.value))
    assert len(messages) == 1
    assert render(error.value, "es").startswith("La persona `r1` tiene 2 valoraciones")


def test_a_row_without_a_value_is_not_a_repeat():
    ratings = _ratings()
    blank = pd.concat([ratings, ratings.iloc[[9]].assign(value=np.nan)], ignore_index=True)
    pd.testing.assert_frame_equal(score_utilities(blank), score_utilities(ratings))
    pd.testing.assert_frame_equal(utility_shifts(blank), utility_shifts(ratings))
    pd.testing.assert_frame_equal(emotion_curve(blank), emotion_curve(ratings))


def test_many_repeats_are_counted_and_the_first_in_table_order_named():
    ratings = _ratings()
    experienced = ratings[ratings["measure"] == "experienced"]
    twice = pd.concat([ratings, experienced.iloc[[5, 3, 1]]], ignore_index=True)
    with pytest.raises(DuplicateRatingError, match="cell\\(s\\)") as error:
        score_utilities(twice)
    first = experienced.iloc[5]  # the first repeated row of the table is the one appended first
    assert str(error.value).startswith(f"Respondent `{first['respondent_id']}` has 2")
    assert "3 respondent × touchpoint × measure cell(s)" in str(error.value)


# Loading: the first rating is kept, every later one is reported with its row -------------

TIDY = (
    "respondent_id,touchpoint,measure,value\n"
    "a,FMOT,experienced,3\n"  # row 2
    "b,FMOT,experienced,4\n"
    "a,FMOT,experienced,5\n"  # row 4: a repeat of row 2
    "a,FMOT,anticipated,2\n"
    "b,FMOT,experienced,1\n"  # row 6: a repeat of row 3
    "a,FMOT,recommend,9\n"
    "a,FMOT,recommend,2\n"  # row 8: the outcome again
    "c,FMOT,experienced,2\n"
)


def test_tidy_file_keeps_the_first_rating_and_reports_each_repeat():
    survey = load_survey(TIDY.encode(), name="t.csv")
    experienced = survey.ratings[survey.ratings["measure"] == "experienced"]
    # a keeps 3 (not 5, not the mean 4), b keeps 4: on 1–5, 3 → 50 and 4 → 75.
    kept = dict(zip(experienced["respondent_id"].astype(str), experienced["value"], strict=True))
    assert kept == {"a": 50.0, "b": 75.0, "c": 25.0}
    entries = [e for e in survey.report.entries if "repeated" in e.code]
    found = [(e.code, e.row, e.column, dict(e.params)) for e in entries]
    assert found == [
        (
            "rating.repeated",
            4,
            "value",
            {"id": "a", "touchpoint": "FMOT", "measure": "experienced", "first": 2},
        ),
        (
            "rating.repeated",
            6,
            "value",
            {"id": "b", "touchpoint": "FMOT", "measure": "experienced", "first": 3},
        ),
        (
            "outcome.repeated",
            8,
            "value",
            {"id": "a", "touchpoint": "", "measure": "recommend", "first": 7},
        ),
    ]
    assert all(e.severity == "error" for e in entries)
    assert entries[0].problem == (
        "Respondent `a` already has a rating of `experienced` at `FMOT` (first at row 2): this "
        "row is left out."
    )
    assert entries[0].problem_in("es").startswith("La persona `a` ya tiene una valoración")
    assert survey.respondents.set_index("respondent_id").loc["a", "recommend"] == 9.0
    # and every analysis runs on what was kept
    score_utilities(survey.ratings)
    utility_shifts(survey.ratings)
    gap_table(survey.ratings)
    # load_report (the CLI's validate) says the same
    assert load_report(TIDY.encode(), name="t.csv").to_frame().equals(survey.report.to_frame())


WIDE = "id,FMOT_a,FMOT_b\nr1,3,4\nr2,,5\nr3,2,\n"


def _two_columns_one_target():
    return mapping_from_dict(
        {
            "columns": [
                {"column": "id", "role": "respondent_id"},
                *(
                    {
                        "column": column,
                        "role": "rating",
                        "touchpoint": "FMOT",
                        "measure": "experienced",
                        "scale": "1-5",
                    }
                    for column in ("FMOT_a", "FMOT_b")
                ),
            ]
        }
    )


def test_two_columns_mapped_to_one_target_keep_the_first_rating_per_respondent():
    survey = build_survey(
        read_table(WIDE.encode(), name="w.csv"), mapping=_two_columns_one_target()
    )
    values = survey.ratings.set_index(survey.ratings["respondent_id"].astype(str))["value"]
    # r1 rated both: FMOT_a's 3 (50) is kept; r2 left FMOT_a empty: FMOT_b's 5 (100) counts.
    assert values.to_dict() == {"r1": 50.0, "r3": 25.0, "r2": 100.0}
    (entry,) = [e for e in survey.report.entries if "repeated" in e.code]
    assert (entry.code, entry.severity, entry.row, entry.column) == (
        "rating.repeated_column",
        "error",
        2,
        "FMOT_b",
    )
    assert dict(entry.params) == {
        "id": "r1",
        "touchpoint": "FMOT",
        "measure": "experienced",
        "first": "FMOT_a",
    }
    assert "map this one to its own touchpoint and measure" in entry.fix
    score_utilities(survey.ratings)
    # the CLI's validate (the report alone) says the same
    alone = load_report(WIDE.encode(), name="w.csv", mapping=_two_columns_one_target())
    assert alone.to_frame().equals(survey.report.to_frame())


REALDATA = ROOT.parent / "shared" / "realdata" / "survey"
FILES = sorted(p for p in REALDATA.rglob("*.*") if p.suffix in {".csv", ".sav"})


@pytest.mark.parametrize("path", [ROOT / "data" / "demo_survey.csv", *FILES], ids=lambda p: p.name)
def test_demo_and_real_exports_load_and_analyse_without_repeats(path: Path):
    try:
        survey = load_survey(path)
    except MotError:
        assert "appledouble" in path.name  # the one file refused on purpose
        return
    assert not [e for e in survey.report.entries if "repeated" in e.code and "rating" in e.code]
    for analysis in (score_utilities, utility_shifts, gap_table):
        try:
            analysis(survey.ratings)
        except DuplicateRatingError:  # pragma: no cover - the failure this test guards
            pytest.fail(f"{path.name}: {analysis.__name__} met a repeated rating")
        except MotError:
            pass  # no touchpoint measures in the real exports: said, not a crash


def test_sparse_tables_are_checked_by_sorting_with_the_same_answer():
    # Far more respondent categories than rows (a filtered slice of a large survey): the
    # check sorts the rows' cells instead of flagging every possible cell.
    categories = [f"id{i}" for i in range(400_000)]
    ratings = pd.DataFrame(
        {
            "respondent_id": pd.Categorical(["id5", "id7", "id399999"], categories=categories),
            "touchpoint": "FMOT",
            "measure": "experienced",
            "value": [50.0, 60.0, 70.0],
        }
    )
    assert len(score_utilities(ratings)) == 1
    twice = pd.concat([ratings, ratings.iloc[[2]]], ignore_index=True)
    with pytest.raises(DuplicateRatingError, match="Respondent `id399999` has 2 `experienced`"):
        score_utilities(twice)
