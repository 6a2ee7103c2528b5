import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mot.errors import ScaleError
from mot.scales import (
    KNOWN_SCALES,
    Scale,
    detect_scale,
    label_value,
    normalise,
    parse_ratings,
    parse_scale,
    scale_from_text,
    top_box,
)


@pytest.mark.parametrize(
    ("spec", "low", "high"),
    [
        ("1-5", 1, 5),
        ("1–7", 1, 7),
        ("0 to 10", 0, 10),
        ("-3..+3", -3, 3),
        ("−5..5", -5, 5),
        ("(0-100)", 0, 100),
        ("1 a 10", 1, 10),
    ],
)
def test_parse_scale(spec, low, high):
    assert parse_scale(spec) == Scale(low, high)


@pytest.mark.parametrize("spec", ["five", "5-1", "1-", ""])
def test_parse_scale_rejects_nonsense(spec):
    with pytest.raises(ScaleError):
        parse_scale(spec)


def test_scale_from_question_text_english_and_spanish():
    assert scale_from_text("Del 1 al 7, ¿cómo valora la entrega?") == Scale(1, 7)
    assert scale_from_text("On a scale from 0 to 10, how likely…") == Scale(0, 10)
    assert scale_from_text("Rate 2024 deliveries") is None


def test_detect_scale_from_values_and_text():
    assert detect_scale(pd.Series([1, 2, 5])) == Scale(1, 5)
    assert detect_scale(pd.Series([1, 6])) == Scale(1, 7)
    assert detect_scale(pd.Series([1, 9])) == Scale(1, 10)
    assert detect_scale(pd.Series([0, 3])) == Scale(0, 10)
    assert detect_scale(pd.Series([-4, 2])) == Scale(-5, 5)
    assert detect_scale(pd.Series([12, 88])) == Scale(0, 100)
    assert detect_scale(pd.Series([150])) is None
    assert detect_scale(pd.Series(["a", None])) is None
    # The question names the scale: it wins over the values seen.
    assert detect_scale(pd.Series([2, 3]), question="(1-7)") == Scale(1, 7)


def test_normalise_hand_numbers():
    # 1–5: 100·(x−1)/4 → 1→0, 2→25, 5→100
    assert normalise(np.array([1, 2, 5]), Scale(1, 5)).tolist() == [0, 25, 100]
    # 0–10 reverse-coded: x' = 10 − x → 8 becomes 2 → 20
    assert normalise(np.array([8]), Scale(0, 10), reverse=True).tolist() == [20]
    # Emotion on a unipolar 1–5 scale: midpoint 3 is neutral → 0, 5 → +100
    assert normalise(np.array([3, 5, 1]), Scale(1, 5), emotion=True).tolist() == [0, 100, -100]
    # Emotion on −5..+5: 100·x/5
    assert normalise(np.array([-5, 1]), Scale(-5, 5), emotion=True).tolist() == [-100, 20]


def test_top_box_is_top_two_points():
    assert top_box(np.array([3, 4, 5, np.nan]), Scale(1, 5)).tolist() == [False, True, True, False]
    assert top_box(np.array([8, 9, 10]), Scale(0, 10)).tolist() == [False, True, True]
    assert top_box(np.array([79, 80]), Scale(0, 100)).tolist() == [False, True]
    assert top_box(np.array([1, 2]), Scale(1, 5), reverse=True).tolist() == [True, True]


def test_text_labels_map_through_the_scale():
    assert label_value("Very satisfied", Scale(1, 5)) == 5
    assert label_value("muy insatisfecho", Scale(1, 7)) == 1
    assert label_value("De acuerdo", Scale(1, 5)) == 4
    assert label_value("banana", Scale(1, 5)) is None


def test_parse_ratings_classifies_every_cell():
    column = pd.Series(
        ["4", "N/A", "no sé", "Satisfecho", "12", "bien", "", "5 - Very good", "3,5"]
    )
    parsed = parse_ratings(column, Scale(1, 5))
    assert parsed.status_names() == [
        "ok",
        "dont_know",
        "dont_know",
        "label",
        "out_of_scale",
        "not_a_number",
        "missing",
        "ok",
        "ok",
    ]
    assert parsed.values[[0, 3, 7, 8]].tolist() == [4, 4, 5, 3.5]
    assert np.isnan(parsed.values[[1, 2, 4, 5, 6]]).all()


scales = st.sampled_from(KNOWN_SCALES)


@given(scales, st.data())
def test_normalised_utilities_stay_on_0_100_and_keep_order(scale, data):
    raw = data.draw(st.lists(st.floats(scale.low, scale.high), min_size=1, max_size=30))
    x = np.array(sorted(raw))
    y = normalise(x, scale)
    assert ((y >= -1e-9) & (y <= 100 + 1e-9)).all()
    assert (np.diff(y) >= -1e-9).all()
    # Reverse coding is an involution and flips the order.
    assert np.allclose(normalise(x, scale, reverse=True), 100 - y)


@given(scales, st.data())
def test_normalised_emotion_stays_on_minus_100_100(scale, data):
    x = np.array(data.draw(st.lists(st.floats(scale.low, scale.high), min_size=1)))
    y = normalise(x, scale, emotion=True)
    assert ((y >= -100 - 1e-9) & (y <= 100 + 1e-9)).all()
    ends = normalise(np.array([scale.low, scale.high]), scale, emotion=True)
    assert ends.tolist() == [-100, 100]


@given(
    st.lists(st.one_of(st.none(), st.integers(-20, 120), st.text(max_size=8)), max_size=40), scales
)
def test_parse_ratings_never_raises_and_keeps_only_on_scale_values(cells, scale):
    parsed = parse_ratings(pd.Series(cells, dtype=object), scale)
    assert len(parsed.values) == len(cells) == len(parsed.status)
    kept = parsed.values[~np.isnan(parsed.values)]
    assert ((kept >= scale.low) & (kept <= scale.high)).all()
    assert set(parsed.status_names()) <= {
        "ok",
        "missing",
        "dont_know",
        "label",
        "not_a_number",
        "out_of_scale",
    }
