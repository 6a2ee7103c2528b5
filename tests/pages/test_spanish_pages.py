"""In Spanish, no page shows a sentence of the English catalogue.

Every page runs in Spanish on the demo data, on a survey file with validation problems and on
an event log with bad rows. Everything it shows is collected (titles, markdown, captions,
alerts, metrics, widget labels and options, tab and expander labels, table headers and text
cells, the validation rows) and searched for the English texts of both catalogues (the
interface's ``ui/catalog`` and the library's ``mot.messages``): every run of four words or
more between placeholders, unless the same words are also in the Spanish text of that key.
"""

from collections.abc import Iterable

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from mot import messages
from mot.io import read_table
from mot.survey import build_survey
from tests.conftest import ROOT
from tests.english import fragments, plain
from ui import report_builder
from ui.data import Loaded
from ui.i18n import strings
from ui.state import DatasetChoice, EventLogChoice

from .conftest import PAGES, page_path

# A wide export with a problem of most kinds: a repeated respondent, an empty id, a text that is
# not a rating, a value off the scale, a don't-know answer, a ragged row, a duplicate column
# name, a column that follows no convention, likelihood to recommend on 1-5 and a touchpoint
# with one answer.
PROBLEMS = b"""\
ResponseId,FMOT_experienced,TMOT_experienced,TMOT_experienced,Q7,recommend,SMOT_emocion
R1,5,3,4,x,4,2
R2,banana,2,3,y,5,
R3,9,4,2,z,3,
R1,3,no s\xc3\xa9,1,w,2,
,4,3,5,v,1,
R4,2,1,2,u,2,,extra
R5,1,5,5,t,5,
"""

# An event log with a row of every problem: no user, no event name, no time stamp, an
# unreadable one and one out of range.
BAD_LOG = b"""user,time,action
u1,2026-03-02T10:00:00Z,landing
u1,2026-03-02T10:01:00Z,product_view
u1,2026-03-02T10:05:00Z,purchase
u2,2026-03-03T09:00:00Z,landing
,2026-03-03T09:02:00Z,product_view
u2,2026-03-04T09:00:00Z,
u3,,landing
u3,not a date,landing
u4,1970-01-01T00:00:00Z,landing
"""


def english_fragments() -> dict[str, str]:
    """Fragment → the catalogue key it comes from, over both catalogues."""
    pairs = [(key, en, es) for key, (en, es) in strings().items()]
    pairs += [(f"mot.{code}", en, es) for code, (en, es) in messages.TEXTS.items()]
    for code, (problem_en, problem_es, fix_en, fix_es) in messages.ENTRIES.items():
        pairs += [(f"mot.{code}", problem_en, problem_es), (f"mot.{code}.fix", fix_en, fix_es)]
    return {fragment: key for key, en, es in pairs for fragment in fragments(en, es)}


def _proto_strings(value, out: list[str]) -> None:
    """Every string inside a protobuf message (bytes, such as Arrow tables, left out)."""
    if isinstance(value, str):
        out.append(value)
    elif hasattr(value, "ListFields"):
        for _, field_value in value.ListFields():
            _proto_strings(field_value, out)
    elif hasattr(value, "values") and callable(value.values):  # a map field
        for item in value.values():
            _proto_strings(item, out)
    elif isinstance(value, Iterable) and not isinstance(value, bytes):  # a repeated field
        for item in value:
            _proto_strings(item, out)


def shown_texts(at: AppTest) -> list[str]:
    """Every string of every element and block of the page, and the tables' headers and
    text cells."""
    out: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ListFields"):
            _proto_strings(proto, out)
        if getattr(node, "type", None) == "arrow_data_frame" or type(node).__name__ == "Dataframe":
            frame = node.value
            if isinstance(frame, pd.DataFrame):
                out.extend(map(str, frame.columns))
                for column in frame.columns:
                    out.extend(v for v in frame[column].tolist() if isinstance(v, str))
        for child in (getattr(node, "children", None) or {}).values():
            walk(child)

    walk(at._tree)
    return out


def english_on(texts: list[str]) -> list[tuple[str, str]]:
    """The catalogue's English fragments found in ``texts``, with their keys."""
    shown = plain(" \n ".join(texts))
    return sorted(
        (key, fragment) for fragment, key in english_fragments().items() if fragment in shown
    )


def run_spanish(page: str, **state) -> AppTest:
    at = AppTest.from_file(page_path(page), default_timeout=180)
    at.session_state["lang"] = "es"
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def test_the_fragments_are_found_where_english_is_shown():
    # The check itself: an English sentence of either catalogue is caught, with its key.
    english = messages.entry_texts("respondent.no_id", {})[0]
    caught = english_on([f"Aviso: {english}", "Tus datos"])
    assert ("mot.respondent.no_id", plain(english).rstrip(".")) in caught
    assert english_on(["Conjunto de datos en uso: **demo**"]) == []
    assert "mot.respondent.no_id" not in dict(
        english_on([messages.entry_texts("respondent.no_id", {}, "es")[0]])
    )


SURVEY_CASES = {
    "demo": {},
    "problems": {"dataset": DatasetChoice(name="problemas.csv", content=PROBLEMS)},
}


@pytest.mark.parametrize("case", list(SURVEY_CASES))
@pytest.mark.parametrize("page", PAGES)
def test_a_spanish_page_shows_no_english_catalogue_sentence(page, case):
    at = run_spanish(page, **SURVEY_CASES[case])
    assert not at.exception, at.exception
    texts = shown_texts(at)
    assert texts, "the page shows something"
    assert english_on(texts) == []


@pytest.mark.parametrize("page", ["pages/data.py", "pages/behaviour.py"])
def test_an_event_log_with_bad_rows_is_described_in_spanish(page):
    at = run_spanish(page, event_log=EventLogChoice("registro.csv", BAD_LOG))
    assert not at.exception, at.exception
    texts = shown_texts(at)
    assert english_on(texts) == []
    if page == "pages/data.py":  # the rows left out, by problem, and how the log was read
        shown = " ".join(texts)
        assert "falta el id de usuario (columna `user`)" in shown
        assert "marca de tiempo fuera de rango (columna `time`" in shown
        assert "Marcas de tiempo `time`" in shown


def test_the_data_page_of_a_file_with_problems_lists_them_in_spanish():
    at = run_spanish("pages/data.py", **SURVEY_CASES["problems"])
    report = next(d.value for d in at.dataframe if "Cómo corregirlo" in d.value.columns)
    problems = " ".join(report["Problema"])
    assert "La persona `R1` aparece de nuevo (la primera vez en la fila 2)" in problems
    assert "`banana` no es un número de la escala" in problems
    assert "Las columnas 3 y 4 se llaman las dos `TMOT_experienced`" in problems
    assert "Aviso" in " ".join(report["Gravedad"])
    details = " ".join(c.value for c in at.caption)
    assert "1 fila de encabezado" in details and "codificación utf-8" in details
    assert "separador ',' (coma)" in details


def test_the_spanish_html_report_has_the_validation_report_in_spanish():
    loaded = Loaded(build_survey(read_table(PROBLEMS, name="problemas.csv")), "problems")
    built = report_builder.build_report(loaded, language="es", run=report_builder.direct)
    assert "Informe de validación" in built.sections
    html = built.html
    assert "no es un número de la escala" in html
    assert english_on([html]) == []
    english = report_builder.build_report(loaded, language="en", run=report_builder.direct)
    assert "is not a number on the" in english.html


def test_every_page_is_checked():
    assert {p for p in PAGES} == {str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py")}


def test_what_an_analysis_lacks_is_said_in_spanish():
    at = run_spanish("pages/gaps.py", **SURVEY_CASES["problems"])
    shown = " ".join(shown_texts(at))
    assert "Las brechas necesitan valoraciones de `anticipated` (lo esperado)" in shown
    assert "Gaps need" not in shown


@pytest.mark.parametrize("page", ["pages/data.py", "pages/overview.py"])
def test_a_file_that_cannot_be_read_is_refused_in_spanish(page, broken_upload):
    at = run_spanish(page, dataset=broken_upload)
    assert not at.exception, at.exception
    errors = " ".join(e.value for e in at.error)
    assert "`broken.csv` no es una tabla de texto (parecen datos binarios" in errors
    assert "Exporta de nuevo la encuesta" in errors
    assert english_on(shown_texts(at)) == []
