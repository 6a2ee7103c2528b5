"""The library's EN/ES message catalogue and the validation entries that use it."""

import pickle
import re
import string

import pytest

from mot import messages
from mot.behaviour import open_event_log
from mot.io import read_table
from mot.messages import ENTRIES, TEXTS, Message, entry_texts, listing, render
from mot.survey import build_survey, validate_survey
from mot.validation import ReportBuilder, ReportEntry
from tests.conftest import ROOT

FORMATTER = string.Formatter()
CODE_USE = re.compile(
    r"""(?:Message\(\s*f?"|\.add(?:_rows)?\(\s*"(?:error|warning)",\s*(?:[^"(),]+,\s*){0,2}")"""
    r"""([a-z_]+\.[a-z0-9_.]+)"""
)


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in FORMATTER.parse(template) if name}


def all_pairs():
    for code, (en, es) in TEXTS.items():
        yield code, en, es
    for code, (problem_en, problem_es, fix_en, fix_es) in ENTRIES.items():
        yield code, problem_en, problem_es
        yield f"{code}.fix", fix_en, fix_es


@pytest.mark.parametrize(("code", "english", "spanish"), list(all_pairs()))
def test_every_text_has_both_languages_with_the_same_placeholders(code, english, spanish):
    assert english.strip() and spanish.strip(), code
    assert fields(english) == fields(spanish), code
    literal = " ".join(text for text, *_ in FORMATTER.parse(english))
    words = re.findall(r"[A-Za-z]+", literal)
    if len(words) >= 3:  # a sentence, not a name or a code: it is translated
        assert spanish != english, code


def test_every_code_the_library_uses_is_in_the_catalogue():
    used = set()
    for path in (ROOT / "mot").glob("*.py"):
        used |= set(CODE_USE.findall(path.read_text(encoding="utf-8")))
    assert len(used) > 40  # the pattern finds the library's uses
    known = set(ENTRIES) | set(TEXTS)
    dynamic = {c for c in used if c.endswith(".")}  # f"measure.{m}", f"evidence.{kind}"
    assert sorted(used - known - dynamic) == []
    for prefix in dynamic:
        assert any(code.startswith(prefix) for code in known), prefix


def test_a_summary_entry_has_the_fix_of_its_entries():
    for code in ENTRIES:
        if code.endswith(".more"):
            assert ENTRIES[code][2:] == ENTRIES[code.removesuffix(".more")][2:]


def test_numbers_are_written_as_the_language_writes_them():
    params = {"n": 2_000_000, "limit": 1_048_576}
    english, _ = entry_texts("cell.too_long", params)
    spanish, _ = entry_texts("cell.too_long", params, "es")
    assert "2,000,000 characters, more than the 1,048,576" in english
    assert "2.000.000 caracteres, más de los 1.048.576" in spanish
    assert messages.text("log.sessions", "es", minutes=7.5).endswith(
        "tras 7,5 minutos sin eventos."
    )


def test_a_message_is_its_english_text_and_renders_in_spanish():
    note = Message("note.trimmed", n=3)
    assert note == "3 empty rows at the end of the file ignored"
    assert "empty rows" in note and note.startswith("3 empty")
    assert note.render("es") == "3 filas vacías al final del archivo ignoradas"
    assert render(note, "es") == note.render("es") and render("plain", "es") == "plain"
    again = pickle.loads(pickle.dumps(note))  # st.cache_data pickles what it keeps
    assert isinstance(again, Message) and again.render("es") == note.render("es")


def test_a_nested_message_renders_in_the_language_of_the_text_around_it():
    shown = listing(["a", "b", "c"], limit=2)
    note = Message("note.unnamed_columns", columns=shown)
    assert note == "columns without a header named by position: a, b and 1 more"
    assert note.render("es") == "columnas sin encabezado nombradas por su posición: a, b y 1 más"
    assert listing(["a", "b"]) == "a, b" and not isinstance(listing(["a"]), Message)


def test_unknown_codes_and_languages_are_refused():
    with pytest.raises(KeyError, match=r"no\.such"):
        Message("no.such")
    with pytest.raises(KeyError, match=r"no\.such"):
        ReportEntry("error", None, None, "no.such")
    with pytest.raises(KeyError, match="fr"):
        Message("note.header_one").render("fr")
    log = ReportBuilder()
    with pytest.raises(KeyError):
        log.add("error", "The suggested column mapping was used.")  # text instead of a code


def test_an_entry_keeps_its_code_and_parameters_and_renders_both_languages():
    answers = "".join(f"S{i},{1 + i % 5}\n" for i in range(20))
    data = f"ResponseId,FMOT_experienced\nR1,5\nR2,9\nR1,3\n{answers}"
    raw = read_table(data.encode(), name="x.csv")
    report = build_survey(raw).report
    (repeated,) = [e for e in report.entries if e.code == "respondent.repeated"]
    assert (repeated.row, repeated.column, dict(repeated.params)) == (
        4,
        "ResponseId",
        {"id": "R1", "first": 2},
    )
    assert (
        repeated.problem == "Respondent `R1` appears again (first at row 2): this row is left out."
    )
    assert repeated.problem_in("es") == (
        "La persona `R1` aparece de nuevo (la primera vez en la fila 2): esta fila se deja fuera."
    )
    assert repeated.fix_in("es").startswith("Deja una fila por persona")
    assert repeated.to_text("es").startswith("ERROR columna `ResponseId`, fila 4: La persona")
    frame = report.to_frame("es", codes=True)
    assert list(frame.columns) == ["severity", "row", "column", "problem", "fix", "code", "params"]
    assert frame["severity"].tolist()[0] == "error"  # severities stay codes for the UI
    assert "9 está fuera de la escala 1-5: se deja fuera." in frame["problem"].tolist()
    assert list(report.to_frame().columns) == ["severity", "row", "column", "problem", "fix"]
    assert report.to_text("es").startswith("2 error(es), ")
    assert str(report).startswith("2 error(s), ")


def test_every_summary_entry_counts_the_rest_in_spanish():
    rows = "".join(f"R{i},{'x' if i % 2 else 9}\n" for i in range(60))
    rows += "".join(f"S{i},{1 + i % 5}\n" for i in range(2000))
    report = build_survey(
        read_table(f"ResponseId,FMOT_experienced\n{rows}".encode(), name="m.csv")
    ).report
    more = {e.code: e for e in report.entries if e.code.endswith(".more")}
    assert set(more) == {"cell.not_a_number.more", "cell.out_of_scale.more"}
    assert more["cell.out_of_scale.more"].problem.startswith("10 more cells like this (rows ")
    assert (
        more["cell.out_of_scale.more"]
        .problem_in("es")
        .startswith("10 celdas más como esta (filas ")
    )
    assert more["cell.out_of_scale.more"].fix_in("es").startswith("Corrige el valor")


def test_a_scale_assumption_explains_itself_in_spanish():
    raw = read_table(b"ResponseId,FMOT_experienced\nR1,3\nR2,4\nR3,5\n", name="s.csv")
    (entry,) = [e for e in build_survey(raw).report.entries if e.code == "scale.to_confirm"]
    assert "1-5 assumed from the values, which only span 3 to 5" in entry.problem
    assert "1-5 supuesta por los valores, que solo van de 3 a 5" in entry.problem_in("es")
    assert entry.fix_in("es").startswith("Confirma la escala: elígela en «Escala de cada medida»")


def test_how_a_file_was_read_is_told_in_spanish():
    raw = read_table(b"sep=;\na;b;a\n1,5;2;3\n\n\n", name="d.csv")
    english = " · ".join(raw.notes)
    spanish = " · ".join(render(note, "es") for note in raw.notes)
    assert "1 header row" in english and "delimiter ';' (semicolon)" in english
    assert "1 fila de encabezado" in spanish and "separador ';' (punto y coma)" in spanish
    assert (
        "coma decimal" in spanish and "nombres de columna repetidos hechos únicos: a.1" in spanish
    )
    assert "line skipped" not in spanish and "línea 'sep=;' de Excel omitida" in spanish


def test_the_rows_left_out_of_an_event_log_are_told_in_spanish(tmp_path):
    path = tmp_path / "log.csv"
    path.write_text(
        "user,time,action\nu1,2026-03-02T10:00:00Z,landing\n,2026-03-02T10:00:00Z,x\n"
        "u2,not a date,landing\n",
        encoding="utf-8",
    )
    log = open_event_log(path)
    problems = log.bad_rows()["problem"]
    assert [render(p, "es") for p in problems] == [
        "falta el id de usuario (columna `user`)",
        "marca de tiempo ilegible (columna `time`)",
    ]
    assert problems.iloc[0] == "missing user id (column `user`)"
    notes = " ".join(render(n, "es") for n in log.notes)
    assert "Formato: csv (1 archivo)." in notes and "Marcas de tiempo `time`" in notes


def test_an_unreadable_file_is_an_entry_in_either_language():
    report = validate_survey(b"\x00\x01\x02\xff" * 100, name="junk.csv")
    (entry,) = report.entries
    assert entry.code == "file.unreadable" and "junk.csv" in entry.problem
    assert entry.fix == "Fix the file and load it again."
    assert entry.fix_in("es") == "Corrige el archivo y cárgalo de nuevo."
