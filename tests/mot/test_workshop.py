"""The workshop room's library side (mot.workshop): codes, the check of an answer, and the
tables made from the answers, checked against independent computations."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mot.survey import load_survey
from mot.workshop import (
    CODE_ALPHABET,
    COMMENT_MAX,
    SUMMARY_COLUMNS,
    AnswerError,
    check_answer,
    clean_code,
    new_code,
    room_csv,
    room_distribution,
    room_ratings,
    room_summary,
)

TOUCHPOINTS = pd.DataFrame({"touchpoint": ["ZMOT", "FMOT", "TMOT"], "label": ["S", "F", "T"]})


def answers_of(rows: list[tuple]) -> pd.DataFrame:
    """rows: (participant, touchpoint, expected, excellent, experienced, emotion, comment)."""
    frame = pd.DataFrame(
        rows,
        columns=[
            "participant",
            "touchpoint",
            "expected",
            "excellent",
            "experienced",
            "emotion",
            "comment",
        ],
    )
    for column in ("expected", "excellent", "experienced", "emotion"):
        frame[column] = frame[column].astype("float64")
    frame["comment"] = frame["comment"].astype(object)
    frame["comment_hidden"] = False
    frame["updated_at"] = pd.date_range("2026-12-04 10:00", periods=len(rows), freq="s", tz="UTC")
    return frame


ROWS = [
    ("a", "ZMOT", 6, 7, 4, -1, "Slow"),
    ("b", "ZMOT", 4, 6, 5, 1, None),
    ("c", "ZMOT", 5, None, 2, -3, '=HYPERLINK("http://evil.test")'),
    ("a", "FMOT", 3, 7, 6, 2, None),
    ("b", "FMOT", None, 5, 5, None, "Good shelf"),
]


def test_codes_use_only_unambiguous_characters():
    assert not set("0O1IL") & set(CODE_ALPHABET) and len(set(CODE_ALPHABET)) == 31
    codes = {new_code() for _ in range(2000)}
    assert len(codes) > 1990  # 31⁶ codes: a repeat in 2,000 is rare
    assert all(len(c) == 6 and set(c) <= set(CODE_ALPHABET) for c in codes)


@given(st.text(max_size=12))
def test_a_cleaned_code_is_a_code_or_none(text):
    code = clean_code(text)
    assert code is None or (len(code) == 6 and set(code) <= set(CODE_ALPHABET))


@given(
    st.dictionaries(
        st.sampled_from(["expected", "excellent", "experienced", "emotion"]),
        st.one_of(st.none(), st.integers(-10, 12), st.floats(allow_nan=True), st.text(max_size=3)),
    )
)
def test_an_answer_is_accepted_exactly_when_every_value_is_a_point_of_its_scale(answer):
    def ok(field, value):
        if value is None:
            return True
        if isinstance(value, str) or (isinstance(value, float) and not value.is_integer()):
            return False
        low, high = (-3, 3) if field == "emotion" else (1, 7)
        return low <= value <= high

    expected_ok = all(ok(f, v) for f, v in answer.items())
    try:
        clean = check_answer(answer)
    except AnswerError as exc:
        assert not expected_ok and exc.field in answer
        return
    assert expected_ok
    assert all(v is None or isinstance(v, int) for v in clean.values())


def test_a_comment_keeps_its_text_loses_control_characters_and_is_limited():
    typed = "  <b>¡Genial!</b>\nline two\x07\u2028 "
    assert check_answer({"comment": typed}) == {"comment": "<b>¡Genial!</b>\nline two"}
    assert check_answer({"comment": "   "}) == {"comment": None}
    assert check_answer({"comment": "é" * COMMENT_MAX})["comment"] == "é" * COMMENT_MAX
    with pytest.raises(AnswerError, match=str(COMMENT_MAX)):
        check_answer({"comment": "x" * (COMMENT_MAX + 1)})
    with pytest.raises(AnswerError):
        check_answer({"comment": 5})


def test_the_summary_matches_a_hand_computation():
    answers = answers_of(ROWS)
    summary = room_summary(answers, TOUCHPOINTS)
    assert tuple(summary.columns) == SUMMARY_COLUMNS
    z = summary.set_index("touchpoint").loc["ZMOT"]
    assert z["n"] == 3
    assert z["expected"] == pytest.approx((6 + 4 + 5) / 3)
    assert z["experienced"] == pytest.approx((4 + 5 + 2) / 3)
    assert z["excellent"] == pytest.approx((7 + 6) / 2)
    assert z["emotion"] == pytest.approx((-1 + 1 - 3) / 3)
    assert z["gap_expected"] == pytest.approx(((4 - 6) + (5 - 4) + (2 - 5)) / 3)
    assert z["gap_excellent"] == pytest.approx(((4 - 7) + (5 - 6)) / 2)  # c gave no excellent
    f = summary.set_index("touchpoint").loc["FMOT"]
    assert f["gap_expected"] == pytest.approx(6 - 3) and f["n"] == 2
    t = summary.set_index("touchpoint").loc["TMOT"]
    assert t["n"] == 0 and np.isnan(t["experienced"])
    assert list(summary["touchpoint"]) == ["ZMOT", "FMOT", "TMOT"]


def test_the_distribution_counts_every_point():
    distribution = room_distribution(answers_of(ROWS))
    z = distribution[(distribution.touchpoint == "ZMOT") & (distribution.field == "experienced")]
    assert z["point"].tolist() == list(range(1, 8))
    assert z["count"].tolist() == [0, 1, 0, 1, 1, 0, 0]
    e = distribution[(distribution.touchpoint == "FMOT") & (distribution.field == "emotion")]
    assert e["point"].tolist() == list(range(-3, 4)) and e["count"].sum() == 1


def test_the_rooms_answers_load_as_a_survey_on_the_rooms_scales():
    answers = answers_of(ROWS)
    ratings = room_ratings(answers, touchpoints=["ZMOT", "FMOT", "TMOT"])
    assert list(ratings.columns) == ["respondent_id", "touchpoint", "measure", "value", "scale"]
    survey = load_survey(room_csv(ratings), name="room.csv")
    assert not survey.report.has_errors
    got = survey.ratings.pivot_table(
        index=["respondent_id", "touchpoint"], columns="measure", values="value", observed=True
    )
    # P01 is a (first to answer): ZMOT experienced 4 on 1–7 is (4 − 1) / 6 × 100
    assert got.loc[("P01", "ZMOT"), "experienced"] == pytest.approx(50.0)
    assert got.loc[("P01", "ZMOT"), "anticipated"] == pytest.approx(5 / 6 * 100)
    # emotion −1 on −3..+3 is −1/3 of the way to −100
    assert got.loc[("P01", "ZMOT"), "emotion"] == pytest.approx(-100 / 3)
    assert got.loc[("P03", "ZMOT"), "emotion"] == pytest.approx(-100)
    comments = survey.comments.set_index(["respondent_id", "touchpoint"])["comment"]
    assert comments[("P01", "ZMOT")] == "Slow"
    assert comments[("P03", "ZMOT")] == '\'=HYPERLINK("http://evil.test")'  # neutralised
    assert len(survey.respondents) == 3


def test_hidden_comments_stay_out_of_the_dataset():
    answers = answers_of(ROWS)
    answers.loc[answers["comment"] == "Slow", "comment_hidden"] = True
    ratings = room_ratings(answers)
    assert "Slow" not in set(ratings["value"].astype(str))
    assert "Good shelf" in set(ratings["value"].astype(str))


def test_an_empty_room_gives_empty_tables():
    empty = answers_of([])
    assert room_ratings(empty).empty
    assert room_summary(empty, TOUCHPOINTS)["n"].tolist() == [0, 0, 0]
    assert room_distribution(empty).empty
