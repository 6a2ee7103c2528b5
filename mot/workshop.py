"""A live workshop room: join codes, participants' answers, the room's live numbers.

A facilitator opens a room for a journey; participants join it from their phones with a
short code and rate each open touchpoint: what they **expected**, what would be
**excellent**, what they **experienced** (points of the room's scale, 1–7 by default), how it
**felt** (emotion, −3..+3) and an optional **comment**. The room's storage lives in
:mod:`mot.store` (:meth:`mot.store.Store.open_room`); this module holds what needs no
database: codes and secrets, the check of one answer, and the tables made from the stored
answers.

The answers table (:meth:`mot.store.Store.responses`) has one row per participant and
touchpoint: ``participant, touchpoint, expected, excellent, experienced, emotion, comment,
comment_hidden, updated_at, joined_at`` (ratings as floats, NaN when not given; when the
participant joined, which names them ``P01``, ``P02``… in joining order). From it:

- :func:`room_ratings`: the tidy survey schema (``respondent_id, touchpoint, measure,
  value, scale``, comments as the measure ``comment``), which :func:`room_csv` writes as a
  file any analysis page reads (its ``scale`` column states the room's scales);
- :func:`room_scored`: the same ratings on the product's common scales (utilities 0–100,
  emotion −100..+100), the tidy ratings every analysis takes, so the room's live gaps and
  emotion curve are those the Gaps and Emotion pages show once the room is saved as a wave;
- :func:`room_summary`: one row per touchpoint with the means and the gaps
  (``experienced − expected``, ``experienced − excellent``) on the room's scale;
- :func:`room_distribution`: how many chose each point, per touchpoint and measure.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
import secrets
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from mot.errors import MotError
from mot.messages import Message

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
"""The characters of a room code: digits and capitals without 0/O, 1/I and L."""
CODE_LENGTH = 6
RATINGS: tuple[str, ...] = ("expected", "excellent", "experienced")
"""The three ratings of a touchpoint, on the room's scale."""
FIELDS: tuple[str, ...] = (*RATINGS, "emotion", "comment")
"""What an answer may hold (any subset)."""
MEASURE_OF: dict[str, str] = {
    "expected": "anticipated",
    "excellent": "excellent",
    "experienced": "experienced",
    "emotion": "emotion",
}
"""The survey measure each rating becomes (what participants expected is anticipated utility)."""
EMOTION_SCALE = (-3, 3)
DEFAULT_SCALE = (1, 7)
SCALES: tuple[tuple[int, int], ...] = ((1, 5), (1, 7), (1, 10), (0, 10))
"""The scales a room can rate on."""
COMMENT_MAX = 500
"""The longest comment, in characters."""
SUMMARY_COLUMNS: tuple[str, ...] = (
    "touchpoint",
    "label",
    "n",
    "expected",
    "excellent",
    "experienced",
    "emotion",
    "gap_expected",
    "gap_excellent",
)
"""The columns of :func:`room_summary`."""
ANSWER_COLUMNS: tuple[str, ...] = (
    "participant",
    "touchpoint",
    *RATINGS,
    "emotion",
    "comment",
    "comment_hidden",
    "updated_at",
    "joined_at",
)
"""The columns of the stored answers (:meth:`mot.store.Store.responses`)."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""Control characters, line and paragraph separators, and the bidirectional overrides and
isolates (a comment cannot make the projector show text reversed)."""


class AnswerError(MotError):
    """An answer holds a value its field does not allow.

    ``field`` names it; ``low`` and ``high`` give the allowed range of a rating (None for a
    comment or an unknown field).
    """

    def __init__(
        self, message: Message, *, field: str, low: int | None = None, high: int | None = None
    ) -> None:
        super().__init__(message)
        self.field = field
        self.low = low
        self.high = high


def new_code() -> str:
    """A new room code: :data:`CODE_LENGTH` characters of :data:`CODE_ALPHABET` (``secrets``).

    Examples
    --------
    >>> code = new_code()
    >>> len(code), set(code) <= set(CODE_ALPHABET), clean_code(code.lower()) == code
    (6, True, True)
    """
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def clean_code(text: object) -> str | None:
    """``text`` as a room code (capitals, spaces and dashes dropped), or None if it is not one.

    Examples
    --------
    >>> clean_code(" k7m-2qx "), clean_code("K7M0QX")
    ('K7M2QX', None)
    """
    code = re.sub(r"[\s-]", "", str(text)).upper()
    ok = len(code) == CODE_LENGTH and all(c in CODE_ALPHABET for c in code)
    return code if ok else None


def new_secret() -> str:
    """A new bearer secret (a participant's token, a facilitator's key): 192 random bits."""
    return secrets.token_urlsafe(24)


def secret_hash(secret: str) -> str:
    """What the store keeps of a secret: its SHA-256, never the secret itself.

    Examples
    --------
    >>> len(secret_hash("abc")), secret_hash("abc") == secret_hash("abc")
    (64, True)
    """
    return hashlib.sha256(f"mot-room:{secret}".encode()).hexdigest()


def secret_matches(secret: object, stored_hash: str) -> bool:
    """Whether ``secret`` is the one ``stored_hash`` was made from (constant-time).

    Examples
    --------
    >>> secret_matches("abc", secret_hash("abc")), secret_matches("abd", secret_hash("abc"))
    (True, False)
    """
    if not isinstance(secret, str) or not secret:
        return False
    return hmac.compare_digest(secret_hash(secret), stored_hash)


def check_answer(answer: Mapping[str, object], *, scale: tuple[int, int] = DEFAULT_SCALE) -> dict:
    r"""Check one answer (any subset of :data:`FIELDS`) and return it cleaned.

    Ratings are whole points of ``scale`` (emotion of −3..+3) or None (not answered);
    a comment is text of at most :data:`COMMENT_MAX` characters, kept as typed but for
    control characters and bidirectional overrides, blank becoming None.

    Raises
    ------
    AnswerError
        With the field and the allowed range, for an unknown field, a value off the
        scale, a fraction, a non-number, or a comment too long or not text.

    Examples
    --------
    >>> check_answer({"expected": 6, "emotion": -2, "comment": "  Slow\x00 delivery "})
    {'expected': 6, 'emotion': -2, 'comment': 'Slow delivery'}
    >>> check_answer({"experienced": 9})
    Traceback (most recent call last):
    mot.workshop.AnswerError: “experienced” must be a whole number from 1 to 7 (got 9).
    """
    if not isinstance(answer, Mapping):
        raise AnswerError(Message("room.answer_not_object"), field="")
    clean: dict[str, object] = {}
    for field, value in answer.items():
        if field not in FIELDS:
            message = Message("room.unknown_field", field=str(field)[:40], fields=", ".join(FIELDS))
            raise AnswerError(message, field=str(field)[:40])
        if field == "comment":
            clean[field] = _comment(value)
        else:
            low, high = EMOTION_SCALE if field == "emotion" else scale
            clean[field] = _point(field, value, low, high)
    return clean


def _point(field: str, value: object, low: int, high: int) -> int | None:
    if value is None:
        return None
    number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
    if number is None or not math.isfinite(number) or number != int(number):
        number = None
    if number is None or not low <= number <= high:
        shown = str(value)[:20]
        message = Message("room.bad_rating", field=field, low=low, high=high, value=shown)
        raise AnswerError(message, field=field, low=low, high=high)
    return int(number)


def _comment(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise AnswerError(Message("room.comment_not_text"), field="comment")
    text = _CONTROL.sub("", value).strip()
    if len(text) > COMMENT_MAX:
        message = Message("room.comment_too_long", limit=COMMENT_MAX, length=len(text))
        raise AnswerError(message, field="comment")
    return text or None


def _scale_text(low: int, high: int) -> str:
    return f"from {low} to {high}"  # never starts like a spreadsheet formula


def _respondents(answers: pd.DataFrame) -> pd.Series:
    """Short respondent ids (``P01``…) in the order participants joined (else first answered)."""
    when = "joined_at" if "joined_at" in answers else "updated_at"
    order = answers.sort_values([when, "participant"], kind="stable")["participant"]
    order = order.drop_duplicates()
    width = max(2, len(str(len(order))))
    names = {p: f"P{i + 1:0{width}d}" for i, p in enumerate(order)}
    return answers["participant"].map(names)


def room_ratings(
    answers: pd.DataFrame,
    *,
    scale: tuple[int, int] = DEFAULT_SCALE,
    touchpoints: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The room's answers in the tidy survey schema, one row per rating or comment.

    Parameters
    ----------
    answers : DataFrame
        :data:`ANSWER_COLUMNS` (hidden comments are left out).
    scale : (int, int)
        The room's scale of the three ratings.
    touchpoints : sequence of str, optional
        Journey order; default: the order of the answers.

    Returns
    -------
    DataFrame
        ``respondent_id`` (``P01``…, in the order participants joined),
        ``touchpoint``, ``measure`` (``anticipated``, ``excellent``, ``experienced``,
        ``emotion`` or ``comment``), ``value`` (the point chosen, an int, or the comment's
        text) and ``scale`` (``from 1 to 7``, ``from -3 to 3``; empty for a comment), by
        touchpoint then respondent.

    Examples
    --------
    >>> answers = pd.DataFrame({"participant": ["x", "y"], "touchpoint": ["FMOT", "FMOT"],
    ...     "expected": [6.0, 5.0], "excellent": [7.0, np.nan], "experienced": [4.0, 5.0],
    ...     "emotion": [-1.0, np.nan], "comment": ["Slow", None], "comment_hidden": [False] * 2,
    ...     "updated_at": pd.to_datetime(["2026-12-04 10:00", "2026-12-04 10:01"])})
    >>> rows = room_ratings(answers)[["respondent_id", "measure", "value", "scale"]]
    >>> rows.values.tolist()[:2]
    [['P01', 'anticipated', 6, 'from 1 to 7'], ['P01', 'excellent', 7, 'from 1 to 7']]
    >>> rows["measure"].tolist()
    ['anticipated', 'excellent', 'experienced', 'emotion', 'comment', 'anticipated', 'experienced']
    """
    columns = ["respondent_id", "touchpoint", "measure", "value", "scale"]
    if answers.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    frame = answers.assign(respondent_id=_respondents(answers))
    parts = []
    for field, measure in MEASURE_OF.items():
        low, high = EMOTION_SCALE if field == "emotion" else scale
        given = frame[frame[field].notna()]
        parts.append(
            pd.DataFrame(
                {
                    "respondent_id": given["respondent_id"],
                    "touchpoint": given["touchpoint"],
                    "measure": measure,
                    "value": given[field].astype("int64").astype(object),
                    "scale": _scale_text(low, high),
                }
            )
        )
    said = frame[frame["comment"].notna() & ~frame["comment_hidden"].astype(bool)]
    parts.append(
        pd.DataFrame(
            {
                "respondent_id": said["respondent_id"],
                "touchpoint": said["touchpoint"],
                "measure": "comment",
                "value": said["comment"].astype(str),
                "scale": "",
            }
        )
    )
    tidy = pd.concat(parts, ignore_index=True)
    order = list(touchpoints) if touchpoints is not None else list(pd.unique(answers["touchpoint"]))
    position = {t: i for i, t in enumerate(order)}
    measures = {m: i for i, m in enumerate([*MEASURE_OF.values(), "comment"])}
    key = pd.DataFrame(
        {
            "t": tidy["touchpoint"].map(position).fillna(len(order)),
            "r": tidy["respondent_id"],
            "m": tidy["measure"].map(measures),
        }
    )
    ranked = key.sort_values(["t", "r", "m"], kind="stable").index
    return tidy.loc[ranked, columns].reset_index(drop=True)


def room_scored(
    answers: pd.DataFrame,
    *,
    scale: tuple[int, int] = DEFAULT_SCALE,
    touchpoints: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The room's ratings on the product's common scales, in the ratings contract.

    Expected becomes ``anticipated``; utilities go to 0–100 (``100 · (x − low) / (high −
    low)``), emotion to −100..+100 (``100 · x / 3``), as :func:`mot.scales.normalise` puts a
    loaded survey; ``top_box`` is the top two points. Respondents are named as in
    :func:`room_ratings`.

    Returns
    -------
    DataFrame
        ``respondent_id, touchpoint, measure, value, top_box`` (:func:`mot.tidy.as_ratings`).

    Examples
    --------
    >>> answers = pd.DataFrame({"participant": ["x"], "touchpoint": ["FMOT"],
    ...     "expected": [7.0], "excellent": [np.nan], "experienced": [4.0], "emotion": [-3.0],
    ...     "comment": [None], "comment_hidden": [False],
    ...     "updated_at": pd.to_datetime(["2026-12-04 10:00"])})
    >>> room_scored(answers)[["measure", "value", "top_box"]].values.tolist()
    [['anticipated', 100.0, True], ['experienced', 50.0, False], ['emotion', -100.0, False]]
    """
    from mot.rating_scales import Scale, normalise, top_box
    from mot.tidy import as_ratings

    tidy = room_ratings(answers, scale=scale, touchpoints=touchpoints)
    tidy = tidy[tidy["measure"] != "comment"]
    points = tidy["value"].astype("float64").to_numpy()
    emotion = (tidy["measure"] == "emotion").to_numpy()
    rating_scale, emotion_scale = Scale(*scale), Scale(*EMOTION_SCALE)
    value = np.where(
        emotion,
        normalise(points, emotion_scale, emotion=True),
        normalise(points, rating_scale),
    )
    best = np.where(emotion, top_box(points, emotion_scale), top_box(points, rating_scale))
    frame = pd.DataFrame(
        {
            "respondent_id": tidy["respondent_id"].to_numpy(dtype=object),
            "touchpoint": tidy["touchpoint"].to_numpy(dtype=object),
            "measure": tidy["measure"].to_numpy(dtype=object),
            "value": value,
            "top_box": best,
        }
    )
    order = list(touchpoints) if touchpoints is not None else None
    return as_ratings(frame, touchpoints=order)


def room_csv(ratings: pd.DataFrame) -> bytes:
    """:func:`room_ratings` as a UTF-8 CSV file, with spreadsheet formulas neutralised.

    A comment that begins with ``=``, ``+``, ``-`` or ``@`` gets a leading apostrophe, so a
    spreadsheet shows it as text instead of running it.

    Examples
    --------
    >>> r = pd.DataFrame({"respondent_id": ["P1", "P1"], "touchpoint": ["FMOT"] * 2,
    ...     "measure": ["emotion", "comment"], "value": [-2, "=1+1"],
    ...     "scale": ["from -3 to 3", ""]})
    >>> room_csv(r).decode().splitlines()[1:]
    ['P1,FMOT,emotion,-2,from -3 to 3', "P1,FMOT,comment,'=1+1,"]
    """
    from mot.table_export import csv_safe

    return csv_safe(ratings).to_csv(index=False).encode("utf-8")


def room_summary(answers: pd.DataFrame, touchpoints: pd.DataFrame) -> pd.DataFrame:
    """The room's live numbers, one row per touchpoint in journey order.

    Parameters
    ----------
    answers : DataFrame
        :data:`ANSWER_COLUMNS`.
    touchpoints : DataFrame
        ``touchpoint`` and ``label``, in journey order.

    Returns
    -------
    DataFrame
        :data:`SUMMARY_COLUMNS`: ``n`` participants who answered the touchpoint, the mean
        ``expected``, ``excellent`` and ``experienced`` on the room's scale and ``emotion``
        on −3..+3 (NaN without answers), ``gap_expected = experienced − expected`` and
        ``gap_excellent = experienced − excellent`` (means of the participants' own gaps,
        over those who gave both ratings).

    Examples
    --------
    >>> answers = pd.DataFrame({"participant": ["x", "y"], "touchpoint": ["FMOT", "FMOT"],
    ...     "expected": [6.0, 4.0], "excellent": [7.0, 7.0], "experienced": [4.0, 5.0],
    ...     "emotion": [-1.0, 1.0], "comment": [None, None], "comment_hidden": [False] * 2,
    ...     "updated_at": pd.to_datetime(["2026-12-04 10:00"] * 2)})
    >>> tps = pd.DataFrame({"touchpoint": ["ZMOT", "FMOT"], "label": ["Search", "Shelf"]})
    >>> summary = room_summary(answers, tps)
    >>> summary[["touchpoint", "n", "experienced", "gap_expected"]].values.tolist()
    [['ZMOT', 0, nan, nan], ['FMOT', 2, 4.5, -0.5]]
    """
    frame = answers.assign(
        gap_expected=answers["experienced"] - answers["expected"],
        gap_excellent=answers["experienced"] - answers["excellent"],
    )
    means = frame.groupby("touchpoint", sort=False)[
        [*RATINGS, "emotion", "gap_expected", "gap_excellent"]
    ].mean()
    counts = frame.groupby("touchpoint", sort=False)["participant"].nunique()
    out = touchpoints[["touchpoint", "label"]].reset_index(drop=True)
    out["n"] = out["touchpoint"].map(counts).fillna(0).astype("int64")
    for column in means.columns:
        out[column] = out["touchpoint"].map(means[column]).astype("float64")
    return out[list(SUMMARY_COLUMNS)]


def room_distribution(
    answers: pd.DataFrame, *, scale: tuple[int, int] = DEFAULT_SCALE
) -> pd.DataFrame:
    """How many participants chose each point: ``touchpoint, field, point, count``.

    Every point of the scale is listed (a count of 0 where nobody chose it), for the three
    ratings on ``scale`` and emotion on −3..+3.

    Examples
    --------
    >>> answers = pd.DataFrame({"participant": ["x", "y"], "touchpoint": ["FMOT"] * 2,
    ...     "expected": [6.0, 6.0], "excellent": [np.nan] * 2, "experienced": [4.0, 5.0],
    ...     "emotion": [np.nan] * 2, "comment": [None] * 2, "comment_hidden": [False] * 2,
    ...     "updated_at": pd.to_datetime(["2026-12-04 10:00"] * 2)})
    >>> d = room_distribution(answers)
    >>> d[(d.field == "expected") & (d.point == 6)]["count"].tolist(), len(d)
    ([2], 28)
    """
    parts = []
    for field in (*RATINGS, "emotion"):
        low, high = EMOTION_SCALE if field == "emotion" else scale
        points = np.arange(low, high + 1)
        chosen = answers[answers[field].notna()]
        counts = chosen.groupby(["touchpoint", field], sort=False).size()
        for touchpoint in pd.unique(answers["touchpoint"]):
            found = counts.get(touchpoint, pd.Series(dtype="int64")) if len(counts) else None
            per_point = (
                found.reindex(points.astype(float), fill_value=0).to_numpy()
                if found is not None
                else np.zeros(len(points), dtype="int64")
            )
            parts.append(
                pd.DataFrame(
                    {"touchpoint": touchpoint, "field": field, "point": points, "count": per_point}
                )
            )
    if not parts:
        return pd.DataFrame(columns=["touchpoint", "field", "point", "count"])
    out = pd.concat(parts, ignore_index=True)
    out["count"] = out["count"].astype("int64")
    return out
