"""Who may see the dashboard, and the sign-in page for those who may not yet.

Three modes (:func:`policy`), from the settings of the deployment:

- **open** (the default, ``make run``): no sign-in;
- **password**: ``MOT_PASSWORD_HASH`` or ``[access] password_hash`` in
  ``.streamlit/secrets.toml`` holds the scrypt hash of the team password
  (``python -m mot password-hash``); a session signs in once;
- **single sign-on**: an ``[auth]`` section in the secrets (Streamlit's OIDC, ``st.login``)
  with an allow-list, ``[access] allowed = ["@example.com", "ana@partner.org"]`` or
  ``MOT_ALLOWED_EMAILS`` (comma-separated); an empty list lets nobody in.

:func:`require_access` runs first in ``app.py``: a session without access gets the sign-in
page as the only page of the navigation (no dataset name, no number, no workspace, no
sidebar) and the script stops there.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

import streamlit as st

from mot.access import check_password, email_allowed, locked_for, valid_hash
from ui import state
from ui.i18n import number, t
from ui.widgets import md_text


@dataclass(frozen=True)
class Policy:
    """The deployment's access rule: ``mode`` ``open``, ``password`` or ``sso``."""

    mode: str
    password_hash: str | None = None
    allowed: tuple[str, ...] = ()
    provider: str | None = None


def _secrets(section: str) -> dict:
    try:
        found = st.secrets.get(section, {})
    except Exception:  # no secrets file, or one that does not parse: no such section
        return {}
    return dict(found) if hasattr(found, "keys") else {}


def policy() -> Policy:
    """The access rule of this deployment (read on every run: a changed secret applies)."""
    access = _secrets("access")
    hashed = os.environ.get("MOT_PASSWORD_HASH") or access.get("password_hash")
    allowed_env = os.environ.get("MOT_ALLOWED_EMAILS")
    allowed = (
        [a for a in allowed_env.split(",")] if allowed_env else list(access.get("allowed", []))
    )
    allowed = tuple(str(a).strip() for a in allowed if str(a).strip())
    if _secrets("auth"):
        return Policy("sso", allowed=allowed, provider=access.get("provider"))
    if hashed:
        return Policy("password", password_hash=str(hashed).strip())
    return Policy("open")


def _signed_in_with_password(rule: Policy) -> bool:
    return state.access_granted() == rule.password_hash


def _password_page(rule: Policy) -> None:
    st.title(t("access.title"))
    st.caption(t("access.password_caption"))
    wait = locked_for(state.access_failures(), time.monotonic())
    if wait > 0:
        st.error(t("access.locked", minutes=number(max(1, round(wait / 60)), 0)))
        return
    with st.form("access_form", border=False, enter_to_submit=True):
        typed = st.text_input(
            t("access.password"), type="password", key="access_password", width=420
        )
        pressed = st.form_submit_button(t("access.sign_in"), type="primary")
    if not pressed:
        return
    if (
        rule.password_hash
        and valid_hash(rule.password_hash)
        and check_password(typed, rule.password_hash)
    ):
        state.grant_access(rule.password_hash)
        st.rerun()
    state.record_access_failure(time.monotonic())
    wait = locked_for(state.access_failures(), time.monotonic())
    if wait > 0:
        st.error(t("access.locked", minutes=number(max(1, round(wait / 60)), 0)))
    else:
        st.error(t("access.wrong"))


def _sso_page(rule: Policy) -> None:
    st.title(t("access.title"))
    user = st.user
    if not getattr(user, "is_logged_in", False):
        st.caption(t("access.sso_caption"))
        if st.button(t("access.sso_sign_in"), type="primary", key="access_sso"):
            if rule.provider:
                st.login(rule.provider)
            else:
                st.login()
        return
    email = getattr(user, "email", None)
    if not rule.allowed:
        st.error(t("access.no_allow_list"))
    else:
        st.error(t("access.not_allowed", email=md_text(email or "–")))
    if st.button(t("access.sign_out"), key="access_sign_out"):
        st.logout()


def has_access(rule: Policy | None = None) -> bool:
    """Whether this session may see the dashboard under ``rule`` (default :func:`policy`)."""
    rule = rule or policy()
    if rule.mode == "open":
        return True
    if rule.mode == "password":
        return _signed_in_with_password(rule)
    user = st.user
    return bool(getattr(user, "is_logged_in", False)) and email_allowed(
        getattr(user, "email", None), rule.allowed
    )


def sign_in_page() -> None:
    """The page a session without access sees: the password form or the sign-on button."""
    rule = policy()
    if rule.mode == "password":
        _password_page(rule)
    elif rule.mode == "sso":
        _sso_page(rule)
