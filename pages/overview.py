# Overview: respondents, NPS and the three utilities per touchpoint on the current dataset.
import streamlit as st

from mot.errors import MotError
from ui import data, state

choice = state.dataset()
st.title("Moments of truth — overview")

try:
    survey = data.survey(choice)
except MotError as exc:
    st.error(str(exc))
    st.stop()

key = f"{choice.name}:{hash(choice.content)}"
left, right = st.columns(2)
left.metric("Respondents", f"{survey.n_respondents:,}")
try:
    score = data.net_promoter(survey, key).iloc[0]
    right.metric(
        "NPS",
        f"{score['score']:.1f}",
        help=f"95% CI {score['ci_low']:.1f} to {score['ci_high']:.1f}",
    )
except MotError as exc:
    right.info(str(exc))

st.subheader("Utilities per touchpoint (0–100, 95% CI)")
st.dataframe(data.utilities(survey, key), hide_index=True)
