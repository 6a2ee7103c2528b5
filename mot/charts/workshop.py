"""Charts of the Workshop page: how a live room answered one touchpoint."""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from mot.charts._base import merged_text, require, tip
from mot.charts.theme import BLUE, GREEN, ORANGE, SKY

FIELDS = ("expected", "excellent", "experienced", "emotion")
QUESTION_KEYS = {
    "expected": "expected",
    "excellent": "excellent",
    "experienced": "room_experienced",
    "emotion": "room_emotion",
}
FIELD_COLORS = {"expected": SKY, "excellent": GREEN, "experienced": BLUE, "emotion": ORANGE}


def room_distribution_chart(
    distribution: pd.DataFrame, *, text: Mapping[str, str] | None = None
) -> alt.FacetChart:
    """How many chose each point of each question, for one touchpoint of a room.

    One small bar chart per question (expected, excellent, what they got, how it felt),
    side by side; a bar per point of the scale, its height the number of participants who
    chose it, written above it.

    Parameters
    ----------
    distribution : DataFrame
        Rows of :func:`mot.workshop.room_distribution` for one touchpoint: ``field, point,
        count``.
    text : Mapping[str, str], optional
        Overrides of the keys ``point, answers, question, expected, excellent,
        room_experienced, room_emotion``.

    Returns
    -------
    alt.FacetChart
        Bars and counts, faceted by question.

    Raises
    ------
    MotError
        If a column is missing.

    Examples
    --------
    >>> d = pd.DataFrame({"field": ["expected"] * 2, "point": [1, 2], "count": [0, 3]})
    >>> spec = room_distribution_chart(d).to_dict()
    >>> spec["facet"]["column"]["field"], spec["spec"]["layer"][0]["mark"]["type"]
    ('question', 'bar')
    """
    t = merged_text(text)
    require(
        distribution,
        ["field", "point", "count"],
        builder="room_distribution_chart",
        source="mot.workshop.room_distribution",
    )
    names = {f: t[QUESTION_KEYS[f]] for f in FIELDS}
    data = pd.DataFrame(
        {
            "question": distribution["field"].map(names),
            "field": distribution["field"],
            "point": distribution["point"].astype("int64"),
            "count": distribution["count"].astype("int64"),
        }
    )
    order = [names[f] for f in FIELDS if f in set(distribution["field"])]
    base = alt.Chart().encode(  # the data comes with the facet, which splits it by question
        x=alt.X("point:O", title=t["point"], axis=alt.Axis(labelAngle=0)),
        y=alt.Y("count:Q", title=t["answers"], axis=alt.Axis(tickMinStep=1, format="d")),
        tooltip=[
            tip("question:N", t["question"]),
            tip("point:O", t["point"]),
            tip("count:Q", t["answers"], ",d"),
        ],
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "field:N",
            scale=alt.Scale(domain=list(FIELDS), range=[FIELD_COLORS[f] for f in FIELDS]),
            legend=None,
        )
    )
    counts = base.transform_filter("datum.count > 0").mark_text(dy=-8).encode(text="count:Q")
    return (
        alt.layer(bars, counts)
        .properties(width=170, height=160)
        .facet(column=alt.Column("question:N", title=None, sort=order), data=data)
        .resolve_scale(x="independent")
    )
