"""Waves and corrective actions end to end in headless Chromium (issue 13).

A workspace holds the demo's two waves (June, and September after the action at delivery)
and one action decided on June. The Gaps page compares the waves (the planted TMOT
improvement, in EN and ES, normal and large type, at 1280×720 and 1440×900) and shows the
action's before and after. Two browser contexts edit the same action: the first saves, the
second is told, shown the other change, and puts its own change on top; the store then
holds both changes (in EN and ES). Screenshots land in tests/e2e/_artifacts/ (and
docs/screenshots/ with MOT_SCREENSHOTS=docs).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from mot.store import Action, database_url, open_store

from .harness import CHROMIUM, TIMEOUT, browser, server, settle
from .test_browser import shot_dirs

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Debian's chromium is not installed (apt-get install chromium)",
    ),
]

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def team(tmp_path_factory, monkeypatch_module):
    """A data folder with the two-wave workspace, and the dashboard serving it."""
    folder = tmp_path_factory.mktemp("team")
    monkeypatch_module.delenv("MOT_DATABASE_URL", raising=False)
    monkeypatch_module.setenv("MOT_DATA_DIR", str(folder))
    store = open_store(database_url())
    ws = store.create_workspace("Delivery programme")
    ids = [
        store.add_dataset(
            ws.id,
            kind="survey",
            file_name=name,
            content=(DATA / name).read_bytes(),
            label=label,
        ).id
        for name, label in (("demo_survey.csv", "June"), ("demo_survey_wave2.csv", "September"))
    ]
    store.save_action(
        Action("", ws.id, "TMOT", "Call ahead", owner="Ana", gap="expected", wave=ids[0])
    )
    with server(env={"MOT_DATA_DIR": str(folder)}) as url, browser() as chromium:
        yield url, chromium, store, ws.id
    store.close()


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def _shoot(page, name: str) -> None:
    for folder in shot_dirs():
        page.screenshot(path=str(folder / f"{name}.png"))


def _gaps(chromium, url: str, ident: str, viewport: dict, query: str = ""):
    context = chromium.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{url}/gaps?w={ident}{query}")
    settle(page)
    return context, page


@pytest.mark.parametrize(
    ("language", "large", "viewport"),
    [
        ("EN", False, {"width": 1280, "height": 720}),
        ("ES", False, {"width": 1440, "height": 900}),
        ("EN", True, {"width": 1440, "height": 900}),
        ("ES", True, {"width": 1280, "height": 720}),
    ],
)
def test_the_gaps_page_compares_the_waves_and_shows_each_actions_effect(
    team, language, large, viewport
):
    url, chromium, _, ident = team
    query = f"&lang={language}" + ("&large=true" if large else "")
    context, page = _gaps(chromium, url, ident, viewport, query)
    try:
        heading = {
            "EN": "Measure again: this wave against another",
            "ES": "Medir de nuevo: esta oleada frente a otra",
        }
        compared = page.get_by_role("heading", name=heading[language])
        compared.wait_for(timeout=TIMEOUT)
        improved = {
            "EN": "the gap to what was expected improved by",
            "ES": "la brecha con lo esperado mejoró",
        }
        page.get_by_text(improved[language]).first.wait_for(timeout=TIMEOUT)
        size = f"{viewport['width']}x{viewport['height']}"
        kind = "large" if large else "normal"
        compared.evaluate("e => e.scrollIntoView({block: 'start'})")
        page.mouse.move(800, 400)
        page.mouse.wheel(0, -90)  # clear of the app's top bar
        settle(page)
        _shoot(page, f"waves_gaps_{size}_{kind}_{language}")
        before_after = {"EN": "Before and after", "ES": "Antes y después"}[language]
        effect = page.get_by_text(before_after, exact=True).first
        effect.scroll_into_view_if_needed()
        settle(page)
        text = page.locator('[data-testid="stMain"]').inner_text()
        assert "Call ahead · TMOT" in text
        assert {"EN": "improved", "ES": "mejoró"}[language] in text
        page.get_by_text({"EN": "Corrective actions", "ES": "Acciones correctivas"}[language])
        _editor(page)
        settle(page)
        _shoot(page, f"actions_gaps_{size}_{kind}_{language}")
    finally:
        context.close()


def test_the_journey_map_flags_the_actions(team):
    url, chromium, _, ident = team
    context = chromium.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    try:
        page.goto(f"{url}/?w={ident}")
        settle(page)
        chart = page.locator('[data-testid="stVegaLiteChart"]').first
        chart.locator("canvas, svg").first.wait_for(timeout=TIMEOUT)
        chart.evaluate("e => e.scrollIntoView({block: 'start'})")
        page.mouse.move(800, 400)
        page.mouse.wheel(0, -110)  # clear of the app's top bar
        settle(page)
        _shoot(page, "actions_map_1280x720_EN")
    finally:
        context.close()


def _editor(page):
    """The actions editor (its element carries its key, ``gaps_actions_editor_…``)."""
    grid = page.locator('[class*="st-key-gaps_actions_editor_"] [data-testid="stDataFrame"]')
    grid = grid.first
    grid.wait_for(timeout=TIMEOUT)
    grid.scroll_into_view_if_needed()
    return grid


STILL = """e => new Promise(done => {
    let last = null, same = 0;
    const look = () => {
        const top = e.getBoundingClientRect().top;
        same = top === last ? same + 1 : 0;
        last = top;
        if (same >= 10) done(top); else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
})"""
"""Resolves once the element has kept its place for ten frames (charts above it drawn)."""


def _still(element) -> dict:
    """The element's box once it no longer moves (scrolled into view first)."""
    element.scroll_into_view_if_needed()
    element.evaluate(STILL)
    return element.bounding_box()


def _type_in_cell(page, column: int, text: str, unsaved: str, *, holds: str | None = None) -> None:
    """Type ``text`` into the first row's cell ``column`` (0: touchpoint) of the editor, and
    wait until the server has it (the count of unsaved rows under Save says so). A rerun
    that redraws the grid between the click and the typing drops the typing: it is typed
    again (bounded by TIMEOUT). ``holds``: what the cell holds now; an editor that opens on
    another value opened another cell (an arrow key pressed before the grid had the
    focus), and is closed and tried again."""
    deadline = time.monotonic() + TIMEOUT / 1000
    while True:
        settle(page)
        box = _still(_editor(page))
        page.mouse.click(box["x"] + 80, box["y"] + 35 + 17)  # the first row's touchpoint cell
        for _ in range(column):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")  # open the cell's editor, then type into it once it is there
        try:
            field = page.locator("#portal textarea, #portal input").first
            field.wait_for(timeout=5_000)
            if holds is not None and field.input_value() != holds:
                raise AssertionError(f"another cell opened: {field.input_value()!r}")
            field.fill(text)
            field.press("Enter")
            page.get_by_text(unsaved).wait_for(timeout=10_000)
            settle(page)
            return
        except Exception:
            if time.monotonic() > deadline:
                raise
            page.keyboard.press("Escape")


WORDS = {
    "EN": {
        "save": "Save actions",
        "unsaved": "1 row(s) changed, not saved yet.",
        "saved": "Saved: 1 change(s) to the actions.",
        "conflict": "Someone else saved “Call ahead” while you were editing it",
        "theirs": "Saved by someone else",
        "on_top": "Put my changes on top",
    },
    "ES": {
        "save": "Guardar acciones",
        "unsaved": "1 fila(s) cambiada(s), sin guardar todavía.",
        "saved": "Guardado: 1 cambio(s) en las acciones.",
        "conflict": "Otra persona guardó «Call ahead» mientras la editabas",
        "theirs": "Guardado por otra persona",
        "on_top": "Poner mis cambios encima",
    },
}


def _save(page, language: str) -> None:
    page.get_by_role("button", name=WORDS[language]["save"]).click()
    settle(page)


@pytest.mark.parametrize("language", ["EN", "ES"])
def test_two_browsers_editing_one_action_are_never_overwritten_silently(team, language):
    url, chromium, store, _ = team
    ws = store.create_workspace(f"Two editors {language}")
    june = store.add_dataset(
        ws.id,
        kind="survey",
        file_name="demo_survey.csv",
        content=(DATA / "demo_survey.csv").read_bytes(),
        label="June",
    )
    store.save_action(Action("", ws.id, "TMOT", "Call ahead", owner="Ana", wave=june.id))
    words, viewport = WORDS[language], {"width": 1440, "height": 900}
    (first, ana), (second, luis) = (
        _gaps(chromium, url, ws.id, viewport, f"&lang={language}"),
        _gaps(chromium, url, ws.id, viewport, f"&lang={language}"),
    )
    try:
        _type_in_cell(ana, 2, "Ana and Eva", words["unsaved"], holds="Ana")  # tp, action, owner
        _save(ana, language)
        ana.get_by_text(words["saved"]).wait_for(timeout=TIMEOUT)
        assert store.actions(ws.id)[0].owner == "Ana and Eva", store.actions(ws.id)
        _type_in_cell(luis, 6, "Ask the courier", words["unsaved"])  # …, due, gap, note
        _save(luis, language)
        luis.get_by_text(words["conflict"]).wait_for(timeout=TIMEOUT)
        table = luis.locator('[data-testid="stTable"]').filter(has_text=words["theirs"])
        table.get_by_text("Ask the courier").wait_for(timeout=TIMEOUT)  # his change
        assert "Ana and Eva" in table.inner_text()  # and hers, side by side
        assert store.actions(ws.id)[0].note == ""  # his change waits, hers is kept
        _shoot(luis, f"actions_conflict_1440x900_{language}")
        luis.get_by_role("button", name=words["on_top"]).click()
        settle(luis)
        luis.get_by_text(words["saved"]).wait_for(timeout=TIMEOUT)
        (merged,) = store.actions(ws.id)
        assert (merged.owner, merged.note) == ("Ana and Eva", "Ask the courier")
    finally:
        first.close()
        second.close()
