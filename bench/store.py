"""Saved workspaces: saving a large survey into the store, on SQLite (and PostgreSQL).

- save: ``create_workspace`` + ``add_dataset`` of the 100,000-respondent export CSV (its bytes
  hashed and stored once), best of 3, into a fresh SQLite file in a temporary folder (the
  default store) and, when ``MOT_TEST_DATABASE_URL`` names a PostgreSQL server
  (``tests/postgres.sh start``), into it. Target: ≤ 2 s (the issue's budget); the ratio to
  reading the same file with ``mot.io.read_table`` is reported beside it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from bench.harness import Result, best_time
from bench.survey import export_csv

SAVE_BUDGET_S = 2.0


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
