"""The warm-up of `python -m ui.serve` fills exactly what the landing page reads."""

from streamlit.testing.v1 import AppTest

from mot import charts
from ui import data, queries, serve

from .conftest import page_path


def test_warm_up_draws_the_landing_map_once_for_everyone(monkeypatch):
    for cached in (data._chart_spec_shared, queries._run_shared):
        cached.clear()
    calls = []
    original = charts.journey_map_chart

    def counting(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(charts, "journey_map_chart", counting)
    serve.warm()
    assert len(calls) == 1, "the warm-up builds the journey map"
    for _ in range(2):  # two sessions on the demo data
        at = AppTest.from_file(page_path("pages/overview.py"), default_timeout=120).run()
        assert not at.exception, at.exception
        assert len(list(at.get("vega_lite_chart"))) == 1
    assert len(calls) == 1, "the landing page reads the warmed spec, it does not rebuild it"


def test_an_upload_never_enters_the_shared_caches(monkeypatch, valid_upload):
    shared = []
    for module, name in ((data, "_chart_spec_shared"), (queries, "_run_shared")):
        monkeypatch.setattr(module, name, lambda *args, **kwargs: shared.append(args))
    at = AppTest.from_file(page_path("pages/overview.py"), default_timeout=120)
    at.session_state["dataset"] = valid_upload
    at.run()
    assert not at.exception, at.exception
    assert len(list(at.get("vega_lite_chart"))) == 1
    assert shared == []
