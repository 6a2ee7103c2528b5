"""A live room under load: 50 phones answering at once through the real server on loopback.

One server (``python -m ui.serve`` on 127.0.0.1, its store a SQLite file of its own or a
PostgreSQL database of its own) holds two rooms opened through :mod:`mot.store` before it
starts. :data:`PARTICIPANTS` clients (threads speaking the room's JSON API as the phone page
does: join, then one ``PUT`` per tap) each rate :data:`TOUCHPOINTS` touchpoints on the four
measures — 1,000 ratings — and then change their mind once per touchpoint, sending the four
final values together (the last answer counts). :data:`OTHERS` clients answer the second
room at the same time. A client retries what fails by itself, as the page does: a refused
connection or a 5xx after a pause that grows to 2 s, a 429 after its ``Retry-After``.

Two runs:

- **clean**: no fault: the ratings per second (every stored rating over the wall time from
  the first join to the last reply) and the p95 of one send (a ``PUT`` answered 200), beside
  the p95 of ``GET /healthz`` measured during the same load (the reference: a request that
  touches the database without writing);
- **killed**: the same load, and the server killed with SIGKILL once :data:`KILL_AT` of the
  sends are answered, then started again on the same port and database while the clients
  retry. Afterwards every answer is read back (``GET /results`` with the facilitator key):
  1,000 ratings in the first room, each equal to its participant's last answer, nothing lost,
  and no answer of one room in the other.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bench.harness import ROOT

PARTICIPANTS = 50
OTHERS = 10
TOUCHPOINTS = 5
MEASURES = ("expected", "excellent", "experienced", "emotion")
KILL_AT = 0.4
DEADLINE_S = 240.0
"""Every client gives up after this long: a bounded test, never a hang."""


@dataclass
class Stats:
    """What the clients saw: each answered send's seconds, retries, failures given up."""

    sends_s: list[float] = field(default_factory=list)
    health_s: list[float] = field(default_factory=list)
    retries: int = 0
    gave_up: list[str] = field(default_factory=list)
    answered: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def p95(self, values: list[float]) -> float:
        return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values or [0])


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``python -m ui.serve`` on a fixed port, which can be killed and started again."""

    def __init__(self, env: dict[str, str]) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **env, "PYTHONPATH": str(ROOT)}
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        command = [sys.executable, "-m", "ui.serve", "--server.port", str(self.port)]
        command += ["--server.address", "127.0.0.1", "--server.headless", "true"]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        from tests.e2e.harness import wait_until_healthy

        wait_until_healthy(self.url, self.process, timeout=120)

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush, as a crash or an out-of-memory kill."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()


def _call(
    url: str, method: str = "GET", body: dict | None = None, token: str | None = None
) -> tuple[int, dict, dict]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read() or b"{}"), dict(answer.headers)
    except urllib.error.HTTPError as error:
        raw = error.read()
        return error.code, json.loads(raw) if raw.startswith(b"{") else {}, dict(error.headers)


def _retrying(stats: Stats, deadline: float, step) -> tuple[int, dict]:
    """``step()`` until it is answered with a status that is not a retry (or the deadline)."""
    pause = 0.1
    while True:
        try:
            status, body, headers = step()
        except (OSError, http.client.HTTPException):  # refused, reset, cut: down or restarting
            status, body, headers = 0, {}, {}
        if status and status < 500 and status != 429:
            return status, body
        if time.monotonic() > deadline:
            return status, body
        with stats.lock:
            stats.retries += 1
        wait = float(headers.get("retry-after", headers.get("Retry-After", 0)) or 0)
        time.sleep(max(wait, pause))  # the page's own back-off, bounded by the deadline
        pause = min(pause * 2, 2.0)


def final_answer(person: int, tp: int) -> dict[str, int]:
    """The last answer participant ``person`` gives to touchpoint ``tp``."""
    return {
        "expected": 1 + (person + tp) % 7,
        "excellent": 1 + (person * 3 + tp) % 7,
        "experienced": 1 + (person * 5 + tp * 2) % 7,
        "emotion": (person + tp * 3) % 7 - 3,
    }


def _participant(
    base: str, code: str, person: int, touchpoints: list[str], stats: Stats, deadline: float
) -> dict[str, dict[str, int]]:
    status, joined = _retrying(
        stats, deadline, lambda: _call(f"{base}/api/rooms/{code}/participants", "POST", {})
    )
    if status != 201:
        with stats.lock:
            stats.gave_up.append(f"join {person}: {status}")
        return {}
    token = joined["token"]
    rng = random.Random(person)
    sends = [
        (tp, {measure: rng.randint(1, 7) if measure != "emotion" else rng.randint(-3, 3)})
        for tp in touchpoints
        for measure in MEASURES
    ]
    sends += [(tp, final_answer(person, i)) for i, tp in enumerate(touchpoints)]
    for tp, body in sends:
        url = f"{base}/api/rooms/{code}/responses/{tp}"
        started = time.monotonic()

        def send(url=url, body=body) -> tuple[int, dict, dict]:
            return _call(url, "PUT", body, token)

        status, _ = _retrying(stats, deadline, send)
        with stats.lock:
            if status == 200:
                stats.sends_s.append(time.monotonic() - started)
                stats.answered += 1
            else:
                stats.gave_up.append(f"{person}/{tp}: {status}")
    return {tp: final_answer(person, i) for i, tp in enumerate(touchpoints)}


@dataclass
class RoomRun:
    """One run's rooms, what every participant answered last, and what the server kept."""

    stats: Stats
    seconds: float
    expected: dict[str, list[dict]]
    stored: dict[str, list[dict]]
    killed: bool
    ratings: int = 0
    sent: int = 0


def _health_probe(base: str, stats: Stats, stop: threading.Event) -> None:
    while not stop.is_set():
        started = time.monotonic()
        with contextlib.suppress(OSError, http.client.HTTPException):
            status, _, _ = _call(f"{base}/healthz")
            if status == 200:
                with stats.lock:
                    stats.health_s.append(time.monotonic() - started)
        stop.wait(0.05)


def _watch(during, url: str, room: tuple, done: threading.Event):
    if during is None:
        return None, []
    failure: list[BaseException] = []
    ready = threading.Event()

    def watching() -> None:
        try:
            during(url, room[0], room[1], ready, done)
        except BaseException as exc:  # raised by run() once the load is over
            failure.append(exc)
        finally:
            ready.set()

    thread = threading.Thread(target=watching, daemon=True)
    thread.start()
    ready.wait(timeout=180)
    return thread, failure


@contextlib.contextmanager
def database(engine: str) -> Iterator[dict[str, str]]:
    """The server's environment for a store of its own: a SQLite folder, or a PostgreSQL
    database created beside ``MOT_TEST_DATABASE_URL`` (dropped afterwards)."""
    with tempfile.TemporaryDirectory() as folder:
        if engine == "sqlite":
            yield {"MOT_DATA_DIR": folder}
            return
        from sqlalchemy import create_engine, text

        admin_url = os.environ["MOT_TEST_DATABASE_URL"]
        name = f"mot_rooms_{os.getpid()}_{int(time.time() * 1000) % 100000}"
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield {
                "MOT_DATA_DIR": folder,
                "MOT_DATABASE_URL": f"{admin_url.rpartition('/')[0]}/{name}",
            }
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


def _open_rooms(env: dict[str, str]) -> list[tuple[str, str, list[str]]]:
    from mot.journey import default_journey
    from mot.store import open_store

    store = open_store(env.get("MOT_DATABASE_URL"), data_dir=env["MOT_DATA_DIR"])
    try:
        touchpoints = [(tp.id, tp.label_en, tp.label_es) for tp in default_journey().touchpoints]
        touchpoints = touchpoints[:TOUCHPOINTS]
        rooms = []
        for name in ("Load room", "Other room"):
            room, key = store.open_room(name, touchpoints)
            rooms.append((room.code, key, [tp[0] for tp in touchpoints]))
        return rooms
    finally:
        store.close()


def run(
    engine: str = "sqlite",
    *,
    kill: bool = False,
    participants: int = PARTICIPANTS,
    during: Callable[[str, str, str, threading.Event, threading.Event], None] | None = None,
) -> RoomRun:
    """Run the load (see the module's note); ``kill``: SIGKILL the server once in the middle.

    ``during(url, code, key, ready, done)`` runs in a thread of its own (a projector
    watching the first room, in the tests): the clients start once it sets ``ready`` (or it
    ends), and ``done`` is set after the last reply; what it raises is raised here.
    """
    with database(engine) as env:
        rooms = _open_rooms(env)
        server = Server(env)
        server.start()
        stats, stop = Stats(), threading.Event()
        try:
            started = time.monotonic()
            deadline = started + DEADLINE_S
            results: dict[str, dict[int, dict]] = {code: {} for code, _, _ in rooms}
            threads = []
            crowd = [(rooms[0], participants), (rooms[1], OTHERS)]
            for (code, _, tps), count in crowd:
                for person in range(count):

                    def client(code=code, person=person, tps=tps) -> None:
                        results[code][person] = _participant(
                            server.url, code, person, tps, stats, deadline
                        )

                    threads.append(threading.Thread(target=client, daemon=True))
            probe = threading.Thread(target=_health_probe, args=(server.url, stats, stop))
            probe.start()
            watcher, failure = _watch(during, server.url, rooms[0], stop)
            for thread in threads:
                thread.start()
            total = (participants + OTHERS) * TOUCHPOINTS * (len(MEASURES) + 1)
            if kill:
                while stats.answered < KILL_AT * total and time.monotonic() < deadline:
                    time.sleep(0.01)  # waiting for the load to reach the kill point, bounded
                server.kill()
                server.start()
            for thread in threads:
                thread.join(timeout=max(1.0, deadline - time.monotonic()))
            seconds = time.monotonic() - started
            stop.set()
            probe.join(timeout=10)
            if watcher is not None:
                watcher.join(timeout=120)
            if failure:
                raise failure[0]
            stored = {
                code: _call(f"{server.url}/api/rooms/{code}/results", token=key)[1]["answers"]
                for code, key, _ in rooms
            }
        finally:
            stop.set()
            server.stop()
    expected = {
        code: [
            {"person": p, "touchpoint": tp, "measure": m, "value": v}
            for p, answers in sorted(per.items())
            for tp, values in answers.items()
            for m, v in values.items()
        ]
        for code, per in results.items()
    }
    done = RoomRun(stats, seconds, expected, stored, kill)
    first = rooms[0][0]
    done.ratings = sum(1 for r in stored[first] if r["measure"] != "comment")
    done.sent = (participants + OTHERS) * TOUCHPOINTS * len(MEASURES) * 2
    return done


def by_answer(rows: list[dict]) -> dict[tuple[str, str], dict[str, object]]:
    """Stored tidy rows as ``(respondent, touchpoint) → {measure: value}``."""
    out: dict[tuple[str, str], dict[str, object]] = {}
    for r in rows:
        out.setdefault((r["respondent_id"], r["touchpoint"]), {})[r["measure"]] = r["value"]
    return out


MEASURE_OF = {"expected": "anticipated", "excellent": "excellent"}


def matches_last_answers(run_: RoomRun, code: str) -> bool:
    """Whether the room's stored answers are exactly its participants' last answers.

    Respondents are named by joining order, which the threads do not fix, so the check is
    on the multiset of each respondent's answers.
    """
    stored = by_answer(run_.stored[code])
    got = sorted(
        (*sorted((k, int(v)) for k, v in values.items()), tp) for (_, tp), values in stored.items()
    )
    wanted: dict[tuple[int, str], dict[str, int]] = {}
    for row in run_.expected[code]:
        measure = MEASURE_OF.get(row["measure"], row["measure"])
        wanted.setdefault((row["person"], row["touchpoint"]), {})[measure] = row["value"]
    want = sorted((*sorted(values.items()), tp) for (_, tp), values in wanted.items())
    return got == want


def table(clean: RoomRun, killed: RoomRun, engine: str) -> str:
    rate = clean.sent / clean.seconds if clean.seconds else 0.0
    rows = [
        f"| {engine}, clean | {clean.ratings:,} | {rate:,.0f} | "
        f"{clean.stats.p95(clean.stats.sends_s) * 1000:,.0f} ms | "
        f"{clean.stats.p95(clean.stats.health_s) * 1000:,.0f} ms | {clean.stats.retries:,} | "
        f"{len(clean.stats.gave_up)} |",
        f"| {engine}, killed and restarted | {killed.ratings:,} | — | "
        f"{killed.stats.p95(killed.stats.sends_s) * 1000:,.0f} ms | "
        f"{killed.stats.p95(killed.stats.health_s) * 1000:,.0f} ms | {killed.stats.retries:,} | "
        f"{len(killed.stats.gave_up)} |",
    ]
    return "\n".join(rows)


def bench_rooms(participants: int = PARTICIPANTS) -> str:
    """The family's table: SQLite, and PostgreSQL when ``MOT_TEST_DATABASE_URL`` is set."""
    engines = ["sqlite"] + (["postgresql"] if os.environ.get("MOT_TEST_DATABASE_URL") else [])
    lines = [
        f"{participants} participants and {OTHERS} in a second room, {TOUCHPOINTS} touchpoints "
        f"× {len(MEASURES)} measures, one `PUT` per tap then the four final values together "
        "(the last answer counts). Ratings stored: those of the first room (target: "
        f"{participants * TOUCHPOINTS * len(MEASURES):,}, each its participant's last answer); "
        "ratings / s: every rating sent (one per tap, four in a final send) over the wall "
        "time from the first join to the last reply; retries: sends a client made again "
        "(refused while the server was down, or a 429/5xx); lost: sends given up.",
        "",
        "| run | ratings stored | ratings / s | p95 of a send | p95 of /healthz (reference) "
        "| retries | lost |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for engine in engines:
        clean = run(engine, participants=participants)
        killed = run(engine, kill=True, participants=participants)
        lines.append(table(clean, killed, engine))
        ok = all(matches_last_answers(r, code) for r in (clean, killed) for code in r.stored)
        verdict = "yes" if ok else "NO"
        lines.append(f"| {engine}: every stored answer its participant's last | {verdict} |||||")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - a quick look by hand
    print(bench_rooms())
    print(Path(__file__).name)
