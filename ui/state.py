"""What the user is looking at, kept behind one small interface.

Pages never touch ``st.session_state`` directly for the dataset: they call :func:`dataset`.
Saved workspaces and shareable links (later) replace this module's storage, not the pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

DEMO_SURVEY = Path(__file__).resolve().parents[1] / "data" / "demo_survey.csv"


@dataclass(frozen=True)
class DatasetChoice:
    """Which survey is loaded: the bundled demo, or an upload (its bytes and name)."""

    name: str
    content: bytes | None = None  # None: the bundled demo survey
    mapping_json: str | None = None
    journey_json: str | None = None

    @property
    def is_demo(self) -> bool:
        return self.content is None


def init() -> None:
    """Set the defaults of a new session (called once per run by app.py)."""
    st.session_state.setdefault("dataset", DatasetChoice(name=DEMO_SURVEY.name))
    st.session_state.setdefault("language", "en")


def dataset() -> DatasetChoice:
    """The dataset of this session."""
    init()
    return st.session_state["dataset"]


def use_dataset(choice: DatasetChoice) -> None:
    """Switch this session to another dataset."""
    st.session_state["dataset"] = choice
