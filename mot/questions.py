"""A column's mapping suggested from its question text: touchpoint, measure, scale and why.

Survey tools name columns ``Q5_1``, ``Q12`` or by the whole question. The question text
(:attr:`mot.io.RawTable.labels`: Qualtrics' second header row, SurveyMonkey's header rows,
SPSS variable labels; in a Forms export the header is the question itself) says what the
column rates, in English or Spanish:

- the **touchpoint** from the journey's labels and ids, the keywords of the standard moments
  (:data:`mot.journey.QUESTION_KEYWORDS`: "entrega", "delivery", "página del producto"…;
  the weaker :data:`mot.journey.QUESTION_HINTS`: "tienda", "product"…) for the one
  touchpoint tagged with each moment, and the event keywords a user gave a touchpoint;
- the **measure** from the wording (:data:`MEASURE_WORDING`: "¿qué esperaba…?" is
  anticipated, "how satisfied were you…" experienced, "¿cómo lo recuerda…?"
  retrospective, "what would be excellent…" excellent, "how did you feel…" emotion, "how
  important…" importance);
- the **scale** from the text ("(1-7)", "del 1 al 5", "0-10") or the value labels
  (:func:`mot.scales.stated_scale`), else from the answers.

Text is compared folded (:func:`mot.scales.fold`: case and accents ignored), word by word;
a keyword ending in ``*`` takes any ending. Scale anchors ("1 = nada satisfecho") are not
wording. In a matrix item (``"stem - item"``, as Qualtrics and SurveyMonkey write it) the
item names the touchpoint when it names one. A touchpoint named after "of your", "after
the", "de su", "del", "tras la"… ("the delivery *of your order*"), or as what is shared
("compartir *su compra*"), counts half: it qualifies the subject rather than being it.

Each suggestion carries its :class:`Evidence` (the words matched, as the question writes
them) and a confidence, by this rule:

- **high**: one touchpoint named by a keyword, label or id, and one measure (the wording of
  an experienced rating, "satisfied", "rate"…, may come with one specific measure:
  "looking back, how satisfied…" is retrospective);
- **medium**: one hedge: the touchpoint is named only by a generic word (a hint), another
  touchpoint is named too and scores more than a quarter but at most half as much (each
  keyword, label or id scores 2, a hint 1, halved after "of your"…), or the wording names
  two specific measures (the first of :data:`MEASURE_PRECEDENCE` is taken);
- **low**: two hedges, another touchpoint scoring more than half as much, no touchpoint, or
  no measure wording.

A question with the wording of an outcome and no keyword of a touchpoint suggests the
outcome: recommending ("¿nos recomendaría?", unless it rates how recommending felt…),
buying again ("¿volvería a comprar?"), or an overall satisfied or remembered rating
("overall, how satisfied…").

High and medium suggestions are applied; a low one is shown, not applied
(:func:`mot.mapping.suggest_mapping`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from mot._text import comma_list, fold
from mot.journey import (
    DEFAULT_EVENT_KEYWORDS,
    MOMENT_KEYS,
    QUESTION_HINTS,
    QUESTION_KEYWORDS,
    Journey,
)
from mot.scales import DONT_KNOW, match_label_set, scale_in_text, stated_scale

CONFIDENCES: tuple[str, ...] = ("high", "medium", "low")
"""Confidence of a suggestion, surest first; ``high`` and ``medium`` are applied."""

SCALE_SOURCES: tuple[str, ...] = ("question", "value_labels", "answer_labels", "values")
"""Where a suggested scale comes from: the question's text, its value labels, its answers'
scale labels ("Muy satisfecho"), the answers' numbers."""

MEASURE_WORDING: dict[str, tuple[str, ...]] = {
    "importance": comma_list("importan*, importa, matters to you, how much does it matter"),
    "excellent": comma_list(
        "excellen*, excelen*, ideal*, perfect*, exceptional, outstanding, excepcional, "
        "sobresaliente"
    ),
    "retrospective": comma_list(
        "remember*, recall*, looking back, look back, thinking back, in hindsight, in retrospect, "
        "retrospect*, memor*, recuerd*, recordar*, recordad*, recordando, recordó, retrospectiv*, "
        "mirando atrás, echando la vista atrás, visto ahora, pasado un tiempo, con el tiempo"
    ),
    "anticipated": comma_list(
        "expect*, anticipat*, look forward, looking forward, esperab*, esperad*, esperaría*, "
        "expectativ*, anticipab*, anticipad*, qué espera"
    ),
    "emotion": comma_list(
        "feel*, felt, emotion*, mood, sinti*, sient*, sentir*, sentimiento*, emoción*, emocion*, "
        "estado de ánimo"
    ),
    "experienced": comma_list(
        "satisf*, insatisf*, dissatisf*, how was, how were, how would you rate, rate, rated, "
        "rating, how good, how well, quality, experience, experienced, received, got, score, "
        "evaluate, qué tal, cómo fue, cómo fueron, valor*, calific*, califiq*, puntú*, puntu*, "
        "evalú*, evalu*, experiencia, recibió, recibiste, obtuvo, calidad, vivió, vivida"
    ),
}
"""Wording of each measure (English and Spanish). ``experienced`` is the plain wording of a
rating: another measure named beside it wins."""

MEASURE_PRECEDENCE: tuple[str, ...] = (
    "importance",
    "excellent",
    "retrospective",
    "anticipated",
    "emotion",
)
"""When a question names several specific measures, the first of these is taken."""

WAITING_WORDING: tuple[str, ...] = comma_list(
    "waited, waiting, wait for, mientras esperaba, esperaba a que, esperar a que, esperando"
)
"""Waiting is neither expecting nor a measure ("mientras esperaba a que llegara…")."""

COMMENT_WORDING: tuple[str, ...] = comma_list(
    "comment*, tell us, anything else, describe, explain, why, what could we improve, "
    "suggestion*, in your own words, coment*, cuéntenos, cuéntanos, contarnos, algo más, "
    "describa, explique, por qué, qué podríamos mejorar, sugerencia*, con sus palabras"
)
"""Wording of a free-text question about a touchpoint: free text that names a touchpoint
with neither this nor a measure's wording ("which product did you buy?") is no comment."""

OUTCOME_WORDING: dict[str, tuple[str, ...]] = {
    "repurchase": comma_list(
        "buy again, buy from us again, purchase again, shop again, shop with us again, order "
        "again, come back, repurchas*, volver a comprar, vuelva a comprar, volvería a comprar, "
        "comprar de nuevo, compraría de nuevo, repetir la compra, recompra*, volver a pedir"
    ),
}
"""Wording of an outcome that would otherwise read as a touchpoint ("volver a comprar")."""

OVERALL_WORDING: tuple[str, ...] = comma_list(
    "overall, in general, all in all, en general, global, globalmente, en conjunto, en resumen"
)
"""Wording of a question about the whole journey: with an experienced or retrospective
wording and no touchpoint, it is overall satisfaction or the overall remembered rating."""

WHOLE_JOURNEY_WORDING: tuple[str, ...] = comma_list(
    "shopping experience, purchase experience, buying experience, experience with us, experiencia "
    "de compra, experiencia con nosotros, su experiencia con nuestra tienda"
)
"""Wording that names the whole journey, not one of its moments ("experiencia de compra")."""

RECEIPT_WORDING: tuple[str, ...] = comma_list(
    "received your order, receiving your order, receive your order, recibir su pedido, recibió su "
    "pedido, recibir el pedido, recibir tu pedido, your order arrived, llegó su pedido"
)
"""Receiving the order is the delivery (the third moment), whatever "order" says alone."""

_RECOMMEND = re.compile(r"recomend|recomiend|recommend")
_TAG = re.compile(r"<[^>]*>")
_ANCHOR = re.compile(r"(?<!\w)[+\-−]?\d+\s*[=:]\s*[^,;/()\n]*")
_NUMBERED_PART = re.compile(r"\([^()]*\d[^()]*\)")
_ARTICLE = r"(?:your|the|our|his|her|their|su|tu|sus|tus|la|el|los|las|nuestra|nuestro)"
_MODIFIER = re.compile(
    rf"(?:\b(?:of|de)\s+{_ARTICLE}|\bdel|\b(?:for|after|before|since|tras|desde|despues de|"
    rf"antes de|thinking about|pensando en|shar\w*|compart\w*)(?:\s+{_ARTICLE})?)\s*$"
)
_STRONG, _WEAK = 2.0, 1.0


@dataclass(frozen=True)
class Evidence:
    """What a suggestion rests on: structured, so the app can say it in English or Spanish.

    Attributes
    ----------
    role : str or None
        The role the text suggests: ``rating``, ``comment`` or ``outcome``.
    touchpoint, measure, outcome : str or None
        What the text suggests, also when the suggestion is too unsure to be applied.
    touchpoint_words, measure_words, scale_words : tuple of str
        The words matched, as the question (or value labels) write them.
    scale_source : str or None
        One of :data:`SCALE_SOURCES`: where the column's scale comes from.
    others : tuple of str
        Other touchpoints the text names (what makes the touchpoint unsure).
    """

    role: str | None = None
    touchpoint: str | None = None
    measure: str | None = None
    outcome: str | None = None
    touchpoint_words: tuple[str, ...] = ()
    measure_words: tuple[str, ...] = ()
    scale_words: tuple[str, ...] = ()
    scale_source: str | None = None
    others: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """JSON-ready form without the empty fields, read back by :meth:`from_dict`."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items() if v}

    @classmethod
    def from_dict(cls, data: object) -> Evidence | None:
        """Read :meth:`to_dict`'s form; anything else (a hand-edited file) is None.

        Examples
        --------
        >>> e = Evidence("rating", "TMOT", "experienced", touchpoint_words=("entrega",))
        >>> Evidence.from_dict(e.to_dict()) == e, Evidence.from_dict("why not")
        (True, None)
        """
        if not isinstance(data, dict):
            return None
        fields = {}
        for name, default in asdict(cls()).items():
            value = data.get(name, default)
            if isinstance(default, tuple):
                words = value if isinstance(value, list | tuple) else ()
                fields[name] = tuple(str(w) for w in words)
            else:
                fields[name] = str(value) if value not in (None, "") else None
        return cls(**fields)


def _char_fold(char: str) -> str:
    """One character folded: a letter or digit unaccented, a lone accent nothing, else " "."""
    folded = fold(char)
    if folded.isalnum():
        return folded
    return "" if not folded and not char.isspace() and char.isprintable() else " "


_FOLDED: dict[int, str] = {}  # code point → folded text, filled as characters are met


def folded_with_index(text: str) -> tuple[str, Sequence[int]]:
    """``text`` folded (other characters as spaces), with each folded character's index.

    The index shows a match as the question writes it.

    Examples
    --------
    >>> folded, index = folded_with_index("¿Qué?")
    >>> folded, list(index)
    (' que ', [0, 1, 2, 3, 4])
    """
    for char in set(text):
        if ord(char) not in _FOLDED:
            _FOLDED[ord(char)] = _char_fold(char)
    folded = text.translate(_FOLDED)
    if len(folded) == len(text):  # every character folds to one: the index is the position
        return folded, range(len(text))
    index: list[int] = []
    for i, char in enumerate(text):
        index.extend([i] * len(_FOLDED[ord(char)]))
    return folded, index


def _term_pattern(term: str) -> tuple[str, str]:
    """A term's first folded character and the pattern of the rest of it, to a word's end."""
    folded, _ = folded_with_index(term.rstrip("*"))
    words = folded.split()
    body = r"\s+".join(re.escape(w) for w in [words[0][1:], *words[1:]])
    ending = r"\w*" if term.endswith("*") else ""
    return words[0][0], rf"{body}{ending}(?!\w)"


class _Terms:
    """Many terms compiled into one pattern; a match names its term's targets.

    The pattern tries terms only where a word starts, and only those beginning with the
    word's first letter (longest first), so a wide file's questions are read fast.
    """

    def __init__(self, terms: dict[str, list[tuple[str, float]]]):
        ordered = sorted(terms, key=lambda t: -len(t.rstrip("*")))
        self._targets = [terms[t] for t in ordered]
        by_first: dict[str, list[str]] = {}
        for i, term in enumerate(ordered):
            first, rest = _term_pattern(term)
            by_first.setdefault(first, []).append(f"(?P<t{i}>{rest})")
        branches = (f"{re.escape(c)}(?:{'|'.join(rests)})" for c, rests in by_first.items())
        self._pattern = re.compile(rf"(?<!\w)(?:{'|'.join(branches)})") if ordered else None

    def find(self, folded: str) -> list[tuple[list[tuple[str, float]], int, int]]:
        """(targets with weights, start, end) of each match, left to right, not overlapping."""
        if self._pattern is None:
            return []
        return [
            (self._targets[int(m.lastgroup[1:])], m.start(), m.end())
            for m in self._pattern.finditer(folded)
        ]


def _add(terms: dict[str, list[tuple[str, float]]], words, target: str, weight: float) -> None:
    """Add terms of at least two letters or digits (a label of punctuation names nothing)."""
    for word in words:
        letters = "".join(folded_with_index(word.rstrip("*"))[0].split())
        if len(letters) >= 2 and (target, weight) not in terms.setdefault(word, []):
            terms[word].append((target, weight))


def _event_words(journey: Journey) -> dict[str, tuple[str, ...]]:
    """The event keywords a user gave each touchpoint (not the defaults of a moment)."""
    defaults = {fold(w) for words in DEFAULT_EVENT_KEYWORDS.values() for w in words}
    return {
        tp.id: tuple(e.replace("_", " ") for e in tp.events if fold(e) not in defaults)
        for tp in journey.touchpoints
    }


def _touchpoint_terms(journey: Journey) -> dict[str, list[tuple[str, float]]]:
    terms: dict[str, list[tuple[str, float]]] = {}
    events = _event_words(journey)
    for tp in journey.touchpoints:
        _add(terms, (tp.label_en, tp.label_es, tp.id.replace("_", " "), *events[tp.id]), tp.id, 2)
    for key in MOMENT_KEYS:
        tagged = [tp.id for tp in journey.touchpoints if tp.moment == key]
        if len(tagged) == 1:
            _add(terms, (key, *QUESTION_KEYWORDS.get(key, ())), tagged[0], _STRONG)
            _add(terms, QUESTION_HINTS.get(key, ()), tagged[0], _WEAK)
    tmot = [tp.id for tp in journey.touchpoints if tp.moment == "TMOT"]
    if len(tmot) == 1:
        _add(terms, RECEIPT_WORDING, tmot[0], _STRONG)
    for outcome, words in OUTCOME_WORDING.items():
        _add(terms, words, f"outcome:{outcome}", _STRONG)
    _add(terms, WHOLE_JOURNEY_WORDING, "outcome:overall", _STRONG)
    return terms


def _measure_terms() -> dict[str, list[tuple[str, float]]]:
    terms: dict[str, list[tuple[str, float]]] = {}
    for measure, words in MEASURE_WORDING.items():
        _add(terms, words, measure, _STRONG)
    _add(terms, COMMENT_WORDING, "comment", _STRONG)
    _add(terms, WAITING_WORDING, "waiting", _STRONG)
    _add(terms, OVERALL_WORDING, "overall", _STRONG)
    return terms


_MEASURES = _Terms(_measure_terms())
_RECOMMENDING = _Terms(
    {w: [("recommend", _STRONG)] for w in ("recomend*", "recomiend*", "recommend*")}
)


@dataclass(frozen=True)
class _Found:
    target: str
    weight: float
    words: str
    strong: bool = True


class QuestionMatcher:
    """The journey's touchpoint terms compiled once; :meth:`read` reads one question."""

    def __init__(self, journey: Journey):
        self._touchpoints = _Terms(_touchpoint_terms(journey))

    def read(self, question: str, *, answers: str = "numbers") -> tuple[Evidence, str] | None:
        """What ``question`` suggests and how sure, or None when it suggests nothing.

        Parameters
        ----------
        question : str
            The question text.
        answers : str
            What the column holds: ``numbers``, ``labels`` (few distinct texts), ``text``
            (free text) or ``empty``. Free text about a touchpoint is a comment.

        Returns
        -------
        tuple of (Evidence, str) or None
            See :func:`read_question`.
        """
        text = _TAG.sub(" ", str(question))
        touchpoints = self._find_touchpoints(text)
        measures = _found(_MEASURES, _NUMBERED_PART.sub(" ", _ANCHOR.sub(" ", text)))
        outcome = _outcome(touchpoints, measures, text)
        if outcome is not None:
            return outcome
        tp, tp_hedges, others = _winner(touchpoints)
        measure, m_hedges = _measure(measures)
        if tp is None and measure is None:
            return None
        words = tuple(dict.fromkeys(f.words for f in touchpoints if f.target == tp))
        if answers == "text" and tp is not None:
            said = tuple(dict.fromkeys(f.words for f in measures if f.target == "comment"))
            evidence = Evidence("comment", tp, None, None, words, said, others=others)
            return evidence, _confidence(tp_hedges + (0 if said or measure else 2))
        chosen = tuple(dict.fromkeys(f.words for f in measures if f.target == measure))
        evidence = Evidence("rating", tp, measure, None, words, chosen, others=others)
        hedges = tp_hedges + m_hedges if tp is not None and measure is not None else 2
        return evidence, _confidence(hedges)

    def _find_touchpoints(self, text: str) -> list[_Found]:
        stem, _, item = text.rpartition(" - ")
        if stem:
            in_item = [f for f in self._found(item) if not f.target.startswith("outcome:")]
            if in_item:
                return in_item
        return self._found(text)

    def _found(self, text: str) -> list[_Found]:
        folded, index = folded_with_index(text)
        found = []
        for targets, start, end in self._touchpoints.find(folded):
            half = 0.5 if _MODIFIER.search(folded[max(0, start - 40) : start]) else 1.0
            words = text[index[start] : index[end - 1] + 1]
            found.extend(
                _Found(target, weight * half, words, weight >= _STRONG)
                for target, weight in targets
            )
        return found


def _found(terms: _Terms, text: str) -> list[_Found]:
    folded, index = folded_with_index(text)
    return [
        _Found(target, weight, text[index[start] : index[end - 1] + 1])
        for targets, start, end in terms.find(folded)
        for target, weight in targets
    ]


def _confidence(hedges: int) -> str:
    return CONFIDENCES[min(hedges, 2)]


def _winner(found: list[_Found]) -> tuple[str | None, int, tuple[str, ...]]:
    """The touchpoint the text names most, the hedges on it, and the others it names."""
    scores: dict[str, float] = {}
    strong: set[str] = set()
    for f in found:
        if not f.target.startswith("outcome:"):
            scores[f.target] = scores.get(f.target, 0.0) + f.weight
            if f.strong:
                strong.add(f.target)
    if not scores:
        return None, 0, ()
    ranked = sorted(scores, key=lambda t: -scores[t])
    best, others = ranked[0], tuple(ranked[1:])
    hedges = 0 if best in strong else 1
    if others:
        share = scores[others[0]] / scores[best]
        hedges += 0 if share <= 0.25 else 1 if share <= 0.5 else 2
    return best, hedges, others


def _measure(found: list[_Found]) -> tuple[str | None, int]:
    """The measure the wording names and the hedges on it (two specific measures: one)."""
    named = {f.target for f in found}
    specific = [m for m in MEASURE_PRECEDENCE if m in named]
    if specific:
        return specific[0], 1 if len(specific) > 1 else 0
    return ("experienced", 0) if "experienced" in named else (None, 0)


def _outcome(
    touchpoints: list[_Found], measures: list[_Found], text: str
) -> tuple[Evidence, str] | None:
    """A question about an outcome: buying again, or the whole journey rated or remembered."""
    phrases = [f for f in touchpoints if f.target.startswith("outcome:")]
    if any(f.strong for f in touchpoints if not f.target.startswith("outcome:")):
        return None
    again = [f for f in phrases if f.target == "outcome:repurchase"]
    if again:
        words = tuple(dict.fromkeys(f.words for f in again))
        return Evidence("outcome", outcome="repurchase", measure_words=words), "high"
    named = {f.target for f in measures}
    if "overall" not in named and not phrases:
        return None
    for measure, outcome in (
        ("retrospective", "overall_retrospective"),
        ("experienced", "overall_satisfaction"),
    ):
        if measure in named:
            found = [*phrases, *(f for f in measures if f.target in (measure, "overall"))]
            words = tuple(dict.fromkeys(f.words for f in found))
            return Evidence("outcome", outcome=outcome, measure_words=words), "high"
    return None


@lru_cache(maxsize=16)
def matcher(journey: Journey) -> QuestionMatcher:
    """The compiled matcher of a journey (cached: a wide file compiles it once)."""
    return QuestionMatcher(journey)


def read_question(
    question: str, journey: Journey, *, answers: str = "numbers"
) -> tuple[Evidence, str] | None:
    """What a question text suggests for its column, and how sure that is.

    Parameters
    ----------
    question : str
        The question text (or a Forms header).
    journey : Journey
        The touchpoints it may be about.
    answers : str
        What the column holds: ``numbers``, ``labels``, ``text`` or ``empty``; free text
        about a touchpoint is a comment.

    Returns
    -------
    tuple of (Evidence, str) or None
        The evidence (role, touchpoint, measure or outcome, the words matched) and a
        confidence of :data:`CONFIDENCES` (see the module's rule); None when the text names
        neither a touchpoint nor a measure.

    Examples
    --------
    >>> from mot.journey import default_journey
    >>> evidence, sure = read_question("¿Qué esperaba de la ENTREGA? (1-7)", default_journey())
    >>> evidence.touchpoint, evidence.measure, evidence.touchpoint_words, sure
    ('TMOT', 'anticipated', ('ENTREGA',), 'high')
    >>> evidence.measure_words
    ('esperaba',)
    >>> read_question("How did you feel on the product page?", default_journey())[0].measure
    'emotion'
    >>> read_question("Do you eat steak?", default_journey()) is None
    True
    """
    if recommends(question) and answers != "text" and not _rates_something(question, journey):
        found = _found(_RECOMMENDING, question)
        words = tuple(dict.fromkeys(f.words for f in found))
        return Evidence("outcome", outcome="recommend", measure_words=words), "high"
    return matcher(journey).read(question, answers=answers)


@lru_cache(maxsize=4096)
def recommends(question: str) -> bool:
    """The text asks about recommending ("recommend", "recomendaría")."""
    return bool(question) and _RECOMMEND.search(fold(question)) is not None


def _rates_something(question: str, journey: Journey) -> bool:
    """A touchpoint and a specific measure ("¿cómo se sintió al recomendarnos?")."""
    read = matcher(journey).read(question)
    if read is None:
        return False
    evidence, sure = read
    return (
        evidence.role == "rating"
        and evidence.measure not in (None, "experienced")
        and sure != "low"
    )


def question_text(column: str, labels: dict[str, str]) -> str:
    """The question of a column: its label, or a header that reads as a question (Forms).

    A header reads as a question when it holds three words or more; a short name such as
    ``TMOT_experienced (1-7)`` is a name, not a question (its scale comes from the answers).

    Examples
    --------
    >>> question_text("Q5", {"Q5": "¿Qué tal la entrega?"})
    '¿Qué tal la entrega?'
    >>> question_text("How was the delivery? (1-5)", {}), question_text("Q1-5", {})
    ('How was the delivery? (1-5)', '')
    """
    label = labels.get(column)
    if label:
        return label
    return column if len(re.findall(r"[^\W\d_]{2,}", column)) >= 3 else ""


def scale_evidence(
    question: str, value_labels: dict | None, answers: Iterable[str] = ()
) -> tuple[str, tuple[str, ...]]:
    """Where a column's scale comes from and the words that state it.

    Parameters
    ----------
    question : str
        The column's question text.
    value_labels : dict or None
        Its value labels (SPSS).
    answers : iterable of str
        Its text answers that could be scale labels (:func:`mot.scales.answer_texts`).

    Returns
    -------
    tuple of (str, tuple of str)
        A source of :data:`SCALE_SOURCES` and the words: the scale named in the text, the
        value labels of its ends, or the worst and best answer labels found.

    Examples
    --------
    >>> scale_evidence("Del 1 al 7, ¿cómo valora la entrega?", None)
    ('question', ('1 al 7',))
    >>> scale_evidence("", {1: "Nada", 3: "Algo", 5: "Mucho", 9: "NS/NC"})
    ('value_labels', ('1 = Nada', '5 = Mucho'))
    >>> scale_evidence("¿Qué tal la entrega?", None, ["Satisfecho", "Muy insatisfecho"])
    ('answer_labels', ('Muy insatisfecho', 'Satisfecho'))
    >>> scale_evidence("How was it?", None)
    ('values', ())
    """
    stated = stated_scale(question=question, value_labels=value_labels)
    if stated is not None and stated.evidence == "question":
        found = scale_in_text(question)
        return "question", (found[1],) if found else ()
    if stated is not None:
        return "value_labels", _value_label_ends(value_labels or {})
    answers = tuple(answers)
    labels = match_label_set(answers) if answers else None
    if labels is None:
        return "values", ()
    ranked = sorted((labels.position(a), a) for a in answers if labels.position(a) is not None)
    return "answer_labels", tuple(dict.fromkeys((ranked[0][1], ranked[-1][1])))


def _value_label_ends(value_labels: dict) -> tuple[str, ...]:
    codes = []
    for code, label in value_labels.items():
        number = pd.to_numeric(pd.Series([code]), errors="coerce").iloc[0]
        if not pd.isna(number) and np.isfinite(number) and fold(label) not in DONT_KNOW:
            codes.append((float(number), code, label))
    if len(codes) < 2:
        return ()
    low, high = min(codes), max(codes)
    return tuple(f"{code} = {label}" for _, code, label in (low, high))
