"""Staying signed in, and everything a visitor without access can reach (issue 14).

The dashboard runs as deployed (``python -m ui.serve``) with ``MOT_PASSWORD_HASH``. In
headless Chromium: signing in gives the browser an HttpOnly pass cookie, so a reload, a new
tab and a shared link open without the password; "stay signed in" makes it last 30 days,
otherwise it goes when the browser closes; signing out removes it. Then, without
credentials, a walk over every page address, every route of the server (Streamlit's
``/_stcore/*``, ``/media/*``, components, the static folder, the app's own routes) and a
real download made by a signed-in browser: only the sign-in page, its scripts, the health
route and a workshop room's phone page and API (which need a room's code or key) answer;
nothing names the workspace or shows a number.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

import pytest

from mot.access import PASS_DAYS, hash_password

from .harness import NEEDS_CHROMIUM, TIMEOUT, browser, server, settle, workspace_folder

pytestmark = NEEDS_CHROMIUM
PASSWORD = "another long team password"
PAGES = ["", "data", "utilities", "emotion", "memory", "gaps", "drivers", "behaviour", "report"]
SECRETS = ("Hidden programme", "hidden_survey", "2,000", "1,9")


@pytest.fixture(scope="module")
def hosted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("walk")
    store, ident = workspace_folder(folder, "Hidden programme", "hidden_survey.csv")
    store.close()
    env = {"MOT_DATA_DIR": str(folder), "MOT_PASSWORD_HASH": hash_password(PASSWORD)}
    with server(env=env) as url, browser() as chromium:
        yield url, chromium, ident


def sign_in(page, url: str, path: str, *, remember: bool) -> None:
    page.goto(f"{url}/{path}")
    settle(page)
    page.get_by_label("Team password").fill(PASSWORD)
    if remember:
        page.get_by_text("Stay signed in on this device").click()
    page.get_by_role("button", name="Sign in").click()


def pass_cookie(context) -> dict | None:
    return next((c for c in context.cookies() if c["name"] == "mot_pass"), None)


def wait_for_pass(context) -> dict:
    deadline = time.monotonic() + TIMEOUT / 1000
    while time.monotonic() < deadline:
        if (found := pass_cookie(context)) is not None:
            return found
        time.sleep(0.1)  # polling the browser's cookie jar for a condition, bounded
    raise AssertionError("no pass cookie was set")


def back_with_pass(page, context) -> dict:
    """The pass cookie, once the browser is back on the app from the ticket's round trip.

    Closing a page while a navigation commits can hang Chromium (microsoft/playwright#42366),
    so a test waits until the page has arrived and Streamlit has run it before it goes on.
    """
    found = wait_for_pass(context)
    page.wait_for_function(
        "!location.pathname.startsWith('/access/') && !location.search.includes('signed=')",
        timeout=TIMEOUT,
    )
    settle(page)
    return found


def get(url: str, *, cookie: str | None = None, method: str = "GET") -> tuple[int, bytes, dict]:
    request = urllib.request.Request(url, method=method)
    if cookie:
        request.add_header("Cookie", cookie)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as answer:
            return answer.status, answer.read(), dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_a_signed_in_browser_stays_signed_in_across_reloads_tabs_and_links(hosted):
    url, chromium, ident = hosted
    context = chromium.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    try:
        sign_in(page, url, f"gaps?w={ident}", remember=False)
        page.get_by_role("heading", name="Gaps & priorities").wait_for(timeout=TIMEOUT)
        cookie = back_with_pass(page, context)
        assert cookie["httpOnly"] and cookie["sameSite"] == "Lax" and cookie["path"] == "/"
        assert cookie["expires"] == -1  # goes when the browser closes
        assert PASSWORD not in cookie["value"]
        assert f"w={ident}" in page.url and "/gaps" in page.url  # back where it was
        page.reload()
        page.get_by_role("heading", name="Gaps & priorities").wait_for(timeout=TIMEOUT)
        other = context.new_page()  # a new tab, a shared link
        other.goto(f"{url}/utilities?w={ident}")
        other.get_by_role("heading", name="Expectation, experience and memory").wait_for(
            timeout=TIMEOUT
        )
        settle(other)
        assert "Hidden programme" in other.locator('[data-testid="stSidebar"]').inner_text()
        assert other.get_by_label("Team password").count() == 0
        other.get_by_role("button", name="Sign out").click()
        other.get_by_label("Team password").wait_for(timeout=TIMEOUT)
        assert pass_cookie(context) is None
        page.reload()
        page.get_by_label("Team password").wait_for(timeout=TIMEOUT)
    finally:
        context.close()
    stranger = chromium.new_context()  # another browser: its own sign-in
    try:
        page = stranger.new_page()
        page.goto(f"{url}/gaps?w={ident}")
        page.get_by_label("Team password").wait_for(timeout=TIMEOUT)
    finally:
        stranger.close()


def test_stay_signed_in_keeps_the_pass_for_30_days(hosted):
    url, chromium, _ = hosted
    context = chromium.new_context()
    try:
        page = context.new_page()
        sign_in(page, url, "", remember=True)
        cookie = back_with_pass(page, context)
        assert page.get_by_label("Team password").count() == 0
        days = (cookie["expires"] - time.time()) / 86400
        assert PASS_DAYS - 1 < days <= PASS_DAYS
    finally:
        context.close()


def test_without_credentials_nothing_but_the_sign_in_and_the_health_route_answers(hosted):
    url, chromium, ident = hosted
    # A signed-in browser makes a real download and an image; its addresses are then tried
    # without the pass.
    context = chromium.new_context(accept_downloads=True)
    page = context.new_page()
    try:
        sign_in(page, url, f"report?w={ident}", remember=False)
        cookie = f"mot_pass={back_with_pass(page, context)['value']}"
        page.get_by_role("button", name="Build report").click()
        button = page.get_by_role("button", name="Download the HTML report")
        button.wait_for(timeout=TIMEOUT * 2)
        with page.expect_download(timeout=TIMEOUT) as download:
            button.click()
        download_url = download.value.url
        assert "Hidden programme" not in download.value.path().read_text()  # the demo name
        assert "hidden_survey.csv" in download.value.path().read_text()
        settle(page)
    finally:
        context.close()
    assert "/media/" in download_url
    status, _, _ = get(download_url, cookie=cookie)
    assert status == 200  # with the pass, the download is there
    status, body, _ = get(download_url)
    assert status == 403 and b"hidden_survey" not in body

    # Every page address: the app's page (its HTML shell), never data.
    for path in PAGES:
        status, body, headers = get(f"{url}/{path}?w={ident}")
        assert status == 200, path
        assert headers.get("referrer-policy") == "no-referrer"
        for secret in SECRETS:
            assert secret.encode() not in body, (path, secret)

    # Every route of the server that serves data outside the page, without credentials.
    gated = [
        ("GET", "/media/0123456789abcdef0123456789abcdef0123456789abcdef01234567.csv"),
        ("GET", "/_stcore/message?hash=0123456789abcdef"),
        ("GET", "/_stcore/metrics"),
        ("PUT", f"/_stcore/upload_file/{'0' * 32}/{'1' * 32}"),
        ("DELETE", f"/_stcore/upload_file/{'0' * 32}/{'1' * 32}"),
        ("GET", "/component/anything/index.html"),
        ("GET", "/app/static/anything.txt"),
    ]
    for method, path in gated:
        status, body, _ = get(url + path, method=method)
        assert status == 403, (method, path, status)
        assert json.loads(body) == {"error": "sign in first"}

    # What stays open says nothing about the data.
    status, body, _ = get(f"{url}/healthz")
    assert status == 200 and json.loads(body) == {"app": "ok", "database": "ok"}
    for path in ("/_stcore/health", "/_stcore/script-health-check", "/_stcore/host-config"):
        status, body, _ = get(url + path)
        assert status in (200, 404, 503), path
        for secret in SECRETS:
            assert secret.encode() not in body, (path, secret)
    # A workshop room's phone page and API stay open (participants have no password); they
    # name no workspace, and without a room's code or its key they give nothing.
    for path in ("/join", "/join/K7M2QX", "/join/assets/join.js"):
        status, body, _ = get(url + path)
        assert status == 200, path
        for secret in SECRETS:
            assert secret.encode() not in body, (path, secret)
    assert get(f"{url}/api/rooms/K7M2QX")[0] == 404
    assert get(f"{url}/api/rooms/K7M2QX/results")[0] == 401
    assert get(f"{url}/api/rooms/K7M2QX/participants", method="POST")[0] == 415  # not JSON
    status, _, headers = get(f"{url}/access/granted?ticket=made-up")
    assert status == 303 and headers.get("location") == "/"
    assert "set-cookie" not in {k.lower() for k in headers}
    status, _, headers = get(f"{url}/access/granted?ticket=made-up&next=//evil.test")
    assert headers.get("location") == "/"
    forged = "v1.9999999999.bm9uY2U.bm90LWEtbWFj"
    status, _, _ = get(download_url, cookie=f"mot_pass={forged}")
    assert status == 403


def test_a_browser_that_refuses_the_cookie_is_told_and_not_sent_round_in_circles(hosted):
    url, chromium, ident = hosted
    context = chromium.new_context()
    granted = []

    def without_cookie(route):  # the server's redirect back, as a browser refusing cookies
        granted.append(route.request.url)  # sees it (route.fetch would keep the cookie)
        back = f"/gaps?w={ident}&signed=1"
        route.fulfill(status=303, headers={"location": back}, body="")

    context.route("**/access/granted*", without_cookie)
    try:
        page = context.new_page()
        sign_in(page, url, f"gaps?w={ident}", remember=False)
        page.get_by_text("This browser did not keep the sign-in cookie").wait_for(timeout=TIMEOUT)
        page.get_by_label("Team password").fill(PASSWORD)  # signed in again, in this session
        page.get_by_role("button", name="Sign in").click()
        page.get_by_role("heading", name="Gaps & priorities").wait_for(timeout=TIMEOUT)
        settle(page)
        assert len(granted) == 1  # sent through the ticket once, not again
        assert pass_cookie(context) is None
        assert "signed=" not in page.url and f"w={ident}" in page.url
    finally:
        context.close()
