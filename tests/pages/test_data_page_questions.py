"""The Data page on an export whose columns are named Q…: the mapping suggested from the
question text, why (the words matched) and how sure, in English and Spanish (issue 10)."""

import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.exports import columns, qualtrics_export
from ui import state

from .conftest import page_path

ES_EXPORT = qualtrics_export("es", n=120)
UNSURE = (  # a Qualtrics export with two header rows (names, question text)
    b"StartDate,ResponseId,Q1,Q2\n"
    b"Start Date,Response ID,How satisfied were you with search and delivery? (1-5),"
    b"How satisfied were you with the delivery? (1-5)\n"
    + b"".join(f"2026-03-01,R_{i},{1 + i % 5},{1 + (i * 3) % 5}\n".encode() for i in range(30))
)
NO_EDITS = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


def data_page(**session) -> AppTest:
    at = AppTest.from_file(page_path("pages/data.py"), default_timeout=120)
    for key, value in session.items():
        at.session_state[key] = value
    return at.run()


def mapping_table(at: AppTest):
    return at.data_editor(key=f"data_mapping_{at.session_state['dataset'].key}").value


def uploaded(language: str = "en") -> AppTest:
    at = data_page(lang=language)
    at.file_uploader(key="data_upload").upload("qualtrics_es.csv", ES_EXPORT, "text/csv")
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def test_an_uploaded_q_numbered_export_shows_the_suggestions_and_why():
    at = uploaded()
    assert at.session_state["dataset"].name == "qualtrics_es.csv"
    assert {m.label: m.value for m in at.metric}["Header rows"] == "3"
    table = mapping_table(at).set_index("column")
    assert list(table.columns) == [
        "role", "touchpoint", "measure", "scale", "confidence", "why", "outcome", "reverse",
    ]  # fmt: skip
    truth = [c for c in columns("es") if c.role == "rating"]
    right = sum(
        tuple(table.loc[c.name, ["role", "touchpoint", "measure", "scale"]])
        == (c.role, c.touchpoint, c.measure, c.scale)
        for c in truth
    )
    assert right / len(truth) >= 0.9
    row = table.loc["Q2_4"]  # "Antes de comprar, ¿qué esperaba…? (1-7) - Entrega del pedido"
    assert (row["touchpoint"], row["measure"], row["confidence"]) == ("TMOT", "anticipated", "high")
    assert row["why"] == "Question: touchpoint “Entrega” · measure “esperaba” · scale “1-7”"
    assert table.loc["Q18", "why"] == "Question: outcome “recomiende” · scale “0-10”"
    assert table.loc["StartDate", "why"] == "Survey-tool metadata"
    assert not at.warning, "nothing unsure in this export"


def test_the_why_names_the_answer_labels_a_scale_comes_from():
    from mot.journey import default_journey
    from mot.mapping import suggest_mapping
    from ui import mapping_table

    frame = pd.DataFrame({"Q3": ["Muy satisfecho", "Satisfecho", "Muy insatisfecho"] * 4})
    labels = {"Q3": "¿Qué tan satisfecho quedó con la entrega?"}
    mapping = suggest_mapping(frame, default_journey(), labels=labels)
    why = mapping_table.table(mapping, default_journey(), "es").loc[0, "why"]
    assert why == (
        "Pregunta: punto de contacto «entrega» · medida «satisfecho» · escala según las "
        "etiquetas de respuesta «Muy insatisfecho», «Muy satisfecho»"
    )


def test_the_why_and_the_confidence_speak_spanish():
    at = uploaded("es")
    table = mapping_table(at).set_index("column")
    row = table.loc["Q2_4"]
    assert row["why"] == "Pregunta: punto de contacto «Entrega» · medida «esperaba» · escala «1-7»"
    assert row["confidence"] == "alta"
    assert table.loc["Q1", "why"] == "Pocas respuestas de texto distintas"
    english = uploaded("en")
    assert set(mapping_table(english)["why"]).isdisjoint(set(table["why"]))
    assert set(mapping_table(english)["confidence"].dropna()).isdisjoint(table["confidence"])


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_unsure_suggestion_is_flagged_not_applied_and_one_edit_accepts_it(language):
    at = data_page(lang=language, dataset=state.DatasetChoice(name="unsure.csv", content=UNSURE))
    assert not at.exception, at.exception
    (warning,) = [w.value for w in at.warning if "Q1" in w.value]
    assert ("too unsurely" if language == "en" else "sin seguridad") in warning
    table = mapping_table(at)
    q1 = table.index[table["column"] == "Q1"][0]
    assert tuple(table.loc[q1, ["role", "touchpoint", "measure"]]) == (
        "ignore",
        "ZMOT",
        "experienced",
    )
    assert table.loc[q1, "confidence"] == ("low" if language == "en" else "baja")
    assert table.loc[q1, "why"].startswith(
        "Not applied, unsure: Zero moment of truth · Experienced?"
        if language == "en"
        else "Sin aplicar, dudosa: ¿Momento cero de la verdad · Vivida?"
    )
    at.session_state[f"data_mapping_{at.session_state['dataset'].key}"] = {
        **NO_EDITS,
        "edited_rows": {int(q1): {"touchpoint": "TMOT", "role": "rating"}},
    }
    at.button(key="data_apply_mapping").click().run()
    assert not at.exception, at.exception
    chosen = {
        c["column"]: c for c in json.loads(at.session_state["dataset"].mapping_json)["columns"]
    }
    assert (chosen["Q1"]["role"], chosen["Q1"]["touchpoint"], chosen["Q1"]["measure"]) == (
        "rating",
        "TMOT",
        "experienced",
    )
    assert chosen["Q1"]["reason"] == "edited" and "confidence" not in chosen["Q1"]
    # the untouched suggestion keeps its reason, confidence and the words it rests on
    assert (chosen["Q2"]["reason"], chosen["Q2"]["confidence"]) == ("question", "high")
    assert chosen["Q2"]["evidence"]["touchpoint_words"] == ["delivery"]
    table = mapping_table(at).set_index("column")
    assert table.loc["Q1", "why"] == ("Set by you" if language == "en" else "Elegido por ti")
    assert not [w for w in at.warning if "Q1" in w.value], "no longer unsure"
