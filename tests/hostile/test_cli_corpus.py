"""Every file of the hostile corpus through ``python -m mot``: an answer, never a traceback.

The CLI's ``main()`` runs in-process (fast) with the corpus folder as the working directory,
so a file is named as a user names it and any absolute path in the output is an internal
one; a few files also go through a real subprocess.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest

from mot.cli import main
from tests.conftest import ROOT
from tests.hostile import corpus as hostile
from tests.hostile.checks import leaks

# Slow (`make test` runs them, `make test-fast` does not):
# the generated hostile corpus through whole-process CLI runs.
pytestmark = pytest.mark.slow

SURVEYS = [c for c in hostile.SURVEYS + hostile.GOOD if c.kind == "survey"]
LOGS = [c for c in hostile.LOGS + hostile.GOOD if c.kind == "log"]
ROWS_KEPT_EXCEPT = {"ragged.csv"}  # its short row may fairly be refused (it is reported)


@dataclass(frozen=True)
class Outcome:
    code: object
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err

    def json(self) -> dict:
        return json.loads(self.out)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    hostile.generate(folder)
    return folder


@pytest.fixture
def cli(corpus, monkeypatch, capsys):
    """Run ``main(args)`` in the corpus folder; a raised exception becomes code ``crash``."""
    monkeypatch.chdir(corpus)

    def run(*args: str) -> Outcome:
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = exc.code
        except Exception:  # the point: nothing may escape main()
            captured = capsys.readouterr()
            return Outcome("crash", captured.out, captured.err + traceback.format_exc())
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return run


def assert_clean(outcome: Outcome, corpus: Path, what: str) -> None:
    assert outcome.code in (0, 1), f"{what}: exit {outcome.code}\n{outcome.text[-3000:]}"
    assert not leaks(outcome.text, corpus), f"{what}: {leaks(outcome.text, corpus)}"
    assert outcome.text.strip(), f"{what}: says nothing"


def entries(outcome: Outcome) -> list[dict]:
    return outcome.json()["entries"]


def entry_text(entry: dict) -> str:
    return " ".join(str(entry.get(k) or "") for k in ("column", "problem", "fix"))


@pytest.mark.parametrize("case", SURVEYS, ids=lambda c: c.name)
def test_every_survey_file_is_validated_and_scored_without_a_traceback(case, cli, corpus):
    validate = cli("validate", case.name, "--json")
    assert_clean(validate, corpus, f"validate {case.name}")
    score = cli("score", case.name, "--json")
    assert_clean(score, corpus, f"score {case.name}")
    if case.expect == hostile.REFUSED:
        assert validate.code == 1 and score.code == 1, "nothing to analyse: refused"
        assert any(e["severity"] == "error" for e in entries(validate))
        assert score.err.strip(), "score says why"
    if case.expect == hostile.LOADS:
        assert score.code == 0, f"{case.name} has ratings to score:\n{score.err[-2000:]}"
        if case.name not in ROWS_KEPT_EXCEPT:
            assert score.json()["respondents"] == hostile.N_ROWS, "good rows are never lost"


@pytest.mark.parametrize("case", SURVEYS, ids=lambda c: c.name)
def test_plain_text_output_is_clean_too(case, cli, corpus):
    for command in ("validate", "score"):
        assert_clean(cli(command, case.name), corpus, f"{command} {case.name}")


def errors_at(outcome: Outcome, column: str) -> set:
    """File rows of the report's entries about ``column``."""
    return {e["row"] for e in entries(outcome) if e["column"] == column and e["row"] is not None}


def test_off_scale_outliers_are_reported_at_their_rows_not_a_new_scale(cli):
    outcome = cli("validate", "outlier_0_11.csv", "--json")
    assert {3, 6} <= errors_at(outcome, "FMOT_experienced"), entries(outcome)
    utilities = cli("score", "outlier_0_11.csv", "--json").json()["utilities"]
    (fmot,) = [u for u in utilities if u["touchpoint"] == "FMOT" and u["utility"] == "experienced"]
    assert fmot["n"] == hostile.N_ROWS - 2, "the two outliers are left out, the rest kept"


def test_a_narrow_answer_range_states_the_assumed_scale(cli):
    outcome = cli("validate", "narrow_1_7.csv", "--json")
    about = [entry_text(e) for e in entries(outcome) if "SMOT_importance" in entry_text(e)]
    # read as 1–5, said to be assumed from answers that miss an end, 1–7 named as fitting too,
    # and the user asked to confirm it
    assert any(
        re.search(r"1-5 assumed", text)
        and re.search(r"1\s*(-|–|to)\s*7", text.split("assumed", 1)[1])
        and "Confirm" in text
        for text in about
    ), about


def test_inf_cells_are_errors_and_the_column_stays(cli):
    outcome = cli("validate", "inf_cells.csv", "--json")
    assert {3, 5, 7} <= errors_at(outcome, "TMOT_experienced"), entries(outcome)
    utilities = cli("score", "inf_cells.csv", "--json").json()["utilities"]
    kept = [u for u in utilities if u["touchpoint"] == "TMOT" and u["utility"] == "experienced"]
    assert kept and kept[0]["n"] == hostile.N_ROWS - 3


@pytest.mark.parametrize("name", ["big_cell_first.csv", "big_cell_later.csv"])
def test_a_long_cell_costs_that_cell_at_most(name, cli):
    scores = cli("score", name, "--json")
    assert scores.code == 0, scores.err[-2000:]
    assert scores.json()["respondents"] == hostile.N_ROWS
    experienced = [u for u in scores.json()["utilities"] if u["utility"] == "experienced"]
    assert {u["n"] for u in experienced} == {hostile.N_ROWS}


def test_duplicate_column_names_are_reported(cli):
    outcome = cli("validate", "duplicate_columns.csv", "--json")
    texts = [entry_text(e) for e in entries(outcome)]
    duplicate = re.compile(
        r"duplicat|twice|more than once|same name|both named|repeated", re.IGNORECASE
    )
    assert any("FMOT_experienced" in t and duplicate.search(t) for t in texts), texts


def test_formula_cells_without_saved_values_are_reported(cli):
    outcome = cli("validate", "formulas_no_cache.xlsx", "--json")
    texts = [entry_text(e) for e in entries(outcome)]
    assert any("FMOT_experienced" in t and re.search("formula", t, re.I) for t in texts), texts


def test_nested_parquet_columns_are_noted_not_a_crash(cli):
    outcome = cli("validate", "nested.parquet", "--json")
    assert outcome.code in (0, 1)
    texts = " ".join(entry_text(e) for e in entries(outcome))
    assert re.search(r"\b(meta|tags|extra)\b", texts), "the nested columns are named"


@pytest.mark.parametrize("name", ["utf16le_bom.csv", "utf16be_bom.csv", "cr_only.csv"])
def test_other_encodings_and_line_ends_read_every_row(name, cli):
    scores = cli("score", name, "--json")
    assert scores.code == 0, scores.err[-2000:]
    assert scores.json()["respondents"] == hostile.N_ROWS


def test_a_journey_with_markup_labels_is_data(cli, corpus):
    for command in ("validate", "score"):
        outcome = cli(command, "valid_survey.csv", "--journey", "journey_markup.json")
        assert_clean(outcome, corpus, f"{command} --journey journey_markup.json")


def test_a_mapping_to_missing_columns_names_them(cli, corpus):
    outcome = cli("validate", "valid_survey.csv", "--mapping", "mapping_missing.json")
    assert_clean(outcome, corpus, "validate --mapping mapping_missing.json")
    assert "no_such_column" in outcome.text
    score = cli("score", "valid_survey.csv", "--mapping", "mapping_missing.json")
    assert_clean(score, corpus, "score --mapping mapping_missing.json")


# --- event logs --------------------------------------------------------------------------

EVENTS = {
    "log_injection.csv": 12,
    "log_hostile_values.csv": 14,
    "log_year_99999_mixed.csv": 3,
    "log_utf16.csv": 12,
    "log_nested.jsonl": 12,
    "valid_log.csv": 12,
}


@pytest.mark.parametrize("case", LOGS, ids=lambda c: c.name)
def test_every_event_log_gets_an_answer_without_a_traceback(case, cli, corpus):
    outcome = cli("behaviour", case.name, "--json")
    assert_clean(outcome, corpus, f"behaviour {case.name}")
    plain = cli("behaviour", case.name)
    assert_clean(plain, corpus, f"behaviour {case.name} (text)")
    if case.expect == hostile.REFUSED:
        assert outcome.code == 1, f"{case.name}: nothing to analyse, yet exit 0: {outcome.out}"
        assert outcome.err.strip(), "the reason is given"
    if case.expect == hostile.LOADS:
        assert outcome.code == 0, outcome.err[-2000:]
        assert outcome.json()["events"] == EVENTS[case.name]


def test_the_injection_header_is_an_ordinary_property(cli, corpus):
    from mot.behaviour import open_event_log

    outcome = cli("behaviour", "log_injection.csv")
    assert outcome.code == 0, outcome.err
    log = open_event_log(corpus / "log_injection.csv")
    view = log.connection.execute(f"SELECT * FROM {log.view}").df()
    assert hostile.INJECTION in view.columns
    device = view[hostile.INJECTION].nunique()
    assert device == 2, "the column holds the file's values (mobile, desktop)"


def test_hostile_keywords_and_steps_are_values_not_sql(cli, corpus):
    keywords = cli("behaviour", "log_hostile_values.csv", "--journey", "journey_sql_keywords.json")
    assert_clean(keywords, corpus, "behaviour --journey journey_sql_keywords.json")
    assert keywords.code == 0, keywords.err
    steps = ["'; DROP TABLE x; --", "purchase' OR '1'='1", 'a"b']
    funnel = cli("behaviour", "log_hostile_values.csv", "--steps", ",".join(steps), "--json")
    assert_clean(funnel, corpus, "behaviour --steps <hostile names>")
    assert funnel.code == 0, funnel.err
    assert [f["step"] for f in funnel.json()["funnel"]] == steps
    assert [f["users"] for f in funnel.json()["funnel"]] == [1, 1, 1], "u0 did the three"


def test_year_99999_rows_are_bad_rows(cli):
    result = cli("behaviour", "log_year_99999_mixed.csv", "--json")
    assert result.code == 0, result.err
    assert result.json()["bad_rows"] == 5
    plain = cli("behaviour", "log_year_99999_mixed.csv").out
    assert re.search(r"time|date|range", plain.split("Bad rows", 1)[-1], re.I), plain


def test_all_unreadable_time_stamps_exit_1_with_the_reason(cli):
    result = cli("behaviour", "log_unreadable_ts.csv")
    assert result.code == 1
    assert re.search(r"time ?stamp", result.err, re.IGNORECASE), result.err


# --- a few as a real process -------------------------------------------------------------

REAL = [
    ("validate", "binary_junk.csv"),
    ("score", "deep.json"),
    ("score", "big_cell_first.csv"),
    ("validate", "nested.parquet"),
    ("behaviour", "log_injection.csv"),
    ("behaviour", "log_utf16.csv"),
]


@pytest.mark.parametrize(("command", "name"), REAL)
def test_as_a_real_process(command, name, corpus):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "mot", command, name],
        cwd=corpus,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    outcome = Outcome(result.returncode, result.stdout, result.stderr)
    assert_clean(outcome, corpus, f"{command} {name}")
