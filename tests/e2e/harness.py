"""Start the dashboard on a free port and drive it with headless Debian Chromium."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
NEEDS_CHROMIUM = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Debian's chromium is not installed (apt-get install chromium)",
    ),
]
"""The marks of a browser test module (``pytestmark = NEEDS_CHROMIUM``)."""
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_healthy(url: str, process: subprocess.Popen, timeout: float = 90) -> None:
    """Poll Streamlit's health endpoint until it answers (or the server dies)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer,
        ):
            if answer.status == 200:
                return
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not become healthy in {timeout} s")


@contextlib.contextmanager
def server(
    script: str = "app.py", *, env: dict[str, str] | None = None, port: int | None = None
) -> Iterator[str]:
    """Run ``streamlit run script`` on a free loopback port (or ``port``); yield its URL.

    The dashboard itself (``app.py``) starts as ``make run`` starts it: ``python -m ui.serve``
    (``streamlit run app.py`` with the warm-up of :mod:`ui.serve`). ``env`` adds to the
    server's environment (a data folder of its own, for example).
    """
    port = port or free_port()
    launcher = ["ui.serve"] if script == "app.py" else ["streamlit", "run", script]
    command = [
        sys.executable,
        "-m",
        *launcher,
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    env = {**os.environ, **(env or {}), "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


@contextlib.contextmanager
def browser() -> Iterator[object]:
    """A headless Chromium (Debian's) driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


def workspace_folder(folder: Path, name: str, file_name: str) -> tuple[object, str]:
    """A data folder whose store holds one workspace ``name`` with the demo survey saved as
    ``file_name``: (the open store, the workspace's id)."""
    from mot.store import database_url, open_store

    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("MOT_DATABASE_URL", raising=False)
        patch.setenv("MOT_DATA_DIR", str(folder))
        store = open_store(database_url())
    ws = store.create_workspace(name)
    content = (ROOT / "data" / "demo_survey.csv").read_bytes()
    store.add_dataset(ws.id, kind="survey", file_name=file_name, content=content)
    return store, ws.id


TIMEOUT = 90_000  # ms: generous, for a loaded CI machine; every wait is for a condition


def settle(page) -> None:
    """Wait until Streamlit has run the page's script at least once and is idle.

    Before the first run the app is also "not running", so a page's heading is waited
    for first: a test that acts right after ``goto`` acts on a rendered page, with its
    widgets (the uploader, the tabs) wired to the server.
    """
    page.locator("h1").first.wait_for(timeout=TIMEOUT)
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=TIMEOUT
    )
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=TIMEOUT)


def open_tab(page, name: str) -> None:
    """Select the tab called ``name`` and wait until it is the selected one.

    A rerun that redraws the tabs may land between a click and its effect; the click is
    repeated until the tab says it is selected (bounded by ``TIMEOUT``).
    """
    tab = page.get_by_role("tab", name=name, exact=True)
    deadline = time.monotonic() + TIMEOUT / 1000
    while True:
        settle(page)
        tab.click()
        try:
            page.wait_for_function(
                "name => [...document.querySelectorAll('[role=tab]')].some("
                "t => t.innerText.trim() === name && t.getAttribute('aria-selected') === 'true')",
                arg=name,
                timeout=5_000,
            )
            settle(page)
            if tab.get_attribute("aria-selected") == "true":
                return
        except Exception:
            if time.monotonic() > deadline:
                raise


def fill(page, label: str, text: str) -> None:
    """Type ``text`` into the field labelled ``label`` (Enter to send it) and wait until the
    page, after its reruns, still holds it: a rerun that redraws the field with its default
    may land between typing and its effect, so the typing is repeated (bounded by TIMEOUT).
    """
    deadline = time.monotonic() + TIMEOUT / 1000
    while True:
        settle(page)
        field = page.get_by_label(label, exact=True)
        field.fill(text)
        field.press("Enter")
        settle(page)
        if field.input_value() == text or time.monotonic() > deadline:
            assert field.input_value() == text
            return


def upload_until(page, path: str, condition: str, *, uploader=None) -> None:
    """Give ``path`` to the page's (first) file uploader until the JavaScript ``condition``
    holds (a draft's ``w=`` in the address, say). A rerun that redraws the uploader can
    land between choosing the file and its upload, and drop it: the file is given again
    (bounded by ``TIMEOUT``)."""
    target = uploader or page.locator('[data-testid="stFileUploaderDropzoneInput"]').first
    deadline = time.monotonic() + TIMEOUT / 1000
    while True:
        settle(page)
        target.set_input_files(path)
        try:
            page.wait_for_function(condition, timeout=30_000)
            return
        except Exception:
            if time.monotonic() > deadline:
                raise
