from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def test_app_starts_on_the_demo_data_and_shows_scores():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Respondents"] == "2,000"
    assert metrics["NPS"] == "6.9"
    assert len(at.dataframe) == 1
    assert not at.error
