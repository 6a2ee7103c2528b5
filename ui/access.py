"""Who may see the dashboard, and the sign-in page for those who may not yet.

Three modes (:func:`policy`), from the settings of the deployment:

- **open** (the default, ``make run``): no sign-in;
- **password**: ``MOT_PASSWORD_HASH`` or ``[access] password_hash`` in
  ``.streamlit/secrets.toml`` holds the scrypt hash of the team password
  (``python -m mot password-hash``); a session signs in once;
- **single sign-on**: an ``[auth]`` section in the secrets (Streamlit's OIDC, ``st.login``)
  with an allow-list, ``[access] allowed = ["@example.com", "ana@partner.org"]`` or
  ``MOT_ALLOWED_EMAILS`` (comma-separated); an empty list lets nobody in.

:func:`has_access` runs first in ``app.py``: a session without access gets the sign-in
page as the only page of the navigation (no dataset name, no number, no workspace, no
sidebar) and the script stops there. A session with access but whose browser holds no pass
yet is sent once through ``/access/granted`` (:func:`keep_pass`), which sets the pass
cookie (:mod:`ui.hosting`): 30 days with "Stay signed in on this device" (and after single
sign-on), else until the browser closes. The pass lets a reload, a new tab or a shared link
in without signing in again, and lets the browser fetch downloads (:class:`ui.hosting.AccessGate`).
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass

import streamlit as st

from mot.access import (
    PASS_DAYS,
    PASS_HOURS,
    check_password,
    email_allowed,
    locked_for,
    make_pass,
    pass_valid,
    valid_hash,
)
from ui import hosting, state
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


def pass_secret(rule: Policy) -> str | None:
    """The server secret passes are signed with: the password hash, or the sign-on
    ``[auth] cookie_secret``."""
    if rule.mode == "password":
        return rule.password_hash
    if rule.mode == "sso":
        return str(_secrets("auth").get("cookie_secret") or "") or None
    return None


def pass_holds(token: str | None, rule: Policy | None = None) -> bool:
    """Whether a browser's pass cookie lets it in (always, when the deployment is open)."""
    rule = rule or policy()
    if rule.mode == "open":
        return True
    return pass_valid(token, pass_secret(rule), now=time.time())


def _browser_pass(rule: Policy) -> bool:
    return pass_holds(st.context.cookies.get(hosting.PASS_COOKIE), rule)


def _signed_in_with_password(rule: Policy) -> bool:
    if state.access_granted() == rule.password_hash:
        return True
    if _browser_pass(rule):  # signed in earlier in this browser
        state.grant_access(str(rule.password_hash))
        return True
    return False


def _password_page(rule: Policy) -> None:
    st.title(t("access.title"))
    st.caption(t("access.password_caption"))
    if state.link_param(state.PASS_TRIED) is not None:  # back from /access/granted, no cookie
        st.warning(t("access.no_cookie"), icon=":material/cookie:")
    wait = locked_for(state.access_failures(), time.monotonic())
    if wait > 0:
        st.error(t("access.locked", minutes=number(max(1, round(wait / 60)), 0)))
        return
    with st.form("access_form", border=False, enter_to_submit=True):
        typed = st.text_input(
            t("access.password"), type="password", key="access_password", width=420
        )
        remember = st.checkbox(
            t("access.remember", days=number(PASS_DAYS, 0)), key="access_remember"
        )
        pressed = st.form_submit_button(t("access.sign_in"), type="primary")
    if not pressed:
        return
    if (
        rule.password_hash
        and valid_hash(rule.password_hash)
        and check_password(typed, rule.password_hash)
    ):
        state.grant_access(rule.password_hash, remember=remember)
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


def keep_pass() -> None:
    """Give the browser its pass cookie once a session has access (see the module's note).

    Runs after :func:`has_access` in ``app.py``. Nothing happens when the deployment is
    open, when the browser's pass is valid, or without a browser (a test harness gives no
    request headers); otherwise the page sends the browser through a one-time ticket and
    stops (the browser comes back to the same address, with its pass). A browser that comes
    back without it (cookies refused) is not sent again: the page says what that costs.
    """
    rule = policy()
    came_back = state.link_param(state.PASS_TRIED) is not None
    if came_back:
        state.set_link_param(state.PASS_TRIED, None)
    if rule.mode == "open" or _browser_pass(rule) or not st.context.headers:
        return
    if came_back or state.pass_refused():
        state.note_pass_refused()  # the sign-in page said so; the browser is not sent again
        return
    secret = pass_secret(rule)
    if not secret:
        return  # single sign-on without a cookie secret: Streamlit refuses to start it
    remember = rule.mode == "sso" or state.pass_remembered()
    seconds = PASS_DAYS * 86400 if remember else PASS_HOURS * 3600
    token = make_pass(secret, expires=int(time.time()) + seconds)
    back = state.current_address(extra={state.PASS_TRIED: "1"})
    ticket = hosting.issue_ticket(token, max_age=seconds if remember else None, next_path=back)
    target = json.dumps(f"/access/granted?ticket={ticket}")
    st.html(f"<script>window.location.replace({target});</script>", unsafe_allow_javascript=True)
    st.caption(t("access.opening"))
    st.stop()


def sign_out_button() -> None:
    """A "Sign out" button (in the sidebar) when the deployment requires access: it forgets
    this session's sign-in and the browser's pass."""
    rule = policy()
    if rule.mode == "open":
        return
    if st.button(t("access.sign_out"), key="access_sign_out_sidebar", icon=":material/logout:"):
        state.revoke_access()
        target = json.dumps("/access/sign-out" + ("?sso=1" if rule.mode == "sso" else ""))
        st.html(
            f"<script>window.location.replace({target});</script>", unsafe_allow_javascript=True
        )
        st.stop()
