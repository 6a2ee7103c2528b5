"""``python -m mot room open|results|end`` on the store the dashboard uses (issue 15)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mot.cli import main
from mot.store import open_store
from mot.workshop import CODE_ALPHABET

ROOT = Path(__file__).resolve().parents[3]
DEMO = ROOT / "data" / "demo_survey.csv"


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch) -> Path:
    monkeypatch.delenv("MOT_DATABASE_URL", raising=False)
    monkeypatch.setenv("MOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MOT_PUBLIC_URL", "https://mot.example.org/")
    return tmp_path / "data"


def _json(capsys, *argv: str) -> object:
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_open_prints_the_code_the_join_url_and_the_key(capsys, data_dir):
    opened = _json(capsys, "room", "open", "--name", "Lisbon", "--lang", "es")
    assert set(opened) == {"code", "join_url", "facilitator_key"}
    code = opened["code"]
    assert len(code) == 6 and set(code) <= set(CODE_ALPHABET)
    assert opened["join_url"] == f"https://mot.example.org/join/{code}"
    store = open_store()
    try:
        room = store.room(code)
        assert room.name == "Lisbon" and room.language == "es" and room.scale == (1, 7)
        assert [tp.id for tp in room.touchpoints] == ["ZMOT", "FMOT", "SMOT", "TMOT", "UMOT"]
        assert all(tp.is_open for tp in room.touchpoints)
        assert store.facilitator_ok(code, opened["facilitator_key"])
    finally:
        store.close()


def test_step_scale_journey_and_workspace(capsys, tmp_path):
    journey = tmp_path / "journey.json"
    journey.write_text(
        json.dumps(
            {
                "name": "Clinic",
                "touchpoints": [
                    {"id": "booking", "label_en": "Booking", "label_es": "Cita"},
                    {"id": "visit", "label_en": "Visit", "label_es": "Visita"},
                ],
            }
        ),
        encoding="utf-8",
    )
    saved = _json(capsys, "workspace", "save", str(DEMO), "--name", "Q3")
    opened = _json(
        capsys,
        "room", "open", "--journey", str(journey), "--workspace", saved["id"],
        "--step", "--scale", "1-5",
    )  # fmt: skip
    store = open_store()
    try:
        room = store.room(opened["code"])
        assert room.workspace_id == saved["id"] and room.name == "Q3" and room.scale == (1, 5)
        assert [(tp.id, tp.is_open) for tp in room.touchpoints] == [
            ("booking", True),
            ("visit", False),
        ]
        from_workspace = _json(capsys, "room", "open", "--workspace", saved["id"])
        assert len(store.room(from_workspace["code"]).touchpoints) == 5  # the survey's journey
    finally:
        store.close()


def test_results_and_end_need_the_key(capsys):
    opened = _json(capsys, "room", "open")
    code, key = opened["code"], opened["facilitator_key"]
    store = open_store()
    try:
        who, _ = store.join_room(code)
        store.save_response(code, who, "FMOT", {"experienced": 6, "comment": "=1+1"})
    finally:
        store.close()
    assert main(["room", "results", code, "--key", key]) == 0
    csv = capsys.readouterr().out.splitlines()
    assert csv == [
        "respondent_id,touchpoint,measure,value,scale",
        "P01,FMOT,experienced,6,from 1 to 7",
        "P01,FMOT,comment,'=1+1,",
    ]
    rows = _json(capsys, "room", "results", code.lower(), "--key", key)
    assert [r["measure"] for r in rows] == ["experienced", "comment"]
    assert main(["room", "results", code, "--key", "wrong"]) == 1
    assert "facilitator key is missing or wrong" in capsys.readouterr().err
    assert main(["room", "end", code, "--key", "wrong"]) == 1
    assert main(["room", "end", code, "--key", key]) == 0
    assert code in capsys.readouterr().out
    assert main(["room", "end", code, "--key", key]) == 0  # again: it has ended
    assert "has ended" in capsys.readouterr().out
    assert main(["room", "results", code, "--key", key]) == 0  # an ended room's answers stay


def test_the_key_from_standard_input_or_the_environment(capsys, monkeypatch):
    import io

    opened = _json(capsys, "room", "open")
    code, key = opened["code"], opened["facilitator_key"]
    monkeypatch.setattr("sys.stdin", io.StringIO(key + "\n"))
    assert main(["room", "results", code, "--key", "-"]) == 0
    monkeypatch.setenv("MOT_ROOM_KEY", key)
    assert main(["room", "results", code]) == 0
    monkeypatch.delenv("MOT_ROOM_KEY")
    assert main(["room", "results", code]) == 1  # no key at all


def test_refusals_exit_1_with_a_message_in_the_language(capsys):
    assert main(["room", "open", "--scale", "2-9", "--lang", "es"]) == 1
    assert "escalas" in capsys.readouterr().err
    assert main(["room", "open", "--workspace", "no-such-workspace-000"]) == 1
    assert "no workspace" in capsys.readouterr().err.lower()


def test_the_text_output_in_spanish():
    done = subprocess.run(
        [sys.executable, "-m", "mot", "room", "open", "--lang", "es"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert lines[0].startswith("La sala ") and "abierta" in lines[0]
    assert lines[1].startswith("Quienes participan abren: https://mot.example.org/join/")
    assert lines[2].startswith("Clave de quien dirige")
