"""One clear empty state on every analysis page when the data lacks what the page needs.

A real export without moment-of-truth columns (``shared/realdata``) and a generated file
with an outcome, a segment and a comment but no touchpoint measure: every analysis page says
what is missing, lists the columns it found and links to the column mapping, and draws no
chart, no table and no "In plain words". Pages that need one measure or outcome more say
which one.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import REALDATA, ROOT
from ui.state import DatasetChoice

ANALYSIS_PAGES = ("overview", "utilities", "emotion", "gaps", "memory", "drivers", "report")
# An outcome (recomendacion → recommend), a segment, a number and a comment: no touchpoint.
NO_MEASURES = DatasetChoice(
    name="crm_export.csv",
    content=b"ResponseId,device,age,recomendacion,comentario\n"
    + b"".join(
        f"R{i},{'mobile' if i % 2 else 'desktop'},{20 + i},{i % 11},hola {i}\n".encode()
        for i in range(30)
    ),
)
REAL_EXPORT = REALDATA / "sample.csv"  # Qualtrics, 20 columns, no moment-of-truth column
needs_realdata = pytest.mark.skipif(
    not REAL_EXPORT.is_file(), reason="shared/realdata is not beside the repository"
)


def run_page(name: str, **state: object) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"{name}.py"), default_timeout=60)
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def shown_nothing_to_chart(at: AppTest) -> None:
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert not list(at.get("vega_lite_chart")), "no empty chart"
    assert not at.dataframe, "no empty table"
    assert not at.metric, "no empty cards"
    assert not at.subheader, "no section headings (no empty 'In plain words')"
    words = " ".join(m.value for m in [*at.info, *at.markdown, *at.caption])
    assert "Unknown measure" not in words and "`None`" not in words


def captions(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption)


@pytest.mark.parametrize("page", ANALYSIS_PAGES)
def test_a_file_without_touchpoint_measures_gets_one_empty_state(page):
    at = run_page(page, dataset=NO_MEASURES)
    shown_nothing_to_chart(at)
    assert len(at.info) == 1, [i.value for i in at.info]
    message = at.info[0].value
    assert message.startswith("**This file has no touchpoint measures**")
    assert "(respondents: 30)" in message
    assert "Columns in the file (5): ResponseId · device · age · recomendacion · comentario" in (
        captions(at)
    )
    assert "Map the columns on the Data page" in captions(at)  # the link, outside the app


@needs_realdata
@pytest.mark.parametrize("page", ANALYSIS_PAGES)
def test_a_real_export_without_moment_columns_gets_the_empty_state(page):
    choice = DatasetChoice(name=REAL_EXPORT.name, content=REAL_EXPORT.read_bytes())
    at = run_page(page, dataset=choice)
    shown_nothing_to_chart(at)
    assert at.info[0].value.startswith("**This file has no touchpoint measures**")
    # the first 12 of its 20 columns, as text, then how many more
    listed = "Columns in the file (20): StartDate · EndDate · Status · IPAddress · Progress"
    assert listed in captions(at)
    assert "RecipientEmail and 8 more" in captions(at)


@needs_realdata
def test_a_real_export_uploads_so_that_its_columns_can_be_mapped():
    # It was refused ("nothing to analyse"), and its columns could then never be mapped.
    at = run_page("data")
    at.file_uploader(key="data_upload").upload(REAL_EXPORT.name, REAL_EXPORT.read_bytes())
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    choice = at.session_state["dataset"]
    assert choice.name == "sample.csv"
    editor = at.data_editor(key=f"data_mapping_{choice.key}")
    assert "Q1" in set(editor.value["column"])  # the mapping table, where they are mapped


@pytest.mark.parametrize("page", ANALYSIS_PAGES)
def test_the_empty_state_speaks_spanish(page):
    at = run_page(page, dataset=NO_MEASURES, lang="es")
    shown_nothing_to_chart(at)
    message = at.info[0].value
    assert message.startswith("**Este archivo no tiene medidas de los puntos de contacto**")
    assert "(personas encuestadas: 30)" in message
    assert "Columnas del archivo (5): ResponseId · device" in captions(at)
    assert "Asignar las columnas en la página Datos" in captions(at)
    assert "touchpoint" not in message and "Columns in" not in captions(at)


def test_a_column_name_in_the_empty_state_is_text_not_markup_and_a_question_is_cut():
    question = "How satisfied were you with the delivery of your last order?"
    hostile = f"ResponseId,![x](http://evil.example/p.png),**bold**,{question}\nR1,a,b,c\n"
    at = run_page("overview", dataset=DatasetChoice(name="h.csv", content=hostile.encode()))
    assert not at.exception, at.exception
    listed = captions(at)
    assert "!\\[x\\](http:\u2060//evil.example/p.png)" in listed and "\\*\\*bold\\*\\*" in listed
    assert "How satisfied were you with the deliver…" in listed and question not in listed


# --- a page that needs one measure or outcome more ------------------------------------------

EMOTION_ONLY = DatasetChoice(
    name="feelings.csv",
    content=b"ResponseId,FMOT_emotion,TMOT_emotion\nR1,2,-1\nR2,1,-3\nR3,3,0\n",
)
IMPORTANCE_ONLY = DatasetChoice(
    name="weights.csv", content=b"ResponseId,FMOT_importance\nR1,3\nR2,4\nR3,5\n"
)
EXPERIENCED_ONLY = DatasetChoice(
    name="x.csv", content=b"ResponseId,FMOT_experienced\nR1,3\nR2,4\nR3,5\n"
)


@pytest.mark.parametrize(
    ("page", "dataset", "title"),
    [
        ("utilities", EMOTION_ONLY, "No anticipated, experienced or remembered ratings"),
        ("emotion", IMPORTANCE_ONLY, "No emotion ratings"),
        ("memory", IMPORTANCE_ONLY, "No emotion ratings"),
        ("memory", EXPERIENCED_ONLY, "No remembered rating"),
    ],
)
def test_a_page_names_the_measure_it_lacks(page, dataset, title):
    at = run_page(page, dataset=dataset)
    shown_nothing_to_chart(at)
    assert at.info[0].value.startswith(f"**{title}**")
    assert f"Columns in the file ({len(dataset.content.splitlines()[0].split(b','))})" in (
        captions(at)
    )


def test_drivers_without_outcome_or_segment_says_both_and_lists_the_columns_once():
    at = run_page("drivers", dataset=EXPERIENCED_ONLY)
    assert not at.exception, at.exception
    titles = [i.value.split("\n")[0] for i in at.info]
    assert titles == ["**No outcome to explain**", "**No segment to compare**"]
    assert captions(at).count("Columns in the file (2): ResponseId · FMOT_experienced") == 1
    assert not list(at.get("vega_lite_chart")) and not at.dataframe


def test_a_filter_that_keeps_no_rating_says_so():
    # desktop respondents answered nothing: the file has measures, the filtered view none
    content = b"ResponseId,device,FMOT_experienced\n" + b"".join(
        f"R{i},{'mobile' if i % 2 else 'desktop'},{3 + i % 3 if i % 2 else ''}\n".encode()
        for i in range(20)
    )
    dataset = DatasetChoice(name="half.csv", content=content)
    at = run_page("overview", dataset=dataset, filter_segment="device", filter_values=["desktop"])
    shown_nothing_to_chart(at)
    assert at.info[0].value.startswith("**The respondents kept by the filter rated no touchpoint**")
    assert "(10)" in at.info[0].value
