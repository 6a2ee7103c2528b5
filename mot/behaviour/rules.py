"""Mapping events to moments: keyword and page rules from the journey.

Events map to touchpoints by keyword (:class:`EventRules`, built from the journey's
``Touchpoint.events``): a keyword matches when it is a substring of the event name, both
lowercased, with accents removed and spaces, hyphens and dots read as ``_``. When several
keywords match, the longest wins (``repurchase`` is UMOT although it contains SMOT's
``purchase``); ties go to the earlier touchpoint.

**Page rules**: a keyword written ``event@text`` (``page_view@/product|/item``) matches an
event whose name contains ``event`` only when the event's page address holds one of the
``|``-separated texts (case ignored). The page address is the log's first column among
:data:`PAGE_COLUMNS` (GA4's ``page_location`` parameter, ``page_path``, ``url`` …). A page
rule is tried before the plain keywords of the same event; a log without a page address
column never matches one (its ``page_view`` events stay unmapped, and its notes say so). The
default journey maps GA4's ``page_view`` to FMOT this way, only for product pages.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from mot.behaviour._names import fold
from mot.errors import EventLogError
from mot.journey import Journey
from mot.messages import Message

RULES_COLUMNS: tuple[str, ...] = ("touchpoint", "keyword")


PAGE_RULE_SEPARATOR = "@"
"""Separates the event from the page texts in a page rule: ``page_view@/product|/item``."""


@dataclass(frozen=True)
class EventRules:
    """Keywords that map event names to touchpoints, in journey order.

    Attributes
    ----------
    keywords : tuple of (str, tuple of str)
        ``(touchpoint id, keywords)`` pairs in journey order (hashable, so it can key caches).
    """

    keywords: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def touchpoints(self) -> tuple[str, ...]:
        """Touchpoint ids in journey order."""
        return tuple(tp for tp, _ in self.keywords)

    @property
    def page_rules(self) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
        """The page rules (``event@text|text``): ``(touchpoint, event keyword, page texts)``.

        Examples
        --------
        >>> EventRules((("FMOT", ("landing", "page_view@/Product|/item")),)).page_rules
        (('FMOT', 'page_view', ('/product', '/item')),)
        """
        out = []
        for touchpoint, words in self.keywords:
            for word in words:
                parsed = _page_rule(word)
                if parsed is not None:
                    out.append((touchpoint, *parsed))
        return tuple(out)

    def page_matches(self, event: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The page rules an event name falls under: ``(touchpoint, page texts)``, to try in order.

        Longest event keyword first, then journey order (as for :meth:`match`).

        Examples
        --------
        >>> from mot.journey import default_journey
        >>> rules_from_journey(default_journey()).page_matches("page_view")[0][0]
        'FMOT'
        >>> rules_from_journey(default_journey()).page_matches("purchase")
        ()
        """
        name = fold(event)
        found = [
            (-len(key), i, touchpoint, texts)
            for i, (touchpoint, key, texts) in enumerate(self.page_rules)
            if key in name
        ]
        return tuple((touchpoint, texts) for *_, touchpoint, texts in sorted(found))

    def as_dict(self) -> dict[str, tuple[str, ...]]:
        """Touchpoint id → keywords."""
        return dict(self.keywords)

    def match(self, event: str) -> str | None:
        """Return the touchpoint of one event name, or None when no keyword matches.

        The longest matching keyword wins; ties go to the earlier touchpoint. Page rules
        (``page_view@/product``) are not looked at: they need the event's page
        (:meth:`page_matches`, :meth:`EventLog.mapped`).

        Examples
        --------
        >>> rules = EventRules((("SMOT", ("purchase", "compra")), ("UMOT", ("repurchase",))))
        >>> rules.match("repurchase"), rules.match("Compra Online"), rules.match("login")
        ('UMOT', 'SMOT', None)
        """
        name = fold(event)
        best: tuple[int, str] | None = None
        for touchpoint, words in self.keywords:
            for word in words:
                if PAGE_RULE_SEPARATOR in word:
                    continue
                key = fold(word)
                if key and key in name and (best is None or len(key) > best[0]):
                    best = (len(key), touchpoint)
        return None if best is None else best[1]

    def to_frame(self) -> pd.DataFrame:
        """The rules as a table (see :func:`rules_frame`)."""
        return rules_frame(self)


def _page_rule(word: str) -> tuple[str, tuple[str, ...]] | None:
    """``(event keyword, page texts)`` of a page rule ``event@text|text``, else None."""
    if PAGE_RULE_SEPARATOR not in word:
        return None
    event, _, pages = word.partition(PAGE_RULE_SEPARATOR)
    texts = tuple(dict.fromkeys(p.strip().lower() for p in pages.split("|") if p.strip()))
    key = fold(event)
    return (key, texts) if key and texts else None


def rules_from_journey(journey: Journey) -> EventRules:
    """Event rules from each touchpoint's ``events`` keywords.

    Parameters
    ----------
    journey : Journey
        The journey; its order is the rules' order (ties between keywords of equal length go
        to the earlier touchpoint).

    Returns
    -------
    EventRules
        One entry per touchpoint, empty keyword tuples included.

    Examples
    --------
    >>> from mot.journey import default_journey
    >>> rules = rules_from_journey(default_journey())
    >>> rules.touchpoints
    ('ZMOT', 'FMOT', 'SMOT', 'TMOT', 'UMOT')
    >>> rules.match("repurchase"), rules.match("recompra"), rules.match("Envío retrasado")
    ('UMOT', 'UMOT', 'TMOT')
    """
    return EventRules(tuple((tp.id, tuple(tp.events)) for tp in journey.touchpoints))


def rules_frame(rules: EventRules) -> pd.DataFrame:
    """The rules as an editable table, one row per keyword.

    Parameters
    ----------
    rules : EventRules
        The rules.

    Returns
    -------
    DataFrame
        ``touchpoint, keyword`` in journey order, keywords in their order.

    Examples
    --------
    >>> rules_frame(EventRules((("SMOT", ("cart", "compra")), ("UMOT", ()))))
      touchpoint keyword
    0       SMOT    cart
    1       SMOT  compra
    """
    rows = [(tp, word) for tp, words in rules.keywords for word in words]
    return pd.DataFrame(rows, columns=list(RULES_COLUMNS), dtype=object)


def _validate_rules_frame(frame: pd.DataFrame, journey: Journey) -> dict[str, str]:
    missing = [c for c in RULES_COLUMNS if c not in frame.columns]
    if missing:
        message = Message(
            "events.rules_columns",
            missing="`, `".join(missing),
            found=", ".join(map(str, frame.columns)),
        )
        raise EventLogError(message)
    return {tp.lower(): tp for tp in journey.ids}


def rules_from_frame(frame: pd.DataFrame, journey: Journey) -> EventRules:
    """Validated rules from an edited table (the form of :func:`rules_frame`).

    Parameters
    ----------
    frame : DataFrame
        ``touchpoint, keyword``; a keyword cell may hold several keywords separated by commas.
        Rows whose keyword is empty are skipped; repeated keywords of a touchpoint are kept
        once. Touchpoint ids are matched without case.
    journey : Journey
        The journey the rules belong to; it gives the touchpoints and their order.

    Returns
    -------
    EventRules
        One entry per journey touchpoint (without keywords when the table has none for it).

    Raises
    ------
    EventLogError
        If a column is missing or a row names a touchpoint that is not in the journey.

    Examples
    --------
    >>> from mot.journey import default_journey
    >>> frame = pd.DataFrame({"touchpoint": ["smot", "UMOT"], "keyword": ["pedido, order", "x"]})
    >>> rules_from_frame(frame, default_journey()).as_dict()["SMOT"]
    ('pedido', 'order')
    """
    canonical = _validate_rules_frame(frame, journey)
    found: dict[str, list[str]] = {tp: [] for tp in journey.ids}
    for i, (tp, cell) in enumerate(zip(frame["touchpoint"], frame["keyword"], strict=True)):
        words = [] if pd.isna(cell) else [w.strip() for w in str(cell).split(",") if w.strip()]
        if not words:
            continue
        key = "" if pd.isna(tp) else str(tp).strip().lower()
        if key not in canonical:
            message = Message(
                "events.rules_unknown_touchpoint",
                row=i + 1,
                touchpoint="" if pd.isna(tp) else str(tp),
                journey=journey.name,
                touchpoints=", ".join(journey.ids),
            )
            raise EventLogError(message)
        target = found[canonical[key]]
        target.extend(w for w in words if w not in target)
    return EventRules(tuple((tp, tuple(words)) for tp, words in found.items()))


def journey_with_rules(journey: Journey, rules: EventRules) -> Journey:
    """The journey with each touchpoint's ``events`` keywords replaced by the rules'.

    Parameters
    ----------
    journey : Journey
        The journey (not changed).
    rules : EventRules
        The rules; touchpoints of the journey missing from the rules get no keywords.

    Returns
    -------
    Journey
        A validated copy, ready for :func:`mot.journey.save_journey`.

    Raises
    ------
    EventLogError
        If the rules name a touchpoint that is not in the journey.

    Examples
    --------
    >>> from mot.journey import default_journey
    >>> rules = EventRules((("SMOT", ("pedido",)),))
    >>> journey_with_rules(default_journey(), rules).touchpoint("SMOT").events
    ('pedido',)
    """
    words = {tp.lower(): tuple(kw) for tp, kw in rules.keywords}
    unknown = [tp for tp in rules.touchpoints if tp.lower() not in {t.lower() for t in journey.ids}]
    if unknown:
        message = Message(
            "events.rules_outside_journey",
            unknown="`, `".join(unknown),
            journey=journey.name,
            touchpoints=", ".join(journey.ids),
        )
        raise EventLogError(message)
    new = [replace(tp, events=words.get(tp.id.lower(), ())) for tp in journey.touchpoints]
    return journey.with_touchpoints(new)


# --------------------------------------------------------------------------------------------
# Reading
