"""The command line, run as a user runs it: a subprocess, exit codes, printed output."""

import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from tests.conftest import REALDATA, ROOT

# Slow (`make test` runs them, `make test-fast` does not):
# whole-process runs of the CLI.
pytestmark = pytest.mark.slow

DEMO = ROOT / "data" / "demo_survey.csv"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mot", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_validate_clean_file_exits_0():
    result = run("validate", DEMO)
    assert result.returncode == 0, result.stderr
    assert "0 error(s)" in result.stdout
    assert "row 274" in result.stdout  # the planted `no sé` is a warning with its row
    assert "Traceback" not in result.stderr


def test_validate_errors_exit_1_and_name_row_and_column(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("ResponseId,FMOT_experienced\nR1,5\nR2,banana\nR1,3\n", encoding="utf-8")
    result = run("validate", bad, "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    errors = [e for e in report["entries"] if e["severity"] == "error"]
    places = {(e["row"], e["column"]) for e in errors}
    assert (3, "FMOT_experienced") in places  # `banana`
    assert (4, "ResponseId") in places  # R1 again
    assert all(e["fix"] for e in errors)


def test_wrong_invocation_exits_2():
    assert run("validate").returncode == 2
    assert run("frobnicate", DEMO).returncode == 2


def test_unreadable_file_is_an_error_not_a_traceback(tmp_path):
    junk = tmp_path / "junk.csv"
    junk.write_bytes(b"\x00\x01\x02\xff" * 100)
    for command in ("validate", "score"):
        result = run(command, junk)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr + result.stdout


def test_score_json_has_every_part_on_the_documented_scales():
    result = run("score", DEMO, "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["respondents"] == 2000
    utilities = scores["utilities"]
    assert {u["utility"] for u in utilities} == {"anticipated", "experienced", "retrospective"}
    assert len(utilities) == 15
    for u in utilities:
        assert 0 <= u["ci_low"] <= u["mean"] <= u["ci_high"] <= 100
    assert -100 <= scores["nps"]["ci_low"] <= scores["nps"]["score"] <= scores["nps"]["ci_high"]
    assert isinstance(scores["nps"]["n"], int)
    assert len(scores["gaps"]) == 5
    assert scores["peak_end"]["verdict"] == "peak_end"
    # Without --mapping the suggestion is used, and said.
    assert any("suggested column mapping" in w for w in scores["warnings"])


def test_score_json_peak_end_says_whom_it_compared_and_why_others_were_left_out():
    # Issue 12: only complete curves are compared; data/README.md, truth 3: 1,660 of 2,000
    # (77 without the remembered rating, 263 with a blank emotion cell), r = 0.73 / 0.45.
    result = run("score", DEMO, "--json")
    assert result.returncode == 0, result.stderr
    memory = json.loads(result.stdout)["peak_end"]
    assert (memory["n"], memory["n_excluded"]) == (1660, 340)
    assert (memory["n_no_curve"], memory["n_no_outcome"], memory["n_incomplete"]) == (0, 77, 263)
    assert memory["touchpoints"] == ["ZMOT", "FMOT", "SMOT", "TMOT", "UMOT"]
    assert memory["source"] == "emotion"
    rows = {row["predictor"]: row for row in memory["predictors"]}
    assert list(rows) == ["peak_end", "mean", "end", "most_intense", "peak", "trough"]
    assert rows["peak_end"]["r"] == pytest.approx(0.7336, abs=1e-4)
    assert rows["mean"]["r"] == pytest.approx(0.4546, abs=1e-4)
    assert rows["peak_end"]["t_vs_peak_end"] is None  # NaN in the library, null in JSON
    assert rows["mean"]["t_vs_peak_end"] == pytest.approx(memory["comparison"]["t"])
    text = run("score", DEMO)
    assert (
        "Compared: 1660 respondents with a complete curve and the remembered rating; left "
        "out: 0 without a curve, 77 without the remembered rating, 263 with an incomplete "
        "curve" in text.stdout
    )


def test_score_with_mapping_and_journey_files(tmp_path):
    data = tmp_path / "hotel.csv"
    data.write_text(
        "guest,Q1,Q2,stay_experienced\ng1,4,9,5\ng2,2,3,4\ng3,5,10,2\ng4,3,7,5\n",
        encoding="utf-8",
    )
    journey = tmp_path / "j.json"
    journey.write_text(
        json.dumps({"touchpoints": [{"id": "booking"}, {"id": "stay"}]}), encoding="utf-8"
    )
    mapping = tmp_path / "m.json"
    mapping.write_text(
        json.dumps(
            {
                "columns": [
                    {"column": "guest", "role": "respondent_id"},
                    {
                        "column": "Q1",
                        "role": "rating",
                        "touchpoint": "booking",
                        "measure": "experienced",
                        "scale": "1-5",
                    },
                    {"column": "Q2", "role": "outcome", "outcome": "recommend", "scale": "0-10"},
                    {
                        "column": "stay_experienced",
                        "role": "rating",
                        "touchpoint": "stay",
                        "measure": "experienced",
                        "scale": "1-5",
                    },
                ]
            }
        ),
        encoding="utf-8",
    )
    result = run("score", data, "--mapping", mapping, "--journey", journey, "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    booking = next(u for u in scores["utilities"] if u["touchpoint"] == "booking")
    # 1–5 → 0–100: (4, 2, 5, 3) → (75, 25, 100, 50), mean 62.5
    assert booking["mean"] == pytest.approx(62.5)
    # Promoters 9, 10 (2 of 4), detractors 3 (1 of 4): NPS = 100·(0.5 − 0.25) = 25
    assert scores["nps"]["score"] == pytest.approx(25.0)
    assert not any("suggested" in w for w in scores["warnings"])


def test_score_json_names_the_nps_interval_method_and_its_flags():
    # The demo's answers get an adjusted Wald interval (Rocks 2016), recomputed here from the
    # file's raw 0–10 column `recomendacion` (the interval is centred on the adjusted score).
    scores = json.loads(run("score", DEMO, "--json").stdout)
    nps_row = scores["nps"]
    assert nps_row["ci_method"] == "adjusted_wald"
    assert nps_row["small_n"] is False and nps_row["ci_clipped"] is False
    answers = pd.read_csv(DEMO)["recomendacion"].dropna().to_numpy()
    n = answers.size
    promoters, detractors = (answers >= 9).sum(), (answers <= 6).sum()
    p_pro, p_det = (promoters + 0.75) / (n + 3), (detractors + 0.75) / (n + 3)
    centre = p_pro - p_det
    se = np.sqrt((p_pro + p_det - centre**2) / (n + 3))
    assert nps_row["n"] == n
    assert nps_row["ci_low"] == pytest.approx(100 * (centre - 1.959964 * se), abs=1e-4)
    assert nps_row["ci_high"] == pytest.approx(100 * (centre + 1.959964 * se), abs=1e-4)
    text = run("score", DEMO).stdout
    assert "adjusted Wald" in text


def test_score_human_readable_output():
    result = run("score", DEMO)
    assert result.returncode == 0
    assert "NPS:" in result.stdout and "Peak-end verdict: peak_end" in result.stdout
    # the gaps, each with its Holm-adjusted p and the test used
    assert "Gaps (actual − target; p adjusted across touchpoints, Holm;" in result.stdout
    gaps = result.stdout.split("Gaps (actual − target")[1].splitlines()
    umot = next(line for line in gaps if line.strip().startswith("UMOT "))
    assert umot.split()[1:4] == ["0.3", "0.571", "partially_overlapping"]


def test_score_json_reports_the_gap_method_and_adjusted_p_per_touchpoint():
    from mot.gaps import gap_table
    from mot.survey import load_survey

    scores = json.loads(run("score", DEMO, "--json").stdout)
    expected = gap_table(load_survey(DEMO).ratings).set_index("touchpoint")
    for gap in scores["gaps"]:
        row = expected.loc[gap["touchpoint"]]
        for target in ("expected", "excellent"):
            assert gap[f"gap_to_{target}_method"] == row[f"gap_to_{target}_method"]
            assert gap[f"gap_to_{target}_p"] == pytest.approx(row[f"gap_to_{target}_p"])
            assert gap[f"gap_to_{target}_p_adjusted"] == pytest.approx(
                row[f"gap_to_{target}_p_adjusted"]
            )
            assert gap[f"gap_to_{target}_p_adjusted"] >= gap[f"gap_to_{target}_p"]
    assert {g["gap_to_expected_method"] for g in scores["gaps"]} == {"partially_overlapping"}


def test_score_of_a_single_respondent_prints_scores_without_an_nps_interval(tmp_path):
    lines = DEMO.read_text(encoding="utf-8").splitlines()
    one = tmp_path / "one.csv"
    one.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    result = run("score", one)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "Respondents: 1" in result.stdout
    assert "NPS:" in result.stdout and "no interval: too few answers" in result.stdout


@pytest.mark.skipif(not REALDATA.is_dir(), reason="shared/realdata is not beside the repository")
def test_real_export_without_touchpoints_says_how_to_map():
    result = run("score", REALDATA / "sample.csv")
    assert result.returncode == 1
    assert "nothing to score" in result.stderr
    assert "<touchpoint>_<measure>" in result.stderr


def test_validate_in_spanish_prints_every_problem_and_fix_in_spanish(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("ResponseId,FMOT_experienced\nR1,5\nR2,banana\nR1,3\n", encoding="utf-8")
    result = run("validate", bad, "--lang", "es")
    assert result.returncode == 1
    out = result.stdout
    assert out.startswith("2 error(es), 3 aviso(s)")
    assert "ERROR columna `FMOT_experienced`, fila 3: `banana` no es un número" in out
    assert "Revísala en la página Datos, o guárdala y pásala con --mapping." in out  # the tip
    for english in ("WARNING", "row ", "is not a number", "suggested column mapping", "Fix "):
        assert english not in out
    english = run("validate", bad)
    assert english.stdout.startswith("2 error(s), 3 warning(s)")  # English stays the default


def test_validate_json_in_spanish_keeps_codes_and_parameters(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("ResponseId,FMOT_experienced\nR1,5\nR2,banana\n", encoding="utf-8")
    entries = json.loads(run("validate", bad, "--json", "--lang", "es").stdout)["entries"]
    (cell,) = [e for e in entries if e["code"] == "cell.not_a_number"]
    assert cell["params"] == {"value": "banana", "scale": "1-5"}
    assert cell["problem"] == "`banana` no es un número de la escala 1-5: se deja fuera."
    (scale,) = [e for e in entries if e["code"] == "scale.to_confirm"]
    assert scale["params"]["evidence"]["code"] == "evidence.short"  # a nested message


def test_score_in_spanish_and_a_wrong_language(tmp_path):
    result = run("score", DEMO, "--lang", "es")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Personas encuestadas: 2000")
    assert (
        "Notas:" in result.stdout
        and "Se ha usado la asignación de columnas sugerida." in result.stdout
    )
    assert run("validate", DEMO, "--lang", "fr").returncode == 2


def unsure_export(tmp_path):
    """The real Qualtrics export `sample.csv` whose Q1 (numeric codes) asks a question that reads
    like a rating of two touchpoints at once: search (ZMOT) and delivery (TMOT)."""
    text = (REALDATA / "sample.csv").read_text(encoding="utf-8")
    question = "How satisfied were you with search and delivery? (1-5)"
    path = tmp_path / "sample_unsure.csv"
    path.write_text(text.replace("This is a multiple choice question.", question), "utf-8")
    return path


@pytest.mark.skipif(not REALDATA.is_dir(), reason="shared/realdata is not beside the repository")
def test_validate_says_which_suggestion_is_unsure_and_how_to_confirm_it(tmp_path):
    export = unsure_export(tmp_path)
    english = run("validate", export).stdout
    (line,) = [line for line in english.splitlines() if "`Q1`" in line]
    assert line.startswith(
        "WARNING column `Q1`: The question reads like a rating of touchpoint `ZMOT`, measure "
        "`experienced` (words matched: “search”, “satisfied”; it also names `TMOT`), but too "
        "unsurely to use it: the column is left out."
    )
    confirm = '{"column": "Q1", "role": "rating", "touchpoint": "ZMOT", "measure": "experienced"}'
    assert f"add {confirm} to the mapping file you pass with --mapping" in line
    spanish = run("validate", export, "--lang", "es").stdout
    (line,) = [line for line in spanish.splitlines() if "`Q1`" in line]
    assert line.startswith(
        "AVISO columna `Q1`: La pregunta parece una valoración del punto de contacto `ZMOT`, "
        "medida `experienced` (palabras reconocidas: «search», «satisfied»; también nombra "
        "`TMOT`), pero sin seguridad suficiente para usarla"
    )
    assert f"añade {confirm} al archivo de asignación que pasas con --mapping" in line
    entries = json.loads(run("validate", export, "--json", "--lang", "es").stdout)["entries"]
    (unsure,) = [e for e in entries if e["code"] == "mapping.unsure"]
    assert (unsure["severity"], unsure["column"]) == ("warning", "Q1")
    assert (unsure["params"]["touchpoint"], unsure["params"]["measure"]) == ("ZMOT", "experienced")
    assert json.loads(unsure["params"]["entry"]) == json.loads(confirm)

    # Confirmed in a mapping file, the column is a rating and nothing is unsure any more.
    mapping = tmp_path / "m.json"
    columns = [{"column": "ResponseId", "role": "respondent_id"}, json.loads(confirm)]
    mapping.write_text(json.dumps({"columns": columns}), encoding="utf-8")
    confirmed = json.loads(run("validate", export, "--mapping", mapping, "--json").stdout)
    codes = {e["code"] for e in confirmed["entries"]}
    assert "mapping.unsure" not in codes and "coverage.no_ratings" not in codes
    scores = json.loads(run("score", export, "--mapping", mapping, "--json").stdout)
    assert [(u["touchpoint"], u["utility"]) for u in scores["utilities"]] == [
        ("ZMOT", "experienced")
    ]


def test_errors_of_the_mapping_and_journey_files_are_said_in_spanish(tmp_path):
    mapping = tmp_path / "m.json"
    mapping.write_text("{bad", encoding="utf-8")
    result = run("score", DEMO, "--mapping", mapping, "--lang", "es")
    assert result.returncode == 1
    assert result.stderr.startswith(
        "error: `m.json` no es un JSON válido (se esperaba un nombre de propiedad entre "
        "comillas dobles: línea 1, columna 2 (carácter 1)). Revisa su sintaxis"
    )
    journey = tmp_path / "j.json"
    journey.write_text('{"touchpoints": []}', encoding="utf-8")
    result = run("validate", DEMO, "--journey", journey, "--lang", "es")
    assert result.returncode == 1
    assert "El recorrido no tiene puntos de contacto: añade al menos uno." in result.stdout
