"""Command line of the workshop rooms: ``python -m mot room open|results|end``.

``open`` opens a room on the store the dashboard uses (``MOT_DATABASE_URL``, or the SQLite
file in ``MOT_DATA_DIR``) for the touchpoints of ``--journey J.json``, else of the
workspace ``--workspace ID`` (its newest survey's journey), else of the standard journey,
and prints its code, the join URL participants open (``MOT_PUBLIC_URL``, default
``http://localhost:8501``, then ``/join/CODE``) and the facilitator key (shown once: the
store keeps only its hash). ``--step`` opens the first touchpoint only (the facilitator
then opens them one at a time); ``--scale 1-5`` rates on another scale. With ``--json`` it
prints ``{"code", "join_url", "facilitator_key"}``. ``results CODE --key KEY`` prints the
room's tidy answers as CSV (``--json``: a list of rows) and ``end CODE --key KEY`` ends it;
``--key -`` reads the key from standard input and, without ``--key``, it comes from
``MOT_ROOM_KEY`` (a key on the command line shows in the process list).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING

from mot.errors import MotError
from mot.messages import LANGUAGES, Message, render, text

if TYPE_CHECKING:
    from mot.journey import Journey
    from mot.store import Store

DEFAULT_PUBLIC_URL = "http://localhost:8501"


def join_url(code: str) -> str:
    """The address participants open to join room ``code`` (``MOT_PUBLIC_URL``).

    Examples
    --------
    >>> os.environ.pop("MOT_PUBLIC_URL", None) is None or True
    True
    >>> join_url("K7M2QX")
    'http://localhost:8501/join/K7M2QX'
    """
    base = os.environ.get("MOT_PUBLIC_URL", DEFAULT_PUBLIC_URL).rstrip("/")
    return f"{base}/join/{code}"


def room_touchpoints(journey: Journey) -> list[tuple[str, str, str]]:
    """A journey's touchpoints as a room takes them: ``(id, label_en, label_es)``.

    Examples
    --------
    >>> from mot.journey import default_journey
    >>> room_touchpoints(default_journey())[0]
    ('ZMOT', 'Zero moment of truth', 'Momento cero de la verdad')
    """
    return [(tp.id, tp.label_en, tp.label_es) for tp in journey.touchpoints]


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Add ``room`` and its commands to the main parser's subcommands."""
    help_text = "open a live workshop room (code, join URL, facilitator key); its results; end it"
    command = sub.add_parser("room", help=help_text, description=help_text)
    actions = command.add_subparsers(dest="action", required=True)
    opening = actions.add_parser("open", help="open a room participants join from their phones")
    opening.add_argument("--journey", metavar="J.json", help="the room's touchpoints (JSON)")
    opening.add_argument("--workspace", metavar="ID", help="the workspace the room belongs to")
    opening.add_argument("--name", help="the room's name (default: the workspace's or 'Workshop')")
    opening.add_argument("--step", action="store_true", help="open one touchpoint at a time")
    opening.add_argument("--scale", default="1-7", help="rating scale: 1-5, 1-7, 1-10 or 0-10")
    for name, what in (("results", "the room's answers, tidy"), ("end", "end the room")):
        one = actions.add_parser(name, help=what)
        one.add_argument("code", help="the room's code")
        one.add_argument(
            "--key",
            help="the facilitator key printed by open; '-' reads it from standard input "
            "(default: the environment variable MOT_ROOM_KEY), so that it stays out of the "
            "process list and the shell's history",
        )
    for parser in actions.choices.values():
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        parser.add_argument(
            "--lang", choices=LANGUAGES, default="en", help="language of the room and the output"
        )


def run(args: argparse.Namespace) -> int:
    """Run a ``room`` command; return the exit code (1 for a refused input)."""
    from mot.store import open_store

    try:
        store = open_store()
        try:
            if args.action == "open":
                return _open(store, args)
            return _with_key(store, args)
        finally:
            store.close()
    except MotError as exc:
        print(text("cli.error", args.lang, error=render(exc, args.lang)), file=sys.stderr)
        return 1


def _journey(store: Store, args: argparse.Namespace) -> Journey:
    from mot.journey import default_journey, journey_from_json, load_journey

    if args.journey:
        return load_journey(args.journey)
    if args.workspace:
        surveys = store.datasets(args.workspace, kind="survey")
        if surveys and surveys[-1].journey_json:
            return journey_from_json(surveys[-1].journey_json)
        if surveys:
            from mot.survey import load_survey

            content = store.file_content(surveys[-1].sha256)
            return load_survey(content, name=surveys[-1].file_name).journey
    return default_journey()


def _scale(spec: str) -> tuple[int, int]:
    from mot.workshop import SCALES

    low, _, high = spec.partition("-")
    try:
        return int(low), int(high)
    except ValueError:
        shown = ", ".join(f"{lo}-{hi}" for lo, hi in SCALES)
        raise MotError(Message("room.bad_scale", scales=shown, scale=spec)) from None


def _open(store: Store, args: argparse.Namespace) -> int:
    name = args.name
    if args.workspace:
        found = store.workspace(args.workspace)  # unknown: WorkspaceNotFoundError
        name = name or found.name
    journey = _journey(store, args)
    room, key = store.open_room(
        name or text("cli.room.default_name", args.lang),
        room_touchpoints(journey),
        workspace_id=args.workspace,
        language=args.lang,
        scale=_scale(args.scale),
        stepwise=args.step,
    )
    result = {"code": room.code, "join_url": join_url(room.code), "facilitator_key": key}
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    print(text("cli.room.opened", args.lang, code=room.code, n=len(room.touchpoints)))
    print(text("cli.room.join", args.lang, url=result["join_url"]))
    print(text("cli.room.key", args.lang, key=key))
    return 0


def _key(given: str | None) -> str:
    if given == "-":
        return sys.stdin.readline().strip()
    return given or os.environ.get("MOT_ROOM_KEY", "")


def _with_key(store: Store, args: argparse.Namespace) -> int:
    from mot.workshop import clean_code, room_csv, room_ratings

    code = clean_code(args.code) or args.code
    if not store.facilitator_ok(code, _key(args.key)):
        raise MotError(Message("room.no_key"))
    room = store.room(code, ended=True)
    if args.action == "end":
        if not room.ended:  # ending an ended room again says it has ended
            store.end_room(code)
        print(
            json.dumps({"code": code, "ended": True})
            if args.json
            else text("cli.room.ended", args.lang, code=code)
        )
        return 0
    order = [tp.id for tp in room.touchpoints]
    tidy = room_ratings(store.responses(code), scale=room.scale, touchpoints=order)
    if args.json:
        print(json.dumps(tidy.to_dict("records"), ensure_ascii=False, default=str))
    else:
        sys.stdout.write(room_csv(tidy).decode("utf-8"))
    return 0
