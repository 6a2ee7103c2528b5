"""The Data page as a user meets it: upload, what was read, mapping, journey, report."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from ui import state

from .conftest import BROKEN, VALID_EXPORT, page_path

NO_EDITS = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


def data_page(**session) -> AppTest:
    at = AppTest.from_file(page_path("pages/data.py"), default_timeout=120)
    for key, value in session.items():
        at.session_state[key] = value
    return at.run()


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def tables(at: AppTest) -> list:
    """The survey tab's read-only tables in page order: the preview, then the report."""
    survey = at.tabs[0]
    return [d.value for d in survey.dataframe if d.editing_mode == "read_only"]


def edit(at: AppTest, editor: str, **edits) -> AppTest:
    """Seed the edit state of the keyed data editor of the current dataset."""
    at.session_state[f"{editor}_{at.session_state['dataset'].key}"] = {**NO_EDITS, **edits}
    return at


def test_renders_on_the_demo_data_in_english():
    at = data_page()
    assert not at.exception, at.exception
    assert not errors(at)
    assert at.title[0].value == "Your data"
    assert [tab.label for tab in at.tabs] == [
        "Survey",
        "Column mapping",
        "Journey",
        "Validation report",
        "Event log",
        "Workspace",  # issue 13: save, open, rename, delete workspaces
    ]
    shown = metrics(at)
    assert shown["Respondents"] == "2,000"
    assert (shown["Data rows"], shown["Columns"], shown["Header rows"]) == ("2,000", "46", "1")
    detected = " ".join(m.value for m in at.markdown)
    assert "Format: **CSV / text**" in detected
    assert "Encoding: **utf-8**" in detected
    assert "Delimiter: **comma ( , )**" in detected
    preview = tables(at)[0]
    assert list(preview.index) == list(range(2, 12)), "rows are numbered as in the file"
    assert at.data_editor(key=f"data_mapping_{state.DEMO.key}").value.shape == (
        46,
        9,
    )  # + the confidence (issue 10)
    assert at.button(key="data_demo").disabled, "already on the demo data"


def test_renders_in_spanish():
    at = data_page(lang="es")
    assert not at.exception, at.exception
    assert at.title[0].value == "Tus datos"
    assert [tab.label for tab in at.tabs] == [
        "Encuesta",
        "Asignación de columnas",
        "Recorrido",
        "Informe de validación",
        "Registro de eventos",
        "Espacio de trabajo",
    ]
    shown = metrics(at)
    assert shown["Personas encuestadas"] == "2.000"
    # 7 warnings before issue 9, plus one stating each of the demo's 10 scales.
    assert shown["Avisos"] == "17"
    assert at.button(key="data_apply_mapping").label == "Aplicar asignación"
    assert at.file_uploader(key="data_upload").label.startswith("Archivo de la encuesta")


def test_uploading_a_valid_export_switches_every_page_to_it():
    at = data_page()
    at.file_uploader(key="data_upload").upload("my_export.csv", VALID_EXPORT, "text/csv")
    at.run()
    assert not at.exception, at.exception
    assert not errors(at)
    assert at.session_state["dataset"].name == "my_export.csv"
    kept = at.session_state["dataset"]
    assert kept.content is None, "the upload is kept on disk, not in the session's memory"
    assert kept.path.read_bytes() == VALID_EXPORT
    assert metrics(at)["Respondents"] == "40"
    assert any("my_export.csv" in m.value for m in at.markdown)
    assert not at.button(key="data_demo").disabled


def test_a_new_upload_keeps_the_journey_the_user_defined():
    hotel = {"name": "Hotel", "touchpoints": [{"id": "FMOT_stay", "moment": "FMOT"}]}
    at = data_page(dataset=state.DEMO.with_journey(hotel))
    at.file_uploader(key="data_upload").upload("my_export.csv", VALID_EXPORT, "text/csv")
    at.run()
    chosen = at.session_state["dataset"]
    assert chosen.name == "my_export.csv"
    assert json.loads(chosen.journey_json)["name"] == "Hotel"


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [("junk.csv", BROKEN, "binary"), ("empty.csv", b"", "empty")],
)
def test_a_broken_upload_says_why_and_keeps_the_previous_dataset(name, content, says):
    at = data_page()
    at.file_uploader(key="data_upload").upload(name, content)
    at.run()
    assert not at.exception, at.exception
    (message,) = errors(at)
    assert name in message and says in message
    assert "still loaded" in message
    assert at.session_state["dataset"] == state.DEMO
    assert metrics(at)["Respondents"] == "2,000"
    at.run()
    assert at.session_state["dataset"] == state.DEMO, "a rerun does not load the file again"


def test_back_to_the_demo_data():
    at = data_page(dataset=state.DatasetChoice(name="my_export.csv", content=VALID_EXPORT))
    assert metrics(at)["Respondents"] == "40"
    at.button(key="data_demo").click().run()
    assert at.session_state["dataset"] == state.DEMO
    assert metrics(at)["Respondents"] == "2,000"


def test_a_broken_dataset_in_the_session_shows_the_fix_not_a_traceback():
    at = data_page(dataset=state.DatasetChoice(name="junk.csv", content=BROKEN))
    assert not at.exception, at.exception
    assert any("junk.csv" in e and "Export the survey again" in e for e in errors(at))
    assert at.file_uploader(key="data_upload"), "the user can still upload another file"


def test_editing_the_mapping_and_applying_changes_the_datasets_mapping():
    at = data_page()
    assert at.session_state["dataset"].mapping_json is None
    table = at.data_editor(key=f"data_mapping_{state.DEMO.key}").value
    device = int(table.index[table["column"] == "device"][0])
    edit(at, "data_mapping", edited_rows={device: {"role": "ignore"}})
    at.button(key="data_apply_mapping").click().run()
    assert not at.exception, at.exception
    assert not errors(at)
    columns = json.loads(at.session_state["dataset"].mapping_json)["columns"]
    assert {c["column"]: c["role"] for c in columns}["device"] == "ignore"
    assert {c["column"]: c["role"] for c in columns}["channel"] == "segment"


def test_a_scale_override_sets_every_column_of_the_measure():
    at = data_page()
    at.selectbox(key=f"data_scale_emotion_{state.DEMO.key}").set_value("-5..5")
    at.button(key="data_apply_mapping").click().run()
    columns = json.loads(at.session_state["dataset"].mapping_json)["columns"]
    emotion = {c["column"]: c["scale"] for c in columns if c.get("measure") == "emotion"}
    assert len(emotion) == 5
    assert set(emotion.values()) == {"-5..5"}
    importance = {c["scale"] for c in columns if c.get("measure") == "importance"}
    assert importance == {"1-5"}, "other measures keep their detected scale"


def test_an_invalid_mapping_edit_is_explained_and_not_applied():
    at = data_page()
    edit(at, "data_mapping", edited_rows={1: {"role": "rating"}})  # ResponseId, no measure
    at.button(key="data_apply_mapping").click().run()
    assert not at.exception, at.exception
    (message,) = errors(at)
    assert "ResponseId" in message and "needs a measure" in message
    assert at.session_state["dataset"].mapping_json is None


def test_a_mapping_file_can_be_loaded_and_a_bad_one_is_explained():
    at = data_page()
    uploader = at.file_uploader(key="data_mapping_file_upload")
    uploader.upload("mapping.json", b"{not json", "application/json")
    at.run()
    assert not at.exception, at.exception
    assert any("mapping.json" in e and "not valid JSON" in e for e in errors(at))
    assert at.session_state["dataset"] == state.DEMO
    mapping = {"columns": [{"column": "ResponseId", "role": "respondent_id"}]}
    at.file_uploader(key="data_mapping_file_upload").set_value(
        ("mine.json", json.dumps(mapping).encode(), "application/json")
    )
    at.run()
    assert not errors(at)
    assert json.loads(at.session_state["dataset"].mapping_json) == mapping


def test_duplicate_touchpoint_ids_are_explained_and_not_applied():
    at = data_page()
    edit(at, "data_journey", edited_rows={1: {"touchpoint": "ZMOT"}})
    at.button(key="data_apply_journey").click().run()
    assert not at.exception, at.exception
    (message,) = errors(at)
    assert "`ZMOT` appears twice" in message
    assert at.session_state["dataset"].journey_json is None


def test_renaming_and_reordering_touchpoints_applies_the_journey():
    at = data_page()
    edit(
        at,
        "data_journey",
        edited_rows={0: {"label_en": "Research", "position": 9}, 4: {"moment": ""}},
        added_rows=[{"touchpoint": "loyalty", "label_en": "Loyalty club", "position": 6}],
    )
    at.button(key="data_apply_journey").click().run()
    assert not at.exception, at.exception
    assert not errors(at)
    journey = json.loads(at.session_state["dataset"].journey_json)
    points = journey["touchpoints"]
    assert [tp["id"] for tp in points] == ["FMOT", "SMOT", "TMOT", "UMOT", "loyalty", "ZMOT"]
    assert points[-1]["label_en"] == "Research"
    assert points[3]["moment"] is None
    assert at.data_editor(key=f"data_journey_{at.session_state['dataset'].key}").value.shape[0] == 6


def test_the_report_lists_the_demos_dont_know_answers_with_their_rows():
    at = data_page()
    shown = metrics(at)
    # 7 warnings before issue 9, plus one stating each of the demo's 10 scales.
    assert (shown["Errors"], shown["Warnings"]) == ("0", "17")
    report = tables(at)[-1]
    dont_know = report[report["Problem"].str.contains("don't-know")]
    assert dict(zip(dont_know["Column"], dont_know["Row"], strict=True)) == {
        "ZMOT_importance": 274,
        "UMOT_sentimiento": 487,
        "SMOT - remembered": 518,
        "TMOT experiencia": 879,
        "satisfaccion_general": 999,
        "FMOT - anticipated": 1139,
    }
    assert set(report["Severity"]) == {"⚠️ Warning"}
    at.pills(key="data_severity").set_value("error").run()
    assert tables(at)[-1].empty


def test_a_journey_file_can_be_loaded():
    hotel = {"name": "Hotel", "touchpoints": [{"id": "booking"}, {"id": "stay", "moment": "TMOT"}]}
    at = data_page()
    at.file_uploader(key="data_journey_file_upload").upload(
        "hotel.json", json.dumps(hotel).encode(), "application/json"
    )
    at.run()
    assert not at.exception, at.exception
    journey = json.loads(at.session_state["dataset"].journey_json)
    assert journey["name"] == "Hotel"
    assert [tp["id"] for tp in journey["touchpoints"]] == ["booking", "stay"]
    editor = at.data_editor(key=f"data_journey_{at.session_state['dataset'].key}")
    assert list(editor.value["touchpoint"]) == ["booking", "stay"]


SHORT_SCALE = b"ResponseId,FMOT_experienced,TMOT_experienced\n" + b"".join(
    f"R{i},{3 + i % 3},{3 + (i * 2) % 3}\n".encode() for i in range(40)
)


def test_a_scale_only_the_answers_suggest_is_to_be_confirmed_and_can_be_picked():
    # Answers span 3–5 only: read as 1–5, but 1–7 (and others) fit as well.
    at = data_page(dataset=state.DatasetChoice(name="short.csv", content=SHORT_SCALE))
    assert not at.exception, at.exception
    (warning,) = [w.value for w in at.warning]
    assert "Confirm these scales" in warning
    assert "**Experienced**: read as **1-5** (answers 3 to 5); 1-7, 1-10, 0-10, -5..5" in warning
    assert "**Scale of each measure**" in warning
    assert [e.label for e in at.expander] == ["Scale of each measure"]
    key = at.session_state["dataset"].key
    at.selectbox(key=f"data_scale_experienced_{key}").set_value("1-7")
    at.button(key="data_apply_mapping").click().run()
    assert not at.exception, at.exception
    columns = json.loads(at.session_state["dataset"].mapping_json)["columns"]
    assert {c["scale"] for c in columns if c.get("measure") == "experienced"} == {"1-7"}
    assert not at.warning, "a declared scale needs no confirmation"


def test_the_scale_confirmation_speaks_spanish():
    at = data_page(lang="es", dataset=state.DatasetChoice(name="short.csv", content=SHORT_SCALE))
    (warning,) = [w.value for w in at.warning]
    assert "Confirma estas escalas" in warning and "leída como **1-5**" in warning
    assert "**Escala de cada medida**" in warning


def test_the_demo_asks_to_confirm_no_scale():
    at = data_page()
    assert not any("Confirm these scales" in w.value for w in at.warning)


LABELLED = (
    b"ResponseId,FMOT_experienced,TMOT_experienced\n"
    b"R1,Muy satisfecho,Very favorably\nR2,Satisfecho,Somewhat favorably\n"
    b"R3,Ni satisfecho ni insatisfecho,Very unfavorably\nR4,Muy contento,Neutral\n"
)


def test_label_answers_are_read_on_their_scale_and_an_unknown_one_is_named():
    # Issue 10: before, both columns were left out ("No known scale holds its cells").
    at = data_page(dataset=state.DatasetChoice(name="labels.csv", content=LABELLED))
    assert not at.exception, at.exception
    assert metrics(at)["Errors"] == "1"
    report = tables(at)[-1]
    assert not report["Problem"].str.contains("No known scale").any()
    (error,) = report[report["Severity"].str.contains("Error")].itertuples()
    assert (error.Row, error.Column) == (5, "FMOT_experienced")
    assert "`Muy contento` is not one of the answer labels" in error.Problem
    stated = report[report["Problem"].str.startswith("Scale of")]["Problem"]
    assert stated.str.contains("from the answer labels").all() and len(stated) == 1
    assert not any("Confirm these scales" in w.value for w in at.warning)
