"""Rating scales: detection, text labels, normalisation to one scale.

Surveys rate on 1–5, 1–7, 1–10, 0–10, −3..+3, −5..+5 or 0–100. Every analysis works on one
scale: utilities on 0–100, emotion on −100..+100 with 0 neutral. A scale is declared, or
inferred (:func:`infer_scale`) from a column's question text ("on a scale from 1 to 7"), its
value labels, then the values it holds; the inference always carries its evidence
(:class:`ScaleGuess`), a few outliers are off-scale cells rather than proof of a longer scale,
and values that stop short of a scale's ends are flagged for confirmation.
Text answers that are scale labels ("Muy satisfecho", "Very dissatisfied") map to points of
the declared scale; don't-know answers ("no sé", "N/A") are missing values, not errors.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from mot.errors import ScaleError


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
        message = f"`{spec}` is not a scale. Write it as low-high, e.g. 1-5, 0-10, -3..3 or 0-100."
        raise ScaleError(message)
    low, high = (float(g.replace("−", "-")) for g in match.groups())
    if not low < high:
        raise ScaleError(f"The scale `{spec}` is empty: its low end must be below its high end.")
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
) -> Scale | None:
    """Detect the scale of a rating column: :func:`infer_scale`, without its evidence.

    Returns ``None`` when no known scale holds the values.

    Examples
    --------
    >>> detect_scale(pd.Series([1, 3, 7])).name
    '1-7'
    >>> detect_scale(pd.Series([0, 4, 9])).name, detect_scale(pd.Series([-2, 1])).name
    ('0-10', '-3..3')
    """
    return infer_scale(values, question=question, value_labels=value_labels).scale


EVIDENCE: tuple[str, ...] = ("question", "value_labels", "values", "default", "none")
"""Where a scale came from, strongest first; ``none`` when no known scale holds the values."""

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
    """

    scale: Scale | None
    evidence: str
    n: int = 0
    n_off: int = 0
    low: float | None = None
    high: float | None = None
    also_fit: tuple[Scale, ...] = ()
    like: tuple[str, ...] = ()

    @property
    def firm(self) -> bool:
        """True when the evidence is strong on its own: stated, or values reaching both ends."""
        return self.evidence in ("question", "value_labels") or (
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

    def explain(self) -> str:
        """The evidence in plain English, e.g. ``1-5, read from the values (1 to 5)``.

        Examples
        --------
        >>> print(infer_scale(pd.Series([3, 4, 5])).explain())  # doctest: +NORMALIZE_WHITESPACE
        1-5 assumed from the values, which only span 3 to 5 and do not reach both ends of
        1-5; 1-7, 1-10, 0-10, -5..5 also hold them
        """
        if self.scale is None:
            return "no known scale holds the values"
        name = self.scale.name
        if self.evidence == "question":
            return f"{name}, named in the question text"
        if self.evidence == "value_labels":
            return f"{name}, from the value labels of the file"
        span = f"{_fmt(self.low)} to {_fmt(self.high)}" if self.low is not None else "no values"
        if self.evidence == "default" and self.scale == Scale(0, 10):
            return f"{name}, the scale of likelihood to recommend (values {span})"
        if self.evidence == "default":
            return f"{name}, as no known scale holds the values ({span})"
        if self.n_off:
            return (
                f"{name}, read from the values: {self.n - self.n_off} of {self.n} lie on "
                f"{name} and reach both ends; the {self.n_off} value(s) off it are reported "
                "as errors, cell by cell"
            )
        if self.reaches_ends or not self.also_fit:
            return f"{name}, read from the values ({span})"
        others = ", ".join(s.name for s in self.also_fit)
        if self.like:
            siblings = ", ".join(f"`{m}`" for m in self.like)
            return (
                f"{name} assumed from the values ({span}, not reaching both ends) because "
                f"{siblings} in the same file are firmly on {name}; {others} also hold them"
            )
        return (
            f"{name} assumed from the values, which only span {span} and do not reach both "
            f"ends of {name}; {others} also hold them"
        )


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

    def problem(self) -> str:
        """The assumption as a report entry states it.

        Examples
        --------
        >>> a = ScaleAssumption("experienced", ("FMOT_experienced",), infer_scale([3, 4, 5]))
        >>> a.problem()[:62]
        'Scale of `experienced` (FMOT_experienced): 1-5 assumed from th'
        """
        shown = ", ".join(self.columns[:4]) + (" …" if len(self.columns) > 4 else "")
        return f"Scale of `{self.target}` ({shown}): {self.guess.explain()}."

    def fix(self) -> str:
        """What to do about it: confirm the scale where it is ambiguous, else check it."""
        where = (
            f"choose it under “{SCALE_PANEL}” on the Data page, or declare it in the "
            "mapping's `scale` column"
        )
        if self.guess.needs_confirmation:
            return f"Confirm the scale: {where}."
        return f"If the scale is another one, {where}."


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
) -> ScaleGuess:
    """Infer the scale of a column (or of all the columns of a measure), with its evidence.

    Evidence is weighed in this order:

    1. the question text names a known scale ("(1-7)", "del 1 al 7", "from 0 to 10");
    2. the value labels (SPSS) run from one end of a known scale to the other;
    3. the values. Non-finite numbers (``inf``, ``1e309``, ``nan``) are ignored here (each
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
        The answers; text that is not a number is ignored.
    question : str, optional
        The column's question text.
    value_labels : dict, optional
        The column's value labels, code → label.

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
    """
    stated = stated_scale(question=question, value_labels=value_labels)
    if stated is not None:
        return stated
    numbers = pd.to_numeric(pd.Series(values), errors="coerce").to_numpy(
        dtype="float64", na_value=np.nan
    )
    numbers = numbers[np.isfinite(numbers)]
    if numbers.size == 0:
        return ScaleGuess(None, "none")
    return _scale_from_values(numbers)


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


def fold(text: object) -> str:
    """Lower-case, accent-free, single-spaced text for matching labels and names.

    Examples
    --------
    >>> fold("  Muy  SATISFECHO ")
    'muy satisfecho'
    >>> fold("Emoción")
    'emocion'
    """
    decomposed = unicodedata.normalize("NFKD", str(text))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", stripped).strip().lower()


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

# Ordered label sets (worst to best), English and Spanish; a label's position maps to a scale
# point of the declared scale.
LABEL_SETS: tuple[tuple[str, ...], ...] = (
    ("very dissatisfied", "dissatisfied", "neutral", "satisfied", "very satisfied"),
    ("muy insatisfecho", "insatisfecho", "neutral", "satisfecho", "muy satisfecho"),
    ("strongly disagree", "disagree", "neither agree nor disagree", "agree", "strongly agree"),
    (
        "totalmente en desacuerdo",
        "en desacuerdo",
        "ni de acuerdo ni en desacuerdo",
        "de acuerdo",
        "totalmente de acuerdo",
    ),
    ("very poor", "poor", "fair", "good", "excellent"),
    ("muy malo", "malo", "regular", "bueno", "muy bueno"),
    ("very bad", "bad", "neither good nor bad", "good", "very good"),
    ("very unlikely", "unlikely", "neither likely nor unlikely", "likely", "very likely"),
    ("muy improbable", "improbable", "ni probable ni improbable", "probable", "muy probable"),
    ("very negative", "negative", "neutral", "positive", "very positive"),
    ("muy negativa", "negativa", "neutra", "positiva", "muy positiva"),
    (
        "extremely dissatisfied",
        "very dissatisfied",
        "somewhat dissatisfied",
        "neutral",
        "somewhat satisfied",
        "very satisfied",
        "extremely satisfied",
    ),
    (
        "totalmente insatisfecho",
        "muy insatisfecho",
        "algo insatisfecho",
        "neutral",
        "algo satisfecho",
        "muy satisfecho",
        "totalmente satisfecho",
    ),
)


def label_value(label: object, scale: Scale) -> float | None:
    """The scale point a text label stands for, or ``None`` if it is not a known label.

    A label set of k labels is spread evenly over the scale: the worst label is ``low``, the
    best ``high``.

    Examples
    --------
    >>> label_value("Muy satisfecho", Scale(1, 5)), label_value("Neutral", Scale(1, 7))
    (5.0, 4.0)
    """
    key = fold(label)
    for labels in LABEL_SETS:
        if key in labels:
            position = labels.index(key) / (len(labels) - 1)
            return float(scale.low + position * (scale.high - scale.low))
    return None


STATUSES: tuple[str, ...] = (
    "ok",
    "missing",
    "dont_know",
    "label",
    "not_a_number",
    "out_of_scale",
)
"""What :func:`parse_ratings` found in a cell; ``ParsedColumn.status`` holds their indices."""
OK, MISSING, DONT_KNOW_ANSWER, LABEL, NOT_A_NUMBER, OUT_OF_SCALE = range(len(STATUSES))


@dataclass(frozen=True)
class ParsedColumn:
    """A rating column read onto its scale.

    ``values`` holds the raw scale points (NaN where missing or unusable); ``status`` holds,
    per cell, an index into :data:`STATUSES`: ``ok``, ``missing`` (empty), ``dont_know``,
    ``label`` (mapped from text), ``not_a_number`` or ``out_of_scale``.
    """

    values: np.ndarray
    status: np.ndarray

    def status_names(self) -> list[str]:
        """The status of every cell, by name."""
        return [STATUSES[s] for s in self.status]


def parse_ratings(column: pd.Series, scale: Scale) -> ParsedColumn:
    """Turn a column of answers into scale points, classifying every cell.

    Numbers on the scale are kept; numbers off it, and text that is neither a scale label nor
    a don't-know answer, become NaN with a status the validation report explains. A
    non-finite number (``inf``, ``-inf``, ``1e309``, ``nan`` written out) is ``not_a_number``:
    that cell is left out, the rest of the column is kept.
    Text is judged once per distinct value, so long columns stay fast.

    Examples
    --------
    >>> p = parse_ratings(pd.Series([1, "5", "no sé", "Muy satisfecho", 9, "bien", None]),
    ...                   Scale(1, 5))
    >>> p.values.tolist()[:4], p.status_names()[2:]
    ([1.0, 5.0, nan, 5.0], ['dont_know', 'label', 'out_of_scale', 'not_a_number', 'missing'])
    """
    if pd.api.types.is_numeric_dtype(column.dtype) and not pd.api.types.is_bool_dtype(column):
        values = column.to_numpy(dtype="float64", na_value=np.nan)
        status = np.isnan(values).astype(np.int8)  # OK = 0, MISSING = 1
        status[np.isinf(values)] = NOT_A_NUMBER  # 1e309, inf: a broken cell, not a rating
    else:
        values, status = _parse_text_column(column, scale)
    off = (values < scale.low) | (values > scale.high)
    off &= status == OK
    status[off] = OUT_OF_SCALE
    usable = (status == OK) | (status == LABEL)
    if not usable.all():
        values = np.where(usable, values, np.nan)
    return ParsedColumn(values, status)


def _parse_text_column(column: pd.Series, scale: Scale) -> tuple[np.ndarray, np.ndarray]:
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    # The NA sentinel (-1) indexes the extra last slot: a missing cell.
    unique_values = np.full(len(uniques) + 1, np.nan)
    unique_status = np.full(len(uniques) + 1, MISSING, dtype=np.int8)
    for i, raw in enumerate(uniques):
        unique_values[i], unique_status[i] = _parse_cell(raw, scale)
    return unique_values[codes], unique_status[codes]


def _parse_cell(raw: object, scale: Scale) -> tuple[float, int]:
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
    point = label_value(text, scale)
    if point is not None:
        return point, LABEL
    leading = re.match(r"^\s*([+-]?\d+(?:[.,]\d+)?)\s*[-–:=.)]\s*\D", text)
    if leading:  # "5 - Very satisfied", "1 = Nada"
        return float(leading.group(1).replace(",", ".")), OK
    return np.nan, NOT_A_NUMBER


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
