"""Command line: ``python -m mot validate|score|behaviour FILE``, ``workspace``, ``password-hash``.

Each command takes ``--lang en|es``: the language of everything it prints (the validation
report's problems and fixes, ``score``'s and ``behaviour``'s headings and notes, the bad rows
of an event log, the errors and the progress bar); English by default. Every text comes from
the catalogue :mod:`mot.messages`. ``--json`` keeps its keys, codes and parameters in either
language.

Each command imports the library modules it uses when it runs, so that ``--help`` and a
wrong invocation answer at once and ``behaviour`` never imports the survey analyses
(``scipy.stats``) nor the charts (``altair``).

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
from typing import TYPE_CHECKING

from mot.errors import MotError
from mot.messages import LANGUAGES, Joined, Message, fill, render, text

if TYPE_CHECKING:  # each command imports what it uses: ``--help`` starts in a blink
    import pandas as pd
    from tqdm import tqdm

    from mot.memory import PeakEndResult
    from mot.survey import SurveyData
    from mot.validation import ValidationReport


def _add_lang(command: argparse.ArgumentParser, what: str) -> None:
    command.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="en",
        help=f"language of {what} (default: en)",
    )


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
        _add_lang(command, "the report's problems and fixes, headings and notes")
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
    _add_lang(command, "the headings, notes, bad rows and errors")
    from mot.cli_room import add_parser as add_room
    from mot.cli_workspace import add_parser

    add_parser(sub)
    add_room(sub)
    help_text = "print the scrypt hash of a team password, for MOT_PASSWORD_HASH"
    command = sub.add_parser("password-hash", help=help_text, description=help_text)
    _add_lang(command, "the message when the password is refused")
    return parser


def _password_hash(args: argparse.Namespace) -> int:
    """Print the hash of a password read from a prompt, or from standard input's first line.

    The password itself is never printed or stored.
    """
    import getpass

    from mot.access import hash_password

    if sys.stdin.isatty():
        password = getpass.getpass("Team password: ")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        if not password:
            raise MotError(Message("access.no_password"))
        print(hash_password(password))
    except MotError as exc:
        print(text("cli.error", args.lang, error=render(exc, args.lang)), file=sys.stderr)
        return 2
    return 0


def _clean(value: object) -> object:
    """JSON-safe scalars: NaN → null, numpy → Python."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _records(frame: pd.DataFrame) -> list[dict]:
    return [{k: _clean(v) for k, v in row.items()} for row in frame.to_dict("records")]


def _json_value(value: object) -> object:
    """A parameter as JSON: a message as its code and parameters, ``Joined`` as a list."""
    if isinstance(value, Message):
        return {"code": value.code, "params": {k: _json_value(v) for k, v in value.params.items()}}
    if isinstance(value, Joined):
        return [_json_value(item) for item in value.items]
    value = _clean(value)
    return value if isinstance(value, str | int | float | bool | type(None)) else str(value)


def _report_records(report: ValidationReport, language: str = "en") -> list[dict]:
    """The entries as JSON records.

    The columns of ``to_frame`` in ``language``, plus each entry's ``code`` and ``params``.
    """
    frame = report.to_frame(language, codes=True)
    records = _records(frame.drop(columns="params").astype(object))
    for record, values in zip(records, frame["params"], strict=True):
        record["params"] = {k: _json_value(v) for k, v in values.items()}
    return records


def _step(progress: tqdm, step: str, language: str) -> None:
    """Name the progress bar's step in ``language``."""
    progress.set_description(text(f"cli.progress.{step}", language))


def _load(args: argparse.Namespace, progress: tqdm) -> SurveyData:
    from mot.journey import default_journey, load_journey
    from mot.mapping import load_mapping
    from mot.survey import load_survey

    journey = load_journey(args.journey) if args.journey else default_journey()
    mapping = load_mapping(args.mapping) if args.mapping else None
    _step(progress, "reading", args.lang)
    survey = load_survey(args.file, journey=journey, mapping=mapping)
    progress.update()
    return survey


def _validate(args: argparse.Namespace, progress: tqdm) -> int:
    from mot.journey import default_journey, load_journey
    from mot.mapping import load_mapping
    from mot.survey import file_error, load_report
    from mot.validation import ValidationReport

    try:
        journey = load_journey(args.journey) if args.journey else default_journey()
        mapping = load_mapping(args.mapping) if args.mapping else None
        _step(progress, "reading", args.lang)
        report = load_report(args.file, journey=journey, mapping=mapping)
        progress.update()
    except MotError as exc:
        report = ValidationReport((file_error(exc, retry=True),))
    progress.close()
    if args.json:
        entries = _report_records(report, args.lang)
        print(
            json.dumps(
                {"valid": not report.has_errors, "entries": entries},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(report.to_text(args.lang))
    return 1 if report.has_errors else 0


def _optional(step: Callable[[], object], warnings: list[str], language: str) -> object:
    """Run one analysis; a missing measure becomes a warning, not a failure."""
    try:
        return step()
    except MotError as exc:
        warnings.append(render(exc, language))
        return None


def _scores(survey: SurveyData, progress: tqdm, language: str = "en") -> dict:
    from mot.gaps import gap_table
    from mot.io import release_memory
    from mot.memory import peak_end
    from mot.scoring import score_utilities
    from mot.wom import nps

    warnings = [e.to_text(language) for e in survey.report.entries]
    _step(progress, "scoring", language)
    utilities = score_utilities(survey.ratings)
    release_memory()  # each analysis's temporaries are returned before the next one
    progress.update()
    nps_table = _optional(lambda: nps(survey.respondents), warnings, language)
    release_memory()
    gaps = _optional(lambda: gap_table(survey.ratings), warnings, language)
    release_memory()
    progress.update()
    memory = _optional(lambda: peak_end(survey.ratings, survey.respondents), warnings, language)
    progress.update()
    nps_keys = ("score", "ci_low", "ci_high", "n", "ci_method", "ci_clipped", "small_n")
    nps_row = (
        {k: _clean(nps_table[k].iloc[0]) for k in nps_keys}
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
    counts = ("n", "n_excluded", "n_no_curve", "n_no_outcome", "n_incomplete")
    return {
        "predictors": _records(memory.to_frame()),
        "comparison": {k: _clean(v) for k, v in comparison.items()},
        "verdict": memory.verdict,
        **{k: _clean(getattr(memory, k)) for k in counts},
        "touchpoints": list(memory.touchpoints),
        "source": memory.source,
    }


def _decimals(language: str, places: int) -> Callable[[float], str]:
    """A table's number format: ``places`` decimals, written as ``language`` writes them."""
    template = f"{{x:.{places}f}}"
    return lambda x: fill(template, {"x": x}, language)


def _or_dash(number: Callable[[float], str]) -> Callable[[object], str]:
    """A number format that writes a missing value (null in the JSON) as a dash."""
    return lambda x: number(x) if isinstance(x, int | float) else "–"


_GAP_SHOWN = (
    "touchpoint",
    "gap_to_expected",
    "gap_to_expected_p_adjusted",
    "gap_to_expected_method",
    "gap_to_excellent",
    "gap_to_excellent_p_adjusted",
    "gap_to_excellent_method",
)
"""The gap columns ``score`` prints: each gap, its Holm-adjusted p and the test used."""


def _print_scores(result: dict, language: str = "en") -> None:
    import pandas as pd

    print(text("cli.respondents", language, n=result["respondents"]))
    utilities = pd.DataFrame(result["utilities"])
    if not utilities.empty:
        print("\n" + text("cli.utilities", language))
        shown = utilities[["touchpoint", "utility", "n", "mean", "ci_low", "ci_high"]]
        print(shown.to_string(index=False, float_format=_decimals(language, 1)))
    if result["nps"]:
        _print_nps(result["nps"], language)
    gaps = pd.DataFrame(result["gaps"])
    if not gaps.empty:
        print("\n" + text("cli.gaps", language))
        numbers = [c for c in _GAP_SHOWN if not c.endswith(("touchpoint", "_method"))]
        places = {c: _or_dash(_decimals(language, 3 if "_p" in c else 1)) for c in numbers}
        print(gaps[list(_GAP_SHOWN)].fillna("–").to_string(index=False, formatters=places))
    if memory := result["peak_end"]:
        print("\n" + text("cli.verdict", language, verdict=memory["verdict"]))
        left_out = {k: memory[f"n_{k}"] for k in ("no_curve", "no_outcome", "incomplete")}
        print(text("cli.peak_end_sample", language, n=memory["n"], **left_out))
    if result["warnings"]:
        print("\n" + text("cli.notes", language))
        for w in result["warnings"]:
            print(f"- {w}")


def _print_nps(n: dict, language: str) -> None:
    """The NPS line: the score with its interval and the interval's method, or why none."""
    from mot.wom import NPS_MIN_N

    if n["ci_low"] is None or n["ci_high"] is None:
        values = {"score": n["score"], "n": n["n"], "min_n": NPS_MIN_N}
        print("\n" + text("cli.nps_no_interval", language, **values))
        return
    method = text(f"cli.nps_method.{n['ci_method']}", language)
    values = {"score": n["score"], "low": n["ci_low"], "high": n["ci_high"], "n": n["n"]}
    print("\n" + text("cli.nps", language, method=method, **values))


def _score(args: argparse.Namespace, progress: tqdm) -> int:
    try:
        survey = _load(args, progress)
        if survey.ratings.empty:
            progress.close()
            print(survey.report.to_text(args.lang), file=sys.stderr)
            return 1
        result = _scores(survey, progress, args.lang)
    except MotError as exc:
        progress.close()
        print(text("cli.error", args.lang, error=render(exc, args.lang)), file=sys.stderr)
        return 1
    progress.close()
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        _print_scores(result, args.lang)
    return 0


def _behaviour_result(args: argparse.Namespace, progress: tqdm) -> dict:
    from mot.behaviour import funnel_and_reach, open_event_log, rules_from_journey, unmatched_events
    from mot.journey import default_journey, load_journey

    journey = load_journey(args.journey) if args.journey else default_journey()
    _step(progress, "reading", args.lang)
    log = open_event_log(args.file)
    progress.update()
    _step(progress, "mapping", args.lang)
    rules = rules_from_journey(journey)
    view = log.mapped(rules)
    unmatched = unmatched_events(log, rules)
    progress.update()
    _step(progress, "funnel", args.lang)
    touchpoints = list(journey.ids)
    steps, column = touchpoints, "touchpoint"
    if args.steps is not None:
        steps = [s.strip() for s in args.steps.split(",") if s.strip()]
        column = "event"
    # one pass over the log for the users, the funnel and the reach
    both = funnel_and_reach(
        log.connection,
        view,
        steps=steps,
        step_column=column,
        touchpoints=touchpoints,
        users=True,
    )
    funnel, reach = both.funnel, both.reach
    progress.update(2)
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
        "users": both.users,
        "funnel": _records(funnel[funnel_columns]),
        "touchpoints": _records(reach[["touchpoint", "users", "sessions", "events"]]),
        "unmatched_events": _records(unmatched[["event", "count"]]),
        "bad_rows": log.n_bad_rows,
        "bad_row_problems": _records(log.bad_rows()),
        "notes": list(log.notes),
    }


def _print_behaviour(result: dict, language: str = "en") -> None:
    import pandas as pd

    print(text("cli.events", language, n=result["events"]))
    print(text("cli.users", language, n=result["users"]))
    print(text("cli.bad_rows", language, n=result["bad_rows"]))
    for bad in result["bad_row_problems"]:
        rows = ", ".join(str(r) for r in bad["example_rows"])
        problem = render(bad["problem"], language)
        print("- " + text("cli.bad_row", language, problem=problem, n=bad["count"], rows=rows))
    funnel = pd.DataFrame(result["funnel"])
    if not funnel.empty:
        print("\n" + text("cli.funnel", language))
        shown = funnel.fillna(float("nan")).infer_objects()
        print(shown.to_string(index=False, na_rep="-", float_format=_decimals(language, 3)))
    reach = pd.DataFrame(result["touchpoints"])
    if not reach.empty:
        print("\n" + text("cli.reach", language))
        print(reach.to_string(index=False))
    if result["unmatched_events"]:
        print("\n" + text("cli.unmatched", language))
        for item in result["unmatched_events"]:
            print(f"- {item['event']}: {item['count']}")
    else:
        print("\n" + text("cli.all_matched", language))
    if result["notes"]:
        print("\n" + text("cli.log_notes", language))
        for note in result["notes"]:
            print(f"- {render(note, language)}")


def _behaviour(args: argparse.Namespace, progress: tqdm) -> int:
    try:
        result = _behaviour_result(args, progress)
    except MotError as exc:
        progress.close()
        print(text("cli.error", args.lang, error=render(exc, args.lang)), file=sys.stderr)
        return 1
    progress.close()
    if args.json:
        result.pop("bad_row_problems")
        result.pop("notes")
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        _print_behaviour(result, args.lang)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    if args.command == "workspace":
        from mot.cli_workspace import run

        return run(args)
    if args.command == "room":
        from mot.cli_room import run as run_room

        return run_room(args)
    if args.command == "password-hash":
        return _password_hash(args)
    from tqdm import tqdm

    from mot.io import map_large_allocations

    map_large_allocations()
    total = {"validate": 1, "score": 4, "behaviour": 4}[args.command]
    progress = tqdm(total=total, file=sys.stderr, leave=False, disable=None)
    if args.command == "validate":
        return _validate(args, progress)
    if args.command == "behaviour":
        return _behaviour(args, progress)
    return _score(args, progress)
