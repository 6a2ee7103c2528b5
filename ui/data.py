"""Cached calls into mot/: one place for ``st.cache_data``.

Uploads are cached per browser session (``scope="session"``) so that one user's data is
never served to another; the bundled demo is the same for everyone and cached globally.
"""

from __future__ import annotations

import streamlit as st

from mot.journey import default_journey, journey_from_dict
from mot.mapping import mapping_from_dict
from mot.scoring import score_utilities
from mot.survey import SurveyData, load_survey
from mot.wom import nps
from ui.state import DEMO_SURVEY, DatasetChoice


@st.cache_data(max_entries=2, show_spinner=False)
def _demo_survey() -> SurveyData:
    return load_survey(DEMO_SURVEY)


@st.cache_data(max_entries=4, scope="session", show_spinner="Loading the survey…")
def _uploaded_survey(
    content: bytes, name: str, mapping_json: str | None, journey_json: str | None
) -> SurveyData:
    import json

    journey = journey_from_dict(json.loads(journey_json)) if journey_json else default_journey()
    mapping = mapping_from_dict(json.loads(mapping_json)) if mapping_json else None
    return load_survey(content, name=name, journey=journey, mapping=mapping)


def survey(choice: DatasetChoice) -> SurveyData:
    """The loaded survey of this choice (raises MotError for an unreadable upload)."""
    if choice.is_demo:
        return _demo_survey()
    return _uploaded_survey(choice.content, choice.name, choice.mapping_json, choice.journey_json)


@st.cache_data(max_entries=8, scope="session", show_spinner=False)
def utilities(_survey: SurveyData, key: str):
    """Utilities per touchpoint (cached by ``key``, the dataset's identity)."""
    return score_utilities(_survey.ratings)


@st.cache_data(max_entries=8, scope="session", show_spinner=False)
def net_promoter(_survey: SurveyData, key: str):
    """NPS with its CI."""
    return nps(_survey.respondents)
