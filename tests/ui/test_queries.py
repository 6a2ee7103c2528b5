"""The typed query layer (ui.queries, ui.log_queries): signatures, canonical keys, caching."""

import inspect
import re
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from mot.io import read_table
from mot.survey import build_survey
from tests.conftest import ROOT
from ui import log_queries, queries
from ui.data import Loaded
from ui.state import DEMO_SURVEY


def _queries(module, kinds) -> dict[str, object]:
    return {n: v for n, v in vars(module).items() if isinstance(v, kinds)}


SURVEY = _queries(queries, queries.Query)
LOG = _queries(log_queries, log_queries.LogQuery)
LINKED = _queries(log_queries, log_queries.LinkedQuery)


def test_every_analysis_is_a_query_with_a_real_signature():
    assert {"utilities", "gaps", "drivers", "compare", "highlights", "nps"} <= set(SURVEY)
    assert {"funnel", "funnel_and_reach", "reach", "bounce", "trend", "segments"} <= set(LOG)
    assert set(LINKED) == {"link", "utilities_by_conversion", "repurchase"}
    for subjects, found in (
        (("loaded",), SURVEY),
        (("opened",), LOG),
        (("opened", "loaded"), LINKED),
    ):
        for name, query in found.items():
            signature = inspect.signature(query.compute)
            parameters = list(signature.parameters.values())
            assert tuple(p.name for p in parameters[: len(subjects)]) == subjects, name
            rest = parameters[len(subjects) :]
            assert all(p.kind is p.KEYWORD_ONLY for p in rest), f"{name}: keyword-only params"
            assert signature.return_annotation is not inspect.Signature.empty, name
            assert query.__doc__ and query.__name__ == name, name


def test_the_utilities_signature_reads_as_the_call_it_makes():
    signature = inspect.signature(queries.utilities)
    assert str(signature) == (
        "(loaded: 'Loaded', *, by: 'str | None' = None, ci: 'CiMethod' = 't') -> 'pd.DataFrame'"
    )


def test_a_call_spelt_two_ways_has_one_cache_key():
    compute = queries.utilities.compute
    short = queries.canonical(compute, 1, (None,), {})
    spelt = queries.canonical(compute, 1, (None,), {"ci": "t", "by": None})
    assert short == spelt == (("by", None), ("ci", "t"))
    steps = queries.canonical(log_queries.funnel.compute, 1, (None,), {"steps": ["a", "b"]})
    assert ("steps", ("a", "b")) in steps  # lists are hashed as tuples


def test_uncached_gives_what_the_library_gives():
    loaded = Loaded(build_survey(read_table(DEMO_SURVEY)), "demo")
    from mot.scoring import score_utilities

    pd.testing.assert_frame_equal(
        queries.utilities.uncached(loaded), score_utilities(loaded.survey.ratings)
    )
    assert queries.drivers.compute.__kwdefaults__["n_boot"] == queries.DRIVER_BOOTSTRAP


def _cached_twice():
    import streamlit as st

    from ui import data, queries

    calls = []
    original = queries.nps.compute

    def counting(loaded, *, by=None):
        calls.append(by)
        return original(loaded, by=by)

    query = queries.Query(counting)
    demo = data.current()  # the bundled demo: cached once for every session
    query(demo)
    query(demo, by=None)  # the same call spelt another way
    st.write(f"shared={demo.shared} calls={len(calls)}")
    upload = data.Loaded(demo.survey, "an upload", shared=False)  # cached for this session
    query(upload)
    query(upload)
    query(upload, by="channel")
    st.write(f"calls={len(calls)}")


def test_a_query_computes_once_per_session_and_key():
    at = AppTest.from_function(_cached_twice, default_timeout=120).run()
    assert not at.exception, at.exception
    assert [m.value for m in at.markdown] == ["shared=True calls=1", "calls=3"]


def test_no_analysis_is_looked_up_by_a_string_name():
    sources = [*Path(ROOT, "ui").rglob("*.py"), *Path(ROOT, "pages").glob("*.py")]
    sources.append(Path(ROOT, "app.py"))
    pattern = re.compile(r"\b(run|run_linked|log_get|c\.get)\(\s*\"\w+\"")
    offenders = [str(p) for p in sources if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_the_headline_facts_of_a_survey_of_emotions_alone_rest_on_the_curve():
    # No utility rating at all: the Overview's and the presenter view's facts still come,
    # from the curve (score_utilities alone would refuse the data).
    rows = ["ResponseId,FMOT_emocion,TMOT_emocion"]
    rows += [f"R{i},{2 + i % 2},{-3 + i % 2}" for i in range(30)]
    raw = read_table("\n".join(rows).encode(), name="feelings.csv")
    loaded = Loaded(build_survey(raw), "feelings")
    found = queries.highlights.uncached(loaded)
    assert found.best_touchpoint is None and found.end_touchpoint == "TMOT"
    facts = queries.facts.uncached(loaded)
    assert list(facts["touchpoint"].astype(str)) == ["FMOT", "TMOT"]
    assert facts["experienced"].isna().all() and facts["emotion"].iloc[0] > 0
