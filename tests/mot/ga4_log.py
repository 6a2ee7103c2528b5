"""A small GA4-style event log, generated with a known funnel (a test helper, not a test).

Records follow GA4's BigQuery export as JSON lines: ``event_date``, ``event_timestamp``
(microseconds), ``event_name``, ``event_params`` (a list of ``{key, value: {string_value |
int_value | double_value}}``: ``ga_session_id``, ``page_location``, ``page_title``,
``value``) and ``user_pseudo_id``. Every user's sessions start with GA4's automatic events
(``session_start``, ``first_visit`` in the first one, ``page_view`` of the home page,
``user_engagement``, ``scroll``); then each user goes as far down GA4's recommended
e-commerce events as a seeded draw says, in journey order:

- ZMOT: ``view_item_list`` or ``search`` (a ``page_view`` of a category or search page);
- FMOT: ``view_item`` with a ``page_view`` of a product page (``/product/…``);
- SMOT: ``add_to_cart``, then maybe ``begin_checkout``, ``add_shipping_info``,
  ``add_payment_info``, ``purchase``;
- TMOT (buyers only): ``refund`` or ``customer_support``;
- UMOT (buyers only, after TMOT when both): ``share``, ``write_review`` or ``generate_lead``.

:func:`ga4_log` returns the records and, per moment, the users the draw sent there (the
truth the tests compare with).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

SHOP = "https://shop.example.com"
START = datetime(2024, 6, 3, tzinfo=UTC)


def _params(session: int, page: str | None = None, value: float | None = None) -> list[dict]:
    params = [{"key": "ga_session_id", "value": {"int_value": str(session)}}]
    if page is not None:
        params.append({"key": "page_location", "value": {"string_value": SHOP + page}})
        params.append({"key": "page_title", "value": {"string_value": page.strip("/") or "Home"}})
    if value is not None:
        params.append({"key": "value", "value": {"double_value": value}})
    return params


class _User:
    def __init__(self, uid: str, start: datetime, rng: np.random.Generator) -> None:
        self.uid, self.now, self.rng = uid, start, rng
        self.session = 0
        self.records: list[dict] = []

    def new_session(self, *, first: bool = False) -> None:
        self.session += 1
        self.now += timedelta(hours=int(self.rng.integers(1, 48)))
        self.event("session_start")
        if first:
            self.event("first_visit")
        self.event("page_view", page="/")
        self.event("user_engagement")
        self.event("scroll", page="/")

    def event(self, name: str, *, page: str | None = None, value: float | None = None) -> None:
        self.now += timedelta(seconds=int(self.rng.integers(5, 120)))
        self.records.append(
            {
                "event_date": self.now.strftime("%Y%m%d"),
                "event_timestamp": str(int(self.now.timestamp() * 1_000_000)),
                "event_name": name,
                "event_params": _params(self.session, page, value),
                "user_pseudo_id": self.uid,
            }
        )


def _journey(user: _User, rng: np.random.Generator, reached: dict[str, set]) -> None:
    user.new_session(first=True)
    if rng.random() > 0.9:
        return  # only GA4's automatic events: no moment at all
    if rng.random() < 0.5:
        user.event("page_view", page="/category/shoes")
        user.event("view_item_list", page="/category/shoes")
    else:
        user.event("page_view", page="/search?q=shoes")
        user.event("search", page="/search?q=shoes")
    reached["ZMOT"].add(user.uid)
    if rng.random() > 0.65:
        return
    sku = int(rng.integers(100, 999))
    user.event("page_view", page=f"/product/sku-{sku}")
    user.event("view_item", page=f"/product/sku-{sku}")
    reached["FMOT"].add(user.uid)
    if rng.random() > 0.5:
        return
    user.event("add_to_cart", page=f"/product/sku-{sku}")
    reached["SMOT"].add(user.uid)
    steps = ("begin_checkout", "add_shipping_info", "add_payment_info", "purchase")
    for step in steps:
        if rng.random() > 0.8:
            return
        user.event(step, page="/checkout", value=49.9 if step == "purchase" else None)
    reached["buyers"].add(user.uid)
    user.new_session()
    if rng.random() < 0.4:
        user.event("refund" if rng.random() < 0.3 else "customer_support", page="/help")
        reached["TMOT"].add(user.uid)
    if rng.random() < 0.5:
        user.event(str(rng.choice(["share", "write_review", "generate_lead"])), page="/account")
        reached["UMOT"].add(user.uid)
        if user.uid in reached["TMOT"]:
            reached["TMOT_then_UMOT"].add(user.uid)


def ga4_log(n_users: int = 300, seed: int = 10) -> tuple[list[dict], dict[str, set]]:
    """GA4 export records of ``n_users`` users, and the users who reached each moment."""
    rng = np.random.default_rng(seed)
    reached: dict[str, set] = {
        k: set() for k in ("ZMOT", "FMOT", "SMOT", "buyers", "TMOT", "UMOT", "TMOT_then_UMOT")
    }
    records = []
    for i in range(n_users):
        start = START + timedelta(hours=int(rng.integers(0, 24 * 28)))
        user = _User(f"{1000 + i}.{1700000000 + i}", start, rng)
        _journey(user, rng, reached)
        records += user.records
    records.sort(key=lambda r: int(r["event_timestamp"]))
    return records, reached


def write_ga4_log(path: Path, n_users: int = 300, seed: int = 10) -> dict[str, set]:
    """Write :func:`ga4_log` as JSON lines at ``path``; return who reached each moment."""
    records, reached = ga4_log(n_users, seed)
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return reached
