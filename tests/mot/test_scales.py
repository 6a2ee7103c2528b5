import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mot.errors import ScaleError
from mot.scales import (
    KNOWN_SCALES,
    LABEL_SETS,
    Scale,
    ScaleAssumption,
    answer_texts,
    detect_scale,
    infer_scale,
    label_key,
    label_value,
    match_label_set,
    normalise,
    parse_ratings,
    parse_scale,
    scale_from_text,
    stated_scale,
    top_box,
    with_sibling_support,
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


# --- inference: evidence, outliers, ambiguity (issue 9) ---------------------------------------

ONE_TO_FIVE = [1, 2, 3, 4, 5] * 20  # 100 answers spanning 1–5


@pytest.mark.parametrize("outlier", [0, 11, 6])
def test_one_outlier_does_not_stretch_a_1_to_5_measure(outlier):
    # Before: one 0 made it 0–10, one 11 made it 0–100, one 6 made it 1–7.
    guess = infer_scale(pd.Series([*ONE_TO_FIVE, outlier]))
    assert guess.scale == Scale(1, 5)
    assert (guess.evidence, guess.n, guess.n_off) == ("values", 101, 1)
    assert (guess.low, guess.high) == (1, 5)
    assert not guess.needs_confirmation
    assert "100 of 101 lie on 1-5" in guess.explain()


def test_outliers_are_tolerated_only_up_to_the_stated_share():
    # 100 values: max(2 % of 100 = 2, min(3, 5 % of 100 = 5)) = 3 outliers allowed.
    assert infer_scale(pd.Series([*ONE_TO_FIVE, 0, 0, 11])).scale == Scale(1, 5)
    four = infer_scale(pd.Series([*ONE_TO_FIVE, 0, 0, 0, 0]))
    assert four.scale == Scale(0, 10), "4 of 104 off 1–5 is too many to be typos"
    assert four.needs_confirmation and Scale(-5, 5) in four.also_fit


def test_small_samples_take_no_outliers_but_say_the_scale_is_unsure():
    # 19 values: 5 % of 19 rounds down to 0, so the 0 counts and 0–10 holds every value…
    guess = infer_scale(pd.Series([1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 0]))
    assert guess.scale == Scale(0, 10)
    # …but 0–5 does not reach 10: the user is asked to confirm it.
    assert guess.needs_confirmation


def test_genuine_0_to_10_and_emotion_scales_are_kept():
    zero_ten = infer_scale(pd.Series(list(range(11)) * 10))
    assert (zero_ten.scale, zero_ten.n_off, zero_ten.needs_confirmation) == (Scale(0, 10), 0, False)
    emotion = infer_scale(pd.Series(list(range(-3, 4)) * 15))
    assert (emotion.scale, emotion.n_off) == (Scale(-3, 3), 0)
    # A stray 4 in a −3..+3 item is an outlier, not a −5..+5 scale.
    stray = infer_scale(pd.Series([*range(-3, 4)] * 15 + [4]))
    assert (stray.scale, stray.n_off) == (Scale(-3, 3), 1)
    # A 1–7 item answered across its range with one typo 0 stays 1–7.
    assert infer_scale(pd.Series([*range(1, 8)] * 10 + [0])).scale == Scale(1, 7)


def test_a_longer_scale_reached_at_both_ends_beats_a_shorter_one_with_outliers():
    # 1–7 reaching 7: the two 6/7 answers are real, not outliers of 1–5.
    guess = infer_scale(pd.Series([*ONE_TO_FIVE, 6, 7, 1]))
    assert (guess.scale, guess.n_off) == (Scale(1, 7), 0)


def test_values_short_of_the_ends_need_confirmation_and_name_the_other_scales():
    guess = infer_scale(pd.Series([3, 4, 5, 4, 3] * 30))
    assert guess.scale == Scale(1, 5)
    assert guess.needs_confirmation
    assert guess.also_fit == (Scale(1, 7), Scale(1, 10), Scale(0, 10), Scale(-5, 5))
    text = guess.explain()
    assert "1-5 assumed from the values" in text and "3 to 5" in text and "1-7" in text


def test_question_text_then_value_labels_state_the_scale():
    on_text = infer_scale(pd.Series([3, 4, 5]), question="Valore del 1 al 7 la entrega")
    assert (on_text.scale, on_text.evidence, on_text.needs_confirmation) == (
        Scale(1, 7),
        "question",
        False,
    )
    labels = {1: "Very poor", 2: "Poor", 3: "Fair", 4: "Good", 5: "Very good", 6: "x", 7: "Top"}
    on_labels = infer_scale(pd.Series([3, 4, 5]), value_labels=labels)
    assert (on_labels.scale, on_labels.evidence) == (Scale(1, 7), "value_labels")
    # A don't-know code (99) is not an end of the scale.
    coded = {1: "Nada", 2: "Poco", 3: "Algo", 4: "Bastante", 5: "Mucho", 99: "NS/NC"}
    assert stated_scale(value_labels=coded).scale == Scale(1, 5)
    assert stated_scale(value_labels={1: "Yes", 2: "No"}) is None  # 1–2 is no known scale


@pytest.mark.parametrize("cell", [np.inf, -np.inf, float("1e309"), "inf", "1e309", "-inf", "nan"])
def test_a_non_finite_cell_is_an_error_and_does_not_decide_the_scale(cell):
    column = pd.Series([*ONE_TO_FIVE, cell], dtype=object if isinstance(cell, str) else None)
    assert infer_scale(column).scale == Scale(1, 5)
    parsed = parse_ratings(column, Scale(1, 5))
    assert parsed.status_names()[-1] == "not_a_number"
    assert np.isnan(parsed.values[-1])
    assert parsed.values[:-1].tolist() == [float(v) for v in ONE_TO_FIVE]


def test_sibling_measures_vouch_for_a_scale_they_share():
    firm = ScaleAssumption("experienced", ("a",), infer_scale([1, 4, 7]))
    short = ScaleAssumption("excellent", ("b",), infer_scale([4, 5, 7]))
    other = ScaleAssumption("anticipated", ("c",), infer_scale([3, 4, 5]))
    out = with_sibling_support(
        [firm, short, other], siblings={"experienced", "excellent", "anticipated"}
    )
    assert out[1].guess.like == ("experienced",) and not out[1].guess.needs_confirmation
    assert "firmly on 1-7" in out[1].problem()
    # 3–5 reads 1–5, which no sibling firmly shares: still to confirm.
    assert out[2].guess.needs_confirmation
    assert "Confirm the scale" in out[2].fix()


# --- answer labels (issue 10) -----------------------------------------------------------------

# (label, kind, language, points, position from 0 = worst): the labels the issue lists as
# rejected, and the variants the README promises.
ISSUE_LABELS = [
    ("Muy satisfecho", "satisfaction", "es", 5, 4),
    ("De acuerdo", "agreement", "es", 5, 3),
    ("Very satisfied", "satisfaction", "en", 5, 4),
    ("Muy de acuerdo", "agreement", "es", 5, 4),
    ("Ni satisfecho ni insatisfecho", "satisfaction", "es", 5, 2),
    ("Excelente", "quality", "es", 5, 4),
    ("Somewhat agree", "agreement", "en", 5, 3),
    ("Very favorably", "favourability", "en", 5, 4),
    ("Ni de acuerdo ni en desacuerdo", "agreement", "es", 5, 2),
    ("Neither agree nor disagree", "agreement", "en", 5, 2),
    ("Extremely likely", "likelihood", "en", 5, 4),
    ("Muy probable", "likelihood", "es", 5, 4),
    ("Nada probable", "likelihood", "es", 5, 0),
    ("Poor", "quality", "en", 5, 1),
    ("Malo", "quality", "es", 5, 1),
    ("Muy desfavorable", "favourability", "es", 5, 0),
    ("Very unfavourable", "favourability", "en", 5, 0),
]


@pytest.mark.parametrize(("label", "kind", "language", "points", "position"), ISSUE_LABELS)
def test_a_single_label_finds_its_set_and_its_point(label, kind, language, points, position):
    found = match_label_set([label])
    assert (found.kind, found.language, found.size) == (kind, language, points)
    assert found.position(label) == position
    guess = infer_scale(pd.Series([label, None]))
    assert (guess.scale, guess.evidence) == (Scale(1, points), "answer_labels")
    # Before issue 10 these columns had no scale: "No known scale holds its values".
    assert detect_scale(pd.Series([label])) == Scale(1, points)


@pytest.mark.parametrize(
    "written",
    [
        "MUY SATISFECHO",
        "muy satisfecho",
        "  Muy  satisfecho. ",
        "¡Muy satisfecho!",
        "Muy satisfecha",
    ],
)
def test_accents_case_spaces_punctuation_and_gender_are_ignored(written):
    assert label_key(written).replace("satisfecha", "satisfecho") == "muy satisfecho"
    assert match_label_set([written]).position(written) == 4
    neutral = match_label_set(["Ni satisfécho, ni INSATISFECHO"])
    assert neutral.position("ni satisfecho ni insatisfecho") == 2


def test_two_labels_on_one_point_of_a_five_point_set_mean_the_seven_point_set():
    # "Agree" and "Somewhat agree" are alternatives for point 4 of the 5-point set; together
    # they are points 6 and 5 of the 7-point set.
    seven = match_label_set(["Strongly agree", "Agree", "Somewhat agree"])
    assert seven.size == 7
    assert [seven.position(x) for x in ("Somewhat agree", "Agree", "Strongly agree")] == [4, 5, 6]
    assert infer_scale(pd.Series(["Agree", "Somewhat agree"])).scale == Scale(1, 7)
    # Spanish alike: "Algo de acuerdo" beside "De acuerdo" is the 7-point set.
    assert match_label_set(["De acuerdo", "Algo de acuerdo"]).size == 7
    # "Muy, bastante, algo, poco, nada de acuerdo" is the 5-point intensity set.
    intensity = match_label_set(["Muy de acuerdo", "Bastante de acuerdo", "Nada de acuerdo"])
    assert intensity.size == 5 and intensity.position("Algo de acuerdo") == 2


def test_a_declared_scale_picks_the_set_of_its_length():
    answers = ["Very satisfied", "Satisfied", "Neutral"]
    assert match_label_set(answers).size == 5
    seven = match_label_set(answers, points=7)
    assert seven.size == 7
    # On 1–7, "Satisfied" is point 6 of the 7-point set, not 5.5 (the 5-point set spread).
    assert seven.value("Satisfied", Scale(1, 7)) == 6


def test_numbers_beside_labels_of_the_same_scale():
    # Numbers 1–5 and labels of a 5-point set: 1–5, and both kinds of answer are read.
    column = pd.Series(["1", "2", "Very satisfied", "Satisfied", "5"], dtype=object)
    guess = infer_scale(column)
    assert (guess.scale, guess.evidence) == (Scale(1, 5), "answer_labels")
    labels = match_label_set(answer_texts(column), points=5)
    parsed = parse_ratings(column, guess.scale, labels=labels)
    assert parsed.values.tolist() == [1, 2, 5, 4, 5]
    assert parsed.status_names() == ["ok", "ok", "label", "label", "ok"]
    # Numbers on −3..+3 beside 7-point labels: the 7-point scale that holds them.
    bipolar = infer_scale(pd.Series(["-3", "2", "Agree", "Somewhat agree"], dtype=object))
    assert (bipolar.scale, bipolar.evidence) == (Scale(-3, 3), "answer_labels")
    # Numbers of a longer scale with only end labels: the numbers' scale, labels at its ends.
    ends = infer_scale(pd.Series(["0", "4", "10", "Strongly agree"], dtype=object))
    assert (ends.scale, ends.evidence) == (Scale(0, 10), "values")
    assert ends.labels.value("Strongly agree", ends.scale) == 10


def test_an_unknown_label_in_a_labelled_column_is_its_own_status():
    column = pd.Series(["Muy de acuerdo", "Bastante", "De acuerdo", "4", None], dtype=object)
    labels = match_label_set(answer_texts(column))
    assert labels.kind == "agreement" and "Bastante" in answer_texts(column)
    parsed = parse_ratings(column, Scale(1, 5), labels=labels)
    assert parsed.status_names() == ["label", "unknown_label", "label", "ok", "missing"]
    assert parsed.values[[0, 2, 3]].tolist() == [5, 4, 4]
    assert np.isnan(parsed.values[1])


def test_answer_texts_leave_out_numbers_dont_know_and_numbered_labels():
    column = pd.Series(["3", "4,5", "no sé", "N/A", "5 - Muy bueno", "", "Bueno", "Bueno", None])
    assert answer_texts(column) == ("Bueno",)
    assert answer_texts(pd.Series([1.0, 2.0])) == ()


def test_label_sets_cover_five_and_seven_points_of_every_kind_in_both_languages():
    sizes = {(s.kind, s.language, s.size) for s in LABEL_SETS}
    for kind in ("agreement", "satisfaction", "likelihood", "quality", "favourability"):
        for language in ("en", "es"):
            assert {(kind, language, 5), (kind, language, 7)} <= sizes
    for labels in LABEL_SETS:  # every set is ordered worst to best with distinct points
        assert labels.size in (5, 7)
        assert len({labels.position(x) for x in labels.labels}) == labels.size


def test_value_labels_still_state_the_scale_before_answer_labels():
    coded = {1: "Muy malo", 2: "Malo", 3: "Regular", 4: "Bueno", 5: "Muy bueno", 6: "x", 7: "y"}
    guess = infer_scale(pd.Series([2, 3]), value_labels=coded)
    assert (guess.scale, guess.evidence) == (Scale(1, 7), "value_labels")
