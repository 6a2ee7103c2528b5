"""Workspaces and links end to end in headless Chromium (issue 13).

Two separate browser contexts (two browsers: no shared cookie or storage) and a server
restart between them, on one data folder: the first uploads a survey, filters it and
switches to Spanish, and copies the address; the server restarts; the second opens the
address and sees the same numbers and filter; a reload in the first keeps its upload; an
unknown workspace says so. Screenshots (1280×720, EN and ES) land in tests/e2e/_artifacts/
(and docs/screenshots/ with MOT_SCREENSHOTS=docs).
"""

from __future__ import annotations

import re

import pytest

from .harness import (
    CHROMIUM,
    TIMEOUT,
    browser,
    fill,
    free_port,
    open_tab,
    server,
    settle,
    upload_until,
)
from .test_browser import shot_dirs

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Debian's chromium is not installed (apt-get install chromium)",
    ),
]

VIEWPORT = {"width": 1280, "height": 720}
N_MOBILE = 20  # the odd-numbered of the 40 respondents are on a mobile (see _export)


def _export(folder) -> object:
    path = folder / "team_export.csv"
    rows = ["ResponseId,device,FMOT_expected,FMOT_experienced,TMOT_experienced,recomendacion"]
    rows += [
        f"T{i},{'mobile' if i % 2 else 'desktop'},{3 + i % 3},{2 + i % 4},{1 + i % 5},{i % 11}"
        for i in range(40)
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def chromium():
    with browser() as instance:
        yield instance


def _shoot(page, name: str) -> None:
    for folder in shot_dirs():
        page.screenshot(path=str(folder / f"{name}.png"))


def _sidebar(page):
    return page.locator('[data-testid="stSidebar"]')


def _metrics(page) -> list[str]:
    """The headline numbers, once the page has drawn them."""
    page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=TIMEOUT)
    settle(page)
    return page.locator('[data-testid="stMetricValue"]').all_inner_texts()


def _shown(box) -> str:
    """The option a select box shows (its text, or its input's value)."""
    field = box.locator("input")
    return field.first.input_value() if field.count() else box.inner_text()


def _pick(page, box, option: str) -> None:
    """Choose ``option`` in a select box (a click right after a rerun may only focus it)."""
    wanted = page.get_by_role("option", name=option, exact=True)
    for _ in range(5):
        box.click()
        try:
            wanted.wait_for(timeout=3000)
            break
        except Exception:  # not open yet: click again
            continue
    wanted.click()


def test_a_copied_link_shows_the_same_view_in_another_browser_after_a_restart(chromium, tmp_path):
    env = {"MOT_DATA_DIR": str(tmp_path / "data")}
    port = free_port()
    first = chromium.new_context(viewport=VIEWPORT)
    page = first.new_page()
    with server(env=env, port=port) as url:
        page.goto(f"{url}/data")
        settle(page)
        draft = "() => /[?&]w=[A-Za-z0-9_-]{16,}/.test(location.search)"
        upload_until(page, str(_export(tmp_path)), draft)
        _sidebar(page).get_by_text("40 respondents").wait_for(timeout=TIMEOUT)
        assert any(c["name"] == "mot_browser" for c in first.cookies()), "the browser's key"
        # the Overview, inside the app (the link's workspace stays in the address)
        page.locator('[data-testid="stSidebarNav"]').get_by_text("Overview").click()
        page.get_by_text("Journey overview").first.wait_for(timeout=TIMEOUT)
        page.wait_for_url(re.compile(r"[?&]w="), timeout=TIMEOUT)
        boxes = _sidebar(page).locator('[data-testid="stSelectbox"]')
        _pick(page, boxes.first, "device")
        _pick(page, _sidebar(page).locator('[data-testid="stMultiSelect"]'), "mobile")
        _sidebar(page).get_by_text(f"{N_MOBILE} respondents").wait_for(timeout=TIMEOUT)
        _sidebar(page).get_by_text("ES", exact=True).click()
        _sidebar(page).get_by_text(f"{N_MOBILE} personas").wait_for(timeout=TIMEOUT)
        page.get_by_text("Resumen del recorrido").first.wait_for(timeout=TIMEOUT)
        settle(page)
        copied = page.url
        for part in ("filter_segment=device", "filter_values=mobile", "lang=ES"):
            assert part in copied, copied
        numbers = _metrics(page)
        assert numbers[0] == str(N_MOBILE), numbers
        _shoot(page, "workspace_link_filtered_1280x720_ES")

    with server(env=env, port=port) as url:  # the same address, after a restart
        second = chromium.new_context(viewport=VIEWPORT)
        other = second.new_page()
        other.goto(copied)
        _sidebar(other).get_by_text(f"{N_MOBILE} personas").wait_for(timeout=TIMEOUT)
        other.get_by_text("Resumen del recorrido").first.wait_for(timeout=TIMEOUT)
        settle(other)
        assert _metrics(other) == numbers
        assert _shown(_sidebar(other).locator('[data-testid="stSelectbox"]').first) == "device"
        assert "mobile" in _sidebar(other).locator('[data-testid="stMultiSelect"]').inner_text()
        assert "team_export.csv" in _sidebar(other).inner_text()
        assert not any(c["name"] == "mot_browser" and c["value"] in str(first.cookies())
                       for c in second.cookies())  # fmt: skip

        # a reload in the first browser keeps its upload (and its view)
        page.reload()
        _sidebar(page).get_by_text(f"{N_MOBILE} personas").wait_for(timeout=TIMEOUT)
        assert "team_export.csv" in _sidebar(page).inner_text()

        # an unknown workspace: the message in the user's language and the way back
        lost = second.new_page()
        lost.goto(f"{url}/?w={'x' * 23}&lang=ES")
        lost.get_by_text("No hay ningún espacio de trabajo en esta dirección").wait_for(
            timeout=TIMEOUT
        )
        settle(lost)
        assert lost.locator('[data-testid="stException"]').count() == 0
        assert lost.locator('[data-testid="stMetricValue"]').count() == 0
        _shoot(lost, "workspace_unknown_1280x720_ES")
        english = second.new_page()
        english.goto(f"{url}/?w={'x' * 23}")
        english.get_by_text("There is no workspace at this address").wait_for(timeout=TIMEOUT)
        settle(english)
        _shoot(english, "workspace_unknown_1280x720_EN")
        lost.get_by_role("button", name="Abrir la demo").click()
        _sidebar(lost).get_by_text("2.000 personas", exact=True).wait_for(timeout=TIMEOUT)
        assert "w=" not in lost.url
        second.close()
    first.close()


@pytest.mark.parametrize("language", ["EN", "ES"])
def test_the_workspace_tab_saves_and_lists_this_browsers_workspaces(chromium, tmp_path, language):
    words = {
        "EN": ("Workspace", "Name", "Save as workspace", "This session shows the workspace"),
        "ES": (
            "Espacio de trabajo",
            "Nombre",
            "Guardar como espacio de trabajo",
            "Esta sesión muestra el espacio de trabajo",
        ),
    }[language]
    tab, name_label, save, shown = words
    with server(env={"MOT_DATA_DIR": str(tmp_path / "data")}) as url:
        context = chromium.new_context(viewport=VIEWPORT)
        page = context.new_page()
        page.goto(f"{url}/data?lang={language}")
        settle(page)
        upload_until(page, str(_export(tmp_path)), "() => /[?&]w=/.test(location.search)")
        settle(page)
        open_tab(page, tab)
        fill(page, name_label, "Q3 workshop")
        page.get_by_role("button", name=save).click()
        page.get_by_text(shown).filter(has_text="Q3 workshop").first.wait_for(timeout=TIMEOUT)
        settle(page)
        open_tab(page, tab)
        _shoot(page, f"workspace_tab_1280x720_{language}")
        mine = "Workspaces this browser created" if language == "EN" else "Espacios creados"
        page.get_by_text(mine).first.scroll_into_view_if_needed()
        _shoot(page, f"workspace_list_1280x720_{language}")
        ident = re.search(r"[?&]w=([A-Za-z0-9_-]+)", page.url)[1]
        # the same browser, a new tab: its list has the workspace (the key in its cookie)
        again = context.new_page()
        again.goto(f"{url}/data?lang={language}")
        settle(again)
        open_tab(again, tab)
        again.get_by_text("Q3 workshop").first.wait_for(
            state="attached", timeout=TIMEOUT
        )  # the grid's cell
        # another browser: an empty list
        stranger = chromium.new_context(viewport=VIEWPORT).new_page()
        stranger.goto(f"{url}/data?lang={language}")
        settle(stranger)
        open_tab(stranger, tab)
        assert stranger.get_by_text("Q3 workshop").count() == 0
        assert ident not in stranger.content()
        context.close()


def test_the_touchpoint_picked_on_the_emotion_curve_is_in_the_link(chromium, tmp_path):
    with server(env={"MOT_DATA_DIR": str(tmp_path / "data")}) as url:
        first = chromium.new_context(viewport=VIEWPORT)
        page = first.new_page()
        page.goto(f"{url}/emotion")
        page.locator(".vega-embed").first.wait_for(timeout=TIMEOUT)
        settle(page)
        tmot = page.locator(
            '.vega-embed [aria-roledescription="point"]'
            '[aria-label^="Touchpoint: Third moment of truth"]'
        )
        tmot.first.click(force=True)
        page.wait_for_url(re.compile(r"[?&]touchpoint=TMOT"), timeout=TIMEOUT)
        page.get_by_text("Focused on Third moment of truth.").wait_for(timeout=TIMEOUT)
        copied = page.url
        second = chromium.new_context(viewport=VIEWPORT)
        other = second.new_page()
        other.goto(copied)
        other.get_by_text("Focused on Third moment of truth.").wait_for(timeout=TIMEOUT)
        # the touchpoint belongs to the Emotion page: another page leaves it out of the link
        other.locator('[data-testid="stSidebarNav"]').get_by_text("Overview").click()
        other.get_by_text("Journey overview").first.wait_for(timeout=TIMEOUT)
        settle(other)
        assert "touchpoint=" not in other.url
        first.close()
        second.close()
