"""Corrective actions on the Gaps page: the table the team edits, the conflicts of two
people saving at once, and the before/after of each action's touchpoint in a later wave.

The actions live in the workspace (:mod:`mot.store`, through :mod:`ui.workspaces`). The
editor starts from the stored actions (:class:`ui.state.ActionsEditing`: their versions
are what a save checks) and keeps them until the user saves or reloads; when someone else
has saved since, the page says so and offers to reload. The browser sends a cell's last
edit a moment after committing it, so a click on Save right after typing may arrive first:
that save finds nothing and waits :data:`LATE_EDIT` seconds for the edit, then saves it.
A save stores every changed row; a row someone else saved (or deleted) in between is
refused by the store (:class:`mot.errors.ActionConflictError`) and shown next to theirs,
with the choice of keeping theirs or putting one's own changes on top of theirs. Nothing
is ever overwritten without being shown. The before/after compares the wave each action
was decided on with the newest wave (:func:`mot.actions.action_effects`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd
import streamlit as st

from mot.actions import action_effects, action_markers, actions_frame
from mot.errors import ActionConflictError, MotError
from mot.store import Action
from mot.vocabulary import ACTION_STATUSES, GAP_KINDS
from mot.waves import pairing_columns
from ui import data, queries, sentences, state, waves_view, widgets, workspaces
from ui.i18n import number, p_value, t

FIELDS: tuple[str, ...] = ("touchpoint", "title", "owner", "status", "due", "gap", "note")
"""What a user edits of an action, in the editor's column order."""

LATE_EDIT = 3.0
"""Seconds after a save that found nothing during which an edit arriving is saved."""


@dataclass(frozen=True)
class ForReport:
    """A workspace's actions for the report: the table (:func:`mot.actions.actions_frame`),
    their before/after (:data:`mot.actions.EFFECT_COLUMNS` plus ``wave_a``, ``wave_b``, the
    two waves' labels; None without a later wave) and a key that changes with any save."""

    actions: pd.DataFrame
    effects: pd.DataFrame | None
    key: str


# --- reading -----------------------------------------------------------------------------------


def _stored(workspace_id: str) -> tuple[Action, ...] | None:
    try:
        return tuple(workspaces.actions(workspace_id))
    except MotError as exc:
        st.error(widgets.md_message(exc))
        return None


def _editor_key(key: str, editing: state.ActionsEditing) -> str:
    return f"{key}_editor_{state.widget_tag(editing.workspace_id)}_{editing.generation}"


def _pending(key: str, editing: state.ActionsEditing) -> int:
    """How many rows of the editor hold edits not saved yet (edited, added, deleted)."""
    edits = state.widget_value(_editor_key(key, editing))
    if edits is None:
        return 0
    return sum(len(edits.get(part) or ()) for part in ("edited_rows", "added_rows", "deleted_rows"))


def _editing(workspace_id: str) -> tuple[state.ActionsEditing, bool] | None:
    """The session's editing (started from the store the first time) and whether the store
    has moved on since (someone else saved); None when the store cannot be reached."""
    stored = _stored(workspace_id)
    if stored is None:
        return None
    editing = state.actions_editing(workspace_id)
    if editing is None:
        editing = state.ActionsEditing(workspace_id, base=stored, generation=1)
        state.keep_actions_editing(editing)
    return editing, stored != editing.base


def markers(workspace_id: str | None) -> pd.DataFrame | None:
    """The journey map's action flags of a workspace (None: none, or no store)."""
    if workspace_id is None:
        return None
    try:
        found = workspaces.actions(workspace_id)
    except MotError:
        return None
    return action_markers(actions_frame(found)) if found else None


# --- the editor --------------------------------------------------------------------------------


def _editor_frame(actions: tuple[Action, ...]) -> pd.DataFrame:
    frame = actions_frame(actions)
    frame["due"] = pd.to_datetime(frame["due"]).dt.date
    return frame[["id", *FIELDS]]


def _column_config(labels: dict[str, str]) -> dict:
    column = st.column_config
    return {
        "touchpoint": column.SelectboxColumn(
            t("chart.touchpoint"),
            options=list(labels),
            format_func=lambda v: labels.get(v, v),
            required=True,
            width="medium",
        ),
        "title": column.TextColumn(
            t("actions.col.title"), required=True, max_chars=500, width="medium"
        ),
        "owner": column.TextColumn(t("actions.col.owner"), max_chars=200),
        "status": column.SelectboxColumn(
            t("actions.col.status"),
            options=list(ACTION_STATUSES),
            format_func=lambda v: t(f"actions.status.{v}"),
            default="idea",
            required=True,
        ),
        "due": column.DateColumn(t("actions.col.due"), format="YYYY-MM-DD"),
        "gap": column.SelectboxColumn(
            t("actions.col.gap"),
            options=list(GAP_KINDS),
            format_func=lambda v: t(f"actions.gap.{v}"),
        ),
        "note": column.TextColumn(t("actions.col.note"), max_chars=5000, width="medium"),
    }


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _day(value: object) -> date | None:
    if value is None or (not isinstance(value, date) and pd.isna(value)):
        return None
    found = pd.to_datetime(value, errors="coerce")
    return None if pd.isna(found) else found.date()


def _fields(row: dict) -> dict:
    """A row of the editor as an action's fields (a cleared cell: its empty value)."""
    status, gap = row.get("status"), row.get("gap")
    return {
        "touchpoint": _text(row.get("touchpoint")),
        "title": _text(row.get("title")),
        "owner": _text(row.get("owner")),
        "status": status if status in ACTION_STATUSES else "idea",
        "due": _day(row.get("due")),
        "gap": gap if gap in GAP_KINDS else None,
        "note": row.get("note").strip() if isinstance(row.get("note"), str) else "",
    }


def _changed(old: Action, fields: dict) -> bool:
    return any(getattr(old, name) != value for name, value in fields.items())


def plan(
    base: tuple[Action, ...], edited: pd.DataFrame, known: set[str], workspace_id: str, wave: str
) -> tuple[list[tuple[str, Action, Action | None]], list[str]]:
    """What a save does: ``("save" | "delete", action, the base it started from)`` steps,
    and the problems that stop it (a row without a title or touchpoint, by row number).
    A new row left blank is ignored."""
    by_id = {a.id: a for a in base}
    steps: list[tuple[str, Action, Action | None]] = []
    problems: list[str] = []
    seen: set[str] = set()
    for number_, row in enumerate(edited.to_dict("records"), start=1):
        ident = row.get("id") if isinstance(row.get("id"), str) else ""
        fields = _fields(row)
        old = by_id.get(ident)
        if old is None and not any((fields["title"], fields["owner"], fields["note"])):
            continue  # an added row left empty
        if not fields["title"]:
            problems.append(t("actions.needs_title", row=number_))
            continue
        if fields["touchpoint"] not in known:
            problems.append(t("actions.needs_touchpoint", row=number_, title=fields["title"]))
            continue
        if old is None:
            steps.append(("save", Action("", workspace_id, wave=wave, **fields), None))
        else:
            seen.add(ident)
            if _changed(old, fields):
                steps.append(("save", replace(old, **fields), old))
    steps += [("delete", old, old) for ident, old in by_id.items() if ident not in seen]
    return steps, problems


def _save(editing: state.ActionsEditing, edited: pd.DataFrame, labels: dict) -> None:
    wave = state.dataset().dataset_id or ""
    steps, problems = plan(editing.base, edited, set(labels), editing.workspace_id, wave)
    if problems:
        st.error(widgets.md_message("\n\n".join(problems)))
        return
    if not steps:  # nothing yet: the cell's edit may still be on its way
        state.keep_actions_editing(replace(editing, save_asked=time.monotonic()))
        st.caption(t("actions.nothing"))
        return
    conflicts, saved = list(editing.conflicts), 0
    for kind, action, old in steps:
        try:
            if kind == "save":
                workspaces.save_action(action)
            else:
                workspaces.delete_action(action)
            saved += 1
        except ActionConflictError as exc:
            conflicts.append((action if kind == "save" else None, exc.current, old))
        except MotError as exc:
            st.error(widgets.md_message(exc))
            return
    _settle(editing, conflicts)
    if saved:
        state.leave_notice(t("actions.saved", n=number(saved, 0)), done=True)
    st.rerun()


def _settle(editing: state.ActionsEditing, conflicts: list) -> None:
    """Start again from the store (with the conflicts still to settle)."""
    stored = _stored(editing.workspace_id)
    base = stored if stored is not None else editing.base
    state.keep_actions_editing(
        replace(
            editing,
            base=base,
            generation=editing.generation + 1,
            conflicts=tuple(conflicts),
            save_asked=None,
        )
    )


# --- conflicts ---------------------------------------------------------------------------------


def _value(name: str, action: Action | None, labels: dict[str, str]) -> str:
    if action is None:
        return t("actions.deleted")
    value = getattr(action, name)
    if value is None or value == "":
        return "–"
    if name == "status":
        return t(f"actions.status.{value}")
    if name == "gap":
        return t(f"actions.gap.{value}")
    if name == "touchpoint":
        return labels.get(value, value)
    return str(value)


def _mine(name: str, mine: Action | None, old: Action | None, labels: dict[str, str]) -> str:
    """My value of a field in a conflict: "(unchanged)" where I did not change it."""
    if mine is None:
        return t("actions.deleted")
    if old is not None and getattr(mine, name) == getattr(old, name):
        return t("actions.unchanged")
    return _value(name, mine, labels)


def _on_top(mine: Action, theirs: Action | None, old: Action | None) -> Action:
    """Mine on top of theirs: the fields I changed since ``old``, theirs for the rest."""
    if theirs is None:
        return replace(mine, id="", version=0)  # they deleted it: mine is a new one again
    changed = {
        n: getattr(mine, n) for n in FIELDS if old is None or getattr(mine, n) != getattr(old, n)
    }
    return replace(theirs, **changed)


def _conflicts(key: str, editing: state.ActionsEditing, labels: dict[str, str]) -> None:
    for i, (mine, theirs, old) in enumerate(editing.conflicts):
        title = (mine or old or theirs).title
        who = "actions.conflict_deleted" if theirs is None else "actions.conflict"
        box = st.container(border=True)
        box.warning(t(who, title=widgets.md_text(title)))
        rows = [
            {
                "field": t(f"actions.col.{name}" if name != "touchpoint" else "chart.touchpoint"),
                "before": _value(name, old, labels),
                "theirs": _value(name, theirs, labels),
                "mine": _mine(name, mine, old, labels),
            }
            for name in FIELDS
            if len({_value(name, a, labels) for a in (old, theirs, mine)}) > 1
        ]
        if rows:
            box.table(
                pd.DataFrame(rows)
                .map(widgets.md_text)
                .rename(
                    columns={
                        "field": t("actions.col.field"),
                        "before": t("actions.col.before"),
                        "theirs": t("actions.col.theirs"),
                        "mine": t("actions.col.mine"),
                    }
                ),
                hide_index=True,
            )
        left, right = box.columns(2)
        if left.button(t("actions.keep_theirs"), key=f"{key}_theirs_{i}"):
            _resolve(editing, i, None)
        if right.button(t("actions.keep_mine"), key=f"{key}_mine_{i}", type="primary"):
            _resolve(editing, i, (mine, theirs, old))


def _resolve(editing: state.ActionsEditing, index: int, keep: tuple | None) -> None:
    rest = [c for j, c in enumerate(editing.conflicts) if j != index]
    if keep is not None:
        mine, theirs, old = keep
        try:
            if mine is None and theirs is not None:
                workspaces.delete_action(theirs)  # I deleted it: delete their version too
            elif mine is not None:
                workspaces.save_action(_on_top(mine, theirs, old))
            state.leave_notice(t("actions.saved", n=number(1, 0)), done=True)
        except ActionConflictError as exc:  # they saved again meanwhile: show that
            rest.insert(index, (mine, exc.current, old))
        except MotError as exc:
            st.error(widgets.md_message(exc))
            return
    _settle(editing, rest)
    st.rerun()


# --- before and after ------------------------------------------------------------------------


def _effects(opened: state.OpenWorkspace, actions: tuple[Action, ...]) -> pd.DataFrame | None:
    """Each action's before (its wave) and after (the newest wave), or None without one."""
    order = [ident for ident, _ in opened.waves]
    if len(order) < 2 or not actions:
        return None
    names = dict(opened.waves)
    newest = order[-1]
    frame = actions_frame(actions)
    # an action of an unknown wave was decided before the newest one was measured
    frame["wave"] = frame["wave"].where(frame["wave"].isin(order), order[-2])
    parts = []
    b = data.wave(opened.id, newest, lambda: workspaces.wave_choice(opened.id, newest))
    for wave_a, group in frame[frame["wave"] != newest].groupby("wave", sort=False):
        a = data.wave(opened.id, wave_a, lambda w=wave_a: workspaces.wave_choice(opened.id, w))
        pair_on = waves_view.pairing_chosen(opened, "gaps")  # as the comparison below
        if pair_on not in pairing_columns(a.survey, b.survey):
            pair_on = "respondent_id"
        changes = queries.wave_changes(b, a, pair_on=pair_on)
        effects = action_effects(group, changes)
        parts.append(effects.assign(wave_a=names[wave_a], wave_b=names[newest]))
    if not parts:
        return pd.DataFrame()  # every action is of the newest wave: nothing measured since
    return pd.concat(parts, ignore_index=True)


def _before_after(opened: state.OpenWorkspace, actions: tuple[Action, ...], labels) -> None:
    effects = widgets.attempt(lambda: _effects(opened, actions))
    if effects is None:
        return
    st.markdown(f"**{t('actions.effects')}**")
    if effects.empty:
        st.caption(t("actions.effects_later"))
        return
    st.caption(t("actions.effects_caption"))
    for row in effects.itertuples(index=False):
        st.markdown("- " + widgets.md_text(sentences.action_effect(row, labels)))
    widgets.table(
        effects,
        columns={
            "title": t("actions.col.title"),
            "touchpoint": t("chart.touchpoint"),
            "measure": t("data.col.measure"),
            "wave_a": t("actions.col.wave_a"),
            "mean_a": t("actions.col.mean_a"),
            "wave_b": t("actions.col.wave_b"),
            "mean_b": t("actions.col.mean_b"),
            "difference": t("waves.col.difference"),
            "p_adjusted": t("waves.col.p_adjusted"),
            "change": t("chart.change"),
        },
        key="gaps_action_effects",
        labels=labels,
        formats={
            "measure": lambda v: t(f"actions.measure.{v}"),
            "p_adjusted": p_value,
            "change": lambda v: t(f"waves.change.{v}"),
        },
    )


# --- the section -------------------------------------------------------------------------------


def _read_only(opened: state.OpenWorkspace, labels: dict[str, str], key: str) -> None:
    """A view-only link: the team's actions as they stand, and their before/after."""
    st.caption(t("actions.view_only"))
    stored = _stored(opened.id)
    if stored is None:
        return
    st.data_editor(
        _editor_frame(stored),
        key=f"{key}_view_{opened.tag}",
        disabled=True,
        hide_index=True,
        column_order=list(FIELDS),
        column_config=_column_config(labels),
        width="stretch",
    )
    _before_after(opened, stored, labels)


def section(loaded: data.Loaded, *, key: str = "gaps_actions") -> None:
    """The Gaps page's corrective actions: the editor, its conflicts, the before/after."""
    st.subheader(t("actions.heading"))
    st.caption(t("actions.caption"))
    labels = widgets.touchpoint_labels(loaded)
    opened = state.workspace()
    if opened is None:
        st.info(t("actions.no_workspace"))
        if st.button(t("actions.start"), key=f"{key}_start", icon=":material/add_task:"):
            try:
                workspaces.ensure_workspace()
            except MotError as exc:
                st.error(widgets.md_message(exc))
                return
            st.rerun()
        return
    if not opened.can_edit:
        _read_only(opened, labels, key)
        return
    found = _editing(opened.id)
    if found is None:
        return
    editing, moved_on = found
    _conflicts(key, editing, labels)
    edited = st.data_editor(
        _editor_frame(editing.base),
        key=_editor_key(key, editing),
        num_rows="dynamic",
        hide_index=True,
        column_order=list(FIELDS),
        column_config=_column_config(labels),
        width="stretch",
    )
    pressed = st.button(
        t("actions.save"), key=f"{key}_save", type="primary", icon=":material/save:"
    )
    # The browser sends a cell's last edit a moment after it commits it: a click on Save
    # right after typing can arrive first, find nothing to save, and ask again here.
    late = editing.save_asked is not None and time.monotonic() - editing.save_asked < LATE_EDIT
    unsaved = _pending(key, editing)
    if pressed or (late and unsaved):
        _save(editing, edited, labels)
    elif unsaved:
        st.caption(t("actions.unsaved", n=number(unsaved, 0)))
    if moved_on and not editing.conflicts:  # below the button: nothing above it moves
        st.info(t("actions.moved_on"), icon=":material/group:")
        if st.button(t("actions.reload"), key=f"{key}_reload", icon=":material/refresh:"):
            _settle(editing, [])
            st.rerun()
    _before_after(opened, editing.base, labels)


def for_report() -> ForReport | None:
    """The workspace's actions for the report (None: no workspace, no action, no store)."""
    opened = state.workspace()
    if opened is None:
        return None
    try:
        found = tuple(workspaces.actions(opened.id))
    except MotError:
        return None
    if not found:
        return None
    effects = None
    try:
        effects = _effects(opened, found)
    except MotError:
        effects = None
    key = ",".join(f"{a.id}:{a.version}" for a in found)
    return ForReport(
        actions_frame(found), effects if effects is not None and len(effects) else None, key
    )
