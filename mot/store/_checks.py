"""The store's checks of what it is asked to keep: ids, names, JSON, actions."""

from __future__ import annotations

import json

from mot.errors import StoreError
from mot.messages import Message
from mot.vocabulary import ACTION_STATUSES, GAP_KINDS


def checked_name(value: str, what: str) -> str:
    """``value`` stripped and cut to 500 characters; ``StoreError`` when it is empty."""
    text = (value or "").strip()
    if not text:
        raise StoreError(Message("store.empty_name", what=Message(f"store.what.{what}")))
    return text[:500]


def check_json(value: str, what: str) -> None:
    """``StoreError`` unless ``value`` is JSON text."""
    try:
        json.loads(value)
    except (TypeError, ValueError):
        raise StoreError(Message("store.bad_json", what=what)) from None


def validate_action(action: object) -> None:
    """``StoreError`` unless the action has a title, a touchpoint, a known status and gap.

    ``action`` is a :class:`mot.store.Action`; its gap may be None.
    """
    if not action.title or not action.title.strip():
        raise StoreError(Message("store.empty_name", what=Message("store.what.action")))
    if not action.touchpoint or not str(action.touchpoint).strip():
        raise StoreError(Message("store.empty_name", what=Message("store.what.touchpoint")))
    if action.status not in ACTION_STATUSES:
        raise StoreError(
            Message("store.bad_status", status=str(action.status), known=", ".join(ACTION_STATUSES))
        )
    if action.gap is not None and action.gap not in GAP_KINDS:
        raise StoreError(Message("store.bad_gap", gap=str(action.gap), known=", ".join(GAP_KINDS)))
