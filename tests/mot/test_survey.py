"""From files to tidy tables: mapping applied, scales normalised, problems reported."""

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
from mot.survey import load_survey, validate_survey

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
