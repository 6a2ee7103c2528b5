import json

import pytest

from mot.errors import JourneyError
from mot.journey import (
    MOMENT_KEYS,
    MOMENTS,
    Touchpoint,
    default_journey,
    journey_from_dict,
    load_journey,
    moment,
    renamed,
    save_journey,
)


def test_five_moments_in_journey_order_with_both_languages():
    assert MOMENT_KEYS == ("ZMOT", "FMOT", "SMOT", "TMOT", "UMOT")
    for m in MOMENTS:
        assert m.name_en and m.name_es and m.description_en and m.description_es
    assert moment("tmot").name_es == "Tercer momento de la verdad"


def test_default_journey_is_the_five_moments_with_event_keywords():
    journey = default_journey()
    assert journey.ids == MOMENT_KEYS
    assert all(tp.moment == tp.id for tp in journey.touchpoints)
    assert "add_to_cart" in journey.touchpoint("SMOT").events
    assert journey.labels("es")["UMOT"] == "Momento último de la verdad"


def test_custom_journey_round_trips_through_json(tmp_path):
    hotel = journey_from_dict(
        {
            "name": "Hotel",
            "touchpoints": [
                {"id": "booking", "label_en": "Booking", "label_es": "Reserva", "moment": "smot"},
                {"id": "check_in", "label_en": "Check-in", "events": "checkin, llegada"},
                {"id": "stay", "moment": "TMOT"},
            ],
        }
    )
    path = tmp_path / "hotel.json"
    save_journey(hotel, path)
    again = load_journey(path)
    assert again == hotel
    assert again.touchpoint("check_in").events == ("checkin", "llegada")
    assert again.touchpoint("stay").label_es == "stay"


def test_rename_add_remove_reorder():
    journey = default_journey()
    journey = renamed(journey, "FMOT", label_en="Product page", label_es="Ficha de producto")
    assert journey.touchpoint("FMOT").label_es == "Ficha de producto"
    tps = list(journey.touchpoints)
    tps.insert(3, Touchpoint("unboxing", "Unboxing", "Desembalaje", "SMOT"))
    tps.reverse()
    tps.pop()  # drop ZMOT (now last)
    journey = journey.with_touchpoints(tps)
    assert journey.ids == ("UMOT", "TMOT", "unboxing", "SMOT", "FMOT")
    assert list(journey.to_frame()["position"]) == [0, 1, 2, 3, 4]


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"touchpoints": []}, "no touchpoints"),
        ({"touchpoints": [{"id": "a"}, {"id": "A"}]}, "appears twice"),
        ({"touchpoints": [{"id": "a", "moment": "XMOT"}]}, "not a moment of truth"),
        ({"touchpoints": [{"id": "1st step"}]}, "starts with a letter"),
        ({"steps": []}, "`touchpoints` list"),
        ({"touchpoints": ["booking"]}, "not an object"),
    ],
)
def test_invalid_journeys_say_what_to_fix(data, fragment):
    with pytest.raises(JourneyError, match=fragment):
        journey_from_dict(data)


def test_bad_journey_file(tmp_path):
    path = tmp_path / "j.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(JourneyError, match="not valid JSON"):
        load_journey(path)
    with pytest.raises(JourneyError, match="Cannot open"):
        load_journey(tmp_path / "missing.json")
    path.write_text(json.dumps({"touchpoints": [{"id": "x"}]}), encoding="utf-8")
    assert load_journey(path).ids == ("x",)
