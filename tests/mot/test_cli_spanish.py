"""In Spanish, the command line prints no sentence of the English catalogue.

``validate``, ``score`` and ``behaviour`` run with ``--lang es`` (as a user runs them: a
subprocess) on the demo data, on two real exports (Qualtrics, SurveyMonkey), on a file that
cannot be read and on event logs with bad rows or none usable. Everything they print (stdout
and stderr, the JSON's texts included) is searched for the English texts of the library's
catalogue, ``mot.messages``, as ``tests/pages/test_spanish_pages.py`` searches the pages: every
run of four words or more between placeholders, unless the same words are also in the Spanish
text of that code. The same commands in English print some of them: the search finds them.
"""

import pytest

from mot import messages
from tests.conftest import REALDATA, ROOT
from tests.english import fragments, plain
from tests.mot.test_cli import run
from tests.mot.test_cli_behaviour import BAD_LOG

# Slow (`make test` runs them, `make test-fast` does not):
# whole-process runs of the CLI.
pytestmark = pytest.mark.slow

DEMO_SURVEY = ROOT / "data" / "demo_survey.csv"
DEMO_EVENTS = ROOT / "data" / "demo_events.parquet"


def english_fragments() -> dict[str, str]:
    """Fragment → the code of ``mot.messages`` it comes from."""
    pairs = [(code, en, es) for code, (en, es) in messages.TEXTS.items()]
    for code, (problem_en, problem_es, fix_en, fix_es) in messages.ENTRIES.items():
        pairs += [(code, problem_en, problem_es), (f"{code}.fix", fix_en, fix_es)]
    return {fragment: code for code, en, es in pairs for fragment in fragments(en, es)}


def english_on(output: str) -> list[tuple[str, str]]:
    """The catalogue's English fragments found in ``output``, with their codes."""
    shown = plain(output.replace("\\n", " ").replace('\\"', '"'))
    return sorted((code, f) for f, code in english_fragments().items() if f in shown)


def test_the_check_finds_an_english_sentence_and_passes_a_spanish_one():
    english, _ = messages.entry_texts("coverage.no_ratings", {})
    assert ("coverage.no_ratings", plain(english).rstrip(".")) in english_on(f"ERROR {english}")
    spanish, _ = messages.entry_texts("coverage.no_ratings", {}, "es")
    assert english_on(f"ERROR {spanish}") == []


def _files(tmp_path):
    bad_log = tmp_path / "registro.csv"
    bad_log.write_text(BAD_LOG, encoding="utf-8")
    dead_log = tmp_path / "fechas.csv"
    dead_log.write_text("user_id,timestamp,event_name\nu1,not a date,landing\n", "utf-8")
    return {"bad_log": bad_log, "dead_log": dead_log, "missing": tmp_path / "nada.parquet"}


DEMO_CASES = {
    "validate demo": ("validate", DEMO_SURVEY),
    "validate demo json": ("validate", DEMO_SURVEY, "--json"),
    "score demo": ("score", DEMO_SURVEY),
    "score demo json": ("score", DEMO_SURVEY, "--json"),
    "behaviour demo": ("behaviour", DEMO_EVENTS),
    "behaviour bad rows": ("behaviour", "bad_log"),
    "behaviour no usable row": ("behaviour", "dead_log"),
    "behaviour no file": ("behaviour", "missing"),
}
REAL_CASES = {
    "validate qualtrics": ("validate", REALDATA / "sample.csv"),
    "score qualtrics": ("score", REALDATA / "sample.csv"),
    "validate surveymonkey": ("validate", REALDATA / "StarWars.csv"),
    "score surveymonkey": ("score", REALDATA / "StarWars.csv"),
    "validate appledouble": ("validate", REALDATA / "edge_cases" / "appledouble_survey.csv"),
}


def _check(args: tuple, tmp_path) -> None:
    files = _files(tmp_path)
    args = tuple(files.get(a, a) if isinstance(a, str) else a for a in args)
    spanish = run(*args, "--lang", "es")
    output = spanish.stdout + spanish.stderr
    assert "Traceback" not in output
    assert output.strip(), "the command prints something"
    assert english_on(output) == []
    english = run(*args)
    assert english.returncode == spanish.returncode
    assert english_on(english.stdout + english.stderr), "the same command in English is caught"


@pytest.mark.parametrize("case", list(DEMO_CASES))
def test_a_spanish_command_on_the_demo_prints_no_english_catalogue_sentence(case, tmp_path):
    _check(DEMO_CASES[case], tmp_path)


@pytest.mark.skipif(not REALDATA.is_dir(), reason="shared/realdata is not beside the repository")
@pytest.mark.parametrize("case", list(REAL_CASES))
def test_a_spanish_command_on_a_real_export_prints_no_english_catalogue_sentence(case, tmp_path):
    _check(REAL_CASES[case], tmp_path)
