"""Command line of the saved workspaces: ``python -m mot workspace save|list|show|delete``.

``save FILE`` reads the survey (and ``--events LOG``) as the dashboard would, refuses a file
that cannot be used (exit 1, with the reason), and stores it as a new workspace; it prints
the workspace's id and the link that opens it (``MOT_PUBLIC_URL``, default
``http://localhost:8501``, then ``/?w=ID``). ``list`` shows the named workspaces, ``show ID``
one workspace's datasets, views and actions, ``delete ID`` deletes it with its files. Every
command takes ``--json`` (one JSON object) and ``--lang en|es``. The store is the one the
dashboard uses (``MOT_DATABASE_URL``, or the SQLite file in ``MOT_DATA_DIR``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from mot.errors import MotError
from mot.messages import LANGUAGES, Message, render, text

if TYPE_CHECKING:
    from mot.store import Store

DEFAULT_PUBLIC_URL = "http://localhost:8501"


def workspace_url(ident: str) -> str:
    """The link that opens workspace ``ident`` on the dashboard (``MOT_PUBLIC_URL``)."""
    base = os.environ.get("MOT_PUBLIC_URL", DEFAULT_PUBLIC_URL).rstrip("/")
    return f"{base}/?{urlencode({'w': ident})}"


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Add ``workspace`` and its commands to the main parser's subcommands."""
    help_text = "save a survey as a workspace with a link; list, show or delete workspaces"
    command = sub.add_parser("workspace", help=help_text, description=help_text)
    actions = command.add_subparsers(dest="action", required=True)
    save = actions.add_parser("save", help="store a survey (and an event log) as a workspace")
    save.add_argument("file", help="survey file: CSV, Excel, SPSS .sav, Parquet, JSON")
    save.add_argument("--mapping", metavar="M.json", help="column mapping (JSON)")
    save.add_argument("--journey", metavar="J.json", help="journey definition (JSON)")
    save.add_argument("--events", metavar="LOG", help="an event log to keep beside the survey")
    save.add_argument("--name", help="the workspace's name (default: the file's name)")
    save.add_argument(
        "--to",
        metavar="ID",
        help="add the survey to this workspace as a new wave (instead of a new workspace)",
    )
    save.add_argument("--wave", metavar="LABEL", help="the survey's wave label, e.g. 2026-Q3")
    actions.add_parser("list", help="the saved workspaces, most recently used first")
    for name, what in (("show", "a workspace's datasets, views and actions"), ("delete", "")):
        one = actions.add_parser(name, help=what or "delete a workspace and its files")
        one.add_argument("id", help="the workspace's id (from save or list)")
    for parser in actions.choices.values():
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        parser.add_argument(
            "--lang", choices=LANGUAGES, default="en", help="language of the output (default: en)"
        )


def run(args: argparse.Namespace) -> int:
    """Run a ``workspace`` command; return the exit code (1 for a refused input)."""
    from mot.store import open_store

    commands: dict[str, Callable[..., dict]] = {
        "save": _save,
        "list": _list,
        "show": _show,
        "delete": _delete,
    }
    try:
        store = open_store()
        try:
            result = commands[args.action](store, args)
        finally:
            store.close()
    except MotError as exc:
        print(text("cli.error", args.lang, error=render(exc, args.lang)), file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2, default=str))
    else:
        _print(args.action, result, args.lang)
    return 0


def _read_text(path: str | None) -> str | None:
    return None if path is None else Path(path).read_text(encoding="utf-8-sig")


def _save(store: Store, args: argparse.Namespace) -> dict:
    from mot.behaviour import open_event_log
    from mot.journey import default_journey, load_journey
    from mot.mapping import load_mapping
    from mot.survey import load_report

    journey = load_journey(args.journey) if args.journey else default_journey()
    mapping = load_mapping(args.mapping) if args.mapping else None
    report = load_report(args.file, journey=journey, mapping=mapping)
    if report.has_errors:  # what `validate` would refuse is not saved
        print(report.to_text(args.lang), file=sys.stderr)
        raise MotError(Message("cli.workspace.invalid", name=Path(args.file).name))
    if args.events:
        open_event_log(args.events).connection.close()
    if args.to is not None:
        workspace = store.workspace(args.to)  # unknown: WorkspaceNotFoundError, nothing stored
    else:
        workspace = store.create_workspace(args.name or Path(args.file).name)
    try:
        store.add_dataset(
            workspace.id,
            kind="survey",
            file_name=Path(args.file).name,
            content=Path(args.file).read_bytes(),
            mapping_json=_read_text(args.mapping),
            journey_json=_read_text(args.journey),
            label=args.wave,
        )
        if args.events:
            store.add_dataset(
                workspace.id,
                kind="events",
                file_name=Path(args.events).name,
                content=Path(args.events).read_bytes(),
            )
    except MotError:
        if args.to is None:
            store.delete_workspace(workspace.id)  # never half a workspace
        raise
    return {"id": workspace.id, "url": workspace_url(workspace.id)}


def _list(store: Store, args: argparse.Namespace) -> dict:
    rows = []
    for ws in store.list_workspaces():
        rows.append(
            {
                "id": ws.id,
                "name": ws.name,
                "datasets": len(store.datasets(ws.id)),
                "updated_at": ws.updated_at.isoformat(timespec="seconds"),
                "url": workspace_url(ws.id),
            }
        )
    return {"workspaces": rows}


def _show(store: Store, args: argparse.Namespace) -> dict:
    ws = store.workspace(args.id)
    return {
        "id": ws.id,
        "name": ws.name,
        "url": workspace_url(ws.id),
        "created_at": ws.created_at.isoformat(timespec="seconds"),
        "updated_at": ws.updated_at.isoformat(timespec="seconds"),
        "datasets": [
            {
                "kind": d.kind,
                "file_name": d.file_name,
                "label": d.label,
                "wave_date": d.wave_date.isoformat() if d.wave_date else None,
                "size": d.size,
                "sha256": d.sha256,
            }
            for d in store.datasets(ws.id)
        ],
        "views": [{"name": v.name, "params": v.params} for v in store.views(ws.id)],
        "actions": [
            {"touchpoint": a.touchpoint, "title": a.title, "status": a.status, "owner": a.owner}
            for a in store.actions(ws.id)
        ],
    }


def _delete(store: Store, args: argparse.Namespace) -> dict:
    store.delete_workspace(args.id)
    return {"id": args.id, "deleted": True}


def _print(action: str, result: dict, language: str) -> None:
    if action == "save":
        print(text("cli.workspace.saved", language, id=result["id"]))
        print(result["url"])
    elif action == "delete":
        print(text("cli.workspace.deleted", language, id=result["id"]))
    elif action == "list":
        if not result["workspaces"]:
            print(text("cli.workspace.none", language))
        for ws in result["workspaces"]:
            line = text("cli.workspace.row", language, name=ws["name"], n=ws["datasets"])
            print(f"{ws['id']}  {line}  {ws['updated_at']}")
    else:
        print(text("cli.workspace.title", language, name=result["name"], id=result["id"]))
        print(result["url"])
        for d in result["datasets"]:
            kind = text(f"cli.workspace.kind.{d['kind']}", language)
            label = f" ({d['label']})" if d["label"] else ""
            print(
                "- "
                + text(
                    "cli.workspace.dataset",
                    language,
                    kind=kind,
                    name=d["file_name"] + label,
                    size=d["size"],
                )
            )
        print(
            text(
                "cli.workspace.counts",
                language,
                views=len(result["views"]),
                actions=len(result["actions"]),
            )
        )
