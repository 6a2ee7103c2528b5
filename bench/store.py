"""Saved workspaces: saving a large survey into the store, on SQLite (and PostgreSQL).

- save: ``create_workspace`` + ``add_dataset`` of the 100,000-respondent export CSV (its bytes
  hashed and stored once), best of 3, into a fresh SQLite file in a temporary folder (the
  default store) and, when ``MOT_TEST_DATABASE_URL`` names a PostgreSQL server
  (``tests/postgres.sh start``), into it. Target: ≤ 2 s (the issue's budget); the ratio to
  reading the same file with ``mot.io.read_table`` is reported beside it.
- link: one dashboard server (``python -m ui.serve``, its own data folder); a new browser
  context (no cookie) opens the landing page of the demo, then the link ``/?w=ID`` of a
  workspace holding the demo survey, saved with ``python -m mot workspace save`` just before
  (a new workspace each time: the store is read every time), until the first chart is
  visible; alternated, after one warm-up of each, median of 5. Target: ≤ 1.5× the demo.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.harness import ROOT, Result, best_time
from bench.survey import export_csv

SAVE_BUDGET_S = 2.0
LINK_RATIO = 1.5


def _urls(folder: Path) -> dict[str, str]:
    urls = {"SQLite": f"sqlite:///{folder / 'bench.sqlite3'}"}
    if os.environ.get("MOT_TEST_DATABASE_URL"):
        urls["PostgreSQL"] = os.environ["MOT_TEST_DATABASE_URL"]
    return urls


def bench_save(n_respondents: int = 100_000) -> list[Result]:
    """Save the export as a workspace on each database; the budget and the reading ratio."""
    from mot.io import read_table
    from mot.store import open_store

    path = export_csv(n_respondents)
    reading = best_time(lambda: read_table(path))
    size_mb = path.stat().st_size / 2**20
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for name, url in _urls(Path(folder)).items():
            store = open_store(url)

            def save(store=store) -> None:
                workspace = store.create_workspace("bench")
                store.add_dataset(
                    workspace.id, kind="survey", file_name=path.name, content=path.read_bytes()
                )
                store.delete_workspace(workspace.id)  # the next run stores the file anew

            seconds = best_time(save)
            store.close()
            results.append(
                Result(
                    f"workspace save of a {n_respondents:,}-respondent survey ({size_mb:.0f} MB "
                    f"CSV), {name}; {seconds / reading:.2f}× reading it (read_table "
                    f"{reading:.2f} s)",
                    seconds,
                    SAVE_BUDGET_S,
                    "the issue's 2 s budget",
                    1.0,
                )
            )
    return results


def _to_first_chart(chromium: object, url: str) -> float:
    """A new browser (no cookie) opens ``url``: seconds until its first chart is visible."""
    context = chromium.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    page.locator(".vega-embed").first.wait_for(state="visible", timeout=120_000)
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed


def _saved_demo(env: dict[str, str]) -> str:
    """The id of a new workspace holding the demo survey (the CLI, as a script would)."""
    done = subprocess.run(
        [sys.executable, "-m", "mot", "workspace", "save", "data/demo_survey.csv", "--json"],
        cwd=ROOT,
        env={**os.environ, **env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)["id"]


def bench_link(repeat: int = 5) -> list[Result]:
    """Opening a workspace link to its first chart against opening the demo, alternated."""
    from tests.e2e.harness import CHROMIUM, browser, server

    if not CHROMIUM.exists():
        return []
    ours, demo = [], []
    with tempfile.TemporaryDirectory() as folder:
        env = {"MOT_DATA_DIR": folder}
        with server(env=env) as url, browser() as chromium:
            _to_first_chart(chromium, url)  # warm-up: the first run imports and loads
            _to_first_chart(chromium, f"{url}/?w={_saved_demo(env)}")
            for _ in range(repeat):
                demo.append(_to_first_chart(chromium, url))
                ours.append(_to_first_chart(chromium, f"{url}/?w={_saved_demo(env)}"))
    return [
        Result(
            "a new browser opens a workspace link (`/?w=ID`, the demo survey saved) → first "
            "chart (median)",
            statistics.median(ours),
            statistics.median(demo),
            "the same browser opening the demo → first chart",
            LINK_RATIO,
        )
    ]
