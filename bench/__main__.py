"""`python -m bench [--quick] [--only FAMILY]`: run the benchmarks, print, write bench/README.md."""

from __future__ import annotations

import argparse
import math
import platform
import re
import time
from collections.abc import Callable

from bench import behaviour, cli, dashboard, load, memory, room_load, store, survey, tests
from bench.harness import ROOT, Result

README = ROOT / "bench" / "README.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"


def _families(scale: int) -> dict[str, Callable[[], list[Result] | str]]:
    """Each family's benchmarks at the sizes of this run, in the README's order.

    A family returns its results (drawn by :func:`table`) or its own finished table.
    """
    return {
        "survey": lambda: [
            *survey.bench_scoring(1_000_000 // scale),
            *survey.bench_curves(100_000 // scale),
            *survey.bench_loading(1_000_000 // scale),
            *survey.bench_survey_build(1_000_000 // scale),
            *survey.bench_question_mapping(2_000 // scale),
        ],
        "dashboard": lambda: [
            *dashboard.bench_first_chart(),
            *dashboard.bench_page_reruns(100_000 // scale),
        ],
        "behaviour": lambda: [
            *behaviour.bench_funnel(10_000_000 // scale),
            *cli.bench_cli(10_000_000 // scale),
        ],
        "memory": lambda: memory.table(
            memory.bench_memory(tuple(size / scale for size in memory.SIZES_MB))
        ),
        "store": lambda: [*store.bench_save(100_000 // scale), *store.bench_link()],
        "load": lambda: load.bench_load(max(1, load.SESSIONS // scale)),
        "rooms": lambda: room_load.bench_rooms(max(1, room_load.PARTICIPANTS // scale)),
        "tests": tests.bench_test_fast,
    }


FAMILIES = tuple(_families(1))


def table(results: list[Result]) -> str:
    lines = [
        "| benchmark | ours | reference | ratio | target | |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for r in results:
        has_target = not math.isnan(r.target)
        verdict = ("✅" if r.passed else "❌") if has_target else "info"
        target = f"≤ {r.target:g}×" if has_target else "—"
        if math.isnan(r.reference):  # the reference could not run: its name says why
            reference, ratio = r.reference_name, "—"
        else:
            reference = f"{r.reference:.3f} {r.unit} ({r.reference_name})"
            ratio = f"{r.ratio:.2f}×"
        lines.append(
            f"| {r.name} | {r.ours:.3f} {r.unit} | {reference} | {ratio} | {target} | {verdict} |"
        )
    return "\n".join(lines)


def sections(block: str) -> dict[str, str]:
    """The results block's sections (``### family`` headings), family → text."""
    parts = re.split(r"^### (\w+)[ \t]*$", block, flags=re.MULTILINE)
    return {name: text.strip() for name, text in zip(parts[1::2], parts[2::2], strict=True)}


def write_readme(new: dict[str, str]) -> None:
    """Replace the sections of the families just run; the others keep their last results."""
    current = README.read_text(encoding="utf-8")
    head, _, rest = current.partition(START)
    block, _, tail = rest.partition(END)
    merged = {**sections(block), **new}
    body = "\n\n".join(f"### {name}\n\n{merged[name]}" for name in FAMILIES if name in merged)
    README.write_text(f"{head}{START}\n{body}\n{END}{tail}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes (smoke run)")
    parser.add_argument("--only", choices=FAMILIES, help="run one family")
    args = parser.parse_args()
    scale = 10 if args.quick else 1
    written = {}
    for name, run in _families(scale).items():
        if args.only not in (None, name):
            continue
        started = time.time()
        results = run()
        text = results if isinstance(results, str) else table(results)
        stamp = (
            f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, "
            f"Python {platform.python_version()}, in {time.time() - started:.0f} s"
            f"{' (--quick sizes)' if args.quick else ''}."
        )
        print(f"### {name}\n\n{text}\n{stamp}\n", flush=True)
        written[name] = f"{stamp}\n\n{text}"
    if not args.quick:
        write_readme(written)


if __name__ == "__main__":
    main()
