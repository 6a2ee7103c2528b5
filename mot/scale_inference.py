"""Inferring a column's scale, with its evidence, and the assumptions a user should confirm."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from mot._text import fold
from mot.label_sets import DONT_KNOW, LabelSet, answer_texts, match_label_set
from mot.messages import Message, entry_texts
from mot.rating_scales import KNOWN_SCALES, Scale, scale_from_text


def _number(x: float) -> int | float:
    """``x`` as a scale's name writes it, kept a number (a message writes it for its language)."""
    return int(x) if float(x).is_integer() else float(x)


def detect_scale(
    values: pd.Series | np.ndarray,
    *,
    question: str = "",
    value_labels: dict | None = None,
    texts: Iterable[object] | None = None,
) -> Scale | None:
    """Detect the scale of a rating column: :func:`infer_scale`, without its evidence.

    Returns ``None`` when no known scale holds the values (or the answer labels).

    Examples
    --------
    >>> detect_scale(pd.Series([1, 3, 7])).name
    '1-7'
    >>> detect_scale(pd.Series([0, 4, 9])).name, detect_scale(pd.Series([-2, 1])).name
    ('0-10', '-3..3')
    """
    guess = infer_scale(values, question=question, value_labels=value_labels, texts=texts)
    return guess.scale


EVIDENCE: tuple[str, ...] = (
    "question",
    "value_labels",
    "answer_labels",
    "values",
    "default",
    "none",
)
"""Where a scale came from, strongest first; ``none`` when no known scale holds the values.

``answer_labels``: the text answers are the labels of a known set (:data:`LABEL_SETS`)."""


MAX_OFF_SHARE = 0.02
"""At most this share of a measure's values may fall off the scale chosen for it."""


@dataclass(frozen=True)
class ScaleGuess:
    """The scale inferred for a column or a measure, with its evidence.

    Attributes
    ----------
    scale : Scale or None
        The scale chosen; ``None`` when no known scale holds the values.
    evidence : str
        One of :data:`EVIDENCE`.
    n : int
        Finite numbers seen.
    n_off : int
        Of those, how many lie off ``scale`` (outliers: each is an error cell).
    low, high : float or None
        Lowest and highest value on ``scale`` (all finite values when ``scale`` is None).
    also_fit : tuple of Scale
        Other known scales that hold every value on ``scale`` (only for ``values``).
    like : tuple of str
        Sibling measures of the same file read on ``scale`` with firm evidence (their values
        reach both ends, or their question text or value labels state it): they support a
        reading whose own values stop short of the ends (see :func:`with_sibling_support`).
    labels : LabelSet or None
        The label set the text answers come from (evidence ``answer_labels``, or answers that
        mix labels with numbers of a longer scale), else None.
    """

    scale: Scale | None
    evidence: str
    n: int = 0
    n_off: int = 0
    low: float | None = None
    high: float | None = None
    also_fit: tuple[Scale, ...] = ()
    like: tuple[str, ...] = ()
    labels: LabelSet | None = None

    @property
    def firm(self) -> bool:
        """True when the evidence is strong on its own: stated, or values reaching both ends."""
        return self.evidence in ("question", "value_labels", "answer_labels") or (
            self.evidence == "values" and self.reaches_ends
        )

    @property
    def reaches_ends(self) -> bool:
        """True when the values reach both ends of the scale (within :func:`_near_ends`)."""
        if self.scale is None or self.low is None or self.high is None:
            return False
        return _near_ends(self.scale, self.low, self.high)

    @property
    def needs_confirmation(self) -> bool:
        """True when the user should confirm the scale.

        That is when only the values speak for it, they stop short of its ends, another
        known scale holds them too and no sibling measure is firmly on the same scale.
        """
        return (
            self.evidence == "values"
            and not self.reaches_ends
            and bool(self.also_fit)
            and not self.like
        )

    def explain(self) -> Message:
        """The evidence, e.g. ``1-5, read from the values (1 to 5)``.

        A :class:`mot.messages.Message`: the English text, ``.render("es")`` in Spanish.

        Examples
        --------
        >>> print(infer_scale(pd.Series([3, 4, 5])).explain())  # doctest: +NORMALIZE_WHITESPACE
        1-5 assumed from the values, which only span 3 to 5 and do not reach both ends of
        1-5; 1-7, 1-10, 0-10, -5..5 also hold them
        """
        if self.scale is None:
            return Message("evidence.none")
        name = self.scale.name
        if self.evidence in ("question", "value_labels"):
            return Message(f"evidence.{self.evidence}", scale=name)
        if self.evidence == "answer_labels" and self.labels is not None:
            first, last = self.labels.labels[0], self.labels.labels[-1]
            labels = self.labels.name
            return Message(
                "evidence.answer_labels", scale=name, labels=labels, first=first, last=last
            )
        span = (
            Message("scale.span", low=_number(self.low), high=_number(self.high))
            if self.low is not None
            else Message("scale.no_values")
        )
        if self.evidence == "default" and self.scale == Scale(0, 10):
            return Message("evidence.default_recommend", scale=name, span=span)
        if self.evidence == "default":
            return Message("evidence.default", scale=name, span=span)
        if self.n_off:
            on = self.n - self.n_off
            return Message("evidence.outliers", scale=name, on=on, n=self.n, off=self.n_off)
        if self.reaches_ends or not self.also_fit:
            return Message("evidence.values", scale=name, span=span)
        others = ", ".join(s.name for s in self.also_fit)
        if self.like:
            siblings = ", ".join(f"`{m}`" for m in self.like)
            return Message(
                "evidence.siblings", scale=name, span=span, siblings=siblings, others=others
            )
        return Message("evidence.short", scale=name, span=span, others=others)


def with_sibling_support(
    assumptions: Sequence[ScaleAssumption], *, siblings: Collection[str]
) -> tuple[ScaleAssumption, ...]:
    """Let measures of one survey vouch for each other's scale.

    A measure whose values stop short of its scale's ends (excellence rated only 4–7) is
    supported when another measure among ``siblings`` (in a survey: anticipated, experienced,
    retrospective and excellent, the ratings the gaps compare) is firmly on that same scale:
    its guess gets ``like`` and needs no confirmation. Nothing else changes: the scale stays
    the one the values chose, and a measure whose chosen scale no sibling firmly shares still
    needs confirmation.

    Examples
    --------
    >>> firm = ScaleAssumption("experienced", ("a",), infer_scale([1, 4, 7]))
    >>> short = ScaleAssumption("excellent", ("b",), infer_scale([4, 5, 7]))
    >>> out = with_sibling_support([firm, short], siblings={"experienced", "excellent"})
    >>> out[1].guess.like, out[1].guess.needs_confirmation
    (('experienced',), False)
    """
    firm: dict[Scale, list[str]] = {}
    for a in assumptions:
        if a.target in siblings and a.guess.scale is not None and a.guess.firm:
            firm.setdefault(a.guess.scale, []).append(a.target)
    out = []
    for a in assumptions:
        guess = a.guess
        if guess.needs_confirmation and a.target in siblings and guess.scale in firm:
            like = tuple(dict.fromkeys(m for m in firm[guess.scale] if m != a.target))
            if like:
                a = replace(a, guess=replace(guess, like=like))
        out.append(a)
    return tuple(out)


SCALE_PANEL = "Scale of each measure"
"""The Data page's panel where a measure's scale is chosen (named in report fixes)."""


@dataclass(frozen=True)
class ScaleAssumption:
    """A scale nobody declared: the one inferred for the columns of a measure or outcome.

    Attributes
    ----------
    target : str
        The measure (``experienced`` …) or outcome (``recommend`` …) the columns rate.
    columns : tuple of str
        The columns read on ``guess.scale``.
    guess : ScaleGuess
        The scale and its evidence.
    """

    target: str
    columns: tuple[str, ...]
    guess: ScaleGuess

    @property
    def code(self) -> str:
        """The report entry's code: ``scale.to_confirm`` when ambiguous, else ``scale.assumed``."""
        return "scale.to_confirm" if self.guess.needs_confirmation else "scale.assumed"

    def params(self) -> dict[str, object]:
        """The report entry's parameters: the measure, its columns and the evidence."""
        shown = ", ".join(self.columns[:4]) + (" …" if len(self.columns) > 4 else "")
        return {"target": self.target, "columns": shown, "evidence": self.guess.explain()}

    def problem(self, language: str = "en") -> str:
        """The assumption as a report entry states it.

        Examples
        --------
        >>> a = ScaleAssumption("experienced", ("FMOT_experienced",), infer_scale([3, 4, 5]))
        >>> a.problem()[:62]
        'Scale of `experienced` (FMOT_experienced): 1-5 assumed from th'
        >>> a.problem("es")[:57]
        'Escala de `experienced` (FMOT_experienced): 1-5 supuesta '
        """
        return entry_texts(self.code, self.params(), language)[0]

    def fix(self, language: str = "en") -> str:
        """What to do about it: confirm the scale where it is ambiguous, else check it."""
        return entry_texts(self.code, self.params(), language)[1]


def stated_scale(*, question: str = "", value_labels: dict | None = None) -> ScaleGuess | None:
    """The scale a column states about itself: its question text, then its value labels.

    Value labels (SPSS) state a scale when their codes, leaving out don't-know codes, run
    from one end of a known scale to the other (``{1: "Very poor", …, 7: "Excellent"}``).

    Examples
    --------
    >>> stated_scale(question="Del 1 al 7, ¿cómo valora la entrega?").scale.name
    '1-7'
    >>> labels = {1: "Nada", 2: "Poco", 3: "Algo", 4: "Bastante", 5: "Mucho", 99: "NS/NC"}
    >>> stated_scale(value_labels=labels).evidence
    'value_labels'
    >>> stated_scale(question="How was delivery?") is None
    True
    """
    from_text = scale_from_text(question) if question else None
    if from_text is not None:
        return ScaleGuess(from_text, "question")
    from_labels = _scale_from_value_labels(value_labels or {})
    if from_labels is not None:
        return ScaleGuess(from_labels, "value_labels")
    return None


def _scale_from_value_labels(value_labels: dict) -> Scale | None:
    codes = []
    for code, label in value_labels.items():
        number = pd.to_numeric(pd.Series([code]), errors="coerce").iloc[0]
        if not pd.isna(number) and np.isfinite(number) and fold(label) not in DONT_KNOW:
            codes.append(float(number))
    if len(codes) < 2:
        return None
    candidate = Scale(min(codes), max(codes))
    return candidate if candidate in KNOWN_SCALES else None


def infer_scale(
    values: pd.Series | np.ndarray,
    *,
    question: str = "",
    value_labels: dict | None = None,
    texts: Iterable[object] | None = None,
) -> ScaleGuess:
    """Infer the scale of a column (or of all the columns of a measure), with its evidence.

    Evidence is weighed in this order:

    1. the question text names a known scale ("(1-7)", "del 1 al 7", "from 0 to 10");
    2. the value labels (SPSS) run from one end of a known scale to the other;
    3. the text answers are labels of a known set (:func:`match_label_set`: "Muy
       satisfecho", "Somewhat agree"): the scale is ``1..k`` for a set of k points, or the
       k-point scale holding the numbers answered beside the labels (``-3..3``); when the
       numbers do not fit a k-point scale, a set of the numbers' length is looked for, else
       the numbers decide (step 4) and the labels are spread over their scale;
    4. the values. Non-finite numbers (``inf``, ``1e309``, ``nan``) are ignored here (each
       such cell is an error of its own). The smallest known scale that holds every value
       is taken, unless a smaller scale holds all but a few outliers: at most
       :data:`MAX_OFF_SHARE` (2 %) of the values, or up to 3 values when they are at most
       5 % of them (so one outlier needs 20 values, and below 20 values none is allowed).
       That smaller scale is chosen only when its values reach both of its ends and the
       scale holding every value does not reach both of its own; the outliers are then
       off-scale cells, not evidence of a longer scale. A 1–10 reading is not taken for
       values within 1–7.

    When only the values speak, they stop short of the chosen scale's ends and another known
    scale holds them too, :attr:`ScaleGuess.needs_confirmation` is true: a 1–7 item answered
    only 3–5 is taken as 1–5 and must be confirmed. A 0–100 reading is not offered as an
    alternative for values a scale of up to 11 points holds.

    Parameters
    ----------
    values : Series or array
        The answers: numbers, and text that :func:`answer_texts` reads as possible labels.
    question : str, optional
        The column's question text.
    value_labels : dict, optional
        The column's value labels, code → label.
    texts : iterable, optional
        The text answers, when ``values`` holds only the numbers (several columns pooled);
        default :func:`answer_texts` of ``values``.

    Returns
    -------
    ScaleGuess
        The scale (None when no known scale holds the values) and its evidence.

    Examples
    --------
    >>> guess = infer_scale(pd.Series([1, 2, 3, 4, 5] * 20 + [0]))
    >>> guess.scale.name, guess.n_off
    ('1-5', 1)
    >>> infer_scale(pd.Series([2, 3]), question="(1-7)").evidence
    'question'
    >>> infer_scale(pd.Series([3, 4, 5])).needs_confirmation
    True
    >>> infer_scale(pd.Series(["Muy satisfecho", "Satisfecho"])).explain()
    '1-5, from the answer labels (satisfaction, 5 points, Spanish: Muy insatisfecho … Muy satisfecho)'
    """  # noqa: E501
    stated = stated_scale(question=question, value_labels=value_labels)
    if stated is not None:
        return stated
    series = values if isinstance(values, pd.Series) else pd.Series(values)
    numbers = pd.to_numeric(series, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    numbers = numbers[np.isfinite(numbers)]
    found = answer_texts(series) if texts is None else tuple(texts)
    labels = match_label_set(found) if found else None
    if labels is not None:
        return _scale_from_labels(labels, numbers, found)
    if numbers.size == 0:
        return ScaleGuess(None, "none")
    return _scale_from_values(numbers)


def _label_scale(points: int, numbers: np.ndarray) -> Scale | None:
    """The known scale of ``points`` points that holds ``numbers``: 1..k first."""
    low = float(numbers.min()) if numbers.size else 1.0
    high = float(numbers.max()) if numbers.size else float(points)
    fits = [s for s in KNOWN_SCALES if s.points == points and s.low <= low and high <= s.high]
    return min(fits, key=lambda s: (s.low != 1, s.low), default=None)


def _scale_from_labels(labels: LabelSet, numbers: np.ndarray, texts: tuple) -> ScaleGuess:
    """Step 3 of :func:`infer_scale`: a scale from the label set, and the numbers beside it."""
    span = (float(numbers.min()), float(numbers.max())) if numbers.size else (None, None)
    scale = _label_scale(labels.size, numbers)
    if scale is not None:
        return ScaleGuess(scale, "answer_labels", int(numbers.size), 0, *span, labels=labels)
    by_values = _scale_from_values(numbers)
    if by_values.scale is not None:
        longer = match_label_set(texts, points=by_values.scale.points)
        if longer is not None and longer.size == by_values.scale.points:
            return replace(by_values, evidence="answer_labels", also_fit=(), labels=longer)
    return replace(by_values, labels=labels)


def _holds(scale: Scale, low: float, high: float) -> bool:
    if scale == Scale(1, 10) and low >= 1 and high <= 7:
        return False  # 1–7 answers are read as 1–7, not 1–10
    return scale.low <= low and high <= scale.high


def _near_ends(scale: Scale, low: float, high: float) -> bool:
    """Values reach the ends: exactly on scales of up to 11 points, within 5 % on longer ones."""
    room = 0.0 if scale.points <= 11 else 0.05 * (scale.high - scale.low)
    return low <= scale.low + room and high >= scale.high - room


def _allowed_off(n: int) -> int:
    return max(int(MAX_OFF_SHARE * n), min(3, int(0.05 * n)))


def _scale_from_values(numbers: np.ndarray) -> ScaleGuess:
    low, high = float(numbers.min()), float(numbers.max())
    exact = next((s for s in KNOWN_SCALES if _holds(s, low, high)), None)
    if exact is None or not _near_ends(exact, low, high):
        allowed = _allowed_off(numbers.size)
        for scale in KNOWN_SCALES:
            if scale == exact:
                break
            on = numbers[(numbers >= scale.low) & (numbers <= scale.high)]
            n_off = numbers.size - on.size
            if 0 < n_off <= allowed and _near_ends(scale, float(on.min()), float(on.max())):
                return ScaleGuess(
                    scale, "values", int(numbers.size), int(n_off), float(on.min()), float(on.max())
                )
    if exact is None:
        return ScaleGuess(None, "none", int(numbers.size), int(numbers.size), low, high)
    also_fit = tuple(
        s
        for s in KNOWN_SCALES
        if s != exact
        and s.low <= low
        and high <= s.high
        and not (s == Scale(0, 100) and exact.points <= 11)
    )
    return ScaleGuess(exact, "values", int(numbers.size), 0, low, high, also_fit)
