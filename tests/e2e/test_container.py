"""The container recipe (issue 14), tested without a container engine.

This machine has the Docker client but no daemon (``docker info`` cannot connect), so the
image is not built here. What the image would run is tested instead, outside it: the
Dockerfile's ``CMD`` (with the port moved to a free one on 127.0.0.1, the address tests keep
to) under its ``ENV``, then its ``HEALTHCHECK`` command against it; and the compose file's
app settings with PostgreSQL (the throwaway cluster of ``tests/with-postgres.sh``, when it
runs) in place of the ``db`` service. The recipe's rules are checked as written: a slim
base, a non-root user, the data folder as a volume, nothing downloaded but PyPI packages.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from .harness import ROOT, free_port, wait_until_healthy

pytestmark = pytest.mark.e2e

DOCKERFILE = (ROOT / "Dockerfile").read_text()
COMPOSE = (ROOT / "docker-compose.yml").read_text()


def _instruction(name: str) -> str:
    """The (continued) text of the Dockerfile's last ``name`` instruction."""
    text = DOCKERFILE.replace("\\\n", " ")
    found = [line[len(name) :].strip() for line in text.splitlines() if line.startswith(name + " ")]
    assert found, f"the Dockerfile has no {name}"
    return found[-1]


def _env() -> dict[str, str]:
    pairs = shlex.split(_instruction("ENV"))
    return dict(pair.split("=", 1) for pair in pairs)


def _command(port: int) -> list[str]:
    command = json.loads(_instruction("CMD"))
    assert command[:3] == ["python", "-m", "ui.serve"]
    command[command.index("--server.port") + 1] = str(port)
    command[command.index("--server.address") + 1] = "127.0.0.1"  # tests stay on loopback
    return [sys.executable, *command[1:]]


def _healthcheck(port: int) -> list[str]:
    text = _instruction("HEALTHCHECK")
    command = json.loads(text[text.index("CMD") + 3 :].strip())
    assert command[0] == "python"
    return [sys.executable, *[c.replace("8501", str(port)) for c in command[1:]]]


def test_the_recipe_follows_the_rules() -> None:
    assert re.search(r"^FROM python:3\.\d+-slim$", DOCKERFILE, re.M)
    user = _instruction("USER")
    assert user and user != "root"
    assert "/data" in _instruction("VOLUME") and _env()["MOT_DATA_DIR"] == "/data"
    assert "pip install -r requirements.txt" in DOCKERFILE
    assert "curl" not in DOCKERFILE and "wget" not in DOCKERFILE  # nothing fetched but PyPI
    copied = {line.split()[1] for line in DOCKERFILE.splitlines() if line.startswith("COPY ")}
    assert {"app.py", "mot", "pages", "ui", "data", ".streamlit"} <= copied


def _serve(tmp_path: Path, env: dict[str, str]):
    port = free_port()
    full = {**os.environ, **_env(), "MOT_DATA_DIR": str(tmp_path), **env}
    process = subprocess.Popen(
        _command(port), cwd=ROOT, env=full, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return port, process


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


def test_the_image_command_serves_and_its_health_check_passes(tmp_path) -> None:
    port, process = _serve(tmp_path, {"MOT_DATABASE_URL": ""})
    try:
        wait_until_healthy(f"http://127.0.0.1:{port}", process)
        check = subprocess.run(_healthcheck(port), timeout=30, check=False)
        assert check.returncode == 0
    finally:
        _stop(process)
    check = subprocess.run(_healthcheck(port), timeout=30, check=False, capture_output=True)
    assert check.returncode != 0  # and it fails once the app is gone


def test_the_compose_settings_run_on_postgresql(tmp_path) -> None:
    url = os.environ.get("MOT_TEST_DATABASE_URL")
    if not url:
        pytest.skip("no PostgreSQL server (tests/postgres.sh start): the compose half skipped")
    assert "MOT_DATABASE_URL: postgresql+psycopg://" in COMPOSE
    assert re.search(r"condition: service_healthy", COMPOSE)
    port, process = _serve(tmp_path, {"MOT_DATABASE_URL": url, "MOT_PASSWORD_HASH": ""})
    try:
        wait_until_healthy(f"http://127.0.0.1:{port}", process)
        check = subprocess.run(_healthcheck(port), timeout=30, check=False)
        assert check.returncode == 0  # the app and its PostgreSQL answer
    finally:
        _stop(process)
