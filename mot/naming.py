"""The naming convention: what a column's name says about it.

A column named ``<touchpoint>_<measure>`` (or ``<measure>_<touchpoint>``; separators ``_``,
`` - ``, ``.`` or a space; any case and accents) is a rating, its measure written with one of
the English or Spanish :data:`MEASURE_SYNONYMS`; ids and outcomes have names of their own
(:data:`ID_SYNONYMS`, :data:`CUSTOMER_SYNONYMS`, :data:`OUTCOME_SYNONYMS`), and survey tools'
metadata columns (:data:`METADATA_KEYS`) are never ratings. :mod:`mot.mapping` suggests a
mapping from these; :mod:`mot.survey` reads the measure names of a tidy file with them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mot._text import fold
from mot.journey import MOMENT_KEYS, Journey

# Synonyms are compared after `fold` (lower case, no accents).
MEASURE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "anticipated": (
        "anticipated",
        "anticipation",
        "expected",
        "expectation",
        "expectations",
        "anticipada",
        "anticipado",
        "esperada",
        "esperado",
        "expectativa",
        "expectativas",
    ),
    "experienced": (
        "experienced",
        "experience",
        "actual",
        "performance",
        "experiencia",
        "vivida",
        "vivido",
        "desempeno",
        "real",
    ),
    "retrospective": (
        "retrospective",
        "remembered",
        "memory",
        "recuerdo",
        "recordada",
        "recordado",
        "retrospectiva",
        "retrospectivo",
    ),
    "excellent": ("excellent", "excellence", "ideal", "excelente", "excelencia"),
    "importance": ("importance", "important", "importancia"),
    "emotion": ("emotion", "emotions", "feeling", "valence", "emocion", "sentimiento"),
    "comment": ("comment", "comments", "comentario", "comentarios", "verbatim", "texto"),
}

OUTCOME_SYNONYMS: dict[str, tuple[str, ...]] = {
    "recommend": (
        "recommend",
        "recommendation",
        "likelihood to recommend",
        "likely to recommend",
        "ltr",
        "nps",
        "nps score",
        "recomendacion",
        "recomendaria",
        "probabilidad de recomendacion",
        "probabilidad recomendar",
        "recomendar",
    ),
    "overall_satisfaction": (
        "overall satisfaction",
        "satisfaction",
        "csat",
        "overall csat",
        "satisfaccion general",
        "satisfaccion global",
        "satisfaccion",
    ),
    "overall_retrospective": (
        "overall retrospective",
        "overall remembered",
        "remembered overall",
        "overall memory",
        "overall remembered rating",
        "recuerdo global",
        "recuerdo general",
        "valoracion recordada",
    ),
    "repurchase": (
        "repurchase",
        "repurchase intent",
        "repurchase intention",
        "return intent",
        "recompra",
        "intencion recompra",
        "intencion de recompra",
        "volveria a comprar",
    ),
}

ID_SYNONYMS: tuple[str, ...] = (
    "respondent id",
    "respondentid",
    "responseid",
    "response id",
    "id respuesta",
    "respuesta id",
    "id encuestado",
    "respondent",
    "id",
    "record id",
    "responseid",
)
CUSTOMER_SYNONYMS: tuple[str, ...] = (
    "customer id",
    "customerid",
    "client id",
    "id cliente",
    "cliente id",
    "user id",
    "userid",
    "customer",
    "cliente",
)
# Survey-tool metadata (Qualtrics, SurveyMonkey, Google and Microsoft Forms): never ratings.
METADATA_KEYS: frozenset[str] = frozenset(
    re.sub(r"[^a-z0-9]", "", k.lower())
    for k in (
        "StartDate",
        "EndDate",
        "Status",
        "IPAddress",
        "IP Address",
        "Progress",
        "Duration (in seconds)",
        "Finished",
        "RecordedDate",
        "RecipientLastName",
        "RecipientFirstName",
        "RecipientEmail",
        "ExternalReference",
        "ExternalDataReference",
        "LocationLatitude",
        "LocationLongitude",
        "DistributionChannel",
        "UserLanguage",
        "CollectorID",
        "Email Address",
        "First Name",
        "Last Name",
        "Custom Data 1",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "Timestamp",
        "Marca temporal",
        "Last modified time",
        "Q_RecaptchaScore",
        "Q_RelevantIDDuplicate",
        "Q_DuplicateRespondent",
    )
)

_SEPARATORS = re.compile(r"\s*-\s*|\s*_\s*|\s*\.\s*|\s+")
_PARENTHESISED = re.compile(r"\s*[\(\[][^\)\]]*[\)\]]\s*")


def name_words(text: str) -> str:
    """Folded text with separators as single spaces and (parenthesised) parts dropped.

    The form in which column names and their synonyms are compared.

    Examples
    --------
    >>> name_words("FMOT - Expectativa (1-5)"), name_words("tmot.Vivida")
    ('fmot expectativa', 'tmot vivida')
    """
    folded = fold(_PARENTHESISED.sub(" ", str(text)))
    return " ".join(w for w in _SEPARATORS.split(folded) if w)


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


MEASURE_NAMES: dict[str, str] = {
    name_words(s): m for m, synonyms in MEASURE_SYNONYMS.items() for s in synonyms
}
"""A measure's synonyms as :func:`name_words` writes them → the measure (or ``comment``)."""

OUTCOME_NAMES: dict[str, str] = {
    name_words(s): o for o, synonyms in OUTCOME_SYNONYMS.items() for s in synonyms
}
"""An outcome's synonyms as :func:`name_words` writes them → the outcome."""


_ID_WORDS = frozenset(name_words(s) for s in ID_SYNONYMS)
_CUSTOMER_WORDS = frozenset(name_words(s) for s in CUSTOMER_SYNONYMS)


@lru_cache(maxsize=16)
def _touchpoint_aliases(journey: Journey) -> list[tuple[str, str]]:
    """(folded alias, touchpoint id), longest alias first so `home_delivery` beats `home`."""
    aliases = {name_words(tp.id): tp.id for tp in journey.touchpoints}
    for key in MOMENT_KEYS:
        tagged = [tp.id for tp in journey.touchpoints if tp.moment == key]
        if len(tagged) == 1:
            aliases.setdefault(name_words(key), tagged[0])
    return sorted(aliases.items(), key=lambda kv: -len(kv[0]))


def parse_column_name(name: str, journey: Journey) -> tuple[str, str] | None:
    """Read ``<touchpoint>_<measure>`` (or ``<measure>_<touchpoint>``) from a column name.

    Separators ``_``, `` - ``, ``.`` or a space; any case and accents; measure synonyms in
    English and Spanish; a moment key also names the one touchpoint tagged with it.
    Returns ``(touchpoint_id, measure)`` with measure ``"comment"`` for free text, or None.

    Examples
    --------
    >>> from mot.journey import default_journey
    >>> j = default_journey()
    >>> parse_column_name("FMOT - Expectativa", j), parse_column_name("tmot.vivida", j)
    (('FMOT', 'anticipated'), ('TMOT', 'experienced'))
    >>> parse_column_name("Emoción SMOT", j), parse_column_name("Age", j)
    (('SMOT', 'emotion'), None)
    """
    words = name_words(name)
    for alias, tp_id in _touchpoint_aliases(journey):
        if words.startswith(alias + " "):
            measure = MEASURE_NAMES.get(words[len(alias) + 1 :])
        elif words.endswith(" " + alias):
            measure = MEASURE_NAMES.get(words[: -len(alias) - 1])
        else:
            continue
        if measure is not None:
            return tp_id, measure
    return None


def is_metadata(column: str) -> bool:
    """Whether ``column`` is a survey tool's metadata (:data:`METADATA_KEYS`), never a rating."""
    return _key(column) in METADATA_KEYS


def respondent_field(column: str, label: str) -> tuple[str, str | None] | None:
    """The respondent id, customer id or an outcome, by the column's name.

    Returns ``(role, outcome)``: ``("respondent_id", None)``, ``("customer_id", None)`` or
    ``("outcome", <one of mot.OUTCOMES>)``; None when the name is none of them.

    Examples
    --------
    >>> respondent_field("ResponseId", ""), respondent_field("NPS", "")
    (('respondent_id', None), ('outcome', 'recommend'))
    """
    words = name_words(column)
    if words in _ID_WORDS or _key(label) in ("responseid", "respondentid"):
        return "respondent_id", None
    if words in _CUSTOMER_WORDS:
        return "customer_id", None
    outcome = OUTCOME_NAMES.get(words)
    if outcome is not None:
        return "outcome", outcome
    return None
