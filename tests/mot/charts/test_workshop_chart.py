"""The Workshop page's chart (mot.charts.room_distribution_chart)."""

from __future__ import annotations

import pandas as pd
import pytest

from mot.charts import room_distribution_chart
from mot.errors import MotError


def test_one_panel_per_question_each_with_its_own_answers():
    frame = pd.DataFrame(
        {
            "field": ["expected"] * 7 + ["emotion"] * 7,
            "point": [*range(1, 8), *range(-3, 4)],
            "count": [0, 0, 1, 0, 2, 0, 0, 1, 0, 0, 0, 0, 2, 0],
        }
    )
    spec = room_distribution_chart(frame, text={"room_emotion": "Sentido"}).to_dict()
    assert spec["facet"]["column"]["field"] == "question"
    assert spec["facet"]["column"]["sort"] == ["Expected", "Sentido"]
    assert all("data" not in layer for layer in spec["spec"]["layer"])  # the facet splits it
    rows = next(iter(spec["datasets"].values()))
    assert {(r["question"], r["point"]) for r in rows if r["count"]} == {
        ("Expected", 3),
        ("Expected", 5),
        ("Sentido", -3),
        ("Sentido", 2),
    }


def test_a_missing_column_is_a_typed_error():
    with pytest.raises(MotError, match="room_distribution"):
        room_distribution_chart(pd.DataFrame({"field": ["expected"], "count": [1]}))
