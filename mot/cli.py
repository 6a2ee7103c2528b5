"""Command line: ``python -m mot validate|score|behaviour FILE``.

Exit codes: 0 success; 1 the data has errors (``validate``) or cannot be scored
(``score``) or the event log cannot be read or has no usable event, for instance when
every time stamp is unreadable (``behaviour``); 2 a wrong invocation
(argparse's convention). Nothing ever ends in a traceback: every library error
is a :class:`~mot.errors.MotError` printed as a sentence.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import sys
from collections.abc import Callable, Sequence

import pandas as pd
from tqdm import tqdm

from mot.errors import MotError
from mot.io import map_large_allocations, release_memory
from mot.journey import Journey, default_journey, load_journey
from mot.mapping import Mapping, load_mapping
from mot.memory import PeakEndResult
from mot.survey import SurveyData, load_report, load_survey
from mot.validation import ReportBuilder, ValidationReport


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m mot",
        description="Moments-of-truth analytics on a survey export.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("validate", "check a survey file: errors and warnings with row, column and fix"),
        ("score", "score utilities, NPS, gaps and the peak-end rule"),
    ):
        command = sub.add_parser(name, help=help_text, description=help_text)
        command.add_argument("file", help="survey file: CSV, Excel, SPSS .sav, Parquet, JSON")
        command.add_argument("--mapping", metavar="M.json", help="column mapping (JSON)")
        command.add_argument("--journey", metavar="J.json", help="journey definition (JSON)")
        command.add_argument("--json", action="store_true", help="print one JSON object")
    help_text = "funnel, touchpoint reach and unmatched events of an event log"
    command = sub.add_parser("behaviour", help=help_text, description=help_text)
    command.add_argument("file", help="event log: CSV, Parquet or JSON lines (a glob allowed)")
    command.add_argument("--journey", metavar="J.json", help="journey definition (JSON)")
    command.add_argument(
        "--steps",
        metavar="e1,e2,...",
        help="funnel over these event names, in order (default: the journey's touchpoints)",
    )
    command.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def _clean(value: object) -> object:
    """JSON-safe scalars: NaN → null, numpy → Python."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _records(frame: pd.DataFrame) -> list[dict]:
    return [{k: _clean(v) for k, v in row.items()} for row in frame.to_dict("records")]


def _report_records(report: ValidationReport) -> list[dict]:
    return _records(report.to_frame().astype(object))


def _load(args: argparse.Namespace, progress: tqdm) -> SurveyData:
    journey: Journey = load_journey(args.journey) if args.journey else default_journey()
    mapping: Mapping | None = load_mapping(args.mapping) if args.mapping else None
    progress.set_description("reading")
    survey = load_survey(args.file, journey=journey, mapping=mapping)
    progress.update()
    return survey


def _validate(args: argparse.Namespace, progress: tqdm) -> int:
    try:
        journey = load_journey(args.journey) if args.journey else default_journey()
        mapping = load_mapping(args.mapping) if args.mapping else None
        progress.set_description("reading")
        report = load_report(args.file, journey=journey, mapping=mapping)
        progress.update()
    except MotError as exc:
        log = ReportBuilder()
        log.add("error", str(exc), "Fix the file and try again.")
        report = log.report()
    progress.close()
    if args.json:
        print(
            json.dumps(
                {"valid": not report.has_errors, "entries": _report_records(report)},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(report)
    return 1 if report.has_errors else 0


def _optional(step: Callable[[], object], warnings: list[str]) -> object:
    """Run one analysis; a missing measure becomes a warning, not a failure."""
    try:
        return step()
    except MotError as exc:
        warnings.append(str(exc))
        return None


def _scores(survey: SurveyData, progress: tqdm) -> dict:
    from mot.gaps import gap_table
    from mot.memory import peak_end
    from mot.scoring import score_utilities
    from mot.wom import nps

    warnings = [str(e) for e in survey.report.entries]
    progress.set_description("scoring")
    utilities = score_utilities(survey.ratings)
    release_memory()  # each analysis's temporaries are returned before the next one
    progress.update()
    nps_table = _optional(lambda: nps(survey.respondents), warnings)
    release_memory()
    gaps = _optional(lambda: gap_table(survey.ratings), warnings)
    release_memory()
    progress.update()
    memory = _optional(lambda: peak_end(survey.ratings, survey.respondents), warnings)
    progress.update()
    nps_row = (
        {k: _clean(nps_table[k].iloc[0]) for k in ("score", "ci_low", "ci_high", "n")}
        if nps_table is not None and len(nps_table)
        else None
    )
    return {
        "respondents": survey.n_respondents,
        "utilities": _records(utilities),
        "nps": nps_row,
        "gaps": _records(gaps) if gaps is not None else [],
        "peak_end": _peak_end_dict(memory),
        "warnings": warnings,
    }


def _peak_end_dict(memory: PeakEndResult | None) -> dict | None:
    if memory is None:
        return None
    comparison = dataclasses.asdict(memory.comparison)
    return {
        "predictors": _records(memory.to_frame()),
        "comparison": {k: _clean(v) for k, v in comparison.items()},
        "verdict": memory.verdict,
        "n": _clean(memory.n),
    }


def _print_scores(result: dict) -> None:
    print(f"Respondents: {result['respondents']}")
    utilities = pd.DataFrame(result["utilities"])
    if not utilities.empty:
        print("\nUtilities (0–100, 95% CI):")
        shown = utilities[["touchpoint", "utility", "n", "mean", "ci_low", "ci_high"]]
        print(shown.to_string(index=False, float_format=lambda x: f"{x:.1f}"))
    if result["nps"]:
        n = result["nps"]
        if n["ci_low"] is None or n["ci_high"] is None:
            interval = "no interval: too few answers"
        else:
            interval = f"95% CI {n['ci_low']:.1f} to {n['ci_high']:.1f}"
        print(f"\nNPS: {n['score']:.1f} ({interval}, n = {n['n']})")
    if result["peak_end"]:
        print(f"\nPeak-end verdict: {result['peak_end']['verdict']}")
    if result["warnings"]:
        print("\nNotes:")
        for w in result["warnings"]:
            print(f"- {w}")


def _score(args: argparse.Namespace, progress: tqdm) -> int:
    try:
        survey = _load(args, progress)
        if survey.ratings.empty:
            progress.close()
            print(survey.report, file=sys.stderr)
            return 1
        result = _scores(survey, progress)
    except MotError as exc:
        progress.close()
        print(f"error: {exc}", file=sys.stderr)
        return 1
    progress.close()
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        _print_scores(result)
    return 0


def _behaviour_result(args: argparse.Namespace, progress: tqdm) -> dict:
    from mot.behaviour import funnel_and_reach, ordered_funnel, touchpoint_reach
    from mot.events import open_event_log, rules_from_journey, unmatched_events

    journey: Journey = load_journey(args.journey) if args.journey else default_journey()
    progress.set_description("reading")
    log = open_event_log(args.file)
    progress.update()
    progress.set_description("mapping")
    rules = rules_from_journey(journey)
    view = log.mapped(rules)
    unmatched = unmatched_events(log, rules)
    progress.update()
    progress.set_description("funnel and reach")
    touchpoints = list(journey.ids)
    if args.steps is not None:
        steps = [s.strip() for s in args.steps.split(",") if s.strip()]
        funnel = ordered_funnel(log.connection, view, steps=steps, step_column="event")
        progress.update()
        reach = touchpoint_reach(log.connection, view, touchpoints=touchpoints)
    else:  # one pass over the log for both
        both = funnel_and_reach(log.connection, view, steps=touchpoints, touchpoints=touchpoints)
        funnel, reach = both.funnel, both.reach
        progress.update()
    progress.update()
    funnel = funnel.assign(conversion=funnel["conversion_from_start"])
    funnel_columns = [
        "step",
        "users",
        "conversion",
        "conversion_from_previous",
        "ci_low",
        "ci_high",
        "drop_off",
    ]
    return {
        "events": log.n_events,
        "users": log.n_users,
        "funnel": _records(funnel[funnel_columns]),
        "touchpoints": _records(reach[["touchpoint", "users", "sessions", "events"]]),
        "unmatched_events": _records(unmatched[["event", "count"]]),
        "bad_rows": log.n_bad_rows,
        "bad_row_problems": _records(log.bad_rows()),
    }


def _print_behaviour(result: dict) -> None:
    print(f"Events: {result['events']}")
    print(f"Users: {result['users']}")
    print(f"Bad rows (left out): {result['bad_rows']}")
    for bad in result["bad_row_problems"]:
        rows = ", ".join(str(r) for r in bad["example_rows"])
        print(f"- {bad['problem']}: {bad['count']} (e.g. rows {rows})")
    funnel = pd.DataFrame(result["funnel"])
    if not funnel.empty:
        print("\nOrdered funnel (conversion from the first step, 95% CI):")
        shown = funnel.fillna(float("nan")).infer_objects()
        print(shown.to_string(index=False, na_rep="-", float_format=lambda x: f"{x:.3f}"))
    reach = pd.DataFrame(result["touchpoints"])
    if not reach.empty:
        print("\nTouchpoint reach:")
        print(reach.to_string(index=False))
    if result["unmatched_events"]:
        print("\nEvents matched to no touchpoint (add keywords to the journey to map them):")
        for item in result["unmatched_events"]:
            print(f"- {item['event']}: {item['count']}")
    else:
        print("\nEvery event matches a touchpoint.")


def _behaviour(args: argparse.Namespace, progress: tqdm) -> int:
    try:
        result = _behaviour_result(args, progress)
    except MotError as exc:
        progress.close()
        print(f"error: {exc}", file=sys.stderr)
        return 1
    progress.close()
    if args.json:
        result.pop("bad_row_problems")
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        _print_behaviour(result)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    map_large_allocations()
    args = _parser().parse_args(argv)
    total = {"validate": 1, "score": 4, "behaviour": 4}[args.command]
    progress = tqdm(total=total, file=sys.stderr, leave=False, disable=None)
    if args.command == "validate":
        return _validate(args, progress)
    if args.command == "behaviour":
        return _behaviour(args, progress)
    return _score(args, progress)
