"""A whole workshop in Chromium (issue 15): a facilitator opens a room on the projector, three
phones (phone-sized contexts, one reloading half-way) join with its code and rate two
moments, the projector's view counts them by itself, the answers become a wave that the
Gaps page shows, and the follow-up deck downloads. A second facilitator context, in the dark
theme, takes the room over with its key.

Screenshots (``tests/e2e/_artifacts``, and ``docs/screenshots`` with ``MOT_SCREENSHOTS=docs``):
the phone page in English and Spanish, the projector's view at 1280×720 (light, English;
dark, Spanish).
"""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import expect

from .harness import NEEDS_CHROMIUM, TIMEOUT, browser, server, settle
from .test_browser import shot_dirs

pytestmark = NEEDS_CHROMIUM
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
MOMENTS = ("Third moment of truth", "First moment of truth")  # TMOT, FMOT on the demo
HOSTILE = "<img src=x onerror=alert(1)> **slow** delivery"
HOSTILE_NAME = "<b>Room</b> <img src=x onerror=alert(1)> ![t](http://evil.test/t.png)"
HOSTILE_LABEL = "<script>alert('tp')</script> =HYPERLINK(\"http://evil.test\")"


@pytest.fixture(scope="module")
def hosted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("workshop")
    with server(env={"MOT_DATA_DIR": str(folder)}) as url, browser() as chromium:
        yield url, chromium, folder


def shoot(page, name: str, *, full: bool = False) -> None:
    for folder in shot_dirs():
        page.screenshot(path=str(folder / name), full_page=full)


def metric(page, label: str) -> str:
    card = page.locator('[data-testid="stMetric"]').filter(has_text=label)
    return card.locator('[data-testid="stMetricValue"]').inner_text()


def wait_for_metric(page, label: str, value: str) -> None:
    page.wait_for_function(
        """([label, value]) => [...document.querySelectorAll('[data-testid="stMetric"]')]
            .some(m => m.innerText.includes(label)
                && m.querySelector('[data-testid="stMetricValue"]').innerText.trim() === value)""",
        arg=[label, value],
        timeout=TIMEOUT,
    )


def rate(phone, moment: str, values: dict[str, int]) -> None:
    """Tap each answer's button on ``moment``'s card and wait until the page says saved."""
    card = phone.locator("section.moment").filter(has_text=moment)
    for field, value in values.items():
        card.locator(f'button[data-field="{field}"][data-value="{value}"]').click()
    expect(card.locator(".state.ok")).to_be_visible(timeout=TIMEOUT)
    for field, value in values.items():
        button = card.locator(f'button[data-field="{field}"][data-value="{value}"]')
        expect(button).to_have_attribute("aria-pressed", "true", timeout=TIMEOUT)


def test_a_whole_workshop_with_three_phones_and_a_projector(hosted):
    url, chromium, _ = hosted
    projector = chromium.new_context(viewport={"width": 1280, "height": 720}, accept_downloads=True)
    phones = [chromium.new_context(**PHONE) for _ in range(3)]
    dark = chromium.new_context(viewport={"width": 1280, "height": 720}, color_scheme="dark")
    dialogs: list[str] = []
    try:
        page = projector.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(f"{url}/workshop")
        settle(page)
        page.get_by_role("button", name="Open the room").click()
        page.locator(".mot-room-code").wait_for(timeout=TIMEOUT)
        settle(page)
        code = page.locator(".mot-room-code").inner_text().strip()
        assert len(code) == 6
        address = page.locator('[data-testid="stCode"]').filter(has_text=f"/join/{code}")
        expect(address).to_have_count(1, timeout=TIMEOUT)
        expect(page.locator('[data-testid="stImage"] img')).to_have_count(1, timeout=TIMEOUT)  # QR

        screens = []
        for i, context in enumerate(phones):
            phone = context.new_page()
            phone.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            phone.goto(f"{url}/join/{code}")
            phone.locator("section.moment").nth(4).wait_for(timeout=TIMEOUT)  # five open
            screens.append(phone)
            rate(
                phone,
                MOMENTS[0],
                {"expected": 6, "excellent": 7, "experienced": 3 + i, "emotion": -1},
            )
        card = screens[0].locator("section.moment").filter(has_text=MOMENTS[0])
        card.locator("textarea").fill(HOSTILE)
        card.get_by_role("button", name="Save comment").click()
        card.locator(".state.ok").wait_for(timeout=TIMEOUT)
        card.evaluate("card => card.scrollIntoView()")  # the moment just answered
        shoot(screens[0], "workshop_phone.png")

        screens[1].reload()  # a phone reloading half-way keeps its answers and its place
        again = screens[1].locator("section.moment").filter(has_text=MOMENTS[0])
        pressed = again.locator('button[data-field="experienced"][data-value="4"]')
        expect(pressed).to_have_attribute("aria-pressed", "true", timeout=TIMEOUT)
        expect(again.locator(".state.ok")).to_be_visible(timeout=TIMEOUT)
        for i, phone in enumerate(screens):
            rate(phone, MOMENTS[1], {"expected": 5, "excellent": 7, "experienced": 5, "emotion": i})

        # The projector counts them by itself: no click, no reload.
        wait_for_metric(page, "Participants", "3")
        wait_for_metric(page, "Ratings", "24")
        page.locator('[data-testid="stButtonGroup"] button').filter(has_text=MOMENTS[0]).click()
        expect(page.get_by_text(HOSTILE, exact=True)).to_have_count(1, timeout=TIMEOUT)  # as typed
        assert page.locator("img[src='x']").count() == 0
        settle(page)
        shoot(page, "workshop_projector.png")
        page.set_viewport_size({"width": 1280, "height": 2400})  # Streamlit scrolls inside
        settle(page)
        page.mouse.move(640, 400)
        page.mouse.wheel(0, -10_000)
        shoot(page, "workshop_projector_full.png")
        page.set_viewport_size({"width": 1280, "height": 720})

        # Spanish on a phone: its own switch.
        screens[2].locator("#lang").click()
        screens[2].get_by_text("¿Qué esperabas?").first.wait_for(timeout=TIMEOUT)
        screens[2].evaluate("window.scrollTo(0, 0)")
        shoot(screens[2], "workshop_phone_es.png")

        # Another device, dark, takes the room over with its key.
        sidebar = page.locator('[data-testid="stSidebar"]')
        sidebar.get_by_text("Facilitator key").click()
        key = sidebar.locator('[data-testid="stExpander"] [data-testid="stCode"]').inner_text()
        key = key.strip()
        other = dark.new_page()  # in Spanish
        other.goto(f"{url}/workshop?lang=ES")
        settle(other)
        other.get_by_label("Código de la sala").fill(code)
        other.get_by_label("Clave de quien dirige").fill(key)
        other.get_by_role("button", name="Dirigir esta sala").click()
        other.locator(".mot-room-code").wait_for(timeout=TIMEOUT)
        wait_for_metric(other, "Participantes", "3")
        settle(other)
        shoot(other, "workshop_projector_dark_es.png")

        # The follow-up deck.
        with page.expect_download(timeout=TIMEOUT) as download:
            page.get_by_role("button", name="Follow-up deck (PowerPoint)").click()
        from pptx import Presentation

        deck = Presentation(io.BytesIO(download.value.path().read_bytes()))
        assert len(deck.slides) == 5 + 2  # title, one per touchpoint, the largest gaps
        texts = " ".join(s.text for slide in deck.slides for s in slide.shapes if s.has_text_frame)
        assert HOSTILE in texts

        # The answers become a wave; the Gaps page shows the room.
        page.get_by_role("button", name="Save as a wave").click()
        page.locator('[data-testid="stSidebar"]').get_by_text("3 respondents").wait_for(
            timeout=TIMEOUT
        )
        page.locator('[data-testid="stSidebarNav"]').get_by_text("Gaps & priorities").click()
        page.get_by_role("heading", name="Gaps & priorities").wait_for(timeout=TIMEOUT)
        settle(page)
        assert "3 respondents" in page.locator('[data-testid="stSidebar"]').inner_text()
        expect(page.locator('[data-testid="stVegaLiteChart"]').first).to_be_visible(timeout=TIMEOUT)
        assert dialogs == []
    finally:
        for context in (projector, dark, *phones):
            context.close()


def test_a_hostile_room_name_and_labels_are_text_on_the_phone(hosted):
    from mot.store import open_store

    url, chromium, folder = hosted
    store = open_store(data_dir=folder)
    try:
        room, _ = store.open_room(HOSTILE_NAME, [("ZMOT", HOSTILE_LABEL, HOSTILE_LABEL)])
    finally:
        store.close()
    context = chromium.new_context(**PHONE)
    dialogs: list[str] = []
    outside: list[str] = []
    try:
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: None if r.url.startswith(url) else outside.append(r.url))
        page.goto(f"{url}/join/{room.code}")
        page.locator("section.moment").first.wait_for(timeout=TIMEOUT)
        assert page.locator("#title").inner_text() == HOSTILE_NAME
        assert page.locator("section.moment h2").first.inner_text() == HOSTILE_LABEL
        assert page.title() == HOSTILE_NAME
        assert page.locator("img").count() == 0 and page.locator("b").count() == 0
        assert dialogs == [] and outside == []
    finally:
        context.close()


def test_a_phone_without_signal_keeps_its_answer_and_sends_it_when_back(hosted):
    from mot.store import open_store

    url, chromium, folder = hosted
    store = open_store(data_dir=folder)
    room, _ = store.open_room("Offline", [("ZMOT", "Search", "Búsqueda")])
    context = chromium.new_context(**PHONE)
    try:
        page = context.new_page()
        page.goto(f"{url}/join/{room.code}")
        card = page.locator("section.moment").first
        card.wait_for(timeout=TIMEOUT)
        context.set_offline(True)  # a tunnel, a locked screen that dropped the connection
        card.locator('button[data-field="experienced"][data-value="2"]').click()
        expect(card.locator(".state.warn")).to_be_visible(timeout=TIMEOUT)
        assert store.responses(room.code).empty
        context.set_offline(False)
        expect(card.locator(".state.ok")).to_be_visible(timeout=TIMEOUT)  # sent by itself
        stored = store.responses(room.code)
        assert stored["experienced"].tolist() == [2.0]
    finally:
        context.close()
        store.close()
