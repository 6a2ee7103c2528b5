"""`python -m bench [--quick]`: run every benchmark, print the table, write bench/README.md."""

from __future__ import annotations

import argparse
import math
import platform
import time

from bench import dashboard, survey
from bench.harness import ROOT, Result

README = ROOT / "bench" / "README.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"


def table(results: list[Result]) -> str:
    lines = [
        "| benchmark | ours | reference | ratio | target | |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for r in results:
        has_target = not math.isnan(r.target)
        verdict = ("✅" if r.passed else "❌") if has_target else "info"
        target = f"≤ {r.target:g}×" if has_target else "—"
        lines.append(
            f"| {r.name} | {r.ours:.3f} {r.unit} | {r.reference:.3f} {r.unit} "
            f"({r.reference_name}) | {r.ratio:.2f}× | {target} | {verdict} |"
        )
    return "\n".join(lines)


def write_readme(text: str) -> None:
    current = README.read_text(encoding="utf-8")
    head, _, rest = current.partition(START)
    _, _, tail = rest.partition(END)
    README.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes (smoke run)")
    parser.add_argument("--only", choices=["survey", "dashboard"], help="run one family")
    args = parser.parse_args()
    scale = 10 if args.quick else 1
    started = time.time()
    results = []
    if args.only in (None, "survey"):
        results += [
            *survey.bench_scoring(1_000_000 // scale),
            *survey.bench_curves(100_000 // scale),
            *survey.bench_loading(1_000_000 // scale),
            *survey.bench_survey_build(1_000_000 // scale),
        ]
    if args.only in (None, "dashboard"):
        results += [
            *dashboard.bench_first_chart(),
            *dashboard.bench_page_reruns(100_000 // scale),
        ]
    text = table(results)
    stamp = (
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, "
        f"Python {platform.python_version()}, in {time.time() - started:.0f} s"
        f"{' (--quick sizes)' if args.quick else ''}."
    )
    print(text)
    print(stamp)
    if not args.quick and args.only is None:
        write_readme(f"{stamp}\n\n{text}")


if __name__ == "__main__":
    main()
