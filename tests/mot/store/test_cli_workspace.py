"""``python -m mot workspace save|list|show|delete`` on the store the dashboard uses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mot.cli import main
from mot.store import ID_PATTERN, open_store

ROOT = Path(__file__).resolve().parents[3]
DEMO = ROOT / "data" / "demo_survey.csv"
EVENTS = ROOT / "data" / "demo_events.parquet"


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch) -> Path:
    monkeypatch.delenv("MOT_DATABASE_URL", raising=False)
    monkeypatch.setenv("MOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MOT_PUBLIC_URL", "https://mot.example.org/")
    return tmp_path / "data"


def _json(capsys, *argv: str) -> dict:
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_save_list_show_delete(capsys) -> None:
    saved = _json(capsys, "workspace", "save", str(DEMO), "--events", str(EVENTS), "--name", "Q3")
    ident = saved["id"]
    assert ID_PATTERN.fullmatch(ident) and not ident.startswith("-")
    assert saved["url"] == f"https://mot.example.org/?w={ident}"
    listed = _json(capsys, "workspace", "list")["workspaces"]
    assert [(w["id"], w["name"], w["datasets"]) for w in listed] == [(ident, "Q3", 2)]
    shown = _json(capsys, "workspace", "show", ident)
    assert [(d["kind"], d["file_name"]) for d in shown["datasets"]] == [
        ("survey", "demo_survey.csv"),
        ("events", "demo_events.parquet"),
    ]
    assert shown["datasets"][0]["size"] == DEMO.stat().st_size
    assert _json(capsys, "workspace", "delete", ident) == {"id": ident, "deleted": True}
    assert main(["workspace", "show", ident]) == 1
    assert "no workspace at this address" in capsys.readouterr().err
    store = open_store()
    assert store.n_files() == 0  # the files went with it
    store.close()


def test_save_to_adds_a_labelled_wave_and_an_unknown_workspace_stores_nothing(capsys) -> None:
    wave2 = ROOT / "data" / "demo_survey_wave2.csv"
    ident = _json(capsys, "workspace", "save", str(DEMO), "--wave", "June")["id"]
    again = _json(capsys, "workspace", "save", str(wave2), "--to", ident, "--wave", "September")
    assert again["id"] == ident
    shown = _json(capsys, "workspace", "show", ident)
    assert [(d["file_name"], d["label"]) for d in shown["datasets"]] == [
        ("demo_survey.csv", "June"),
        ("demo_survey_wave2.csv", "September"),
    ]
    assert len(_json(capsys, "workspace", "list")["workspaces"]) == 1
    assert main(["workspace", "save", str(wave2), "--to", "x" * 24]) == 1
    assert "no workspace at this address" in capsys.readouterr().err
    assert len(_json(capsys, "workspace", "list")["workspaces"]) == 1


def test_spanish_output(capsys) -> None:
    assert main(["workspace", "save", str(DEMO), "--lang", "es"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Espacio de trabajo ") and "guardado" in out
    ident = out.split()[3].rstrip(";")
    assert main(["workspace", "show", ident, "--lang", "es"]) == 0
    shown = capsys.readouterr().out
    size = f"{DEMO.stat().st_size:,}".replace(",", ".")
    assert f"encuesta: demo_survey.csv, {size} bytes" in shown
    assert main(["workspace", "list", "--lang", "es"]) == 0
    assert "(1 conjuntos de datos)" in capsys.readouterr().out


def test_a_file_validate_refuses_is_not_saved(capsys, tmp_path) -> None:
    notes = tmp_path / "notes.csv"
    notes.write_text("just,text\nno,ratings\n", encoding="utf-8")
    assert main(["workspace", "save", str(notes)]) == 1
    err = capsys.readouterr().err
    assert "No column holds touchpoint ratings" in err and "`notes.csv` was not saved" in err
    assert _json(capsys, "workspace", "list") == {"workspaces": []}


def test_a_file_over_the_limit_is_refused(capsys, monkeypatch) -> None:
    monkeypatch.setenv("MOT_MAX_UPLOAD_MB", "0.1")
    assert main(["workspace", "save", str(DEMO)]) == 1
    assert "MOT_MAX_UPLOAD_MB" in capsys.readouterr().err
    assert _json(capsys, "workspace", "list") == {"workspaces": []}  # no empty workspace left


@pytest.mark.slow
def test_an_id_passes_as_a_command_line_argument(data_dir) -> None:
    env = {"MOT_DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-m", "mot", "workspace"]
    saved = subprocess.run(
        [*run, "save", str(DEMO), "--json"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert saved.returncode == 0, saved.stderr
    ident = json.loads(saved.stdout)["id"]
    shown = subprocess.run(
        [*run, "show", ident, "--json"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert shown.returncode == 0 and json.loads(shown.stdout)["id"] == ident
