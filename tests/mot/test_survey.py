"""From files to tidy tables: mapping applied, scales normalised, problems reported."""

import io
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mot.errors import UnreadableFileError
from mot.journey import journey_from_dict
from mot.mapping import mapping_from_dict, suggest_mapping
from mot.survey import build_survey, load_survey, validate_survey

ROOT = Path(__file__).resolve().parents[2]
REALDATA = ROOT.parent / "shared" / "realdata" / "survey"
REAL_FILES = sorted(p for p in REALDATA.rglob("*") if p.is_file()) if REALDATA.is_dir() else []


def csv_bytes(text: str) -> bytes:
    return text.strip().encode("utf-8") + b"\n"


FIVE = csv_bytes(
    """
ResponseId,FMOT_expected,FMOT_experienced,TMOT_emocion,recomendacion,device
R1,3,5,-3,10,mobile
R2,4,4,0,9,desktop
R3,5,3,3,6,mobile
R4,2,5,1,0,desktop
R5,1,2,-1,8,mobile
"""
)


def test_five_respondents_on_paper():
    survey = load_survey(FIVE, name="five.csv")
    r = survey.ratings
    assert survey.n_respondents == 5
    assert r["respondent_id"].dtype == "category"
    assert list(r["touchpoint"].cat.categories) == ["ZMOT", "FMOT", "SMOT", "TMOT", "UMOT"]
    fmot_exp = r[(r.touchpoint == "FMOT") & (r.measure == "experienced")]
    # 1–5 scale (pooled over FMOT_expected and FMOT_experienced): 100·(x−1)/4
    assert fmot_exp["value"].tolist() == [100, 75, 50, 100, 25]
    assert fmot_exp["top_box"].tolist() == [True, True, False, True, False]
    emotion = r[r.measure == "emotion"]["value"].round(4).tolist()
    # −3..+3 bipolar: 100·x/3
    assert emotion == [-100, 0, 100, 33.3333, -33.3333]
    assert survey.respondents["recommend"].tolist() == [10, 9, 6, 0, 8]
    assert survey.respondents["device"].tolist() == [
        "mobile",
        "desktop",
        "mobile",
        "desktop",
        "mobile",
    ]
    assert survey.segments == ("device",)
    assert survey.outcomes == ("recommend",)
    assert not survey.report.has_errors
    assert any("suggested column mapping" in e.problem for e in survey.report.warnings)


def test_bad_cells_are_reported_with_row_and_column_and_good_cells_kept():
    data = csv_bytes(
        """
ResponseId,FMOT_experienced,TMOT_experienced
R1,5,2
R2,no sé,9
R3,bien,3
R1,4,4
,3,Muy satisfecho
"""
    )
    survey = load_survey(
        data,
        name="bad.csv",
        mapping=mapping_from_dict(
            {
                "columns": [
                    {"column": "ResponseId", "role": "respondent_id"},
                    {
                        "column": "FMOT_experienced",
                        "role": "rating",
                        "touchpoint": "FMOT",
                        "measure": "experienced",
                        "scale": "1-5",
                    },
                    {
                        "column": "TMOT_experienced",
                        "role": "rating",
                        "touchpoint": "TMOT",
                        "measure": "experienced",
                        "scale": "1-5",
                    },
                ]
            }
        ),
    )
    report = survey.report.to_frame()
    by_place = {(r.row, r.column): r for r in report.itertuples()}
    # File rows: header is row 1, so R1 is row 2.
    assert by_place[(3, "FMOT_experienced")].severity == "warning"  # no sé: don't know
    assert by_place[(3, "TMOT_experienced")].severity == "error"  # 9 off 1–5
    assert "outside the 1-5 scale" in by_place[(3, "TMOT_experienced")].problem
    assert by_place[(4, "FMOT_experienced")].severity == "error"  # bien: not a number
    assert "appears again (first at row 2)" in by_place[(5, "ResponseId")].problem
    assert by_place[(6, "ResponseId")].severity == "warning"  # empty id, row kept
    assert survey.n_respondents == 4  # the repeated R1 is left out, the empty id kept
    values = survey.ratings.groupby(["respondent_id", "touchpoint"], observed=True)["value"]
    kept = values.first().to_dict()
    assert kept[("R1", "FMOT")] == 100 and kept[("R1", "TMOT")] == 25
    assert ("R2", "TMOT") not in kept and ("R3", "FMOT") not in kept
    assert kept[("row_6", "TMOT")] == 100  # "Muy satisfecho" → 5 on 1–5
    assert survey.report.has_errors


def test_no_id_column_numbers_respondents_by_row():
    survey = load_survey(csv_bytes("FMOT_experienced\n3\n4"), name="x.csv")
    assert survey.respondents["respondent_id"].tolist() == ["row_2", "row_3"]
    assert any("respondent id" in e.problem for e in survey.report.warnings)


def test_reverse_coded_item_and_declared_scale():
    mapping = mapping_from_dict(
        {
            "columns": [
                {"column": "id", "role": "respondent_id"},
                {
                    "column": "wait",
                    "role": "rating",
                    "touchpoint": "TMOT",
                    "measure": "experienced",
                    "scale": "1-7",
                    "reverse": True,
                },
            ]
        }
    )
    survey = load_survey(csv_bytes("id,wait\na,1\nb,7\nc,4"), name="w.csv", mapping=mapping)
    # reverse on 1–7: x' = 8 − x → 7, 1, 4 → 100, 0, 50
    assert survey.ratings["value"].tolist() == [100, 0, 50]


def test_mapping_naming_missing_columns_and_unknown_touchpoints():
    mapping = mapping_from_dict(
        {
            "columns": [
                {"column": "id", "role": "respondent_id"},
                {"column": "gone", "role": "segment"},
                {
                    "column": "lobby",
                    "role": "rating",
                    "touchpoint": "lobby",
                    "measure": "experienced",
                },
            ]
        }
    )
    survey = load_survey(csv_bytes("id,lobby,extra\na,1,x\nb,5,y"), name="m.csv", mapping=mapping)
    problems = " ".join(e.problem for e in survey.report.entries)
    assert "no such column" in problems
    assert "not in the journey" in problems
    assert "not in the mapping" in problems
    assert "nothing to score" in problems


def test_custom_journey_columns():
    hotel = journey_from_dict({"touchpoints": [{"id": "booking"}, {"id": "check_in"}]})
    data = csv_bytes("guest,booking_expectativa,check_in_vivida\ng1,4,2\ng2,5,3")
    survey = load_survey(data, name="hotel.csv", journey=hotel)
    assert set(survey.ratings["touchpoint"].astype(str)) == {"booking", "check_in"}
    assert list(survey.ratings["touchpoint"].cat.categories) == ["booking", "check_in"]


def test_tidy_input_loads_directly():
    data = csv_bytes(
        """
respondent_id,touchpoint,measure,value
a,FMOT,experienced,4
a,FMOT,expectativa,5
a,TMOT,emotion,-2
a,,recommend,9
b,FMOT,experienced,2
b,lobby,experienced,3
b,FMOT,comment,Too slow
b,FMOT,banana,3
"""
    )
    survey = load_survey(data, name="tidy.csv")
    r = survey.ratings
    assert len(r) == 5
    assert set(r["measure"].astype(str)) == {"experienced", "anticipated", "emotion"}
    assert list(r["touchpoint"].cat.categories)[-1] == "lobby"  # added after the journey
    assert survey.respondents.set_index("respondent_id")["recommend"].to_dict()["a"] == 9
    assert survey.comments["comment"].tolist() == ["Too slow"]
    errors = survey.report.to_frame().query("severity == 'error'")
    assert errors["row"].tolist() == [9] and errors["column"].tolist() == ["measure"]


def test_spss_value_labels_become_segment_labels(tmp_path):
    import pyreadstat  # a runtime requirement: no reason to skip

    frame = pd.DataFrame(
        {
            "ResponseId": ["a", "b", "c"],
            "SMOT_experienced": [1.0, 4.0, 5.0],
            "gender": [1.0, 2.0, 1.0],
        }
    )
    path = tmp_path / "s.sav"
    pyreadstat.write_sav(
        frame, str(path), variable_value_labels={"gender": {1.0: "female", 2.0: "male"}}
    )
    survey = load_survey(path)
    assert survey.respondents["gender"].tolist() == ["female", "male", "female"]


def test_demo_survey_loads_clean():
    survey = load_survey(ROOT / "data" / "demo_survey.csv")
    assert survey.n_respondents >= 1900
    assert not survey.report.has_errors
    assert set(survey.measures) == {
        "anticipated",
        "experienced",
        "retrospective",
        "excellent",
        "importance",
        "emotion",
    }
    assert set(survey.outcomes) == {
        "recommend",
        "overall_satisfaction",
        "overall_retrospective",
        "repurchase",
    }
    assert {"device", "channel", "persona", "variant"} <= set(survey.segments)
    assert len(survey.comments) > 0
    assert survey.ratings["value"].between(-100, 100).all()


@pytest.mark.skipif(not REAL_FILES, reason="shared/realdata is not beside the repository")
@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.name)
def test_every_real_export_loads_or_is_refused_clearly(path):
    try:
        survey = load_survey(path)
    except UnreadableFileError as exc:
        assert path.name == "appledouble_survey.csv"
        assert "Export" in str(exc)
        return
    # Real exports carry no moment-of-truth columns: nothing to score, and it says how to map.
    assert survey.ratings.empty
    assert survey.n_respondents > 0
    assert any("nothing to score" in e.problem for e in survey.report.errors)
    mapping = survey.mapping.to_frame()
    assert not (mapping["role"] == "rating").any()
    # Survey-tool metadata is never a rating or a segment.
    for meta in ("StartDate", "IPAddress", "LocationLatitude", "Duration (in seconds)"):
        if meta in set(mapping["column"]):
            assert mapping.set_index("column").loc[meta, "role"] == "ignore"


def test_qualtrics_respondents_keep_their_ids():
    if not REAL_FILES:
        pytest.skip("shared/realdata is not beside the repository")
    survey = load_survey(REALDATA / "sample.csv")
    assert survey.respondents["respondent_id"].str.startswith("R_").all()
    assert survey.respondents["row"].min() == 4  # three header rows


def test_validate_never_raises_for_unreadable_files():
    report = validate_survey(b"", name="empty.csv")
    assert report.has_errors
    report = validate_survey(b"\x00\x05\x07\xff" * 50, name="junk.csv")
    assert report.has_errors


def test_suggested_mapping_round_trips_and_reproduces_the_load(tmp_path):
    survey = load_survey(FIVE, name="five.csv")
    path = tmp_path / "m.json"
    path.write_text(json.dumps(survey.mapping.to_dict()), encoding="utf-8")
    again = load_survey(
        FIVE,
        name="five.csv",
        mapping=mapping_from_dict(json.loads(path.read_text(encoding="utf-8"))),
    )
    pd.testing.assert_frame_equal(again.ratings, survey.ratings)
    assert not any("suggested" in e.problem for e in again.report.entries)


cells = st.one_of(
    st.integers(-3, 12).map(str),
    st.sampled_from(["", "no sé", "N/A", "bien", "Muy satisfecho", "4,5", "x;y", '"q"']),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(cells, cells, cells), min_size=1, max_size=25))
def test_every_cell_problem_names_its_row_and_column(rows):
    lines = ["ResponseId,FMOT_experienced,TMOT_experienced,UMOT_experienced"]
    for i, row in enumerate(rows):
        quoted = ",".join('"' + c.replace('"', '""') + '"' for c in row)
        lines.append(f"R{i},{quoted}")
    data = ("\n".join(lines) + "\n").encode("utf-8")
    mapping = mapping_from_dict(
        {
            "columns": [{"column": "ResponseId", "role": "respondent_id"}]
            + [
                {
                    "column": f"{tp}_experienced",
                    "role": "rating",
                    "touchpoint": tp,
                    "measure": "experienced",
                    "scale": "1-5",
                }
                for tp in ("FMOT", "TMOT", "UMOT")
            ]
        }
    )
    survey = load_survey(data, name="p.csv", mapping=mapping)
    frame = pd.read_csv(pd.io.common.BytesIO(data), dtype=str, keep_default_na=False)
    for entry in survey.report.entries:
        if entry.column and entry.column.endswith("_experienced") and entry.row is not None:
            cell = frame.loc[entry.row - 2, entry.column]
            assert cell.strip() not in ("",)
            assert entry.fix
    # Every good cell is kept: on the 1–5 scale, a number in range or a label.
    kept = len(survey.ratings)
    good = sum(
        1
        for row in rows
        for c in row
        if (c.lstrip("-").isdigit() and 1 <= int(c) <= 5) or c in ("Muy satisfecho", "4,5")
    )
    assert kept == good
    assert np.isfinite(survey.ratings["value"]).all()


def test_suggestion_uses_question_text_from_qualtrics_headers():
    if not REAL_FILES:
        pytest.skip("shared/realdata is not beside the repository")
    from mot.io import read_table
    from mot.journey import default_journey

    raw = read_table(REALDATA / "sample.csv")
    mapping = suggest_mapping(raw.frame, default_journey(), labels=raw.labels)
    assert mapping.get("ResponseId").role == "respondent_id"


def test_ragged_rows_are_warnings_and_their_cells_kept():
    data = csv_bytes("ResponseId,FMOT_experienced,TMOT_experienced\nR1,5,2\nR2,4\nR3,3,3,9")
    survey = load_survey(data, name="ragged.csv")
    ragged = [e for e in survey.report.warnings if "number of fields" in e.problem]
    assert [e.row for e in ragged] == [3, 4]
    assert survey.n_respondents == 3
    r2 = survey.ratings[survey.ratings.respondent_id == "R2"]
    assert r2["touchpoint"].astype(str).tolist() == ["FMOT"]


# --- scale inference: nothing bent silently (issue 9) -----------------------------------------


def forty(fmot_cell_7: str, *, fmot=lambda i: 1 + i % 5, tmot=lambda i: 1 + (i * 2) % 5) -> bytes:
    """40 respondents rating FMOT and TMOT `experienced`; respondent R7 (file row 9) gets
    ``fmot_cell_7`` in FMOT_experienced."""
    lines = ["ResponseId,FMOT_experienced,TMOT_experienced"]
    for i in range(40):
        cell = fmot_cell_7 if i == 7 else str(fmot(i))
        lines.append(f"R{i},{cell},{tmot(i)}")
    return csv_bytes("\n".join(lines))


def fmot(survey):
    r = survey.ratings
    return r[(r.touchpoint == "FMOT") & (r.measure == "experienced")]


@pytest.mark.parametrize("outlier", ["0", "11"])
def test_one_off_scale_cell_is_an_error_not_a_longer_scale(outlier):
    survey = load_survey(forty(outlier), name="outlier.csv")
    assert survey.mapping.get("FMOT_experienced").scale == "1-5"
    # By hand: the 39 other FMOT answers are 1 + i % 5, i ≠ 7; on 1–5 each is 25·(i % 5).
    # Σ(i % 5) over i = 0..39 is 8·10 = 80, minus 7 % 5 = 2 → 78; mean 100·78 / (4·39) = 50.
    # (Read as 0–10, as before, the mean was 30.)
    values = fmot(survey)["value"]
    assert len(values) == 39
    assert values.mean() == pytest.approx(50.0)
    errors = survey.report.to_frame().query("severity == 'error'")
    assert errors[["row", "column"]].values.tolist() == [[9, "FMOT_experienced"]]
    assert f"{outlier} is outside the 1-5 scale" in errors["problem"].iloc[0]
    assumed = [e.problem for e in survey.report.warnings if e.problem.startswith("Scale of")]
    assert assumed == [
        "Scale of `experienced` (FMOT_experienced, TMOT_experienced): 1-5, read from the "
        "values: 79 of 80 lie on 1-5 and reach both ends; the 1 value(s) off it are reported "
        "as errors, cell by cell."
    ]


def test_a_7_point_item_answered_only_3_to_5_is_flagged_for_confirmation():
    data = forty("4", fmot=lambda i: 3 + i % 3, tmot=lambda i: 3 + (i * 2) % 3)
    survey = load_survey(data, name="short.csv")
    # Nothing says the scale: 1–5 is assumed, and the report says so and what else fits.
    assert survey.mapping.get("FMOT_experienced").scale == "1-5"
    (assumption,) = survey.scale_assumptions
    assert assumption.target == "experienced" and assumption.guess.needs_confirmation
    (entry,) = [e for e in survey.report.warnings if e.problem.startswith("Scale of")]
    assert "1-5 assumed from the values, which only span 3 to 5" in entry.problem
    assert "1-7, 1-10, 0-10, -5..5 also hold them" in entry.problem
    assert entry.fix.startswith("Confirm the scale: choose it under “Scale of each measure”")
    # Once the user declares 1–7, a 5 is 100·(5−1)/6 = 66.7, not 100, and not top box.
    declared = mapping_from_dict(
        {
            "columns": [
                {"column": "ResponseId", "role": "respondent_id"},
                *(
                    {
                        "column": f"{tp}_experienced",
                        "role": "rating",
                        "touchpoint": tp,
                        "measure": "experienced",
                        "scale": "1-7",
                    }
                    for tp in ("FMOT", "TMOT")
                ),
            ]
        }
    )
    again = load_survey(data, name="short.csv", mapping=declared)
    assert again.scale_assumptions == ()
    assert not any(e.problem.startswith("Scale of") for e in again.report.entries)
    fives = fmot(again)[fmot(again)["value"] > 60]
    assert fives["value"].round(2).unique().tolist() == [66.67]
    assert not fives["top_box"].any()


def test_question_text_and_value_labels_state_the_scale_before_the_values():
    from mot.io import RawTable

    frame = pd.read_csv(io.BytesIO(forty("4", fmot=lambda i: 3 + i % 3, tmot=lambda i: 3)))
    raw = RawTable(
        frame,
        labels={"FMOT_experienced": "Del 1 al 7, ¿cómo fue la primera impresión?"},
        value_labels={"TMOT_experienced": {k: f"label {k}" for k in range(1, 11)}},
        name="stated.csv",
    )
    survey = build_survey(raw)
    assert survey.mapping.get("FMOT_experienced").scale == "1-7"
    assert survey.mapping.get("TMOT_experienced").scale == "1-10"
    evidence = {a.columns: a.guess.evidence for a in survey.scale_assumptions}
    assert evidence == {("FMOT_experienced",): "question", ("TMOT_experienced",): "value_labels"}
    assert not any(a.guess.needs_confirmation for a in survey.scale_assumptions)
    stated = {e.column: e.problem for e in survey.report.warnings if e.problem.startswith("Scale")}
    assert "1-7, named in the question text" in stated["FMOT_experienced"]
    assert "1-10, from the value labels" in stated["TMOT_experienced"]
    # 5 on 1–7 is 100·4/6; 3 on 1–10 is 100·2/9.
    assert fmot(survey)["value"].max() == pytest.approx(400 / 6)
    tmot = survey.ratings[survey.ratings.touchpoint == "TMOT"]["value"]
    assert tmot.unique().tolist() == [pytest.approx(200 / 9)]


@pytest.mark.parametrize("cell", ["inf", "1e309", "-inf", "nan"])
def test_a_non_finite_cell_is_an_error_and_the_column_stays(cell):
    survey = load_survey(forty(cell), name="inf.csv")
    assert survey.mapping.get("FMOT_experienced").scale == "1-5"
    errors = survey.report.to_frame().query("severity == 'error'")
    assert errors[["row", "column"]].values.tolist() == [[9, "FMOT_experienced"]]
    assert "No known scale" not in " ".join(errors["problem"])
    assert len(fmot(survey)) == 39, "every other FMOT answer is kept"
    assert fmot(survey)["value"].mean() == pytest.approx(50.0)  # as computed above


def test_a_hand_made_mapping_without_a_scale_states_each_columns_scale():
    mapping = mapping_from_dict(
        {
            "columns": [
                {"column": "ResponseId", "role": "respondent_id"},
                {
                    "column": "FMOT_experienced",
                    "role": "rating",
                    "touchpoint": "FMOT",
                    "measure": "experienced",
                },
                {
                    "column": "TMOT_experienced",
                    "role": "rating",
                    "touchpoint": "TMOT",
                    "measure": "experienced",
                    "scale": "1-5",
                },
            ]
        }
    )
    survey = load_survey(forty("1e309"), name="hand.csv", mapping=mapping)
    ((columns, scale),) = [(a.columns, a.guess.scale.name) for a in survey.scale_assumptions]
    assert (columns, scale) == (("FMOT_experienced",), "1-5")
    (entry,) = [e for e in survey.report.warnings if e.problem.startswith("Scale of")]
    assert entry.column == "FMOT_experienced"


def test_tidy_input_states_each_measures_scale():
    data = csv_bytes(
        "respondent_id,touchpoint,measure,value\n"
        + "".join(f"r{i},FMOT,experienced,{3 + i % 3}\n" for i in range(30))
    )
    survey = load_survey(data, name="tidy.csv")
    (entry,) = [e for e in survey.report.warnings if e.problem.startswith("Scale of")]
    assert entry.column == "value" and "1-5 assumed from the values" in entry.problem


def test_the_demo_states_every_scale_and_needs_no_confirmation():
    survey = load_survey(ROOT / "data" / "demo_survey.csv")
    scales = {a.target: a.guess.scale.name for a in survey.scale_assumptions}
    assert scales == {
        "anticipated": "1-7",
        "experienced": "1-7",
        "retrospective": "1-7",
        "excellent": "1-7",
        "importance": "1-5",
        "emotion": "-3..3",
        "recommend": "0-10",
        "overall_satisfaction": "1-5",
        "overall_retrospective": "0-10",
        "repurchase": "1-5",
    }
    assert not any(a.guess.needs_confirmation for a in survey.scale_assumptions)
    excellent = next(a for a in survey.scale_assumptions if a.target == "excellent")
    assert excellent.guess.like == ("anticipated", "experienced", "retrospective")


# --- text answers that are scale labels (issue 10) ------------------------------------------

LABELLED = csv_bytes(
    """
ResponseId,FMOT_experienced,SMOT_experienced,TMOT_experienced,UMOT_experienced
R1,Muy satisfecho,De acuerdo,Very satisfied,Very favorably
R2,Ni satisfecho ni insatisfecho,Muy de acuerdo,Satisfied,Somewhat favorably
R3,insatisfecho,"Ni de acuerdo, ni en desacuerdo",VERY DISSATISFIED,Very unfavorably
R4,MUY SATISFECHO.,En desacuerdo,Neutral,Neither favorably nor unfavorably (neutral)
"""
)


def _values(survey, touchpoint):
    r = survey.ratings
    rows = r[r.touchpoint == touchpoint].sort_values("respondent_id")
    return dict(zip(rows["respondent_id"].astype(str), rows["value"], strict=True))


def test_label_answers_map_onto_their_scale_with_no_declared_scale():
    survey = load_survey(LABELLED, name="labels.csv")
    # Before issue 10 every column was "left out: no known scale holds its cells".
    assert not survey.report.has_errors, survey.report.to_frame()
    # 5-point sets on 1–5 → 0–100: worst 0, then 25, 50, 75, best 100.
    assert _values(survey, "FMOT") == {"R1": 100, "R2": 50, "R3": 25, "R4": 100}
    assert _values(survey, "SMOT") == {"R1": 75, "R2": 100, "R3": 50, "R4": 25}
    assert _values(survey, "TMOT") == {"R1": 100, "R2": 75, "R3": 0, "R4": 50}
    assert _values(survey, "UMOT") == {"R1": 100, "R2": 75, "R3": 0, "R4": 50}
    assert survey.mapping.get("FMOT_experienced").scale == "1-5"
    (assumption,) = survey.scale_assumptions
    assert assumption.guess.evidence == "answer_labels"
    stated = [e.problem for e in survey.report.warnings if e.problem.startswith("Scale of")]
    assert "1-5, from the answer labels" in stated[0]


def test_label_answers_map_onto_a_declared_scale():
    mapping = mapping_from_dict(
        {
            "columns": [
                {"column": "ResponseId", "role": "respondent_id"},
                *(
                    {
                        "column": f"{tp}_experienced",
                        "role": "rating",
                        "touchpoint": tp,
                        "measure": "experienced",
                        "scale": "1-5",
                    }
                    for tp in ("FMOT", "SMOT", "TMOT", "UMOT")
                ),
            ]
        }
    )
    survey = load_survey(LABELLED, name="labels.csv", mapping=mapping)
    assert not survey.report.has_errors
    assert len(survey.ratings) == 16
    assert survey.ratings["top_box"].sum() == 8  # the best two labels of each column


def test_an_unknown_label_is_an_error_naming_the_cell_and_the_labels_understood():
    data = csv_bytes(
        """
ResponseId,FMOT_experienced,TMOT_experienced
R1,Muy satisfecho,3
R2,Bastante contento,4
R3,Satisfecho,5
R4,4,1
"""
    )
    survey = load_survey(data, name="unknown.csv")
    errors = survey.report.to_frame().query("severity == 'error'")
    assert errors[["row", "column"]].values.tolist() == [[3, "FMOT_experienced"]]
    entry = errors.iloc[0]
    assert "`Bastante contento` is not one of the answer labels" in entry["problem"]
    assert "satisfaction, 5 points, Spanish" in entry["problem"]
    understood = "Muy insatisfecho, Insatisfecho, Ni satisfecho ni insatisfecho, Satisfecho"
    assert understood in entry["fix"] and "1-5 scale" in entry["fix"]
    # The good cells stay, the number 4 among them.
    assert _values(survey, "FMOT") == {"R1": 100, "R3": 75, "R4": 75}


def test_a_tidy_table_of_labels():
    data = csv_bytes(
        """
respondent_id,touchpoint,measure,value
a,FMOT,experienced,Muy de acuerdo
b,FMOT,experienced,En desacuerdo
a,TMOT,experienced,Totalmente en desacuerdo
b,TMOT,experienced,Sí
"""
    )
    survey = load_survey(data, name="tidy.csv")
    assert _values(survey, "FMOT") == {"a": 100, "b": 25}
    errors = survey.report.to_frame().query("severity == 'error'")
    assert errors[["row", "column"]].values.tolist() == [[5, "value"]]
    assert "`Sí` is not one of the answer labels" in errors.iloc[0]["problem"]


def test_real_favourability_labels_of_a_surveymonkey_export():
    if not REAL_FILES:
        pytest.skip("shared/realdata is not beside the repository")
    from mot.io import read_table

    raw = read_table(REALDATA / "StarWars.csv")
    han = next(c for c in raw.frame.columns if str(c).endswith("- Han Solo"))
    mapping = mapping_from_dict(
        {
            "columns": [
                {"column": "RespondentID", "role": "respondent_id"},
                {"column": han, "role": "rating", "touchpoint": "FMOT", "measure": "experienced"},
            ]
        }
    )
    survey = build_survey(raw, mapping=mapping)
    assert not [e for e in survey.report.errors if e.column == han]
    counts = fmot(survey)["value"].value_counts().to_dict()
    # The file's counts: 114 "Very favorably", 22 "Somewhat favorably", 11 "Neither favorably
    # nor unfavorably (neutral)", 1 "Somewhat unfavorably"; 2 "Unfamiliar (N/A)" are missing.
    assert counts == {100.0: 114, 75.0: 22, 50.0: 11, 25.0: 1}


def test_an_unsure_suggestion_is_a_warning_naming_it_and_the_entry_that_confirms_it():
    from mot.io import read_table

    unsure = (  # a Qualtrics export with two header rows (names, question text)
        b"StartDate,ResponseId,Q1,Q2\n"
        b"Start Date,Response ID,How satisfied were you with search and delivery? (1-5),"
        b"How satisfied were you with the delivery? (1-5)\n"
        + b"".join(f"2026-03-01,R_{i},{1 + i % 5},{1 + (i * 3) % 5}\n".encode() for i in range(30))
    )
    survey = build_survey(read_table(unsure, name="unsure.csv"))
    (entry,) = [e for e in survey.report.entries if e.code == "mapping.unsure"]
    assert (entry.severity, entry.row, entry.column) == ("warning", None, "Q1")
    assert entry.problem == (
        "The question reads like a rating of touchpoint `ZMOT`, measure `experienced` (words "
        "matched: “search”, “satisfied”; it also names `TMOT`), but too unsurely to use it: the "
        "column is left out."
    )
    assert entry.problem_in("es").startswith(
        "La pregunta parece una valoración del punto de contacto `ZMOT`, medida `experienced` "
        "(palabras reconocidas: «search», «satisfied»; también nombra `TMOT`)"
    )
    confirm = {"column": "Q1", "role": "rating", "touchpoint": "ZMOT", "measure": "experienced"}
    assert json.loads(entry.params["entry"]) == confirm
    assert json.dumps(confirm, ensure_ascii=False) in entry.fix_in("es")
    assert "Q2" not in {e.column for e in survey.report.entries if e.code == "mapping.unsure"}
    # a mapping the user passes is the user's choice: nothing is flagged as unsure
    again = build_survey(read_table(unsure, name="unsure.csv"), mapping=survey.mapping)
    assert "mapping.unsure" not in {e.code for e in again.report.entries}


def test_an_unsure_rating_without_a_touchpoint_asks_for_the_touchpoint():
    from mot.io import read_table

    export = b"StartDate,ResponseId,Q3\nStart Date,Response ID,Rate your experience\n" + b"".join(
        f"2026-03-01,R_{i},{1 + i % 5}\n".encode() for i in range(30)
    )
    report = build_survey(read_table(export, name="q.csv")).report
    (entry,) = [e for e in report.entries if e.code == "mapping.unsure_no_touchpoint"]
    assert entry.column == "Q3"
    assert entry.problem.startswith(
        "The question reads like a rating, measure `experienced` (words matched: “Rate”, "
        "“experience”), but names no touchpoint surely enough"
    )
    assert '"touchpoint": "<touchpoint>"' in entry.fix and "--mapping" in entry.fix
    assert entry.fix_in("es").startswith("Si es una valoración, confírmalo")


def test_a_tidy_files_scale_column_states_each_measures_scale():
    from mot.survey import load_survey

    rows = ["respondent_id,touchpoint,measure,value,scale"]
    rows += [f"R{i},FMOT,experienced,{3 + i % 3},1-7" for i in range(12)]  # 3..5 only
    rows += [f"R{i},FMOT,emotion,{i % 3 - 1},from -3 to 3" for i in range(12)]  # −1..1 only
    survey = load_survey("\n".join(rows).encode(), name="tidy.csv")
    experienced = survey.ratings[survey.ratings["measure"] == "experienced"]["value"]
    assert sorted(set(experienced.round(4))) == [round(100 * (v - 1) / 6, 4) for v in (3, 4, 5)]
    emotion = survey.ratings[survey.ratings["measure"] == "emotion"]["value"]
    assert sorted(set(emotion.round(4))) == [round(100 * v / 3, 4) for v in (-1, 0, 1)]
    without = load_survey("\n".join(r.rsplit(",", 1)[0] for r in rows).encode(), name="t.csv")
    inferred = without.ratings[without.ratings["measure"] == "experienced"]["value"]
    assert sorted(set(inferred.round(4))) != sorted(set(experienced.round(4)))  # it mattered
