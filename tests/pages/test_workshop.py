"""The Workshop page (issue 15), run with AppTest on its own store: opening a room on the
demo, the live view as answers arrive (written through the store, as the phones' API does),
the facilitator's controls, taking a room over with its key, and saving the answers as a
wave that the analysis pages then show."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from mot.store import Store
from tests.pages.conftest import page_path

HOSTILE = "<script>alert(1)</script> ![x](http://evil.test/a.png) **bold**"


def _page(lang: str = "en") -> AppTest:
    at = AppTest.from_file(page_path("pages/workshop.py"), default_timeout=180)
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    return at


def _opened(store: Store, lang: str = "en", *, stepwise: bool = False) -> tuple[AppTest, str]:
    at = _page(lang)
    at.text_input[0].input("Lisbon <b>workshop</b>")
    if stepwise:
        at.toggle[0].set_value(True)
    at.button[0].click().run()  # the form's submit button
    assert not at.exception, at.exception
    (room,) = [r for ws in store.list_workspaces(drafts=True) for r in store.rooms(ws.id)]
    return at, room.code


def _words(at: AppTest) -> str:
    kinds = ("markdown", "caption", "info", "warning", "error", "success", "text", "code")
    return " ".join(str(e.value) for kind in kinds for e in getattr(at, kind))


def _show(at: AppTest, code: str, touchpoint: str = "TMOT") -> AppTest:
    """Pick the touchpoint whose answers and comments the projector shows."""
    at.segmented_control(key=f"room_distribution_{code}_all").set_value(touchpoint).run()
    assert not at.exception, at.exception
    return at


def _answer(store: Store, code: str, people: int = 3) -> list[str]:
    who = [store.join_room(code)[0] for _ in range(people)]
    for i, person in enumerate(who):
        store.save_response(
            code,
            person,
            "TMOT",
            {"expected": 6, "excellent": 7, "experienced": 2 + i, "emotion": -2},
        )
    store.save_response(code, who[0], "TMOT", {"comment": HOSTILE})
    return who


def test_a_room_opens_on_the_demo_with_its_code_address_and_qr(store):
    at, code = _opened(store)
    room = store.room(code)
    assert room.name == "Lisbon <b>workshop</b>" and room.language == "en"
    assert [tp.id for tp in room.touchpoints] == ["ZMOT", "FMOT", "SMOT", "TMOT", "UMOT"]
    assert all(tp.is_open for tp in room.touchpoints)
    assert room.workspace_id is not None  # the demo was kept as a draft for the room
    assert any(code in str(h.proto.body) for h in at.get("html"))
    assert f"/join/{code}" in _words(at)
    assert "Phones cannot open this address" in _words(at)  # localhost
    assert at.get("image"), "the QR code"


def test_answers_show_live_with_comments_as_text(store):
    at, code = _opened(store)
    _answer(store, code)
    _show(at, code)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Participants"] == "3" and metrics["Ratings"] == "12"
    table = at.table[0].value if at.table else at.dataframe[0].value
    row = table[table.iloc[:, 0].astype(str).str.contains("Third")].iloc[0]
    assert "3" in " ".join(map(str, row.values))  # three answered TMOT
    texts = [str(e.value) for e in at.text]
    assert HOSTILE in texts  # as typed, through st.text: never markdown or HTML
    assert not any("evil.test" in str(m.value) for m in at.markdown)


def test_results_hidden_show_only_counts_and_controls_change_the_room(store):
    at, code = _opened(store)
    _answer(store, code)
    at.toggle(key=f"room_flag_results_hidden_{code}_False").set_value(True).run()
    assert store.room(code).results_hidden
    assert "Results are hidden" in _words(at)
    assert HOSTILE not in [str(e.value) for e in at.text]
    at.toggle(key=f"room_flag_joining_locked_{code}_False").set_value(True).run()
    assert store.room(code).joining_locked
    at.toggle(key=f"room_tp_{code}_ZMOT_True").set_value(False).run()
    assert not store.room(code).touchpoint("ZMOT").is_open


def test_a_comment_can_be_hidden_from_the_room(store):
    at, code = _opened(store)
    who = _answer(store, code)
    _show(at, code)
    at.button(key=f"room_hide_{who[0]}_TMOT").click().run()
    assert not at.exception, at.exception
    assert bool(store.responses(code).set_index("participant").loc[who[0], "comment_hidden"])


def test_step_by_step_opens_one_touchpoint_at_a_time(store):
    at, code = _opened(store, stepwise=True)
    assert [tp.is_open for tp in store.room(code).touchpoints] == [True] + [False] * 4
    at.radio(key=f"room_step_{code}_ZMOT").set_value("FMOT").run()
    assert not at.exception, at.exception
    assert [tp.id for tp in store.room(code).touchpoints if tp.is_open] == ["FMOT"]


def test_another_device_takes_over_with_the_key_and_a_wrong_key_is_refused(store):
    room, key = store.open_room("CLI room", [("ZMOT", "Search", "Búsqueda")])
    at = _page()
    at.text_input[1].input(room.code.lower())
    at.text_input[2].input("not the key")
    at.button[1].click().run()
    assert "facilitator key is missing or wrong" in _words(at)
    at.text_input[2].input(key)
    at.button[1].click().run()
    assert not at.exception, at.exception
    assert room.code in " ".join(str(h.proto.body) for h in at.get("html"))


def test_the_answers_become_a_wave_and_the_room_can_end(store):
    at, code = _opened(store)
    _answer(store, code)
    at.run()
    save = next(b for b in at.button if b.label == "Save as a wave")
    save.click().run()
    assert not at.exception, at.exception
    workspace = store.room(code).workspace_id
    waves = store.datasets(workspace, kind="survey")
    assert len(waves) == 2 and waves[-1].file_name.startswith(f"room-{code}")
    content = store.file_content(waves[-1].sha256).decode()
    assert content.splitlines()[0] == "respondent_id,touchpoint,measure,value,scale"
    assert "P03,TMOT,experienced,4,from 1 to 7" in content
    at.checkbox(key=f"room_end_sure_{code}").check().run()
    next(b for b in at.button if b.label == "End the room").click().run()
    assert store.room(code, ended=True).ended
    assert "This room has ended" in _words(at)


def test_the_page_speaks_spanish(store):
    at, code = _opened(store, lang="es")
    assert store.room(code).language == "es"
    words = _words(at)
    assert "Entra desde tu teléfono con el código" in words
    assert "Controles de quien dirige" in [s.value for s in at.sidebar.subheader]
