"""Access to a hosted dashboard (issue 14): open by default; with a team password or single
sign-on, a visitor without access sees the sign-in page at every address and nothing else
(no dataset name, no number, no sidebar); wrong passwords lock a session out; the sign-on
allow-list lets in only the addresses and domains it names.

The app's gate is run through ``app.py``; the sign-in form's clicks through the page
function on its own (AppTest reruns clicks there).
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from mot.access import MAX_FAILURES, hash_password
from tests.pages.conftest import page_path

PASSWORD = "correct horse battery"
HASH = hash_password(PASSWORD)
PAGES = ["overview", "data", "utilities", "emotion", "memory", "gaps", "drivers", "behaviour"]


@pytest.fixture
def no_access_settings(monkeypatch, tmp_path):
    monkeypatch.delenv("MOT_PASSWORD_HASH", raising=False)
    monkeypatch.delenv("MOT_ALLOWED_EMAILS", raising=False)
    monkeypatch.setenv("MOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MOT_DATABASE_URL", raising=False)


def _app(page: str = "overview", **params: str) -> AppTest:
    at = AppTest.from_file(page_path("app.py"), default_timeout=180)
    at.switch_page(f"pages/{page}.py")
    for key, value in params.items():
        at.query_params[key] = value
    return at


def _everything(at: AppTest) -> str:
    kinds = ("markdown", "caption", "title", "header", "subheader", "info", "error", "metric")
    parts = [str(getattr(e, "value", "")) for kind in kinds for e in getattr(at, kind)]
    parts += [str(e.label) for e in at.metric]
    return " ".join(parts)


def test_the_local_default_asks_for_nothing(no_access_settings):
    at = _app().run()
    assert not at.exception
    assert "sign in" not in _everything(at).lower()
    assert at.metric, "the overview's numbers"


@pytest.mark.parametrize("page", [*PAGES, "report"])
def test_without_the_password_every_page_is_the_sign_in_and_nothing_else(
    no_access_settings, monkeypatch, page
):
    monkeypatch.setenv("MOT_PASSWORD_HASH", HASH)
    at = _app(page, w="x" * 23, lang="EN").run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Moments of Truth: sign in"]
    assert [i.label for i in at.text_input] == ["Team password"]
    words = _everything(at)
    assert not at.metric and not at.dataframe and not at.get("vega_lite_chart")
    assert "demo_survey" not in words and "respondents" not in words.lower()
    assert not at.sidebar.children  # no sidebar: no dataset, no filter, no workspace


def test_the_password_in_the_secrets_file_works_too(no_access_settings):
    at = _app()
    at.secrets["access"] = {"password_hash": HASH}
    at.run()
    assert [i.label for i in at.text_input] == ["Team password"]


def _sign_in():
    from ui import access

    if access.has_access():
        import streamlit as st

        st.write("the dashboard")
    else:
        access.sign_in_page()


def _inside(at: AppTest) -> bool:
    return any(m.value == "the dashboard" for m in at.markdown)


def _form(monkeypatch) -> AppTest:
    monkeypatch.setenv("MOT_PASSWORD_HASH", HASH)
    return AppTest.from_function(_sign_in, default_timeout=60).run()


def _try(at: AppTest, password: str) -> AppTest:
    at.text_input(key="access_password").input(password)
    at.button[0].click().run()
    assert not at.exception, at.exception
    return at


def test_the_team_password_opens_the_dashboard(no_access_settings, monkeypatch):
    at = _try(_form(monkeypatch), "not it at all")
    assert "That is not the team's password" in _everything(at)
    at = _try(at, PASSWORD)
    assert _inside(at)
    assert at.session_state["_mot_access"] == HASH  # the hash it signed in against, no password
    assert "access_password" not in at.session_state  # the typed password is not kept


def test_stay_signed_in_is_offered_and_remembered_for_the_pass(no_access_settings, monkeypatch):
    at = _form(monkeypatch)
    box = at.checkbox(key="access_remember")
    assert box.label == "Stay signed in on this device for 30 days" and not box.value
    box.check()
    at = _try(at, PASSWORD)
    assert _inside(at)
    assert at.session_state["_mot_access_remember"] is True  # the pass will last 30 days


def test_repeated_failures_lock_the_session_out_even_for_the_right_password(
    no_access_settings, monkeypatch
):
    at = _form(monkeypatch)
    for _ in range(MAX_FAILURES):
        at = _try(at, "guess guess")
    assert "Too many wrong passwords: wait 5 minute(s)" in _everything(at)
    at.run()
    assert not at.text_input  # no form while locked: the right password cannot be tried
    assert not _inside(at)


def test_a_new_team_password_signs_every_session_out(no_access_settings, monkeypatch):
    at = _try(_form(monkeypatch), PASSWORD)
    assert _inside(at)
    monkeypatch.setenv("MOT_PASSWORD_HASH", hash_password("a new team password"))
    at.run()
    assert [i.label for i in at.text_input] == ["Team password"]


def _sso(monkeypatch, user: dict, allowed: str | None = "@example.com") -> AppTest:
    if allowed is not None:
        monkeypatch.setenv("MOT_ALLOWED_EMAILS", allowed)
    at = AppTest.from_function(_sign_in, default_timeout=60)
    at.secrets["auth"] = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback"}
    at.user = user
    return at.run()


def test_single_sign_on_lets_in_only_the_allow_list(no_access_settings, monkeypatch):
    out = _sso(monkeypatch, {"is_logged_in": False})
    assert "Sign in with your work account" in [b.label for b in out.button]
    assert not _inside(out)
    inside = _sso(monkeypatch, {"is_logged_in": True, "email": "ana@example.com"})
    assert _inside(inside)
    other = _sso(monkeypatch, {"is_logged_in": True, "email": "ana@example.com.evil.org"})
    assert "has no access to this dashboard" in _everything(other) and not _inside(other)
    assert "Sign out" in [b.label for b in other.button]


def test_single_sign_on_without_an_allow_list_lets_nobody_in(no_access_settings, monkeypatch):
    at = _sso(monkeypatch, {"is_logged_in": True, "email": "ana@example.com"}, allowed=None)
    assert "Nobody has access yet" in _everything(at)
