"""The journey model: the five moments of truth and a journey of touchpoints.

A journey is an ordered list of touchpoints. Each touchpoint has an id (used in column names
and tables), an English and a Spanish label, an optional moment-of-truth tag (one of
:data:`MOMENT_KEYS`) and event-matching keywords that map behaviour-data events to it.
The default journey is the five standard moments in journey order.

Custom journeys (a hotel, a bank) load from and save to a small JSON file::

    {"name": "Hotel stay",
     "touchpoints": [
        {"id": "booking", "label_en": "Booking", "label_es": "Reserva", "moment": "SMOT",
         "events": ["booking", "reserva"]},
        ...]}
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from mot._text import comma_list
from mot.errors import JourneyError
from mot.jsonfile import load_json, parse_json
from mot.messages import Message


@dataclass(frozen=True)
class Moment:
    """One of the five standard moments of truth."""

    key: str
    name_en: str
    name_es: str
    description_en: str
    description_es: str


MOMENTS: tuple[Moment, ...] = (
    Moment(
        "ZMOT",
        "Zero moment of truth",
        "Momento cero de la verdad",
        "The need appears and the customer researches online: search, reviews, comparisons.",
        "Surge la necesidad y el cliente investiga en línea: búsquedas, reseñas, comparativas.",
    ),
    Moment(
        "FMOT",
        "First moment of truth",
        "Primer momento de la verdad",
        "First encounter with the offer: product page, shelf or ad; stay or leave.",
        "Primer encuentro con la oferta: ficha de producto, lineal o anuncio; quedarse o irse.",
    ),
    Moment(
        "SMOT",
        "Second moment of truth",
        "Segundo momento de la verdad",
        "Purchase and the first experience of using the product.",
        "La compra y la primera experiencia de uso del producto.",
    ),
    Moment(
        "TMOT",
        "Third moment of truth",
        "Tercer momento de la verdad",
        "Service between purchase and arrival, and after: delivery, updates, support.",
        "El servicio entre la compra y la llegada, y después: entrega, avisos, soporte.",
    ),
    Moment(
        "UMOT",
        "Ultimate moment of truth",
        "Momento último de la verdad",
        "The customer shares the experience and decides whether to come back.",
        "El cliente comparte su experiencia y decide si vuelve.",
    ),
)

MOMENT_KEYS: tuple[str, ...] = tuple(m.key for m in MOMENTS)

# Keywords (English and Spanish) that map event names to each standard moment.
DEFAULT_EVENT_KEYWORDS: dict[str, tuple[str, ...]] = {
    "ZMOT": (
        "search",
        "busqueda",
        "búsqueda",
        "review_read",
        "compare",
        "comparar",
        "ad_click",
        "view_item_list",
        "select_item",
        "view_promotion",
        "select_promotion",
    ),
    "FMOT": (
        "landing",
        "product_view",
        "vista",
        "bounce",
        "view_item",
        "add_to_wishlist",
        "page_view@/product|/item|/articulo|/p/|/dp/",
    ),
    "SMOT": (
        "add_to_cart",
        "cart",
        "carrito",
        "checkout",
        "purchase",
        "compra",
        "unboxing",
        "add_shipping_info",
        "add_payment_info",
    ),
    "TMOT": (
        "shipping",
        "delivery",
        "envio",
        "envío",
        "entrega",
        "support",
        "soporte",
        "return",
        "refund",
        "reembolso",
        "devolucion",
        "devolución",
        "customer_service",
        "atencion_cliente",
    ),
    "UMOT": (
        "review_posted",
        "share",
        "compartir",
        "repurchase",
        "recompra",
        "referral",
        "generate_lead",
        "write_review",
        "submit_review",
        "leave_review",
    ),
}
"""Event keywords of the default journey's moments (see :class:`mot.behaviour.EventRules`).

Besides the demo's names, GA4's recommended e-commerce events map as GA4 means them:
``view_item_list``, ``select_item``, ``search``, promotions → ZMOT; ``view_item``,
``add_to_wishlist`` and a ``page_view`` of a product page (a page rule: its address holds
``/product``, ``/item``, ``/articulo``, ``/p/`` or ``/dp/``) → FMOT; ``add_to_cart``,
``view_cart``, ``begin_checkout``, ``add_shipping_info``, ``add_payment_info``, ``purchase`` →
SMOT; ``refund`` and support events → TMOT; ``share``, ``generate_lead`` and review events →
UMOT. ``session_start``, ``first_visit``, ``user_engagement`` (and ``scroll``, ``click``, a
``page_view`` of any other page) match nothing: they are not moments."""

_ID_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def moment(key: str) -> Moment:
    """Return the :class:`Moment` with this key (case-insensitive).

    Raises
    ------
    JourneyError
        If the key is not one of ZMOT, FMOT, SMOT, TMOT, UMOT.
    """
    for m in MOMENTS:
        if m.key == key.upper():
            return m
    message = Message("journey.not_a_moment", key=key, keys=", ".join(MOMENT_KEYS))
    raise JourneyError(message)


# Words (English and Spanish) by which a survey question names each standard moment; they
# suggest a rating's touchpoint from its question text (mot.questions). Compared accent- and
# case-free as whole words; a trailing `*` also takes any ending ("entrega*": entregado).
QUESTION_KEYWORDS: dict[str, tuple[str, ...]] = {
    "ZMOT": comma_list(
        "search*, research*, looking for information, information online, looking online, read "
        "reviews, read a review, reading a review, reading reviews, online reviews, reviews, "
        "compare, compared, comparing, comparison*, video*, busc*, búsqueda*, investig*, "
        "información en internet, informarse, informarte, reseñas, leer reseñas, opiniones de "
        "otros, compara*, comparé, comparó, vídeo*"
    ),
    "FMOT": comma_list(
        "product page*, product detail*, product listing*, product description*, product photo*, "
        "shelf, shelves, first impression*, first look, first saw, advert*, ad, ads, landing "
        "page*, storefront, shop window, página del producto, página de producto, ficha del "
        "producto, ficha de producto, descripción del producto, fotos del producto, lineal, "
        "estantería*, escaparate*, anuncio*, publicidad, primera impresión, primer contacto, "
        "primera vez que vio, primera vez que viste"
    ),
    "SMOT": comma_list(
        "purchas*, buy, buying, bought, checkout, check out, payment*, pay, paid, paying, cart, "
        "basket, unboxing, opening the package, first use, using the product, use the product, "
        "used the product, the product itself, compra, compras, comprar, comprado, comprada, "
        "compraste, compré, compró, pago, pagar, pagó, carrito, cesta, desembal*, abrir el "
        "paquete, primer uso, usar el producto, uso del producto, el producto en sí"
    ),
    "TMOT": comma_list(
        "deliver*, shipping, shipment*, shipped, arriv*, tracking, order updates, notification*, "
        "support, customer service, customer care, help desk, helpdesk, returns, return process, "
        "returning, refund*, complaint*, courier, after sales, entrega*, envío*, enviad*, "
        "llegada, llegó, llegara, llegase, llegue, seguimiento, aviso*, notificaci*, soporte, "
        "atención al cliente, servicio al cliente, servicio de atención, posventa, postventa, "
        "devoluci*, devolver, reembolso*, reclamaci*, incidencia*, transportista, mensajer*, "
        "repartidor*, reparto"
    ),
    "UMOT": comma_list(
        "share, shared, sharing, social media, social network*, word of mouth, write a review, "
        "wrote a review, writing a review, leave a review, leaving a review, left a review, post "
        "a review, posted a review, posting a review, your review, a review, recommend*, "
        "referral*, refer a friend, tell your friends, compartir, compartió, compartido, redes "
        "sociales, boca a boca, escribir una reseña, dejar una reseña, publicar una reseña, "
        "escribió una reseña, su reseña, tu reseña, dejar una opinión, dejar una valoración, "
        "recomend*, recomiend*"
    ),
}
# Generic words that name a moment less surely: they count for less than a keyword above.
QUESTION_HINTS: dict[str, tuple[str, ...]] = {
    "ZMOT": comma_list("internet, online, google, opiniones, information, información"),
    "FMOT": comma_list(
        "store, shop, website, web, app, offer, catalog*, catalogue, tienda, sitio web, página "
        "web, oferta, catálogo"
    ),
    "SMOT": comma_list(
        "product, producto, use, using, uso, usar, usarlo, your order, su pedido, tu pedido, el "
        "pedido"
    ),
    "TMOT": comma_list("package, parcel, paquete, after-sales, help, ayuda"),
    "UMOT": comma_list("loyalty, fidelidad, fidelización, friends, amigos"),
}


@dataclass(frozen=True)
class Touchpoint:
    """A point of contact in the journey."""

    id: str
    label_en: str
    label_es: str
    moment: str | None = None
    events: tuple[str, ...] = ()

    def label(self, language: str = "en") -> str:
        """Return the label in ``language`` ("en" or "es")."""
        return self.label_es if language == "es" else self.label_en


@dataclass(frozen=True)
class Journey:
    """An ordered list of touchpoints.

    Build one with :func:`journey_from_dict`, :func:`load_journey` or
    :func:`default_journey`; they validate it.
    """

    touchpoints: tuple[Touchpoint, ...]
    name: str = "E-commerce journey"
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def ids(self) -> tuple[str, ...]:
        """Touchpoint ids in journey order."""
        return tuple(tp.id for tp in self.touchpoints)

    def touchpoint(self, touchpoint_id: str) -> Touchpoint:
        """Return the touchpoint with this id (case-insensitive)."""
        for tp in self.touchpoints:
            if tp.id.lower() == touchpoint_id.lower():
                return tp
        message = Message(
            "journey.unknown_touchpoint",
            touchpoint=touchpoint_id,
            journey=self.name,
            touchpoints=", ".join(self.ids),
        )
        raise JourneyError(message)

    def labels(self, language: str = "en") -> dict[str, str]:
        """Map touchpoint id to its label in ``language``."""
        return {tp.id: tp.label(language) for tp in self.touchpoints}

    def to_frame(self) -> pd.DataFrame:
        """One row per touchpoint: position, id, label_en, label_es, moment, events."""
        rows = [
            {
                "position": i,
                "touchpoint": tp.id,
                "label_en": tp.label_en,
                "label_es": tp.label_es,
                "moment": tp.moment,
                "events": ", ".join(tp.events),
            }
            for i, tp in enumerate(self.touchpoints)
        ]
        columns = ["position", "touchpoint", "label_en", "label_es", "moment", "events"]
        return pd.DataFrame(rows, columns=columns)

    def to_dict(self) -> dict:
        """The JSON-ready form that :func:`journey_from_dict` reads back."""
        return {
            "name": self.name,
            "touchpoints": [
                {
                    "id": tp.id,
                    "label_en": tp.label_en,
                    "label_es": tp.label_es,
                    "moment": tp.moment,
                    "events": list(tp.events),
                }
                for tp in self.touchpoints
            ],
            **self.extra,
        }

    def with_touchpoints(self, touchpoints: list[Touchpoint]) -> Journey:
        """Return a validated copy with these touchpoints (rename, add, remove, reorder)."""
        return journey_from_dict(
            {
                **self.to_dict(),
                "touchpoints": [{**tp.__dict__, "events": list(tp.events)} for tp in touchpoints],
            }
        )


def default_journey() -> Journey:
    """The standard e-commerce journey: ZMOT, FMOT, SMOT, TMOT, UMOT in order.

    Examples
    --------
    >>> default_journey().ids
    ('ZMOT', 'FMOT', 'SMOT', 'TMOT', 'UMOT')
    """
    return Journey(
        tuple(
            Touchpoint(m.key, m.name_en, m.name_es, m.key, DEFAULT_EVENT_KEYWORDS[m.key])
            for m in MOMENTS
        )
    )


def _validate_touchpoint(raw: object, index: int) -> Touchpoint:
    if not isinstance(raw, dict):
        raise JourneyError(Message("journey.not_an_object", n=index + 1, raw=raw))
    tp_id = str(raw.get("id", "")).strip()
    if not _ID_PATTERN.match(tp_id):
        raise JourneyError(Message("journey.bad_id", n=index + 1, id=tp_id))
    tag = raw.get("moment")
    tag = str(tag).strip().upper() if tag not in (None, "") else None
    if tag is not None and tag not in MOMENT_KEYS:
        message = Message(
            "journey.bad_moment", id=tp_id, tag=str(raw.get("moment")), keys=", ".join(MOMENT_KEYS)
        )
        raise JourneyError(message)
    events = raw.get("events") or ()
    if isinstance(events, str):
        events = [e for e in re.split(r"[,\s]+", events) if e]
    label_en = str(raw.get("label_en") or raw.get("label") or tp_id)
    label_es = str(raw.get("label_es") or label_en)
    return Touchpoint(tp_id, label_en, label_es, tag, tuple(str(e).strip() for e in events))


def journey_from_dict(data: dict) -> Journey:
    """Build and validate a journey from its JSON form.

    Raises
    ------
    JourneyError
        If there are no touchpoints, an id is malformed or repeated, or a moment tag is unknown.

    Examples
    --------
    >>> j = journey_from_dict({"touchpoints": [{"id": "booking", "moment": "smot"},
    ...                                         {"id": "checkin"}]})
    >>> j.ids, j.touchpoints[0].moment
    (('booking', 'checkin'), 'SMOT')
    """
    if not isinstance(data, dict) or not isinstance(data.get("touchpoints"), list):
        raise JourneyError(Message("journey.not_a_journey"))
    if not data["touchpoints"]:
        raise JourneyError(Message("journey.no_touchpoints"))
    touchpoints = tuple(_validate_touchpoint(raw, i) for i, raw in enumerate(data["touchpoints"]))
    seen: dict[str, int] = {}
    for i, tp in enumerate(touchpoints):
        key = tp.id.lower()
        if key in seen:
            message = Message("journey.duplicate_id", id=tp.id, first=seen[key] + 1, second=i + 1)
            raise JourneyError(message)
        seen[key] = i
    extra = {k: v for k, v in data.items() if k not in ("name", "touchpoints")}
    return Journey(touchpoints, str(data.get("name") or "Custom journey"), extra)


def load_journey(source: str | Path) -> Journey:
    """Read and validate a journey JSON file."""
    data = load_json(source, what="journey", error=JourneyError)
    return journey_from_dict(data)


def save_journey(journey: Journey, target: str | Path) -> None:
    """Write the journey as JSON (UTF-8, readable by :func:`load_journey`)."""
    text = json.dumps(journey.to_dict(), ensure_ascii=False, indent=2)
    Path(target).write_text(text + "\n", encoding="utf-8")


def renamed(journey: Journey, touchpoint_id: str, **changes: object) -> Journey:
    """Return the journey with one touchpoint's fields changed (label, moment, events)."""
    tp = journey.touchpoint(touchpoint_id)
    new = [replace(t, **changes) if t is tp else t for t in journey.touchpoints]
    return journey.with_touchpoints(new)


def journey_from_frame(frame: pd.DataFrame, *, name: str = "Custom journey") -> Journey:
    """Build and validate a journey from its edited table (the form of :meth:`Journey.to_frame`).

    Parameters
    ----------
    frame : DataFrame
        ``position, touchpoint, label_en, label_es, moment, events``: one row per touchpoint;
        ``events`` are keywords separated by commas. Rows are put in ``position`` order (ties
        and empty positions keep the table's order, empty positions last). Rows with every
        field empty (a row added and never filled in) are not touchpoints and are skipped.
    name : str
        The journey's name.

    Returns
    -------
    Journey
        The validated journey.

    Raises
    ------
    JourneyError
        As :func:`journey_from_dict`: no touchpoints, a malformed or repeated id, an unknown
        moment tag.

    Examples
    --------
    >>> frame = default_journey().to_frame()
    >>> frame.loc[4, "position"] = -1
    >>> frame.loc[0, ["touchpoint", "label_en"]] = ["research", "Research"]
    >>> j = journey_from_frame(frame, name="Shop")
    >>> j.name, j.ids, j.touchpoints[1].label_en, j.touchpoints[1].moment
    ('Shop', ('UMOT', 'research', 'FMOT', 'SMOT', 'TMOT'), 'Research', 'ZMOT')
    """
    clean = frame.astype(object).where(frame.notna(), None)
    fields = [c for c in clean.columns if c != "position"]
    blank = clean[fields].map(lambda v: v is None or not str(v).strip()).all(axis=1)
    clean = clean[~blank.to_numpy()]
    if "position" in clean.columns:
        order = pd.to_numeric(clean["position"], errors="coerce")
        clean = clean.iloc[order.reset_index(drop=True).sort_values(kind="stable").index]
    touchpoints = [
        {
            **{k: v for k, v in row.items() if k not in ("position", "touchpoint")},
            "id": row.get("touchpoint") or "",
        }
        for row in clean.to_dict("records")
    ]
    return journey_from_dict({"name": name, "touchpoints": touchpoints})


def journey_from_json(text: str | bytes, *, name: str = "journey file") -> Journey:
    """Read and validate a journey from JSON text (an uploaded journey file).

    Parameters
    ----------
    text : str or bytes
        The JSON written by :meth:`Journey.to_dict` (UTF-8, a BOM is allowed).
    name : str
        The file name, for messages.

    Returns
    -------
    Journey
        The validated journey.

    Raises
    ------
    JourneyError
        If the text is not JSON, or the JSON is not a valid journey.

    Examples
    --------
    >>> journey_from_json('{"touchpoints": [{"id": "booking"}, {"id": "stay"}]}').ids
    ('booking', 'stay')
    """
    data = parse_json(text, name=name, what="journey", error=JourneyError)
    return journey_from_dict(data)
