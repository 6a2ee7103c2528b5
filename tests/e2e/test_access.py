"""The team password end to end in headless Chromium (issue 14).

The dashboard runs as deployed (``python -m ui.serve``, the ``make run`` entry point) with
``MOT_PASSWORD_HASH`` set. A visitor opening any page's address, a workspace link among
them, sees the sign-in page and nothing of the data; with the team password the same
address opens its page and its workspace; a wrong password says so. Screenshots (EN, ES)
land in tests/e2e/_artifacts/ (and docs/screenshots/ with MOT_SCREENSHOTS=docs).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mot.access import hash_password

from .harness import CHROMIUM, TIMEOUT, browser, server, settle, workspace_folder
from .test_browser import shot_dirs

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Debian's chromium is not installed (apt-get install chromium)",
    ),
]

DATA = Path(__file__).resolve().parents[2] / "data"
PASSWORD = "a long team password"
# A deep link first: the first request after a server start runs a page file on its own
# (Streamlit's pages-folder mode) until the app takes over; it must show nothing either.
PATHS = ["gaps", "", "data", "utilities", "emotion", "memory", "drivers", "behaviour", "report"]


@pytest.fixture(scope="module")
def chromium():
    with browser() as instance:
        yield instance


@pytest.fixture(scope="module")
def private(tmp_path_factory, chromium):
    folder = tmp_path_factory.mktemp("private")
    store, ident = workspace_folder(folder, "Secret programme", "secret_survey.csv")
    store.close()
    env = {"MOT_DATA_DIR": str(folder), "MOT_PASSWORD_HASH": hash_password(PASSWORD)}
    with server(env=env) as url:
        yield url, chromium, ident


def _shoot(page, name: str) -> None:
    for folder in shot_dirs():
        page.screenshot(path=str(folder / f"{name}.png"))


def _signed_out_page(chromium, url: str):
    context = chromium.new_context(viewport={"width": 1280, "height": 720})
    return context, context.new_page()


def test_every_address_shows_only_the_sign_in(private):
    url, chromium, ident = private
    context, page = _signed_out_page(chromium, url)
    try:
        for path in PATHS:
            page.goto(f"{url}/{path}?w={ident}")
            settle(page)
            page.get_by_label("Team password").wait_for(timeout=TIMEOUT)
            text = page.locator("body").inner_text()
            assert "Moments of Truth: sign in" in text, path
            for secret in ("Secret programme", "secret_survey", "2,000", "Overview", "Gaps"):
                assert secret not in text, (path, secret)
            assert page.locator('[data-testid="stSidebar"]').count() == 0
            assert page.locator('[data-testid="stVegaLiteChart"]').count() == 0
    finally:
        context.close()


@pytest.mark.parametrize("language", ["EN", "ES"])
def test_the_team_password_opens_the_shared_link(private, language):
    url, chromium, ident = private
    words = {
        "EN": ("Team password", "Sign in", "That is not the team's password", "Gaps & priorities"),
        "ES": (
            "Contraseña del equipo",
            "Entrar",
            "Esa no es la contraseña",
            "Brechas y prioridades",
        ),
    }[language]
    field_label, button, wrong, heading = words
    context, page = _signed_out_page(chromium, url)
    try:
        page.goto(f"{url}/gaps?w={ident}&lang={language}")
        settle(page)
        field = page.get_by_label(field_label)
        field.fill("not the password")
        page.get_by_role("button", name=button).click()
        page.get_by_text(wrong).wait_for(timeout=TIMEOUT)
        _shoot(page, f"access_sign_in_1280x720_{language}")
        field.fill(PASSWORD)
        page.get_by_role("button", name=button).click()
        page.get_by_role("heading", name=heading).wait_for(timeout=TIMEOUT)
        settle(page)
        assert f"w={ident}" in page.url and "/gaps" in page.url  # the same link, opened
        sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
        assert "Secret programme" in sidebar  # its workspace
    finally:
        context.close()


@pytest.fixture(scope="module")
def shared(tmp_path_factory, chromium):
    """An open dashboard (no password) with a workspace, for the links between browsers."""
    folder = tmp_path_factory.mktemp("shared")
    store, ident = workspace_folder(folder, "Team programme", "team_survey.csv")
    with server(env={"MOT_DATA_DIR": str(folder)}) as url:
        yield url, chromium, ident, store
    store.close()


def test_a_view_only_link_made_in_one_browser_opens_in_another_until_revoked(shared):
    from .harness import open_tab

    url, chromium, ident, store = shared
    owner, owner_page = _signed_out_page(chromium, url)
    guest, guest_page = _signed_out_page(chromium, url)
    try:
        owner_page.goto(f"{url}/data?w={ident}")
        settle(owner_page)
        open_tab(owner_page, "Workspace")
        owner_page.get_by_role("button", name="Make a view-only link").click()
        settle(owner_page)
        owner_page.get_by_text("A view-only link was made").wait_for(timeout=TIMEOUT)
        (made,) = store.links(ident)
        open_tab(owner_page, "Workspace")  # the rerun may have shown the first tab again
        heading = owner_page.get_by_role("heading", name="Share with links you can take back")
        heading.evaluate("e => e.scrollIntoView({block: 'start'})")
        owner_page.mouse.move(800, 400)
        owner_page.mouse.wheel(0, -90)  # clear of the app's top bar
        settle(owner_page)
        _shoot(owner_page, "links_share_1280x720_EN")
        guest_page.goto(f"{url}/gaps?w={made.token}")
        settle(guest_page)
        guest_page.get_by_text("A view-only link: the team's actions as they stand").wait_for(
            timeout=TIMEOUT
        )
        assert ident not in guest_page.content()  # not in the address, the page or its keys
        assert made.token in guest_page.url
        assert guest_page.get_by_role("button", name="Save actions").count() == 0
        open_tab(owner_page, "Workspace")
        owner_page.get_by_role("button", name="Revoke").click()
        settle(owner_page)
        owner_page.get_by_text("The link was revoked").wait_for(timeout=TIMEOUT)
        again = chromium.new_context(viewport={"width": 1280, "height": 720})
        try:
            late = again.new_page()
            late.goto(f"{url}/gaps?w={made.token}")
            settle(late)
            late.get_by_text("This link was revoked").wait_for(timeout=TIMEOUT)
            assert "Team programme" not in late.locator("body").inner_text()
        finally:
            again.close()
    finally:
        owner.close()
        guest.close()
