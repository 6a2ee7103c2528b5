import pandas as pd
import pytest

from mot.errors import MappingError
from mot.journey import default_journey, journey_from_dict
from mot.mapping import (
    load_mapping,
    mapping_from_dict,
    mapping_from_frame,
    parse_column_name,
    save_mapping,
    suggest_mapping,
)

JOURNEY = default_journey()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ZMOT_anticipated", ("ZMOT", "anticipated")),
        ("fmot - Expected", ("FMOT", "anticipated")),
        ("SMOT.expectation", ("SMOT", "anticipated")),
        ("TMOT anticipada", ("TMOT", "anticipated")),
        ("UMOT_esperada", ("UMOT", "anticipated")),
        ("FMOT_EXPECTATIVA", ("FMOT", "anticipated")),
        ("FMOT_experience", ("FMOT", "experienced")),
        ("SMOT_actual", ("SMOT", "experienced")),
        ("TMOT_performance", ("TMOT", "experienced")),
        ("TMOT_experiencia", ("TMOT", "experienced")),
        ("UMOT.vivida", ("UMOT", "experienced")),
        ("ZMOT_desempeño", ("ZMOT", "experienced")),
        ("FMOT_remembered", ("FMOT", "retrospective")),
        ("FMOT_memory", ("FMOT", "retrospective")),
        ("SMOT recuerdo", ("SMOT", "retrospective")),
        ("TMOT_recordada", ("TMOT", "retrospective")),
        ("UMOT_retrospectiva", ("UMOT", "retrospective")),
        ("TMOT_ideal", ("TMOT", "excellent")),
        ("TMOT_Excelente", ("TMOT", "excellent")),
        ("SMOT_importancia", ("SMOT", "importance")),
        ("FMOT_feeling", ("FMOT", "emotion")),
        ("FMOT_valence", ("FMOT", "emotion")),
        ("FMOT_emoción", ("FMOT", "emotion")),
        ("FMOT_emocion", ("FMOT", "emotion")),
        ("FMOT_sentimiento", ("FMOT", "emotion")),
        ("TMOT_comentario", ("TMOT", "comment")),
        ("TMOT_experienced (1-7)", ("TMOT", "experienced")),
        ("experienced_TMOT", ("TMOT", "experienced")),
        ("Gender", None),
        ("TMOT", None),
        ("TMOT_banana", None),
    ],
)
def test_naming_convention(name, expected):
    assert parse_column_name(name, JOURNEY) == expected


def test_custom_touchpoints_and_moment_tags():
    hotel = journey_from_dict(
        {
            "touchpoints": [
                {"id": "booking", "moment": "SMOT"},
                {"id": "home_delivery"},
                {"id": "home"},
            ]
        }
    )
    assert parse_column_name("booking_expectativa", hotel) == ("booking", "anticipated")
    # A moment key names the one touchpoint tagged with it.
    assert parse_column_name("SMOT_experienced", hotel) == ("booking", "experienced")
    # The longest id wins: `home_delivery_...` is not `home`.
    assert parse_column_name("home_delivery_experienced", hotel) == ("home_delivery", "experienced")


def qualtrics_like() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "StartDate": ["2024-01-01", "2024-01-02", "2024-01-03"],
            "IPAddress": ["1.1.1.1"] * 3,
            "Duration (in seconds)": [100, 200, 300],
            "LocationLatitude": [40.1, 40.2, 40.3],
            "ResponseId": ["R_1", "R_2", "R_3"],
            "customer_id": ["C1", "C2", "C3"],
            "FMOT_expectativa": [5, 6, 7],
            "FMOT_experienced": [4, 5, 2],
            "TMOT_emocion": [-3, 0, 2],
            "recomendacion": [9, 3, 10],
            "satisfaccion_general": [4, 5, 2],
            "recuerdo_global": [7, 8, 9],
            "repurchase_intent": [1, 5, 3],
            "device": ["mobile", "desktop", "mobile"],
            "free_text": ["a", "b", "c"],
            "Q12": [1, 2, 3],
        }
    )


def test_suggestion_recognises_every_role():
    mapping = suggest_mapping(qualtrics_like(), JOURNEY)
    roles = {c.column: c for c in mapping.columns}
    for metadata in ("StartDate", "IPAddress", "Duration (in seconds)", "LocationLatitude"):
        assert roles[metadata].role == "ignore", metadata
    assert roles["ResponseId"].role == "respondent_id"
    assert roles["customer_id"].role == "customer_id"
    assert (roles["FMOT_expectativa"].touchpoint, roles["FMOT_expectativa"].measure) == (
        "FMOT",
        "anticipated",
    )
    assert roles["recomendacion"].outcome == "recommend"
    assert roles["recomendacion"].scale == "0-10"
    assert roles["satisfaccion_general"].outcome == "overall_satisfaction"
    assert roles["recuerdo_global"].outcome == "overall_retrospective"
    assert roles["repurchase_intent"].outcome == "repurchase"
    assert roles["device"].role == "segment"
    assert roles["free_text"].role == "ignore"  # every value distinct: not a segment
    assert roles["Q12"].role == "ignore"
    assert roles["TMOT_emocion"].scale == "-3..3"
    # One scale per measure, pooled over its columns: 2–7 seen → 1–7 for both FMOT items.
    assert roles["FMOT_expectativa"].scale == "1-7"


def test_question_text_identifies_recommendation_and_scale():
    frame = pd.DataFrame({"Q7": [3, 4, 5], "Q8": [1, 2, 2]})
    labels = {"Q7": "¿Recomendaría nuestra tienda a un amigo? (0-10)"}
    mapping = suggest_mapping(frame, JOURNEY, labels=labels)
    assert mapping.get("Q7").role == "outcome" and mapping.get("Q7").scale == "0-10"


def test_json_and_table_round_trip(tmp_path):
    mapping = suggest_mapping(qualtrics_like(), JOURNEY)
    path = tmp_path / "m.json"
    save_mapping(mapping, path)
    assert load_mapping(path) == mapping
    edited = mapping.to_frame()
    edited.loc[edited["column"] == "Q12", ["role", "touchpoint", "measure", "scale"]] = [
        "rating",
        "UMOT",
        "experienced",
        "1-5",
    ]
    again = mapping_from_frame(edited)
    assert again.get("Q12").measure == "experienced"
    assert again.get("ResponseId") == mapping.get("ResponseId")


@pytest.mark.parametrize(
    ("entry", "fragment"),
    [
        ({"column": "x", "role": "boss"}, "role `boss` is unknown"),
        ({"column": "x", "role": "rating", "touchpoint": "FMOT"}, "needs a measure"),
        ({"column": "x", "role": "rating", "measure": "experienced"}, "choose the touchpoint"),
        ({"column": "x", "role": "outcome", "outcome": "happiness"}, "choose one of"),
        ({"role": "segment"}, "has no `column`"),
        (
            {
                "column": "x",
                "role": "rating",
                "touchpoint": "FMOT",
                "measure": "experienced",
                "scale": "lots",
            },
            "is not a scale",
        ),
    ],
)
def test_invalid_mappings_say_what_to_fix(entry, fragment):
    with pytest.raises(MappingError, match=fragment):
        mapping_from_dict({"columns": [entry]})


def test_bad_mapping_file(tmp_path):
    path = tmp_path / "m.json"
    path.write_text("[1, 2", encoding="utf-8")
    with pytest.raises(MappingError, match="not valid JSON"):
        load_mapping(path)
    with pytest.raises(MappingError, match="appears twice"):
        mapping_from_dict({"columns": [{"column": "a"}, {"column": "a"}]})
