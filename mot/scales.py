"""Rating scales: detection, text labels, normalisation to one scale.

Surveys rate on 1–5, 1–7, 1–10, 0–10, −3..+3, −5..+5 or 0–100. Every analysis works on one
scale: utilities on 0–100, emotion on −100..+100 with 0 neutral. A scale is declared, or
inferred (:func:`infer_scale`) from a column's question text ("on a scale from 1 to 7"), its
value labels, then the values it holds; the inference always carries its evidence
(:class:`ScaleGuess`), a few outliers are off-scale cells rather than proof of a longer scale,
and values that stop short of a scale's ends are flagged for confirmation.
Text answers that are scale labels ("Muy satisfecho", "Somewhat agree", "Very favorably")
map to points of the scale: :data:`LABEL_SETS` holds the 5- and 7-point agreement,
satisfaction, likelihood, quality and favourability sets (and importance, valence) in
English and Spanish, compared without accents, case or punctuation; a column's answers pick
their set (:func:`match_label_set`), which states the scale when nothing else does (evidence
``answer_labels``), and text outside that set is an ``unknown_label`` cell. Don't-know answers
("no sé", "N/A") are missing values, not errors.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from mot._text import fold
from mot.errors import ScaleError
from mot.messages import Message, entry_texts


@dataclass(frozen=True)
class Scale:
    """A numeric rating scale from ``low`` to ``high`` in steps of one."""

    low: float
    high: float

    @property
    def name(self) -> str:
        """The scale as users write it: ``1-5``, ``-3..3``, ``0-100``."""
        low, high = _fmt(self.low), _fmt(self.high)
        return f"{low}..{high}" if self.low < 0 else f"{low}-{high}"

    @property
    def points(self) -> int:
        """Number of integer points on the scale."""
        return int(self.high - self.low) + 1

    @property
    def bipolar(self) -> bool:
        """True for scales centred on zero (−3..+3, −5..+5)."""
        return self.low < 0 < self.high and self.low == -self.high

    @property
    def top_box_threshold(self) -> float:
        """Lowest raw value in the top box: the top two points, or the top fifth of a long scale."""
        if self.points <= 11:
            return self.high - 1
        return self.high - 0.2 * (self.high - self.low)


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _number(x: float) -> int | float:
    """``x`` as :func:`_fmt` writes it, kept a number (a message writes it for its language)."""
    return int(x) if float(x).is_integer() else float(x)


KNOWN_SCALES: tuple[Scale, ...] = (
    Scale(1, 5),
    Scale(1, 7),
    Scale(1, 10),
    Scale(0, 10),
    Scale(-3, 3),
    Scale(-5, 5),
    Scale(0, 100),
)
"""The scales the product recognises, smallest first (detection picks the first that fits)."""

_SCALE_SPEC = re.compile(
    r"^\s*\(?\s*([+-−]?\d+(?:\.\d+)?)\s*(?:-|–|—|\.\.|to|a|hasta)\s*([+-−]?\d+(?:\.\d+)?)\s*\)?\s*$",
    re.IGNORECASE,
)
_SCALE_IN_TEXT = re.compile(
    r"(?<![\d.])([+-−]?\d{1,3})\s*(?:-|–|—|\.\.|to|a|al|hasta)\s*([+-−]?\d{1,3})(?![\d.])",
    re.IGNORECASE,
)


def parse_scale(spec: str | Scale) -> Scale:
    """Read a declared scale such as ``"1-5"``, ``"1–7"``, ``"-3..+3"``, ``"0 to 100"``.

    Raises
    ------
    ScaleError
        If the text is not a range, or the range is empty.

    Examples
    --------
    >>> parse_scale("-3..+3").name, parse_scale("1 to 7").points
    ('-3..3', 7)
    """
    if isinstance(spec, Scale):
        return spec
    match = _SCALE_SPEC.match(str(spec).replace("−", "-"))
    if not match:
        message = Message("scale.not_a_scale", spec=str(spec))
        raise ScaleError(message)
    low, high = (float(g.replace("−", "-")) for g in match.groups())
    if not low < high:
        raise ScaleError(Message("scale.empty", spec=str(spec)))
    return Scale(low, high)


def scale_from_text(text: str) -> Scale | None:
    """Find a known scale named in a question's text ("del 1 al 7", "(0-10)"), if any.

    Examples
    --------
    >>> scale_from_text("¿Qué probabilidad hay de que nos recomiende? (0-10)")
    Scale(low=0.0, high=10.0)
    >>> scale_from_text("How was delivery?") is None
    True
    """
    found = scale_in_text(text)
    return found[0] if found else None


def scale_in_text(text: str) -> tuple[Scale, str] | None:
    """The first known scale a text names, with the words that name it, if any.

    Examples
    --------
    >>> scale_in_text("¿Cómo valora la entrega? (del 1 al 7)")
    (Scale(low=1.0, high=7.0), '1 al 7')
    >>> scale_in_text("Emoción, de −3 a +3")[1]
    '−3 a +3'
    """
    original = str(text)
    for match in _SCALE_IN_TEXT.finditer(original.replace("−", "-")):
        low, high = (float(g) for g in match.groups())
        candidate = Scale(low, high)
        if candidate in KNOWN_SCALES:
            return candidate, original[match.start() : match.end()]
    return None


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


DONT_KNOW: frozenset[str] = frozenset(
    fold(t)
    for t in (
        "no sé",
        "no se",
        "ns",
        "ns/nc",
        "nsnc",
        "no sabe",
        "no contesta",
        "nc",
        "n/a",
        "na",
        "n.a.",
        "none",
        "don't know",
        "dont know",
        "do not know",
        "not applicable",
        "no aplica",
        "prefer not to say",
        "prefiero no contestar",
        "unfamiliar (n/a)",
        "-",
        "?",
        "sin respuesta",
        "no answer",
        "null",
    )
)
"""Answers that mean "no rating": they become missing values and a warning, not an error.

``nan`` is not among them: like ``inf`` it is a broken number, an error of its cell."""


def label_key(text: object) -> str:
    """A text answer as label sets compare it: :func:`fold`, punctuation read as spaces.

    Examples
    --------
    >>> label_key(" ¡Muy SATISFECHO! "), label_key("Neither favorably nor unfavorably (neutral)")
    ('muy satisfecho', 'neither favorably nor unfavorably neutral')
    """
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]|_", " ", fold(text))).strip()


@dataclass(frozen=True)
class LabelSet:
    """The answer labels of one kind of rating scale, worst to best, in one language.

    Attributes
    ----------
    kind : str
        What the scale rates: ``agreement``, ``satisfaction``, ``likelihood``, ``quality``,
        ``favourability``, ``importance`` or ``valence``.
    language : str
        ``en`` or ``es``.
    points : tuple of tuple of str
        One entry per scale point, worst first: the labels that name the point, the usual
        one first (``("De acuerdo", "Bastante de acuerdo")``). Labels compare by
        :func:`label_key` (accents, case, punctuation and surrounding spaces ignored).
    """

    kind: str
    language: str
    points: tuple[tuple[str, ...], ...]
    _index: dict[str, int] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        index: dict[str, int] = {}
        for position, names in enumerate(self.points):
            for name in names:
                key = label_key(name)
                if index.setdefault(key, position) != position:
                    message = Message("scale.label_twice", label=name, scale=self.name)
                    raise ScaleError(message)
        object.__setattr__(self, "_index", index)

    @property
    def size(self) -> int:
        """Number of points (5 or 7)."""
        return len(self.points)

    @property
    def labels(self) -> tuple[str, ...]:
        """The usual label of each point, worst first."""
        return tuple(names[0] for names in self.points)

    @property
    def name(self) -> str:
        """The set as messages name it: ``satisfaction, 5 points, Spanish``."""
        kind, language = Message(f"labels.kind.{self.kind}"), Message(f"language.{self.language}")
        return Message("labels.set", kind=kind, n=self.size, language=language)

    def position(self, label: object) -> int | None:
        """The point (0 = worst) a text answer names, or ``None`` if it is not in the set."""
        return self._index.get(label_key(label))

    def value(self, label: object, scale: Scale) -> float | None:
        """The point of ``scale`` a label stands for: the set spread evenly over the scale.

        Examples
        --------
        >>> s = match_label_set(["De acuerdo"])
        >>> s.value("Muy de acuerdo", Scale(1, 5)), s.value("de acuerdo", Scale(0, 10))
        (5.0, 7.5)
        """
        position = self.position(label)
        if position is None:
            return None
        share = position / (self.size - 1)
        return float(scale.low + share * (scale.high - scale.low))


def _es_feminine(*names: str) -> tuple[str, ...]:
    """Spanish labels with their feminine forms added (``Muy satisfecho`` → ``Muy satisfecha``)."""
    swaps = {
        "satisfecho": "satisfecha",
        "insatisfecho": "insatisfecha",
        "malo": "mala",
        "bueno": "buena",
        "pésimo": "pésima",
        "negativo": "negativa",
        "positivo": "positiva",
        "neutro": "neutra",
    }
    out = list(names)
    for name in names:
        feminine = " ".join(swaps.get(word.lower(), word) for word in name.split())
        if label_key(feminine) != label_key(name):
            out.append(feminine)
    return tuple(dict.fromkeys(out))


def _en_favour(*names: str) -> tuple[str, ...]:
    """English favourability labels in both spellings and as adverbs (``Very favorably``)."""
    out = []
    for name in names:
        for form in (name, name.replace("favorable", "favourable")):
            out += [form, form.replace("able", "ably")]
    return tuple(dict.fromkeys(out))


def _set(kind: str, language: str, *points: tuple[str, ...] | str) -> LabelSet:
    names = tuple((p,) if isinstance(p, str) else tuple(p) for p in points)
    if language == "es":
        names = tuple(_es_feminine(*p) for p in names)
    if kind == "favourability" and language == "en":
        names = tuple(_en_favour(*p) for p in names)
    return LabelSet(kind, language, names)


LABEL_SETS: tuple[LabelSet, ...] = (
    # --- agreement --------------------------------------------------------------------------
    _set(
        "agreement",
        "en",
        ("Strongly disagree", "Completely disagree", "Totally disagree"),
        ("Disagree", "Somewhat disagree", "Tend to disagree", "Mostly disagree"),
        ("Neither agree nor disagree", "Neither agree or disagree", "Neutral", "Undecided"),
        ("Agree", "Somewhat agree", "Tend to agree", "Mostly agree"),
        ("Strongly agree", "Completely agree", "Totally agree"),
    ),
    _set(
        "agreement",
        "en",
        ("Strongly disagree", "Completely disagree", "Totally disagree"),
        ("Disagree", "Moderately disagree"),
        ("Somewhat disagree", "Slightly disagree"),
        ("Neither agree nor disagree", "Neither agree or disagree", "Neutral", "Undecided"),
        ("Somewhat agree", "Slightly agree"),
        ("Agree", "Moderately agree"),
        ("Strongly agree", "Completely agree", "Totally agree"),
    ),
    _set(
        "agreement",
        "es",
        ("Totalmente en desacuerdo", "Muy en desacuerdo", "Completamente en desacuerdo"),
        ("En desacuerdo", "Algo en desacuerdo"),
        (
            "Ni de acuerdo ni en desacuerdo",
            "Ni de acuerdo ni desacuerdo",
            "Ni acuerdo ni desacuerdo",
            "Neutral",
            "Neutro",
            "Indiferente",
        ),
        ("De acuerdo",),
        ("Totalmente de acuerdo", "Muy de acuerdo", "Completamente de acuerdo"),
    ),
    _set(
        "agreement",
        "es",
        ("Nada de acuerdo",),
        ("Poco de acuerdo",),
        ("Algo de acuerdo", "Medianamente de acuerdo"),
        ("Bastante de acuerdo",),
        ("Muy de acuerdo", "Totalmente de acuerdo", "Completamente de acuerdo"),
    ),
    _set(
        "agreement",
        "es",
        ("Totalmente en desacuerdo", "Completamente en desacuerdo", "Muy en desacuerdo"),
        ("En desacuerdo", "Bastante en desacuerdo"),
        ("Algo en desacuerdo", "Ligeramente en desacuerdo", "Un poco en desacuerdo"),
        ("Ni de acuerdo ni en desacuerdo", "Ni de acuerdo ni desacuerdo", "Neutral", "Neutro"),
        ("Algo de acuerdo", "Ligeramente de acuerdo", "Un poco de acuerdo"),
        ("De acuerdo", "Bastante de acuerdo"),
        ("Totalmente de acuerdo", "Completamente de acuerdo", "Muy de acuerdo"),
    ),
    # --- satisfaction -----------------------------------------------------------------------
    _set(
        "satisfaction",
        "en",
        ("Very dissatisfied", "Extremely dissatisfied", "Completely dissatisfied"),
        ("Dissatisfied", "Somewhat dissatisfied", "Unsatisfied"),
        (
            "Neither satisfied nor dissatisfied",
            "Neither satisfied or dissatisfied",
            "Neutral",
        ),
        ("Satisfied", "Somewhat satisfied"),
        ("Very satisfied", "Extremely satisfied", "Completely satisfied"),
    ),
    _set(
        "satisfaction",
        "en",
        ("Extremely dissatisfied", "Completely dissatisfied"),
        ("Very dissatisfied", "Moderately dissatisfied"),
        ("Somewhat dissatisfied", "Slightly dissatisfied"),
        ("Neither satisfied nor dissatisfied", "Neither satisfied or dissatisfied", "Neutral"),
        ("Somewhat satisfied", "Slightly satisfied"),
        ("Very satisfied", "Moderately satisfied"),
        ("Extremely satisfied", "Completely satisfied"),
    ),
    _set(
        "satisfaction",
        "en",
        ("Very dissatisfied",),
        ("Dissatisfied",),
        ("Somewhat dissatisfied", "Slightly dissatisfied"),
        ("Neither satisfied nor dissatisfied", "Neither satisfied or dissatisfied", "Neutral"),
        ("Somewhat satisfied", "Slightly satisfied"),
        ("Satisfied",),
        ("Very satisfied",),
    ),
    _set(
        "satisfaction",
        "es",
        ("Muy insatisfecho", "Totalmente insatisfecho", "Nada satisfecho"),
        ("Insatisfecho", "Algo insatisfecho", "Poco satisfecho"),
        ("Ni satisfecho ni insatisfecho", "Neutral", "Neutro", "Indiferente"),
        ("Satisfecho", "Algo satisfecho", "Bastante satisfecho"),
        ("Muy satisfecho", "Totalmente satisfecho", "Completamente satisfecho"),
    ),
    _set(
        "satisfaction",
        "es",
        ("Totalmente insatisfecho", "Completamente insatisfecho", "Extremadamente insatisfecho"),
        ("Muy insatisfecho", "Bastante insatisfecho"),
        ("Algo insatisfecho", "Ligeramente insatisfecho", "Poco insatisfecho"),
        ("Ni satisfecho ni insatisfecho", "Neutral", "Neutro", "Indiferente"),
        ("Algo satisfecho", "Ligeramente satisfecho"),
        ("Muy satisfecho", "Bastante satisfecho"),
        ("Totalmente satisfecho", "Completamente satisfecho", "Extremadamente satisfecho"),
    ),
    _set(
        "satisfaction",
        "es",
        ("Muy insatisfecho",),
        ("Insatisfecho",),
        ("Algo insatisfecho", "Ligeramente insatisfecho"),
        ("Ni satisfecho ni insatisfecho", "Neutral", "Neutro", "Indiferente"),
        ("Algo satisfecho", "Ligeramente satisfecho"),
        ("Satisfecho",),
        ("Muy satisfecho",),
    ),
    # --- likelihood -------------------------------------------------------------------------
    _set(
        "likelihood",
        "en",
        ("Very unlikely", "Extremely unlikely", "Highly unlikely", "Not at all likely"),
        ("Unlikely", "Somewhat unlikely", "Not very likely", "Not so likely"),
        ("Neither likely nor unlikely", "Neither likely or unlikely", "Neutral", "Unsure"),
        ("Likely", "Somewhat likely", "Fairly likely"),
        ("Very likely", "Extremely likely", "Highly likely"),
    ),
    _set(
        "likelihood",
        "en",
        ("Not at all likely",),
        ("Slightly likely", "Not very likely"),
        ("Moderately likely", "Somewhat likely"),
        ("Very likely",),
        ("Extremely likely",),
    ),
    _set(
        "likelihood",
        "en",
        ("Extremely unlikely", "Very unlikely", "Not at all likely"),
        ("Moderately unlikely", "Unlikely"),
        ("Slightly unlikely", "Somewhat unlikely"),
        ("Neither likely nor unlikely", "Neither likely or unlikely", "Neutral", "Unsure"),
        ("Slightly likely", "Somewhat likely"),
        ("Moderately likely", "Likely"),
        ("Extremely likely", "Very likely"),
    ),
    _set(
        "likelihood",
        "es",
        ("Muy improbable", "Nada probable", "Totalmente improbable"),
        ("Improbable", "Poco probable"),
        ("Ni probable ni improbable", "Neutral", "Indiferente", "No estoy seguro"),
        ("Probable", "Bastante probable"),
        ("Muy probable", "Totalmente probable", "Extremadamente probable"),
    ),
    _set(
        "likelihood",
        "es",
        ("Nada probable",),
        ("Poco probable",),
        ("Algo probable", "Moderadamente probable"),
        ("Bastante probable",),
        ("Muy probable", "Extremadamente probable"),
    ),
    _set(
        "likelihood",
        "es",
        ("Totalmente improbable", "Extremadamente improbable", "Nada probable"),
        ("Muy improbable", "Improbable"),
        ("Algo improbable", "Poco probable", "Ligeramente improbable"),
        ("Ni probable ni improbable", "Neutral", "Indiferente"),
        ("Algo probable", "Ligeramente probable"),
        ("Muy probable", "Probable", "Bastante probable"),
        ("Totalmente probable", "Extremadamente probable"),
    ),
    # --- quality ----------------------------------------------------------------------------
    _set(
        "quality",
        "en",
        ("Very poor", "Terrible", "Awful"),
        ("Poor",),
        ("Fair", "Average"),
        ("Good",),
        ("Excellent", "Very good"),
    ),
    _set(
        "quality",
        "en",
        ("Poor",),
        ("Fair",),
        ("Good",),
        ("Very good",),
        ("Excellent",),
    ),
    _set(
        "quality",
        "en",
        ("Very bad",),
        ("Bad",),
        ("Neither good nor bad", "Neither good or bad", "Okay", "OK"),
        ("Good",),
        ("Very good",),
    ),
    _set(
        "quality",
        "en",
        ("Terrible", "Awful"),
        ("Very poor",),
        ("Poor",),
        ("Fair", "Average"),
        ("Good",),
        ("Very good",),
        ("Excellent",),
    ),
    _set(
        "quality",
        "es",
        ("Muy malo", "Pésimo"),
        ("Malo",),
        ("Regular", "Ni bueno ni malo", "Normal"),
        ("Bueno",),
        ("Muy bueno", "Excelente"),
    ),
    _set(
        "quality",
        "es",
        ("Malo",),
        ("Regular",),
        ("Bueno",),
        ("Muy bueno",),
        ("Excelente",),
    ),
    _set(
        "quality",
        "es",
        ("Pésimo",),
        ("Muy malo",),
        ("Malo",),
        ("Regular", "Ni bueno ni malo", "Normal"),
        ("Bueno",),
        ("Muy bueno",),
        ("Excelente",),
    ),
    # --- favourability ----------------------------------------------------------------------
    _set(
        "favourability",
        "en",
        ("Very unfavorable",),
        ("Unfavorable", "Somewhat unfavorable", "Mostly unfavorable"),
        (
            "Neither favorable nor unfavorable",
            "Neither favorable nor unfavorable (neutral)",
            "Neither favorable or unfavorable",
            "Neutral",
        ),
        ("Favorable", "Somewhat favorable", "Mostly favorable"),
        ("Very favorable",),
    ),
    _set(
        "favourability",
        "en",
        ("Very unfavorable",),
        ("Unfavorable", "Moderately unfavorable"),
        ("Somewhat unfavorable", "Slightly unfavorable"),
        ("Neither favorable nor unfavorable", "Neither favorable or unfavorable", "Neutral"),
        ("Somewhat favorable", "Slightly favorable"),
        ("Favorable", "Moderately favorable"),
        ("Very favorable",),
    ),
    _set(
        "favourability",
        "es",
        ("Muy desfavorable",),
        ("Desfavorable", "Algo desfavorable"),
        ("Ni favorable ni desfavorable", "Neutral", "Neutro", "Indiferente"),
        ("Favorable", "Algo favorable"),
        ("Muy favorable",),
    ),
    _set(
        "favourability",
        "es",
        ("Muy desfavorable",),
        ("Desfavorable", "Bastante desfavorable"),
        ("Algo desfavorable", "Ligeramente desfavorable"),
        ("Ni favorable ni desfavorable", "Neutral", "Neutro", "Indiferente"),
        ("Algo favorable", "Ligeramente favorable"),
        ("Favorable", "Bastante favorable"),
        ("Muy favorable",),
    ),
    # --- importance -------------------------------------------------------------------------
    _set(
        "importance",
        "en",
        ("Not at all important", "Not important"),
        ("Slightly important", "Of little importance"),
        ("Moderately important", "Somewhat important"),
        ("Very important", "Important"),
        ("Extremely important",),
    ),
    _set(
        "importance",
        "es",
        ("Nada importante", "Sin importancia"),
        ("Poco importante",),
        ("Algo importante", "Moderadamente importante"),
        ("Bastante importante", "Importante"),
        ("Muy importante", "Extremadamente importante"),
    ),
    # --- valence (emotion) ------------------------------------------------------------------
    _set(
        "valence",
        "en",
        ("Very negative",),
        ("Negative",),
        ("Neutral",),
        ("Positive",),
        ("Very positive",),
    ),
    _set(
        "valence",
        "es",
        ("Muy negativo",),
        ("Negativo",),
        ("Neutro", "Neutral"),
        ("Positivo",),
        ("Muy positivo",),
    ),
)
"""The label sets the product understands, in order of preference when two fit equally.

5- and 7-point agreement, satisfaction, likelihood, quality, favourability (5 and 7) and
importance and valence (5), in English and Spanish, with their common variants (Qualtrics'
"Somewhat agree", SurveyMonkey's "Very favorably", "Ni de acuerdo ni en desacuerdo", Spanish
feminine forms). :func:`match_label_set` picks the set of a column's answers."""


def match_label_set(texts: Iterable[object], *, points: int | None = None) -> LabelSet | None:
    """The label set a column's text answers come from, or ``None`` when none is a label.

    The set holding the most of the distinct answers wins, as long as no two of them name one
    point (``Agree`` and ``Somewhat agree`` together are the 7-point set, not the 5-point one
    where they are alternatives); among sets holding as many, one of ``points`` points (the
    declared scale's) comes first, then the shorter set, then :data:`LABEL_SETS` order.

    Parameters
    ----------
    texts : iterable
        The column's text answers (numbers and don't-know answers among them are ignored).
    points : int, optional
        Points of the scale the column is read on, when it is known.

    Returns
    -------
    LabelSet or None

    Examples
    --------
    >>> match_label_set(["Muy satisfecho", "Ni satisfecho ni insatisfecho"]).name
    'satisfaction, 5 points, Spanish'
    >>> match_label_set(["Agree", "Somewhat agree"]).size
    7
    >>> match_label_set(["bien", "mal"]) is None
    True
    """
    keys = {label_key(text) for text in texts} - {""}
    best: tuple[tuple, LabelSet] | None = None
    for order, candidate in enumerate(LABEL_SETS):
        positions = [candidate._index[k] for k in keys if k in candidate._index]
        if not positions:
            continue
        rank = (
            len(set(positions)) < len(positions),  # two answers on one point: a poor fit
            -len(positions),
            points is not None and candidate.size != points,
            candidate.size,
            order,
        )
        if best is None or rank < best[0]:
            best = (rank, candidate)
    return None if best is None else best[1]


_LEADING_NUMBER = re.compile(r"^\s*([+-]?\d+(?:[.,]\d+)?)\s*[-–:=.)]\s*\D")


def answer_texts(values: pd.Series | np.ndarray | Iterable[object]) -> tuple[str, ...]:
    """The distinct text answers of a column that could be scale labels.

    Left out: numbers (``4``, ``"4,5"``), numbered labels (``"5 - Very satisfied"``, read as
    their number), don't-know answers and empty cells. A numeric column has none.

    Examples
    --------
    >>> answer_texts(pd.Series(["4", "Muy bueno", "no sé", "5 - Bueno", None, "Muy bueno"]))
    ('Muy bueno',)
    """
    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    if pd.api.types.is_numeric_dtype(series.dtype) or pd.api.types.is_bool_dtype(series.dtype):
        return ()
    out = []
    for raw in pd.unique(series.dropna()):
        text = str(raw).strip()
        if not text or fold(text) in DONT_KNOW or _LEADING_NUMBER.match(text):
            continue
        if not pd.isna(pd.to_numeric(text.replace(",", "."), errors="coerce")):
            continue
        out.append(text)
    return tuple(out)


def label_value(label: object, scale: Scale, *, labels: LabelSet | None = None) -> float | None:
    """The scale point a text label stands for, or ``None`` if it is not a known label.

    A label set of k labels is spread evenly over the scale: the worst label is ``low``, the
    best ``high``. Without ``labels``, the first set of :data:`LABEL_SETS` holding the label
    is used (a column's answers are better read with :func:`match_label_set`).

    Examples
    --------
    >>> label_value("Muy satisfecho", Scale(1, 5)), label_value("Neutral", Scale(1, 7))
    (5.0, 4.0)
    """
    if labels is not None:
        return labels.value(label, scale)
    for candidate in LABEL_SETS:
        value = candidate.value(label, scale)
        if value is not None:
            return value
    return None


STATUSES: tuple[str, ...] = (
    "ok",
    "missing",
    "dont_know",
    "label",
    "not_a_number",
    "out_of_scale",
    "unknown_label",
)
"""What :func:`parse_ratings` found in a cell; ``ParsedColumn.status`` holds their indices."""
OK, MISSING, DONT_KNOW_ANSWER, LABEL, NOT_A_NUMBER, OUT_OF_SCALE, UNKNOWN_LABEL = range(
    len(STATUSES)
)


@dataclass(frozen=True)
class ParsedColumn:
    """A rating column read onto its scale.

    ``values`` holds the raw scale points (NaN where missing or unusable); ``status`` holds,
    per cell, an index into :data:`STATUSES`: ``ok``, ``missing`` (empty), ``dont_know``,
    ``label`` (mapped from text), ``not_a_number``, ``out_of_scale`` or ``unknown_label``
    (text that is not a label of the set the column's answers use).
    """

    values: np.ndarray
    status: np.ndarray

    def status_names(self) -> list[str]:
        """The status of every cell, by name."""
        return [STATUSES[s] for s in self.status]


def parse_ratings(
    column: pd.Series, scale: Scale, *, labels: LabelSet | None = None
) -> ParsedColumn:
    """Turn a column of answers into scale points, classifying every cell.

    Numbers on the scale are kept; numbers off it, and text that is neither a scale label nor
    a don't-know answer, become NaN with a status the validation report explains. A
    non-finite number (``inf``, ``-inf``, ``1e309``, ``nan`` written out) is ``not_a_number``:
    that cell is left out, the rest of the column is kept.
    Text is judged once per distinct value, so long columns stay fast.

    With ``labels`` (the set :func:`match_label_set` found for the column), text answers are
    read as that set's points spread over ``scale``, and any other text is ``unknown_label``;
    without it each label is looked up in every set (:func:`label_value`) and other text is
    ``not_a_number``.

    Examples
    --------
    >>> p = parse_ratings(pd.Series([1, "5", "no sé", "Muy satisfecho", 9, "bien", None]),
    ...                   Scale(1, 5))
    >>> p.values.tolist()[:4], p.status_names()[2:]
    ([1.0, 5.0, nan, 5.0], ['dont_know', 'label', 'out_of_scale', 'not_a_number', 'missing'])
    >>> agree = match_label_set(["De acuerdo"])
    >>> parse_ratings(pd.Series(["Muy de acuerdo", "Bastante"]), Scale(1, 5),
    ...               labels=agree).status_names()
    ['label', 'unknown_label']
    """
    if pd.api.types.is_numeric_dtype(column.dtype) and not pd.api.types.is_bool_dtype(column):
        values = column.to_numpy(dtype="float64", na_value=np.nan)
        status = np.isnan(values).astype(np.int8)  # OK = 0, MISSING = 1
        status[np.isinf(values)] = NOT_A_NUMBER  # 1e309, inf: a broken cell, not a rating
    else:
        values, status = _parse_text_column(column, scale, labels)
    off = (values < scale.low) | (values > scale.high)
    off &= status == OK
    status[off] = OUT_OF_SCALE
    usable = (status == OK) | (status == LABEL)
    if not usable.all():
        values = np.where(usable, values, np.nan)
    return ParsedColumn(values, status)


def _parse_text_column(
    column: pd.Series, scale: Scale, labels: LabelSet | None
) -> tuple[np.ndarray, np.ndarray]:
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    # The NA sentinel (-1) indexes the extra last slot: a missing cell.
    unique_values = np.full(len(uniques) + 1, np.nan)
    unique_status = np.full(len(uniques) + 1, MISSING, dtype=np.int8)
    for i, raw in enumerate(uniques):
        unique_values[i], unique_status[i] = _parse_cell(raw, scale, labels)
    return unique_values[codes], unique_status[codes]


def _parse_cell(raw: object, scale: Scale, labels: LabelSet | None) -> tuple[float, int]:
    text = str(raw).strip()
    if text == "":
        return np.nan, MISSING
    number = pd.to_numeric(text.replace(",", "."), errors="coerce")
    if not pd.isna(number):
        number = float(number)
        return (number, OK) if np.isfinite(number) else (np.nan, NOT_A_NUMBER)
    key = fold(text)
    if key in DONT_KNOW:
        return np.nan, DONT_KNOW_ANSWER
    point = label_value(text, scale, labels=labels)
    if point is not None:
        return point, LABEL
    leading = _LEADING_NUMBER.match(text)
    if leading:  # "5 - Very satisfied", "1 = Nada"
        return float(leading.group(1).replace(",", ".")), OK
    return np.nan, NOT_A_NUMBER if labels is None else UNKNOWN_LABEL


def normalise(
    values: pd.Series | np.ndarray,
    scale: Scale,
    *,
    emotion: bool = False,
    reverse: bool = False,
) -> np.ndarray:
    """Put raw scale points on the product's common scale.

    Utilities go to 0–100: ``100 · (x − low) / (high − low)``. Emotion goes to −100..+100
    with 0 neutral: a bipolar scale (−3..+3) by ``100 · x / high``, a unipolar one by
    ``200 · (x − low) / (high − low) − 100`` (its midpoint is taken as neutral). A
    reverse-coded item is flipped first: ``x' = low + high − x``. NaN stays NaN.

    Examples
    --------
    >>> normalise(np.array([1, 4, 7]), Scale(1, 7)).tolist()
    [0.0, 50.0, 100.0]
    >>> normalise(np.array([-3, 0, 2]), Scale(-3, 3), emotion=True).round(2).tolist()
    [-100.0, 0.0, 66.67]
    >>> normalise(np.array([1, 2]), Scale(1, 5), reverse=True).tolist()
    [100.0, 75.0]
    """
    x = np.asarray(values, dtype="float64")
    if reverse:
        x = scale.low + scale.high - x
    span = scale.high - scale.low
    if not emotion:
        return 100.0 * (x - scale.low) / span
    if scale.bipolar:
        return 100.0 * x / scale.high
    return 200.0 * (x - scale.low) / span - 100.0


def top_box(values: np.ndarray, scale: Scale, *, reverse: bool = False) -> np.ndarray:
    """True where a raw answer is in the top box (top two points) of its scale."""
    x = np.asarray(values, dtype="float64")
    if reverse:
        x = scale.low + scale.high - x
    return np.greater_equal(
        x, scale.top_box_threshold, where=~np.isnan(x), out=np.zeros(x.shape, dtype=bool)
    )
