"""The store under concurrency and crashes: no error, no lost write, never a broken workspace."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import text

from mot.store import open_store

ROOT = Path(__file__).resolve().parents[3]

SAVES, READS = 20, 200


def test_concurrent_saves_and_reads_lose_nothing(store) -> None:
    shared = store.create_workspace("shared")
    others = [store.create_workspace(f"w{i}") for i in range(4)]

    def save(i: int) -> str:
        target = shared if i % 2 else others[i % 4]
        content = f"respondent_id,x\n{i},{i}\n".encode()
        return store.add_dataset(target.id, kind="survey", file_name=f"{i}.csv", content=content).id

    def read(i: int) -> int:
        target = [shared, *others][i % 5]
        assert store.workspace(target.id).id == target.id
        return len(store.datasets(target.id))

    with ThreadPoolExecutor(max_workers=24) as pool:
        saves = [pool.submit(save, i) for i in range(SAVES)]
        reads = [pool.submit(read, i) for i in range(READS)]
        saved = {f.result(timeout=120) for f in saves}  # .result() re-raises any error
        assert all(f.result(timeout=120) >= 0 for f in reads)
    stored = {d.id for w in [shared, *others] for d in store.datasets(w.id)}
    assert stored == saved and len(saved) == SAVES
    assert [d.position for d in store.datasets(shared.id)] == list(range(1, SAVES // 2 + 1))


CHILD = """
import os, sys
from sqlalchemy import event
from mot.store import open_store

store = open_store(sys.argv[1])
ws = store.workspace(sys.argv[2])

def announce(conn, cursor, statement, *args):
    if statement.lstrip().upper().startswith("INSERT INTO FILES"):
        print("inside", flush=True)  # the parent kills the process now, mid-transaction

event.listen(store.engine, "before_cursor_execute", announce)
for i in range(int(sys.argv[3])):
    store.add_dataset(ws.id, kind="survey", file_name=f"{i}.csv", content=os.urandom(1 << 20))
    print("saved", flush=True)
store.add_dataset(ws.id, kind="survey", file_name="big.csv", content=os.urandom(40 << 20))
print("finished", flush=True)
"""


@pytest.mark.parametrize("complete_saves", [0, 2])
def test_a_server_killed_mid_save_leaves_the_old_workspace(store_url, complete_saves) -> None:
    store = open_store(store_url)
    ws = store.create_workspace("crash")
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(CHILD), store_url, ws.id, str(complete_saves)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    seen = []
    try:
        for line in child.stdout:  # type: ignore[union-attr]
            seen.append(line.strip())
            if line.strip() == "inside" and seen.count("saved") == complete_saves:
                child.kill()
                break
    finally:
        child.wait(timeout=60)
    assert "finished" not in seen and child.returncode != 0
    kept = store.datasets(ws.id)
    assert [d.file_name for d in kept] == [f"{i}.csv" for i in range(complete_saves)]
    for dataset in kept:  # each stored dataset is whole: its file is there, byte for byte
        assert hashlib.sha256(store.file_content(dataset.sha256)).hexdigest() == dataset.sha256
    assert store.n_files() == complete_saves
    if store.dialect == "sqlite":
        with store.engine.connect() as connection:
            assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    # and the store takes the next save as usual
    store.add_dataset(ws.id, kind="survey", file_name="after.csv", content=b"after")
    assert len(store.datasets(ws.id)) == complete_saves + 1
    store.close()
