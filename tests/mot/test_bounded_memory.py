"""Loading a survey in bounded memory: same results, fewer copies, a clear refusal when too big.

Issue 9 ("Bounded cost — Memory"): a 200 MB CSV took 3.8 GB to validate. These tests pin the
mechanisms that bound it (each failed before the change); the measured bound itself is in
``tests/mot/test_cli_memory.py`` and ``bench/README.md``; the reading side is in
``tests/mot/io/test_memory_bounds.py``.
"""

from __future__ import annotations

import tracemalloc

import pandas as pd
import pytest

import mot.gaps
import mot.scoring
from mot.gaps import gap_table
from mot.io import read_table
from mot.scoring import score_utilities
from mot.survey import build_survey, load_report, load_survey
from mot.tidy import with_segment
from tests.conftest import ROOT
from tests.mot.io.test_memory_bounds import _small_then_large

DEMO = ROOT / "data" / "demo_survey.csv"


def _messy_export() -> bytes:
    rows = ["ResponseId,device,FMOT_experienced,TMOT_experienced,TMOT_emocion,recomendacion"]
    for i in range(400):
        rid = "" if i in (7, 8) else f"R{i % 390}"  # 2 empty ids, 8 repeated ids
        rating = "x" if i == 50 else ("9" if i == 60 else str(1 + i % 7))
        rows.append(
            f"{rid},{('mobile', 'desktop', ' tablet ', '')[i % 4]},{rating},"
            f"{1 + i % 5},{i % 7 - 3},{i % 11}"
        )
    return ("\n".join(rows) + "\n").encode()


def test_load_report_gives_the_report_load_survey_gives():
    for data, name in ((DEMO.read_bytes(), "demo_survey.csv"), (_messy_export(), "m.csv")):
        full = load_survey(data, name=name).report.to_frame()
        alone = load_report(data, name=name).to_frame()
        pd.testing.assert_frame_equal(alone, full)
        assert len(full)  # the files do have entries to compare


def test_repeated_ids_name_their_first_row_as_before():
    report = load_report(_messy_export(), name="m.csv").to_frame()
    repeats = report[report["problem"].str.contains("appears again")]
    assert len(repeats) == 8  # R0..R9 again, but R7 and R8 first came with an empty id
    first = repeats.iloc[0]
    # R0 is at file row 2 (row 1 is the header) and again 390 data rows later.
    assert first["row"] == 392
    expected = "Respondent `R0` appears again (first at row 2): this row is left out."
    assert first["problem"] == expected


def test_building_from_a_raw_table_leaves_it_whole():
    # load_survey frees the file's columns as it goes; build_survey must not (the app keeps
    # the RawTable in its cache for the Data page).
    raw = read_table(_messy_export(), name="m.csv")
    before = raw.frame.copy()
    build_survey(raw)
    pd.testing.assert_frame_equal(raw.frame, before)


def test_load_survey_equals_build_survey_on_the_same_file():
    data = _messy_export()
    loaded = load_survey(data, name="m.csv")
    built = build_survey(read_table(data, name="m.csv"))
    pd.testing.assert_frame_equal(loaded.ratings, built.ratings)
    pd.testing.assert_frame_equal(loaded.respondents, built.respondents)
    pd.testing.assert_frame_equal(loaded.comments, built.comments)
    assert loaded.respondents["device"].cat.categories.tolist() == ["desktop", "mobile", "tablet"]


def _traced_peak(fn, *args) -> int:
    tracemalloc.start()
    try:
        fn(*args)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.fixture(scope="module")
def three_million_ratings() -> pd.DataFrame:
    from bench.survey import tidy_ratings

    return tidy_ratings(200_000, 5, ("anticipated", "experienced", "excellent"))


def test_score_utilities_works_in_slices(three_million_ratings):
    # numpy's allocations are traced: before, whole-table key, centred and squared arrays
    # took 1.6× the table; over slices of 2²⁰ rows it is 0.9× (a few slices' temporaries).
    size = three_million_ratings.memory_usage(deep=True).sum()
    assert _traced_peak(score_utilities, three_million_ratings) < 1.2 * size


def test_score_utilities_gives_the_same_bits_whatever_the_slices(monkeypatch):
    # Sums accumulate row by row in table order, as one bincount over the table does.
    survey = load_survey(DEMO)
    whole = score_utilities(survey.ratings)
    monkeypatch.setattr(mot.scoring, "_CHUNK_ROWS", 997)
    pd.testing.assert_frame_equal(score_utilities(survey.ratings), whole, check_exact=True)
    by = with_segment(survey.ratings, survey.respondents, "device")
    sliced = score_utilities(by, by="device")
    monkeypatch.setattr(mot.scoring, "_CHUNK_ROWS", 1 << 20)
    pd.testing.assert_frame_equal(sliced, score_utilities(by, by="device"), check_exact=True)


def test_gap_table_pivots_one_touchpoint_at_a_time(three_million_ratings):
    # Before: one respondent × measure pivot of every touchpoint, 5.2× the table; now 1.8×.
    size = three_million_ratings.memory_usage(deep=True).sum()
    assert _traced_peak(gap_table, three_million_ratings) < 3 * size


def test_gap_table_by_touchpoint_gives_the_same_cells_as_one_pivot(monkeypatch):
    survey = load_survey(DEMO)
    by = with_segment(survey.ratings, survey.respondents, "persona")
    sliced = gap_table(by, by="persona")
    # one summary over every touchpoint, as before: the same numbers, in the same order
    monkeypatch.setattr(
        mot.gaps,
        "_gap_summaries",
        lambda ratings, wanted, keys: mot.gaps._gap_summary(ratings[wanted], keys),
    )
    pd.testing.assert_frame_equal(sliced, gap_table(by, by="persona"), check_exact=True)


def test_gap_table_fills_cells_by_position_without_copying_rows(three_million_ratings):
    # Round 2: a touchpoint's cells are filled from the category codes by position (no copy
    # of its rows, no lexsort, no `Series.cat.codes` copies): 0.46× the table, was 1.8×.
    size = three_million_ratings.memory_usage(deep=True).sum()
    assert _traced_peak(gap_table, three_million_ratings) < 0.8 * size


def test_gap_table_dense_cells_match_the_pivot_with_segments(monkeypatch):
    survey = load_survey(DEMO)
    by = with_segment(survey.ratings, survey.respondents, "device")
    dense = gap_table(by, by="device")
    monkeypatch.setattr(mot.gaps, "_dense_summary", lambda ratings, positions, keys: None)
    pd.testing.assert_frame_equal(dense, gap_table(by, by="device"), check_exact=True)


def test_load_survey_reads_compact_and_scores_as_a_normal_read():
    compact = load_survey(_small_then_large(20_000), name="f.csv")
    normal = build_survey(read_table(_small_then_large(20_000), name="f.csv"))
    pd.testing.assert_frame_equal(compact.ratings, normal.ratings)
    pd.testing.assert_frame_equal(compact.respondents, normal.respondents)
    assert str(compact.report) == str(normal.report)


def test_a_tidy_file_read_compact_keeps_its_values():
    tidy = b"respondent_id,touchpoint,measure,value\n" + b"".join(
        f"R{i},FMOT,experienced,{1 + i % 7}\n".encode() for i in range(3000)
    )
    compact = load_survey(tidy, name="tidy.csv")
    normal = build_survey(read_table(tidy, name="tidy.csv"))
    pd.testing.assert_frame_equal(compact.ratings, normal.ratings)
