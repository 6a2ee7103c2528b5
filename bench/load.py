"""Load: many sessions at once against the real dashboard server on loopback.

One server (``python -m ui.serve`` through :func:`tests.e2e.harness.server`, on 127.0.0.1,
with a data folder of its own) holds one workspace: the demo survey, saved through
:mod:`mot.store` before the server starts. A session opens the workspace's landing page
(``/?w=ID``, the Overview) and then, as a click in the sidebar does, one of its analysis
pages (``/gaps``, same session); each page is timed from the navigation's start to its first
chart. Two kinds of client drive the sessions:

- ``"browser"``: a new Playwright context (no cookie, no cache) in one headless Debian
  Chromium: ``goto`` the landing page, wait for a chart drawn (an ``svg`` or ``canvas`` inside
  ``.vega-embed``), click the sidebar's link, wait for a chart of the new page drawn. It fails
  on a page error, a Streamlit exception element, a page that does not name the workspace,
  or a wait that times out.
- ``"websocket"``: what the page's scripts say to the server, without a browser: Streamlit's
  WebSocket (``/_stcore/stream``), a ``rerun_script`` message for the landing page (its query
  ``w=ID``) and then one with the analysis page's hash (the sidebar's click); the time is until
  the server has sent the page's first chart element (``vega_lite_chart``). It fails on an
  exception element, a run that does not finish successfully, a page that does not name the
  workspace, a closed socket or a timeout. On this machine's two cores, 30 Chromium renderers
  take most of the CPU the server would have (measured: about 2 CPU-seconds per page load
  of Streamlit's front end, against 0.85 s of the server's for a whole session); these
  clients measure the server alone.

Measured, for each client:

- **single**: one session alone (after a warm-up session that fills the process's caches),
  the median of a few, page by page: the reference.
- **load**: :data:`SESSIONS` sessions at once (``asyncio.gather``): each page's p50 and p95
  beside the single session's, and the p95 against the time the same sessions take one after
  another (:data:`QUEUE_RATIO`); every error counted.
- **memory**: the resident memory of the server (the process and its children, from
  ``/proc``) before the load, its peak during it (sampled every 0.2 s) and after every
  session is closed and Streamlit has dropped it. A closed session waits
  ``server.disconnectedSessionTTL`` for its browser to come back (600 s in
  ``.streamlit/config.toml``); the server is started with :data:`SESSION_TTL_S` instead (the
  environment variable ``STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL``), and since Streamlit
  removes an expired session only when its session store is next written, one short session
  (the demo's landing page, whose caches every session shares) is opened and closed once that
  time has passed, before "before" and before "after" alike. "After" is read once the memory
  stops falling. What the allocator keeps (Python's arenas, glibc's heaps) is not handed back
  to the system, so what is kept is reported as a share: (after − before) / (peak − before)
(:data:`KEPT_SHARE`), and the bench runs the same load once more on the same server: what the
first kept is used again, not added to.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import statistics
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import numpy as np

from bench.harness import ROOT

Client = Literal["websocket", "browser"]
CLIENTS: tuple[Client, ...] = ("websocket", "browser")
SESSIONS = 30
SESSION_TTL_S = 2
"""``server.disconnectedSessionTTL`` of the load's server, so that closed sessions go soon."""
QUEUE_RATIO = 2.0
"""Target: each page's p95 time to first chart with :data:`SESSIONS` sessions at once ≤ this ×
the time the same sessions take one after another (:data:`SESSIONS` × one session's whole
run, both pages: the wait of the last in a queue). The server runs one script at a time
(Python's GIL), so the p95 of sessions arriving together grows with their number; what is
promised is that serving them together costs at most twice serving them in turn."""
KEPT_SHARE = 0.75
"""Target: at most this share of what the load added stays resident once it has gone."""
WORKSPACE = "Load test"
LANDING, ANALYSIS = "", "gaps"
CHART = ".vega-embed svg, .vega-embed canvas"
VIEWPORT = {"width": 1280, "height": 720}
TIMEOUT_S = 120.0
SAMPLE_S = 0.2


# --- the server's memory -----------------------------------------------------------------------


def _rss_mb(pid: int) -> float:
    """Resident memory of one process (MiB), 0 when it has gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _parents() -> dict[int, int]:
    """Every process's parent, from ``/proc/PID/stat``."""
    parents = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                text = stat.read()
        except OSError:
            continue
        # the command's name is in parentheses and may hold spaces: the fields follow its ")"
        parents[int(entry)] = int(text[text.rindex(")") + 2 :].split()[1])
    return parents


def tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants (MiB)."""
    parents = _parents()
    tree, frontier = {pid}, [pid]
    while frontier:
        parent = frontier.pop()
        children = [p for p, pp in parents.items() if pp == parent and p not in tree]
        tree.update(children)
        frontier.extend(children)
    return sum(_rss_mb(p) for p in tree)


def server_pid(url: str) -> int:
    """The server :func:`tests.e2e.harness.server` started for ``url``: this process's child
    whose command line holds the URL's port (the harness does not hand out its ``Popen``)."""
    port = str(urlsplit(url).port)
    for pid, parent in _parents().items():
        if parent != os.getpid():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
                words = cmdline.read().decode(errors="replace").split("\0")
        except OSError:
            continue
        if "--server.port" in words and words[words.index("--server.port") + 1] == port:
            return pid
    raise LookupError(f"no server process of this one listens on port {port}")


class Sampler:
    """The highest tree RSS of a process seen while running (every :data:`SAMPLE_S`)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_mb = tree_rss_mb(pid)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_S):
            self.peak_mb = max(self.peak_mb, tree_rss_mb(self.pid))

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_mb = max(self.peak_mb, tree_rss_mb(self.pid))


def settled_rss_mb(pid: int, *, quiet_s: float = 2.0, limit_s: float = 20.0) -> float:
    """The tree RSS once it stops falling: no new low for ``quiet_s`` (at most ``limit_s``)."""
    low = tree_rss_mb(pid)
    last_low = started = time.monotonic()
    while time.monotonic() - last_low < quiet_s and time.monotonic() - started < limit_s:
        time.sleep(SAMPLE_S)  # the sampling period of a poll, not a stand-in for a condition
        now = tree_rss_mb(pid)
        if now < low - 0.5:
            low, last_low = now, time.monotonic()
    return tree_rss_mb(pid)


@dataclass(frozen=True)
class Memory:
    """The server's resident memory (MiB) before, at the peak of, and after the load; and
    after the same load once more (``again_mb``, NaN when it was not run)."""

    before_mb: float
    peak_mb: float
    after_mb: float
    again_mb: float = float("nan")

    @property
    def grew_mb(self) -> float:
        return self.peak_mb - self.before_mb

    @property
    def kept_mb(self) -> float:
        return self.after_mb - self.before_mb

    @property
    def kept_share(self) -> float:
        """(after − before) / (peak − before): 0 is all handed back, 1 is nothing."""
        return self.kept_mb / self.grew_mb if self.grew_mb > 0 else 0.0


# --- the sessions ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """The dashboard under load: its address and the workspace's id."""

    url: str
    ident: str

    def address(self, page: str) -> str:
        return f"{self.url}/{page}?w={self.ident}"


@dataclass(frozen=True)
class Session:
    """One session: seconds to the first chart of each page it reached, seconds for the whole
    session (both pages, to the end of their scripts), and its errors."""

    seconds: tuple[float, ...]
    total_s: float
    errors: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors and len(self.seconds) == 2


def _failure(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


# the browser


async def _settle(page) -> None:
    """:func:`tests.e2e.harness.settle`, on Playwright's async API."""
    timeout = TIMEOUT_S * 1000
    await page.locator("h1").first.wait_for(timeout=timeout)
    await page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout
    )
    await page.wait_for_selector(
        '[data-testid="stStatusWidget"]', state="detached", timeout=timeout
    )


async def _check(page, where: str, errors: list[str]) -> None:
    """Once the page's script has finished: what it shows that is wrong goes into ``errors``."""
    await _settle(page)
    if n := await page.locator('[data-testid="stException"]').count():
        errors.append(f"/{where}: {n} exception element(s)")
    if WORKSPACE not in await page.locator('[data-testid="stSidebar"]').inner_text():
        errors.append(f"/{where}: the workspace {WORKSPACE!r} is not named")


_MARK_CHARTS = "s => document.querySelectorAll(s).forEach(e => e.dataset.loadSeen = 1)"
_NEW_CHART = """([selector, path]) => location.pathname.endsWith(path)
    && [...document.querySelectorAll(selector)].some(
        e => !e.dataset.loadSeen && e.getBoundingClientRect().width > 0)"""


async def _browse(page, errors: list[str], seconds: list[float], target: Target) -> None:
    timeout = TIMEOUT_S * 1000
    start = time.perf_counter()
    await page.goto(target.address(LANDING), timeout=timeout)
    await page.locator(CHART).first.wait_for(state="visible", timeout=timeout)
    seconds.append(time.perf_counter() - start)
    await _check(page, LANDING, errors)
    # the charts drawn so far are marked: the next page's first chart is an unmarked one
    await page.evaluate(_MARK_CHARTS, CHART)
    link = page.locator(f'[data-testid="stSidebarNav"] a[href$="/{ANALYSIS}"]')
    start = time.perf_counter()
    await link.click(timeout=timeout)
    await page.wait_for_function(_NEW_CHART, arg=[CHART, f"/{ANALYSIS}"], timeout=timeout)
    seconds.append(time.perf_counter() - start)
    await _check(page, ANALYSIS, errors)


async def browser_session(chromium, target: Target) -> Session:
    """A new browser context opens the landing page, then clicks its way to the analysis."""
    errors: list[str] = []
    seconds: list[float] = []
    start = time.perf_counter()
    context = await chromium.new_context(viewport=VIEWPORT)
    try:
        page = await context.new_page()
        page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
        await _browse(page, errors, seconds, target)
    except Exception as exc:  # a timeout or a closed page: this session failed, the run goes on
        errors.append(_failure(exc))
    finally:
        total = time.perf_counter() - start
        await context.close()
    return Session(tuple(seconds), total, tuple(errors))


@contextlib.asynccontextmanager
async def chromium():
    """One headless Debian Chromium (the e2e harness's binary and flags), async API."""
    from playwright.async_api import async_playwright

    from tests.e2e.harness import CHROMIUM, CHROMIUM_ARGS

    async with async_playwright() as p:
        instance = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            await instance.close()


# the WebSocket


def _rerun(target: Target, page: str, page_hash: str, *, link: bool = True) -> bytes:
    """The ``rerun_script`` message the page's scripts send when ``page`` is opened (through
    the workspace's link, or the demo's landing page without it)."""
    from streamlit.proto.BackMsg_pb2 import BackMsg

    message = BackMsg()
    rerun = message.rerun_script
    rerun.query_string = f"w={target.ident}" if link else ""
    rerun.page_name = page
    rerun.page_script_hash = page_hash
    rerun.context_info.timezone = "UTC"
    rerun.context_info.locale = "en-US"
    rerun.context_info.url = target.address(page) if link else f"{target.url}/{page}"
    return message.SerializeToString()


@dataclass
class _Run:
    """What one script run sent: its first chart, the app's pages, its problems."""

    where: str
    start: float
    first_chart_s: float = float("nan")
    pages: dict[str, str] = field(default_factory=dict)
    named: bool = False
    errors: list[str] = field(default_factory=list)

    def element(self, element) -> None:
        shown = element.WhichOneof("type")
        if shown == "vega_lite_chart" and math.isnan(self.first_chart_s):
            self.first_chart_s = time.perf_counter() - self.start
        elif shown == "exception":
            self.errors.append(f"/{self.where}: exception {element.exception.type}")
        elif shown == "markdown" and WORKSPACE in element.markdown.body:
            self.named = True

    def message(self, message) -> bool:
        """Take one message of the server's; True once the script has run to its end."""
        finished = type(message).ScriptFinishedStatus
        kind = message.WhichOneof("type")
        if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            self.element(message.delta.new_element)
        elif kind == "navigation":
            self.pages = {p.url_pathname: p.page_script_hash for p in message.navigation.app_pages}
        elif kind == "page_not_found":
            self.errors.append(f"/{self.where}: page not found")
        elif kind == "script_finished":
            if message.script_finished == finished.FINISHED_WITH_COMPILE_ERROR:
                self.errors.append(f"/{self.where}: the script did not compile")
            return message.script_finished != finished.FINISHED_EARLY_FOR_RERUN
        return False


async def _one_run(socket, where: str, start: float) -> _Run:
    """Read the server's messages until the script has run to its end."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    run = _Run(where, start)
    while True:
        message = ForwardMsg()
        message.ParseFromString(await socket.recv())
        if run.message(message):
            return run


def _stream(target: Target):
    import websockets

    address = target.url.replace("http://", "ws://", 1) + "/_stcore/stream"
    return websockets.connect(address, subprotocols=["streamlit"], max_size=None)


async def _socket_session(target: Target, errors: list[str], seconds: list[float]) -> None:
    start = time.perf_counter()
    async with _stream(target) as socket:
        pages: dict[str, str] = {}
        for page in (LANDING, ANALYSIS):
            await socket.send(_rerun(target, page, pages.get(page, "")))
            run = await _one_run(socket, page, start)
            pages = pages or run.pages
            errors.extend(run.errors)
            if math.isnan(run.first_chart_s):
                errors.append(f"/{page}: no chart")
            if not run.named:
                errors.append(f"/{page}: the workspace {WORKSPACE!r} is not named")
            seconds.append(run.first_chart_s)
            start = time.perf_counter()


async def socket_session(target: Target) -> Session:
    """A WebSocket client opens the landing page, then switches to the analysis page."""
    errors: list[str] = []
    seconds: list[float] = []
    start = time.perf_counter()
    try:
        await asyncio.wait_for(_socket_session(target, errors, seconds), TIMEOUT_S)
    except Exception as exc:  # a timeout or a closed socket: this session failed
        errors.append(_failure(exc))
    return Session(tuple(seconds), time.perf_counter() - start, tuple(errors))


async def _demo_visit(target: Target) -> None:
    """One short session on the demo's landing page (shared caches), run to its end."""
    async with _stream(target) as socket:
        await socket.send(_rerun(target, LANDING, "", link=False))
        await asyncio.wait_for(_one_run(socket, LANDING, time.perf_counter()), TIMEOUT_S)


# --- the run -----------------------------------------------------------------------------------


def saved_workspace(folder: Path) -> str:
    """The id of a workspace holding the demo survey, in the SQLite store of ``folder``."""
    from mot.store import open_store

    store = open_store(f"sqlite:///{folder / 'mot.sqlite3'}")
    try:
        ws = store.create_workspace(WORKSPACE)
        store.add_dataset(
            ws.id,
            kind="survey",
            file_name="demo_survey.csv",
            content=(ROOT / "data" / "demo_survey.csv").read_bytes(),
        )
        return ws.id
    finally:
        store.close()


@contextlib.contextmanager
def dashboard() -> Iterator[Target]:
    """The real server on loopback, its own data folder holding one saved workspace."""
    from tests.e2e.harness import server

    with tempfile.TemporaryDirectory(prefix="mot-load-") as folder:
        ident = saved_workspace(Path(folder))
        env = {
            "MOT_DATA_DIR": folder,
            "MOT_DATABASE_URL": "",  # the folder's SQLite file, whatever the caller's setting
            "STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": str(SESSION_TTL_S),
        }
        with server(env=env) as url:
            yield Target(url, ident)


@dataclass(frozen=True)
class LoadRun:
    """What :func:`run` measured with one kind of client."""

    client: Client
    single: list[Session]
    many: list[Session]
    memory: Memory
    wall_s: float
    errors: list[str]

    def single_s(self, page: int) -> float:
        """The median of the single sessions' times on ``page`` (0 landing, 1 analysis)."""
        return statistics.median(s.seconds[page] for s in self.single)

    @property
    def queue_s(self) -> float:
        """The time the sessions take one after another: their number × one's whole run."""
        return len(self.many) * statistics.median(s.total_s for s in self.single)

    def percentile_s(self, page: int, q: float) -> float:
        """The ``q``-th percentile of the concurrent sessions' times on ``page``."""
        return float(np.percentile([s.seconds[page] for s in self.many if s.ok], q))

    def queue_ratio(self, page: int) -> float:
        """The p95 on ``page`` / :attr:`queue_s`."""
        return self.percentile_s(page, 95) / self.queue_s

    @property
    def n_ok(self) -> int:
        return sum(s.ok for s in self.many)


async def _dropped(target: Target, closed_at: float) -> None:
    """Once the closed sessions' time is up, one short session writes Streamlit's session
    store, which removes the expired ones."""
    await asyncio.sleep(max(0.0, closed_at + SESSION_TTL_S + 0.5 - time.monotonic()))
    await _demo_visit(target)


@contextlib.asynccontextmanager
async def _sessions(client: Client, target: Target):
    """A function starting one session of ``client`` on ``target``."""
    if client == "websocket":
        yield lambda: socket_session(target)
        return
    async with chromium() as instance:
        yield lambda: browser_session(instance, target)


async def _load(
    client: Client, target: Target, pid: int, n: int, singles: int, again: bool
) -> LoadRun:
    start: Callable[[], Awaitable[Session]]
    async with _sessions(client, target) as start:
        warm = await start()  # fills the process's caches, imports the pages' modules
        single = [await start() for _ in range(singles)]
        await _dropped(target, time.monotonic())
        before = settled_rss_mb(pid)
        with Sampler(pid) as sampler:
            started = time.perf_counter()
            many = list(await asyncio.gather(*(start() for _ in range(n))))
            wall = time.perf_counter() - started
        await _dropped(target, time.monotonic())
        memory = Memory(before, sampler.peak_mb, settled_rss_mb(pid))
        more: list[Session] = []
        if again:  # the same load once more: what the first one kept is used again
            more = list(await asyncio.gather(*(start() for _ in range(n))))
            await _dropped(target, time.monotonic())
            memory = replace(memory, again_mb=settled_rss_mb(pid))
    errors = [e for s in (warm, *single, *many, *more) for e in s.errors]
    return LoadRun(client, single, many, memory, wall, errors)


def run(
    client: Client = "websocket", n: int = SESSIONS, *, singles: int = 3, again: bool = False
) -> LoadRun:
    """Start a server; time ``singles`` lone sessions of ``client``, then ``n`` at once (and,
    with ``again``, ``n`` at once a second time, for the memory after it)."""
    with dashboard() as target:
        pid = server_pid(target.url)
        return asyncio.run(_load(client, target, pid, n, singles, again))


# --- the bench family --------------------------------------------------------------------------

_HOW = {
    "websocket": "WebSocket clients speaking Streamlit's protocol (the server's own work: "
    "until it has sent the page's first chart)",
    "browser": "browser contexts in one headless Chromium, which shares the cores with the "
    "server (until the page's first chart is drawn)",
}


def table(result: LoadRun) -> str:
    """One client's table: times per page against one session's, errors, memory."""
    n, m = len(result.many), result.memory
    errors = sorted(set(result.errors))
    lines = [
        f"**{n} sessions at once: {_HOW[result.client]}.** One session alone: median of "
        f"{len(result.single)} (its whole run, both pages: "
        f"{result.queue_s / n:.2f} s); one after another: {n} × that = {result.queue_s:.1f} s. "
        f"All {n} at once took {result.wall_s:.1f} s. Errors: {len(result.errors)} "
        f"({result.n_ok} of {n} sessions reached both charts"
        + (f"; {'; '.join(errors[:3])}" if errors else "")
        + ").",
        "",
        f"| page → first chart | one session | p50, {n} at once | p95, {n} at once "
        "| p95 / one | p95 / one after another | target | |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for page, name in enumerate(("landing `/?w=ID`", f"then `/{ANALYSIS}` (sidebar)")):
        one, p95 = result.single_s(page), result.percentile_s(page, 95)
        ratio = result.queue_ratio(page)
        verdict = "✅" if ratio <= QUEUE_RATIO and not result.errors else "❌"
        lines.append(
            f"| {name} | {one:.2f} s | {result.percentile_s(page, 50):.2f} s | {p95:.2f} s "
            f"| {p95 / one:.0f}× | {ratio:.2f}× | ≤ {QUEUE_RATIO:g}× | {verdict} |"
        )
    kept = "✅" if m.kept_share <= KEPT_SHARE else "❌"
    lines += [
        "",
        "| server memory (RSS, process and children) | MiB | |",
        "|---|---:|---|",
        f"| before (idle, warm) | {m.before_mb:.0f} | |",
        f"| peak during the load | {m.peak_mb:.0f} (+{m.grew_mb:.0f}) | |",
        f"| after: every session closed and dropped | {m.after_mb:.0f} (+{m.kept_mb:.0f}) | |",
        f"| kept: (after − before) / (peak − before) | {m.kept_share:.0%} "
        f"| ≤ {KEPT_SHARE:.0%} {kept} |",
    ]
    if not math.isnan(m.again_mb):
        lines.append(
            f"| after the same load once more | {m.again_mb:.0f} "
            f"({m.again_mb - m.after_mb:+.0f} on the first's after) | |"
        )
    return "\n".join(lines)


def bench_load(n: int = SESSIONS) -> str:
    """The load family (``python -m bench --only load``): both clients, each on its own
    server; the browsers only where Debian's Chromium is installed."""
    from tests.e2e.harness import CHROMIUM

    intro = (
        f"One server (`python -m ui.serve`) on 127.0.0.1, {os.cpu_count()} cores shared with "
        "the clients; the demo survey saved as a workspace; each session opens its landing "
        f"page, then `/{ANALYSIS}` as the sidebar's link does (same session); time from the "
        "navigation's start to the page's first chart. Each client on a server of its own; "
        f"closed sessions dropped after {SESSION_TTL_S} s (`bench/load.py`)."
    )
    parts = [intro, table(run("websocket", n, singles=5, again=True))]
    if CHROMIUM.exists():
        parts.append(table(run("browser", n, singles=5)))
    else:
        parts.append("Browsers not measured: Debian's chromium is not installed.")
    return "\n\n".join(parts)
