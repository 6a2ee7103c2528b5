"""The Data page's Workspace tab: the workspace shown and its link, save it under a name,
rename or delete it, share it with links that can be revoked (view-only or with edits), and
open one of the workspaces this browser created. Every change goes
through :mod:`ui.workspaces` (the store) and :mod:`ui.state` (the session and the link)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pandas as pd
import streamlit as st

from mot.errors import MotError
from ui import state, widgets, workspaces
from ui.data_tabs.survey_tab import TYPES
from ui.i18n import number, t


def _change(step: Callable[[], object]) -> bool:
    """Run a change of the store; say why when it fails. Whether it was done."""
    try:
        step()
    except MotError as exc:
        st.error(t("workspace.error", error=widgets.md_message(exc)))
        return False
    return True


def _current(shown: state.OpenWorkspace | None, days: str) -> None:
    if shown is None:
        st.info(t("workspace.none"), icon=":material/cloud_off:")
        return
    if shown.draft:
        st.info(t("workspace.draft", days=days), icon=":material/draft:")
    else:
        name = widgets.md_text(shown.name)
        st.success(t("workspace.named", name=name, days=days), icon=":material/cloud_done:")
    if shown.role == "view":
        st.info(t("workspace.view_only"), icon=":material/visibility:")
    elif shown.role == "edit":
        st.caption(t("workspace.edit_link"))
    st.caption(t("workspace.link"))
    st.code(workspaces.link(shown.link), language=None)
    st.caption(t("workspace.link_help" if shown.role == "owner" else "workspace.link_shared"))


def _save(shown: state.OpenWorkspace | None) -> None:
    suggested = shown.name if shown is not None else state.dataset().name
    left, right = st.columns([2, 1], vertical_alignment="bottom")
    name = left.text_input(
        t("workspace.name"), value=suggested, key=f"workspace_name_{shown.tag if shown else ''}"
    )
    clicked = right.button(
        t("workspace.save"), key="workspace_save", type="primary", help=t("workspace.save_help")
    )
    if clicked and _change(lambda: workspaces.save_as(name)):
        st.rerun()


def _rename_or_delete(shown: state.OpenWorkspace) -> None:
    if not shown.draft:
        left, right = st.columns([3, 1], vertical_alignment="bottom")
        name = left.text_input(
            t("workspace.new_name"), value=shown.name, key=f"workspace_rename_{shown.tag}"
        )
        if right.button(t("workspace.rename"), key="workspace_rename") and _change(
            lambda: workspaces.rename(name)
        ):
            st.rerun()
    if shown.role != "owner":
        return  # only the owner deletes it
    sure = st.checkbox(t("workspace.delete_confirm"), key=f"workspace_sure_{shown.tag}")
    if st.button(t("workspace.delete"), key="workspace_delete", disabled=not sure) and _change(
        workspaces.delete
    ):
        state.leave_notice(t("workspace.deleted", name=shown.name), done=True)
        st.rerun()


def mine_rows(found: list) -> pd.DataFrame:
    """This browser's workspaces as the tab lists them (name, kept as, last used)."""
    return pd.DataFrame(
        {
            t("workspace.name"): [w.name for w in found],
            t("workspace.col.kind"): [
                t("workspace.kind.draft" if w.draft else "workspace.kind.named") for w in found
            ],
            t("workspace.col.used"): [w.used_at.strftime("%Y-%m-%d %H:%M") for w in found],
        }
    )


def _add_wave(shown: state.OpenWorkspace) -> None:
    st.subheader(t("workspace.add_wave"))
    st.caption(t("workspace.add_wave_help"))
    upload = st.file_uploader(t("workspace.wave_file"), TYPES, key=f"workspace_wave_{shown.tag}")
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    label = left.text_input(t("workspace.wave_label"), key=f"workspace_wave_label_{shown.tag}")
    if not right.button(t("workspace.add_wave_button"), key="workspace_add_wave"):
        return
    if upload is None or not label.strip():
        st.warning(t("workspace.wave_missing"))
    elif _change(lambda: workspaces.add_wave(upload, label.strip())):
        state.leave_notice(t("workspace.wave_added", label=widgets.md_text(label)), done=True)
        st.rerun()


def _share(shown: state.OpenWorkspace) -> None:
    st.subheader(t("workspace.share"))
    st.caption(t("workspace.share_help"))
    left, right = st.columns(2)
    for column, role in ((left, "view"), (right, "edit")):
        if column.button(t(f"workspace.make.{role}"), key=f"workspace_make_{role}") and _change(
            lambda r=role: workspaces.make_link(r)
        ):
            state.leave_notice(t(f"workspace.made.{role}"), done=True)
            st.rerun()
    try:
        found = workspaces.links()
    except MotError as exc:
        st.error(t("workspace.unavailable", error=widgets.md_message(exc)))
        return
    if not found:
        return
    st.dataframe(link_rows(found), hide_index=True, key=f"workspace_links_{shown.tag}")
    live = {x.token: x for x in found if x.revoked_at is None}
    if not live:
        return
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    picked = left.selectbox(
        t("workspace.revoke_pick"),
        list(live),
        format_func=lambda token: _link_name(live[token]),
        key=f"workspace_revoke_pick_{len(found)}",
    )
    if right.button(t("workspace.revoke"), key="workspace_revoke") and _change(
        lambda: workspaces.revoke(picked)
    ):
        state.leave_notice(t("workspace.revoked"), done=True)
        st.rerun()


def _link_name(found: object) -> str:
    made = found.created_at.strftime("%Y-%m-%d %H:%M")
    return f"{t(f'workspace.role.{found.role}')} · {made} · …{found.token[-6:]}"


def link_rows(found: list) -> pd.DataFrame:
    """A workspace's shared links as the tab lists them (kind, made, state, address)."""
    return pd.DataFrame(
        {
            t("workspace.col.role"): [t(f"workspace.role.{x.role}") for x in found],
            t("workspace.col.made"): [x.created_at.strftime("%Y-%m-%d %H:%M") for x in found],
            t("workspace.col.state"): [
                t("workspace.link_live" if x.revoked_at is None else "workspace.link_revoked")
                for x in found
            ],
            t("workspace.col.address"): [workspaces.link(x.token) for x in found],
        }
    )


def _mine(shown: state.OpenWorkspace | None) -> None:
    st.subheader(t("workspace.mine"))
    st.caption(t("workspace.mine_caption"))
    try:
        found = workspaces.mine()
    except MotError as exc:
        st.error(t("workspace.unavailable", error=widgets.md_message(exc)))
        return
    if not found:
        st.caption(t("workspace.mine_none"))
        return
    st.dataframe(mine_rows(found), hide_index=True, key="workspace_mine_table")
    names = {w.id: w.name for w in found}
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    listed = hashlib.sha256(repr(sorted(names.items())).encode()).hexdigest()[:12]
    picked = left.selectbox(  # a key per list: a renamed workspace shows its new name
        t("workspace.pick"), list(names), format_func=names.get, key=f"workspace_pick_{listed}"
    )
    is_shown = shown is not None and picked == shown.id
    if right.button(t("workspace.open"), key="workspace_open", disabled=is_shown) and _change(
        lambda: workspaces.open_workspace(picked)
    ):
        st.rerun()


def render() -> None:
    """Draw the tab (an unreachable store is said, and the rest of the page goes on)."""
    st.caption(t("workspace.caption"))
    try:
        days = number(workspaces.retention_days(), 0)
    except MotError as exc:
        st.error(t("workspace.unavailable", error=widgets.md_message(exc)))
        return
    shown = state.workspace()
    _current(shown, days)
    _save(shown)
    if shown is not None and shown.can_edit:
        _rename_or_delete(shown)
        _add_wave(shown)
    if shown is not None and shown.role == "owner":
        _share(shown)
    _mine(shown)
