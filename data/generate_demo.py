"""Generate the demo data sets: a wide survey export and the matching event log.

Usage::

    python data/generate_demo.py [--out DIR]

Writes ``demo_survey.csv``, ``demo_events.parquet`` and the survey's second wave
``demo_survey_wave2.csv`` (measured again after a corrective action) into ``DIR`` (default:
this folder).
Everything comes from one seeded generator (``numpy.random.default_rng(2024)``) and is built
with array operations (no loop over respondents or users), so a rerun gives the same bytes.
The truths planted in the data, with their generating rules and sizes, are documented in
``data/README.md``; ``tests/test_demo_data.py`` checks each of them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

SEED = 2024
N_RESPONDENTS = 2000
N_VISITORS = 22000
TOUCHPOINTS = ("ZMOT", "FMOT", "SMOT", "TMOT", "UMOT")
START = pd.Timestamp("2026-06-01", tz="UTC")
WINDOW_DAYS = 84  # 12 weeks
INCIDENT_DAYS = (42.0, 49.0)  # the week of Monday 2026-07-13
# The second wave (demo_survey_wave2.csv): measured again after a corrective action at TMOT
# (mobile customers choose their delivery slot by text message), 16 weeks after the first.
WAVE2_SEED = SEED + 1
N_WAVE2 = 1500
N_WAVE2_REPEAT = 600  # wave-1 customers (C000001..C000600) who answer again
WAVE2_START = START + pd.Timedelta(days=112)
WAVE2_DAYS = 28
WAVE2_TMOT_DEVICE_SHIFT = {"mobile": -0.5, "desktop": 0.0, "tablet": -0.6}  # mobile was -1.5
DAY = 86400.0
HOUR = 3600.0
SESSION_GAP = 30 * 60.0

DEVICES = (("mobile", "desktop", "tablet"), (0.55, 0.35, 0.10))
CHANNELS = (("search", "social", "email", "direct"), (0.40, 0.25, 0.15, 0.20))
PERSONAS = (("bargain_hunter", "loyal", "first_timer"), (0.40, 0.30, 0.30))

# Latent experienced utility (1–7) of a desktop respondent who saw variant A.
EXPERIENCED_MEAN = np.array([4.6, 4.8, 5.7, 5.5, 4.8])
TMOT_DEVICE_SHIFT = {"mobile": -1.5, "desktop": 0.0, "tablet": -0.6}
VARIANT_B_FMOT_LIFT = 0.6
ANTICIPATED_MEAN = np.array([4.9, 5.0, 5.0, 5.6, 4.7])
EXCELLENT_MEAN = np.array([6.2, 6.3, 6.5, 6.6, 6.2])
IMPORTANCE_MEAN = np.array([3.2, 3.6, 4.4, 4.5, 3.4])
EMOTION_CENTRE = 4.4  # experienced utility that feels neutral
EMOTION_SLOPE = 0.9  # emotion points per point of experienced utility
STANDOUT = (1.8, 2.8)  # emotional size of the standout moment (uniform range)
RECUERDO = (5.8, 1.2, 1.25)  # recuerdo_global = a + b * (peak + end) / 2 + N(0, sd)
# recomendacion = a + weights · (experienced - its mean) + N(0, sd), weights in journey order.
RECOMMEND_LOYAL = (8.0, (0.0, 0.0, 0.15, 1.3, 0.15), 1.1)
RECOMMEND_OTHER = (7.6, (0.0, 0.0, 0.6, 0.6, 0.6), 1.3)

# Column name of each (touchpoint, measure): the naming convention with the separators,
# case and English/Spanish synonyms that real exports mix.
RATING_COLUMNS: dict[str, tuple[str, ...]] = {
    "anticipated": (
        "ZMOT_expectativa",
        "FMOT - anticipated",
        "SMOT_expected",
        "TMOT esperada",
        "umot_anticipada",
    ),
    "experienced": (
        "ZMOT_experienced",
        "FMOT.vivida",
        "SMOT_Experience",
        "TMOT experiencia",
        "UMOT_experienced",
    ),
    "retrospective": (
        "ZMOT_recordada",
        "FMOT_recuerdo",
        "SMOT - remembered",
        "TMOT_memory",
        "UMOT.retrospectiva",
    ),
    "excellent": ("ZMOT_excelente", "FMOT ideal", "SMOT.excellent", "TMOT_ideal", "UMOT_Excelente"),
    "importance": (
        "ZMOT_importance",
        "FMOT_importancia",
        "SMOT_importancia",
        "TMOT - importance",
        "UMOT importancia",
    ),
    "emotion": ("ZMOT_emocion", "FMOT_feeling", "SMOT_emoción", "TMOT_Emotion", "UMOT_sentimiento"),
}
COMMENT_COLUMNS = (
    "ZMOT_comment",
    "FMOT comentario",
    "SMOT - comment",
    "TMOT_comentario",
    "UMOT.comentario",
)
SCALES = {
    "anticipated": (1, 7),
    "experienced": (1, 7),
    "retrospective": (1, 7),
    "excellent": (1, 7),
    "importance": (1, 5),
    "emotion": (-3, 3),
}
OUTCOME_SCALES = {
    "recomendacion": (0, 10),
    "satisfaccion_general": (1, 5),
    "recuerdo_global": (0, 10),
    "repurchase_intent": (1, 5),
}
MISSING_RATE = 0.03
# The six realistic don't-know answers: (column, text).
DONT_KNOW = (
    ("ZMOT_importance", "no sé"),
    ("FMOT - anticipated", "N/A"),
    ("SMOT - remembered", "no sé"),
    ("TMOT experiencia", "N/A"),
    ("UMOT_sentimiento", "no sé"),
    ("satisfaccion_general", "N/A"),
)

# Free-text comments: (touchpoint index, condition name, how many, sentences).
COMMENT_RULES = (
    (
        3,
        "mobile_low",
        14,
        (
            "El envío llegó tarde",
            "El pedido llegó tres días tarde y nadie avisó",
            "Delivery was late and tracking never updated",
            "No pude seguir el envío desde el móvil",
            "The courier left it at the wrong door",
            "Package arrived two days after the promised date",
        ),
    ),
    (
        3,
        "desktop_high",
        5,
        ("Entrega rápida y bien embalado", "Arrived a day early, great service"),
    ),
    (
        2,
        "high",
        8,
        (
            "Checkout was quick and easy",
            "El pago fue muy sencillo",
            "Me encantó el producto al abrirlo",
            "Great unboxing, felt premium",
        ),
    ),
    (
        2,
        "low",
        3,
        ("Me cobraron gastos de envío inesperados", "The coupon did not apply at checkout"),
    ),
    (1, "b_high", 4, ("Las fotos del producto ayudan mucho", "Clear product page, easy to decide")),
    (
        1,
        "mobile_low",
        3,
        ("La web tardaba en cargar en el móvil", "Product page was hard to read on my phone"),
    ),
    (
        0,
        "any",
        4,
        (
            "Encontré buenas reseñas antes de comprar",
            "Hard to compare the models",
            "Las comparativas me ayudaron a decidir",
        ),
    ),
    (
        4,
        "high",
        4,
        ("Volveré a comprar", "I recommended it to a friend", "Dejé una reseña de 5 estrellas"),
    ),
    (4, "low", 3, ("No creo que repita", "Would not recommend after the delivery")),
)

# Event vocabulary, in funnel order (the order also breaks timestamp ties within a user).
EVENT_NAMES = (
    "newsletter_open",
    "app_update",
    "search",
    "ad_click",
    "review_read",
    "compare",
    "landing",
    "account_login",
    "bounce",
    "product_view",
    "add_to_cart",
    "checkout",
    "purchase",
    "shipping_update",
    "delivery",
    "support_ticket",
    "review_posted",
    "share",
    "repurchase",
)
EV = {name: code for code, name in enumerate(EVENT_NAMES)}


def _choice(rng: np.random.Generator, spec: tuple, size: int) -> np.ndarray:
    values, probs = spec
    return rng.choice(np.array(values), size=size, p=probs)


def _to_scale(x: np.ndarray, low: int, high: int) -> np.ndarray:
    """Round a continuous latent to the integer points of a scale."""
    return np.clip(np.rint(x), low, high).astype(np.int64)


# --------------------------------------------------------------------------------------------
# Survey
# --------------------------------------------------------------------------------------------


def _segments(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    return {
        "device": _choice(rng, DEVICES, n),
        "channel": _choice(rng, CHANNELS, n),
        "variant": np.where(rng.random(n) < 0.5, "A", "B"),
    }


def _experienced_latent(
    rng: np.random.Generator,
    seg: dict[str, np.ndarray],
    tmot_shift: dict[str, float] = TMOT_DEVICE_SHIFT,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Experienced utility on a continuous 1–7 scale, respondents × touchpoints.

    Returns the utility, the respondent effect (n × 1) and the moment-level deviation (n × 5).
    """
    n = len(seg["device"])
    person = rng.normal(0.0, 0.35, size=(n, 1))
    deviation = rng.normal(0.0, 1.0, size=(n, len(TOUCHPOINTS)))
    latent = EXPERIENCED_MEAN + person + deviation
    devices = list(tmot_shift)
    shift = np.select([seg["device"] == d for d in devices], [tmot_shift[d] for d in devices])
    latent[:, 3] += shift
    latent[:, 1] += VARIANT_B_FMOT_LIFT * (seg["variant"] == "B")
    return latent, person, deviation


def _peak(emotion: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The most intense point of each row (largest |emotion|): its value and its column."""
    where = np.abs(emotion).argmax(axis=1)
    return np.take_along_axis(emotion, where[:, None], axis=1)[:, 0], where


def _emotion_latent(
    rng: np.random.Generator, experienced: np.ndarray, deviation: np.ndarray
) -> np.ndarray:
    """Emotion (−3..+3, continuous) felt at each touchpoint, with one standout moment.

    Among the moments before the end, the one whose experience deviated most from the
    respondent's usual level (largest |deviation|) stands out: its emotion moves by
    ``±STANDOUT`` in the direction of the deviation, and by contrast the other moments before
    the end move a third of that the other way. Deviations are independent of the segments,
    so the standout changes no segment's or touchpoint's mean emotion (in expectation).
    """
    n, k = experienced.shape
    felt = EMOTION_SLOPE * (experienced - EMOTION_CENTRE) + rng.normal(0.0, 0.5, (n, k))
    before_end = deviation[:, :-1]
    where = np.abs(before_end).argmax(axis=1)
    sign = np.sign(before_end[np.arange(n), where])
    size = sign * rng.uniform(*STANDOUT, n)
    shape = np.zeros((n, k))
    shape[:, :-1] = -size[:, None] / (k - 2)
    shape[np.arange(n), where] = size
    return np.clip(felt + shape, -3.4, 3.4)


def _peak_end(emotion: np.ndarray) -> np.ndarray:
    """(peak + end) / 2 per row: peak = the point of largest |emotion|, end = the last one."""
    return (_peak(emotion)[0] + emotion[:, -1]) / 2.0


def _survey_latents(
    rng: np.random.Generator,
    seg: dict[str, np.ndarray],
    tmot_shift: dict[str, float] = TMOT_DEVICE_SHIFT,
) -> dict:
    """Continuous latents of every measure and outcome (before rounding to the scales)."""
    n = len(seg["device"])
    shape = (n, len(TOUCHPOINTS))
    experienced, person, deviation = _experienced_latent(rng, seg, tmot_shift)
    emotion = _emotion_latent(rng, experienced, deviation)
    peak_end = _peak_end(emotion)
    lat = {
        "experienced": experienced,
        "emotion": emotion,
        "anticipated": ANTICIPATED_MEAN + 0.5 * person + rng.normal(0.0, 0.9, shape),
        "retrospective": 0.7 * experienced
        + 0.3 * (EMOTION_CENTRE + peak_end[:, None] / EMOTION_SLOPE)
        + rng.normal(0.0, 0.6, shape),
        "excellent": EXCELLENT_MEAN + 0.3 * person + rng.normal(0.0, 0.6, shape),
        "importance": IMPORTANCE_MEAN + rng.normal(0.0, 0.7, shape),
    }
    lat["peak_end"] = peak_end
    a, b, sd = RECUERDO
    lat["recuerdo_global"] = a + b * peak_end + rng.normal(0.0, sd, n)
    return lat


def _outcome_latents(
    rng: np.random.Generator, lat: dict, persona: np.ndarray
) -> dict[str, np.ndarray]:
    n = len(persona)
    centred = lat["experienced"] - lat["experienced"].mean(axis=0)
    u = centred[:, 4]
    loyal = persona == "loyal"
    (a_loyal, w_loyal, sd_loyal), (a_other, w_other, sd_other) = RECOMMEND_LOYAL, RECOMMEND_OTHER
    recommend = np.where(
        loyal,
        a_loyal + centred @ np.array(w_loyal) + rng.normal(0.0, sd_loyal, n),
        a_other + centred @ np.array(w_other) + rng.normal(0.0, sd_other, n),
    )
    persona_shift = np.select([loyal, persona == "first_timer"], [0.5, -0.2], 0.0)
    return {
        "recomendacion": recommend,
        "satisfaccion_general": 3.6 + 0.45 * centred.mean(axis=1) + rng.normal(0.0, 0.6, n),
        "recuerdo_global": lat["recuerdo_global"],
        "repurchase_intent": 3.3
        + 0.4 * u
        + 0.2 * (lat["recuerdo_global"] - RECUERDO[0])
        + persona_shift
        + rng.normal(0.0, 0.7, n),
    }


def _comment_masks(seg: dict, rated: np.ndarray, tp: int) -> dict[str, np.ndarray]:
    exp = rated[:, tp]
    return {
        "mobile_low": (seg["device"] == "mobile") & (exp <= 3),
        "desktop_high": (seg["device"] == "desktop") & (exp >= 6),
        "high": exp >= 6,
        "low": exp <= 3,
        "b_high": (seg["variant"] == "B") & (exp >= 6),
        "any": np.ones(len(exp), dtype=bool),
    }


def _comments(rng: np.random.Generator, seg: dict, rated: np.ndarray) -> np.ndarray:
    """Free-text comments, respondents × touchpoints ('' where none was written)."""
    out = np.full(rated.shape, "", dtype=object)
    for tp, condition, k, sentences in COMMENT_RULES:
        candidates = np.flatnonzero(_comment_masks(seg, rated, tp)[condition] & (out[:, tp] == ""))
        chosen = rng.choice(candidates, size=k, replace=False)
        out[chosen, tp] = rng.choice(np.array(sentences, dtype=object), size=k)
    return out


def _as_text(values: np.ndarray, blank: np.ndarray) -> np.ndarray:
    text = values.astype(str).astype(object)
    text[blank] = ""
    return text


def _start_dates(rng: np.random.Generator, delivered_at: np.ndarray) -> np.ndarray:
    """Survey start: 3–10 days after the respondent's delivery, as an export prints it."""
    seconds = delivered_at + rng.uniform(3 * DAY, 10 * DAY, len(delivered_at))
    stamps = START + pd.to_timedelta(np.rint(seconds), unit="s")
    return stamps.tz_localize(None).strftime("%Y-%m-%d %H:%M:%S").to_numpy(dtype=object)


def _customer_ids(numbers: np.ndarray) -> np.ndarray:
    return np.char.add("C", np.char.zfill(numbers.astype(str), 6))


def build_survey(
    rng: np.random.Generator,
    seg: dict,
    lat: dict,
    persona: np.ndarray,
    customers: np.ndarray | None = None,
) -> dict:
    """The survey's columns as text arrays, one row per customer (C000001... unless
    ``customers`` numbers them), no metadata yet."""
    n = len(persona)
    numbers = np.arange(1, n + 1) if customers is None else customers
    columns: dict[str, np.ndarray] = {
        "customer_id": _customer_ids(numbers),
        "device": seg["device"],
        "channel": seg["channel"],
        "persona": persona,
        "variant": seg["variant"],
    }
    rated = {m: _to_scale(lat[m], *SCALES[m]) for m in RATING_COLUMNS}
    comments = _comments(rng, seg, rated["experienced"])
    for tp in range(len(TOUCHPOINTS)):
        for measure, names in RATING_COLUMNS.items():
            blank = rng.random(n) < MISSING_RATE
            columns[names[tp]] = _as_text(rated[measure][:, tp], blank)
        columns[COMMENT_COLUMNS[tp]] = comments[:, tp]
    for name, latent in _outcome_latents(rng, lat, persona).items():
        blank = rng.random(n) < MISSING_RATE
        columns[name] = _as_text(_to_scale(latent, *OUTCOME_SCALES[name]), blank)
    rows = rng.choice(n, size=len(DONT_KNOW), replace=False)
    for row, (name, text) in zip(rows, DONT_KNOW, strict=True):
        columns[name][row] = text
    return columns


# --------------------------------------------------------------------------------------------
# Event log
# --------------------------------------------------------------------------------------------


class _Events:
    """Accumulates event arrays (user index, seconds since START, event code, revenue)."""

    def __init__(self) -> None:
        self.parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []

    def add(self, users, times, code, revenue=None) -> None:
        users = np.asarray(users)
        codes = np.broadcast_to(np.asarray(code), users.shape)
        rev = np.full(users.shape, np.nan) if revenue is None else np.asarray(revenue)
        self.parts.append((users, np.asarray(times, dtype=float), codes, rev))

    def arrays(self) -> tuple[np.ndarray, ...]:
        return tuple(np.concatenate([p[i] for p in self.parts]) for i in range(4))


def _repeat(
    rng: np.random.Generator, users: np.ndarray, counts: np.ndarray, start: np.ndarray, gap: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Repeat each user ``count`` times, at ``start`` plus cumulative exponential gaps.

    Returns the repeated user indices, their times, their position within the user and the
    time of each user's last event (``start`` when the count is 0).
    """
    rep = np.repeat(users, counts)
    gaps = rng.exponential(gap, rep.size) + 5.0
    cum = np.cumsum(gaps)
    group_start = np.repeat(np.cumsum(counts) - counts, counts)
    offset_before = np.concatenate([[0.0], cum])[group_start]
    position = np.arange(rep.size) - group_start
    times = np.repeat(start, counts) + cum - offset_before
    last = start.copy()
    has = counts > 0
    ends = np.cumsum(counts)[has] - 1
    last[has] = times[ends]
    return rep, times, position, last


def _first_visits(rng: np.random.Generator, is_resp: np.ndarray) -> np.ndarray:
    n = is_resp.size
    days = np.where(is_resp, rng.uniform(0, 72, n), rng.uniform(0, WINDOW_DAYS, n))
    hours = np.clip(rng.normal(15.0, 4.0, n), 6.0, 23.5)
    return np.floor(days) * DAY + hours * HOUR


def _research(rng, ev: _Events, users: dict, t0: np.ndarray) -> np.ndarray:
    """ZMOT research events; returns the landing time of each user."""
    n = t0.size
    idx = np.arange(n)
    channel = users["channel"]
    counts = rng.poisson(1.3, n) + (channel == "search")
    rep, times, pos, last = _repeat(rng, idx, counts, t0, 120.0)
    drawn = rng.choice(
        np.array([EV["search"], EV["review_read"], EV["compare"], EV["ad_click"]]),
        size=rep.size,
        p=[0.45, 0.3, 0.15, 0.1],
    )
    first_search = (pos == 0) & (channel[rep] == "search")
    first_ad = (pos == 0) & (channel[rep] == "social") & (rng.random(rep.size) < 0.7)
    codes = np.where(first_search, EV["search"], np.where(first_ad, EV["ad_click"], drawn))
    ev.add(rep, times, codes)
    earlier = rng.random(n) < 0.35  # research in an earlier session, hours or days before
    return last + np.where(earlier, rng.uniform(2 * HOUR, 72 * HOUR, n), rng.exponential(90, n))


def _browse(rng, ev: _Events, users: dict, land: np.ndarray) -> np.ndarray:
    """FMOT and SMOT: landing, bounce or product views, cart, checkout, purchase.

    Returns the purchase time of each user (NaN when the user did not buy).
    """
    n = land.size
    idx = np.arange(n)
    resp = users["is_resp"]
    ev.add(idx, land, EV["landing"])
    bounce_rate = np.select(
        [users["device"] == "mobile", users["device"] == "desktop"], [0.46, 0.28], 0.36
    )
    bounced = (rng.random(n) < bounce_rate) & ~resp
    ev.add(idx[bounced], land[bounced] + rng.uniform(5, 40, bounced.sum()), EV["bounce"])
    login = ~bounced & (rng.random(n) < 0.2)
    ev.add(idx[login], land[login] + 3.0, EV["account_login"])
    views = np.where(bounced, 0, 1 + rng.poisson(1.6, n))
    rep, times, _, last_view = _repeat(rng, idx, views, land + 5.0, 70.0)
    ev.add(rep, times, EV["product_view"])
    cart_rate = np.where(users["variant"] == "B", 0.38, 0.30)
    cart = (views > 0) & ((rng.random(n) < cart_rate) | resp)
    t_cart = last_view + rng.exponential(45, n) + 5
    ev.add(idx[cart], t_cart[cart], EV["add_to_cart"])
    checkout = cart & ((rng.random(n) < 0.72) | resp)
    later = rng.random(n) < 0.25
    t_check = t_cart + np.where(later, rng.uniform(2 * HOUR, 36 * HOUR, n), rng.exponential(80, n))
    ev.add(idx[checkout], t_check[checkout], EV["checkout"])
    buy = checkout & ((rng.random(n) < 0.86) | resp)
    t_buy = t_check + rng.exponential(60, n) + 20
    revenue = np.round(rng.lognormal(4.0, 0.55, n), 2)
    ev.add(idx[buy], t_buy[buy], EV["purchase"], revenue[buy])
    return np.where(buy, t_buy, np.nan)


def _delivery(rng, ev: _Events, users: dict, t_buy: np.ndarray) -> np.ndarray:
    """TMOT: shipping updates, delivery (with the incident week), support tickets.

    Returns the delivery time of each user (NaN when nothing was delivered).
    """
    n = t_buy.size
    buyers = np.flatnonzero(~np.isnan(t_buy))
    bought = t_buy[buyers]
    scheduled = bought + (1.5 + rng.gamma(2.0, 0.8, buyers.size)) * DAY
    span = scheduled - bought
    ev.add(buyers, bought + span * rng.uniform(0.2, 0.45, buyers.size), EV["shipping_update"])
    second = rng.random(buyers.size) < 0.6
    t_second = bought + span * rng.uniform(0.55, 0.9, buyers.size)
    ev.add(buyers[second], t_second[second], EV["shipping_update"])
    low, high = INCIDENT_DAYS
    hit = (scheduled >= low * DAY) & (scheduled < high * DAY)
    lost = hit & (rng.random(buyers.size) < 0.3) & ~users["is_resp"][buyers]
    delivered = np.where(hit, scheduled + rng.uniform(3 * DAY, 7 * DAY, buyers.size), scheduled)
    ok = ~lost
    ev.add(buyers[ok], delivered[ok], EV["delivery"])
    ticket_rate = np.where(hit, 0.5, 0.04) + 0.12 * users["low_tmot"][buyers]
    ticket = rng.random(buyers.size) < ticket_rate
    t_ticket = np.where(
        hit,
        scheduled + rng.uniform(0.1 * DAY, 1.5 * DAY, buyers.size),
        scheduled + rng.uniform(0.2 * DAY, 5 * DAY, buyers.size),
    )
    ev.add(buyers[ticket], t_ticket[ticket], EV["support_ticket"])
    out = np.full(n, np.nan)
    out[buyers[ok]] = delivered[ok]
    return out


def _after(rng, ev: _Events, users: dict, t_del: np.ndarray) -> None:
    """UMOT: review, share, repurchase after delivery."""
    got = np.flatnonzero(~np.isnan(t_del))
    t = t_del[got]
    m = got.size
    review = rng.random(m) < 0.22
    ev.add(
        got[review], t[review] + rng.uniform(1 * DAY, 10 * DAY, review.sum()), EV["review_posted"]
    )
    share = rng.random(m) < 0.08
    ev.add(got[share], t[share] + rng.uniform(0.5 * DAY, 6 * DAY, share.sum()), EV["share"])
    intent = users["repurchase_intent"][got]
    again = rng.random(m) < np.where(np.isnan(intent), 0.12, 0.02 + 0.05 * (intent - 1))
    ev.add(got[again], t[again] + rng.uniform(10 * DAY, 40 * DAY, again.sum()), EV["repurchase"])


def _unmatched(rng, ev: _Events, users: dict) -> None:
    """Events that match no moment: newsletter opens and app updates."""
    n = users["device"].size
    idx = np.arange(n)
    opens = rng.poisson(1.0, n)
    rep = np.repeat(idx, opens)
    ev.add(rep, rng.uniform(0, WINDOW_DAYS * DAY, rep.size), EV["newsletter_open"])
    update = (users["device"] == "mobile") & (rng.random(n) < 0.3)
    ev.add(idx[update], rng.uniform(0, WINDOW_DAYS * DAY, update.sum()), EV["app_update"])


def build_events(rng: np.random.Generator, users: dict) -> tuple[pd.DataFrame, np.ndarray]:
    """The event log, and the delivery time (seconds since START) of each user."""
    ev = _Events()
    t0 = _first_visits(rng, users["is_resp"])
    land = _research(rng, ev, users, t0)
    t_buy = _browse(rng, ev, users, land)
    t_del = _delivery(rng, ev, users, t_buy)
    _after(rng, ev, users, t_del)
    _unmatched(rng, ev, users)
    user, seconds, code, revenue = ev.arrays()
    seconds = np.rint(seconds)
    keep = seconds < WINDOW_DAYS * DAY
    user, seconds, code, revenue = user[keep], seconds[keep], code[keep], revenue[keep]
    order = np.lexsort((code, seconds, user))
    user, seconds, code, revenue = user[order], seconds[order], code[order], revenue[order]
    new_session = np.ones(user.size, dtype=bool)
    new_session[1:] = (user[1:] != user[:-1]) | (np.diff(seconds) > SESSION_GAP)
    session_no = np.cumsum(new_session)
    frame = pd.DataFrame(
        {
            "user_id": users["customer_id"][user],
            "session_id": np.char.add("S", np.char.zfill(session_no.astype(str), 7)),
            "timestamp": START + pd.to_timedelta(seconds.astype(np.int64), unit="s"),
            "event_name": np.array(EVENT_NAMES)[code],
            "device": users["device"][user],
            "channel": users["channel"][user],
            "variant": users["variant"][user],
            "revenue": revenue,
        }
    )
    return frame, t_del


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------

EVENT_SCHEMA = pa.schema(
    [
        ("user_id", pa.string()),
        ("session_id", pa.string()),
        ("timestamp", pa.timestamp("ms", tz="UTC")),
        ("event_name", pa.string()),
        ("device", pa.string()),
        ("channel", pa.string()),
        ("variant", pa.string()),
        ("revenue", pa.float64()),
    ]
)


def write_events(frame: pd.DataFrame, path: Path) -> None:
    table = pa.Table.from_pandas(frame, schema=EVENT_SCHEMA, preserve_index=False)
    pq.write_table(table, path, compression="zstd", compression_level=9)


def write_survey(columns: dict[str, np.ndarray], path: Path) -> None:
    frame = pd.DataFrame(
        {name: pd.Series(values, dtype=object) for name, values in columns.items()}
    )
    frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def _in_response_order(survey: dict, start: np.ndarray, first: int = 1) -> dict[str, np.ndarray]:
    """Sort the rows by StartDate, as an export does, and number the responses in that order
    (from ``first``)."""
    order = np.argsort(start, kind="stable")
    ids = np.char.add("R_", np.char.zfill(np.arange(first, first + start.size).astype(str), 6))
    rest = {name: np.asarray(values)[order] for name, values in survey.items()}
    return {"StartDate": start[order], "ResponseId": ids, **rest}


def generate(out: Path) -> tuple[Path, Path]:
    """Build both data sets from one seeded generator and write them into ``out``."""
    rng = np.random.default_rng(SEED)
    n_users = N_RESPONDENTS + N_VISITORS
    seg = _segments(rng, n_users)
    resp_seg = {k: v[:N_RESPONDENTS] for k, v in seg.items()}
    persona = _choice(rng, PERSONAS, N_RESPONDENTS)
    lat = _survey_latents(rng, resp_seg)
    survey = build_survey(rng, resp_seg, lat, persona)

    intent = np.full(n_users, np.nan)
    intent[:N_RESPONDENTS] = pd.to_numeric(survey["repurchase_intent"], errors="coerce")
    low_tmot = np.zeros(n_users, dtype=bool)
    low_tmot[:N_RESPONDENTS] = _to_scale(lat["experienced"][:, 3], 1, 7) <= 3
    ids = np.char.add("C", np.char.zfill(np.arange(1, n_users + 1).astype(str), 6))
    users = {
        **seg,
        "customer_id": ids,
        "is_resp": np.arange(n_users) < N_RESPONDENTS,
        "repurchase_intent": intent,
        "low_tmot": low_tmot,
    }
    events, t_del = build_events(rng, users)
    survey = _in_response_order(survey, _start_dates(rng, t_del[:N_RESPONDENTS]))

    out.mkdir(parents=True, exist_ok=True)
    survey_path, events_path = out / "demo_survey.csv", out / "demo_events.parquet"
    write_survey(survey, survey_path)
    write_events(events, events_path)
    write_survey(build_wave2(resp_seg, persona), out / "demo_survey_wave2.csv")
    return survey_path, events_path


def build_wave2(first_seg: dict[str, np.ndarray], first_persona: np.ndarray) -> dict:
    """The second wave's columns: its own seeded generator, so the first wave is unchanged.

    :data:`N_WAVE2` respondents: the first :data:`N_WAVE2_REPEAT` customers of wave 1 again
    (same customer id, device, channel, persona and variant; new answers), then new customers
    numbered after wave 1's. Every rule of wave 1 holds, except TMOT's device shift
    (:data:`WAVE2_TMOT_DEVICE_SHIFT`): the corrective action at delivery lifted mobile.
    Responses start within :data:`WAVE2_DAYS` days of :data:`WAVE2_START`, numbered on from
    wave 1's ResponseIds.
    """
    rng = np.random.default_rng(WAVE2_SEED)
    n_new = N_WAVE2 - N_WAVE2_REPEAT
    new_seg = _segments(rng, n_new)
    seg = {k: np.concatenate([v[:N_WAVE2_REPEAT], new_seg[k]]) for k, v in first_seg.items()}
    persona = np.concatenate([first_persona[:N_WAVE2_REPEAT], _choice(rng, PERSONAS, n_new)])
    customers = np.concatenate(
        [np.arange(1, N_WAVE2_REPEAT + 1), N_RESPONDENTS + N_VISITORS + 1 + np.arange(n_new)]
    )
    lat = _survey_latents(rng, seg, WAVE2_TMOT_DEVICE_SHIFT)
    survey = build_survey(rng, seg, lat, persona, customers)
    seconds = rng.uniform(0.0, WAVE2_DAYS * DAY, N_WAVE2)
    stamps = WAVE2_START + pd.to_timedelta(np.rint(seconds), unit="s")
    start = stamps.tz_localize(None).strftime("%Y-%m-%d %H:%M:%S").to_numpy(dtype=object)
    return _in_response_order(survey, start, first=N_RESPONDENTS + 1)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent,
        help="folder to write the demo files into (default: data/)",
    )
    args = parser.parse_args(argv)
    for path in (*generate(args.out), args.out / "demo_survey_wave2.csv"):
        print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
