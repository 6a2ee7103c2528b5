"""Scale labels ("Muy satisfecho", "Strongly agree"): the label sets we know, EN/ES."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from mot._text import fold
from mot.errors import ScaleError
from mot.messages import Message
from mot.rating_scales import Scale

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


LEADING_NUMBER = re.compile(r"^\s*([+-]?\d+(?:[.,]\d+)?)\s*[-–:=.)]\s*\D")
"""An answer that starts with its scale point ("5 - Very satisfied", "1 = Nada"): group 1."""


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
        if not text or fold(text) in DONT_KNOW or LEADING_NUMBER.match(text):
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
