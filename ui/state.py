"""What this session is looking at, behind one small interface.

Pages read the dataset, language, display mode and filter through these functions and never
touch ``st.session_state`` keys of their own for them. Saved workspaces and shareable links
(a later step) will change how this module stores things, not the pages.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path

import streamlit as st

DEMO_SURVEY = Path(__file__).resolve().parents[1] / "data" / "demo_survey.csv"

# Widget keys owned by the shared sidebar (app.py); also the URL query parameters.
LANGUAGE_KEY = "lang"
LARGE_KEY = "large"
FILTER_SEGMENT_KEY = "filter_segment"
FILTER_VALUES_KEY = "filter_values"


@dataclass(frozen=True)
class DatasetChoice:
    """Which survey is loaded: the bundled demo, or an upload (its bytes and name), with the
    mapping and journey the user chose (JSON text; None = suggested / default)."""

    name: str
    content: bytes | None = None
    mapping_json: str | None = None
    journey_json: str | None = None

    @property
    def is_demo(self) -> bool:
        return self.content is None

    @property
    def key(self) -> str:
        """Identity of the data, mapping and journey: the cache key of everything derived."""
        digest = hashlib.sha256()
        for part in (self.name, self.mapping_json or "", self.journey_json or ""):
            digest.update(part.encode("utf-8") + b"\0")
        digest.update(self.content or b"demo")
        return digest.hexdigest()[:16]

    def with_mapping(self, mapping: dict | None) -> DatasetChoice:
        text = json.dumps(mapping, sort_keys=True, ensure_ascii=False) if mapping else None
        return replace(self, mapping_json=text)

    def with_journey(self, journey: dict | None) -> DatasetChoice:
        text = json.dumps(journey, sort_keys=True, ensure_ascii=False) if journey else None
        return replace(self, journey_json=text)


DEMO = DatasetChoice(name=DEMO_SURVEY.name)


def init() -> None:
    """Defaults of a new session (app.py calls it on every run)."""
    st.session_state.setdefault("dataset", DEMO)


def dataset() -> DatasetChoice:
    """The dataset of this session."""
    init()
    return st.session_state["dataset"]


def use_dataset(choice: DatasetChoice) -> None:
    """Switch this session to another dataset (and clear a filter that may not apply)."""
    st.session_state["dataset"] = choice
    st.session_state.pop(FILTER_SEGMENT_KEY, None)
    st.session_state.pop(FILTER_VALUES_KEY, None)


def language() -> str:
    """``"en"`` or ``"es"``."""
    value = st.session_state.get(LANGUAGE_KEY, "en")
    return value if value in ("en", "es") else "en"


def large_type() -> bool:
    """Large type for projectors."""
    return bool(st.session_state.get(LARGE_KEY, False))


def respondent_filter() -> tuple[str, tuple[str, ...]] | None:
    """The sidebar's filter: (segment column, values kept), or None for everyone."""
    segment = st.session_state.get(FILTER_SEGMENT_KEY)
    values = tuple(st.session_state.get(FILTER_VALUES_KEY) or ())
    if not segment or not values:
        return None
    return segment, values
