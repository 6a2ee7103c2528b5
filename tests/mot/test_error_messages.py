"""Every error the library raises for a user is a catalogue message, in English and Spanish.

The library's errors reach a user in the app (``ui.i18n.mot_text``), the HTML report and the
command line (``render(exc, language)``): each one carries a :class:`mot.messages.Message`, a
code and parameters, so that it can be said in Spanish. A plain ``str`` would stay English.
"""

import ast
import io
import pickle
import zipfile

import pytest

from mot import errors
from mot.behaviour import open_event_log
from mot.io import read_table
from mot.journey import journey_from_dict, journey_from_json, load_journey
from mot.mapping import load_mapping, mapping_from_dict, mapping_from_json
from mot.messages import Joined, Message, render
from mot.scales import parse_scale
from tests.conftest import ROOT

ERROR_CLASSES = {
    name
    for name, value in vars(errors).items()
    if isinstance(value, type) and issubclass(value, errors.MotError)
}


def _defined(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    return {n.name: n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}


def _error_parameters(function: ast.FunctionDef) -> set[str]:
    """Parameters that hold an error class (``error: type[MotError]``)."""
    return {
        a.arg
        for a in function.args.args + function.args.kwonlyargs
        if a.annotation is not None and "MotError" in ast.unparse(a.annotation)
    }


class _Checker:
    """Finds the constructions of a MotError whose message is not a :class:`Message`."""

    def __init__(self, source: str) -> None:
        self.tree = ast.parse(source)
        self.functions = _defined(self.tree)

    def is_message(self, node: ast.expr, function: ast.FunctionDef | None, line: int) -> bool:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id == "Message":
                return True
            called = self.functions.get(node.func.id)
            return called is not None and ast.unparse(called.returns or ast.Constant(None)) in {
                "Message"
            }
        if isinstance(node, ast.IfExp):
            return self.is_message(node.body, function, line) and self.is_message(
                node.orelse, function, line
            )
        if isinstance(node, ast.Name) and function is not None:
            assigned = [
                n
                for n in ast.walk(function)
                if isinstance(n, ast.Assign)
                and n.lineno < line
                and any(isinstance(t, ast.Name) and t.id == node.id for t in n.targets)
            ]
            if assigned:  # the value the name holds at the raise: its last assignment before
                last = max(assigned, key=lambda n: n.lineno)
                return not isinstance(last.value, ast.Name) and self.is_message(
                    last.value, function, last.lineno
                )
        return False

    def plain(self) -> list[tuple[int, str]]:
        """(line, source) of every error built without a Message."""
        found = []
        scopes: list[tuple[ast.FunctionDef | None, ast.AST]] = [(None, self.tree)]
        scopes += [(f, f) for f in self.functions.values()]
        for function, scope in scopes:
            classes = ERROR_CLASSES | (_error_parameters(function) if function else set())
            nodes = ast.walk(scope) if function else ast.iter_child_nodes(scope)
            for node in nodes:
                if not (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id in classes
                ):
                    continue
                if not node.args or not self.is_message(node.args[0], function, node.lineno):
                    found.append((node.lineno, ast.unparse(node)))
        return sorted(set(found))


def test_the_check_catches_a_plain_text_message():
    source = """
def f(x, error: type[MotError]):
    if x:
        raise MotError(f"`{x}` is wrong.")
    message = "Not a message."
    if x > 1:
        raise ScaleError(message)
    message = Message("scale.empty", spec=x)
    if x > 2:
        raise ScaleError(message)
    raise error("Plain.")
"""
    lines = [line for line, _ in _Checker(source).plain()]
    assert lines == [4, 7, 11]


def test_every_error_of_the_library_carries_a_catalogue_message():
    plain, checked = [], 0
    for path in sorted((ROOT / "mot").rglob("*.py")):
        checker = _Checker(path.read_text(encoding="utf-8"))
        for line, code in checker.plain():
            plain.append(f"{path.relative_to(ROOT)}:{line}: {code}")
        checked += sum(
            isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in ERROR_CLASSES
            for n in ast.walk(checker.tree)
        )
    assert checked > 150  # the walk sees the library's errors
    assert plain == [], "errors raised with a plain text instead of a Message:\n" + "\n".join(plain)


def _raised(call, *args, **kwargs) -> errors.MotError:
    with pytest.raises(errors.MotError) as info:
        call(*args, **kwargs)
    exc = info.value
    assert isinstance(exc.args[0], Message), exc
    return exc


def _spanish(exc: errors.MotError) -> str:
    spanish = render(exc, "es")
    assert spanish != str(exc)
    return spanish


def test_a_damaged_workbook_is_refused_in_spanish():
    exc = _raised(read_table, b"PK\x03\x04" + b"\x00" * 200, name="datos.xlsx")
    assert str(exc).startswith("`datos.xlsx` looks like an Excel workbook but is damaged (")
    spanish = _spanish(exc)
    assert spanish.startswith("`datos.xlsx` parece un libro de Excel pero está dañado (")
    assert spanish.endswith("Ábrelo en Excel o LibreOffice y guárdalo como .xlsx o CSV.")


def test_a_workbook_that_cannot_be_opened_is_refused_in_spanish():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<not a workbook")
    exc = _raised(read_table, buffer.getvalue(), name="roto.xlsx")
    assert "looks like an Excel workbook but cannot be opened" in str(exc)
    assert _spanish(exc).startswith("`roto.xlsx` parece un libro de Excel pero no se puede abrir")


def test_a_file_too_large_is_refused_in_spanish(monkeypatch):
    monkeypatch.setenv("MOT_MAX_FILE_MB", "1")
    exc = _raised(read_table, b"a,b\n" + b"1,2\n" * 400_000, name="grande.csv")
    assert isinstance(exc, errors.FileTooLargeError)
    assert str(exc).startswith("`grande.csv` is 2 MB; the largest file this installation reads")
    spanish = _spanish(exc)
    assert spanish.startswith("`grande.csv` ocupa 2 MB; el archivo más grande que lee")
    assert "hasta 5 veces su tamaño" in spanish and "MOT_MAX_FILE_MB" in spanish


def test_a_missing_file_and_one_without_a_name_are_refused_in_spanish(tmp_path):
    exc = _raised(read_table, tmp_path / "nada.csv")
    assert _spanish(exc).endswith(
        "no existe o es una carpeta. Comprueba la ruta y vuelve a intentarlo."
    )
    exc = _raised(read_table, b"")
    assert str(exc).startswith("`the file` is empty (0 bytes).")
    assert _spanish(exc).startswith("`el archivo` está vacío (0 bytes).")


@pytest.mark.parametrize(
    ("read", "english", "spanish"),
    [
        (
            mapping_from_json,
            "`m.json` is not valid JSON (Expecting property name enclosed in double quotes: "
            "line 1 column 2 (char 1)). Check its syntax, or download the mapping from",
            "`m.json` no es un JSON válido (se esperaba un nombre de propiedad entre comillas "
            "dobles: línea 1, columna 2 (carácter 1)). Revisa su sintaxis o descarga la "
            "asignación desde la página Datos",
        ),
        (
            journey_from_json,
            "`m.json` is not valid JSON (Expecting property name enclosed in double quotes: "
            "line 1 column 2 (char 1)). Check its syntax, or download the journey from",
            "`m.json` no es un JSON válido (se esperaba un nombre de propiedad entre comillas "
            "dobles: línea 1, columna 2 (carácter 1)). Revisa su sintaxis o descarga el "
            "recorrido desde la página Datos",
        ),
    ],
)
def test_a_bad_json_mapping_or_journey_is_refused_in_spanish(read, english, spanish):
    exc = _raised(read, b"{bad", name="m.json")
    assert str(exc).startswith(english)
    assert _spanish(exc).startswith(spanish)


def test_a_json_file_that_cannot_be_opened_is_refused_in_spanish(tmp_path):
    missing = tmp_path / "falta.json"
    exc = _raised(load_mapping, missing)
    assert str(exc) == f"Cannot open the mapping file `{missing}`: No such file or directory."
    assert _spanish(exc) == (
        f"No se puede abrir el archivo de asignación `{missing}`: no existe el archivo o la "
        "carpeta."
    )
    exc = _raised(load_journey, tmp_path)  # a folder
    assert _spanish(exc).startswith("No se puede abrir el archivo del recorrido")


def test_a_mapping_and_a_journey_that_are_not_valid_are_refused_in_spanish():
    exc = _raised(mapping_from_dict, {"columns": [{"column": "Q1", "role": "rating"}]})
    assert _spanish(exc).startswith("La columna `Q1` es una valoración, así que necesita")
    exc = _raised(mapping_from_dict, {"columns": [{"column": "Q1", "role": "comment"}]})
    assert str(exc) == "Column `Q1` is a comment: choose the touchpoint it is about."
    assert (
        _spanish(exc)
        == "La columna `Q1` es un comentario: elige el punto de contacto del que trata."
    )
    exc = _raised(journey_from_dict, {"touchpoints": [{"id": "a"}, {"id": "A"}]})
    assert _spanish(exc).startswith("El id de punto de contacto `A` aparece dos veces")
    exc = _raised(journey_from_dict, {"touchpoints": [{"id": "a", "moment": "XMOT"}]})
    assert "no es un momento de la verdad" in _spanish(exc)


def test_an_unknown_scale_is_refused_in_spanish():
    exc = _raised(parse_scale, "del uno al diez")
    assert isinstance(exc, errors.ScaleError)
    assert str(exc) == (
        "`del uno al diez` is not a scale. Write it as low-high, e.g. 1-5, 0-10, -3..3 or 0-100."
    )
    assert _spanish(exc) == (
        "`del uno al diez` no es una escala. Escríbela como mínimo-máximo, p. ej. 1-5, 0-10, "
        "-3..3 o 0-100."
    )
    # inside a mapping, the scale's error is said in the language of the text around it
    entry = {"column": "Q1", "role": "rating", "touchpoint": "FMOT", "measure": "experienced"}
    exc = _raised(mapping_from_dict, {"columns": [entry | {"scale": "7-1"}]})
    assert (
        str(exc) == "Column `Q1`: The scale `7-1` is empty: its low end must be below its high end."
    )
    assert _spanish(exc) == (
        "Columna `Q1`: La escala `7-1` está vacía: su extremo inferior debe ser menor que el "
        "superior."
    )


def test_an_event_log_without_a_usable_row_is_refused_in_spanish(tmp_path):
    log = tmp_path / "fechas.csv"
    log.write_text(
        "user_id,timestamp,event_name\nu1,not a date,landing\n,2026-01-01,purchase\n",
        encoding="utf-8",
    )
    exc = _raised(open_event_log, log)
    assert "none of its 2 rows is a usable event (" in str(exc)
    assert "unparseable timestamp (column `timestamp`): 1 (e.g. rows 1)" in str(exc)
    spanish = _spanish(exc)
    assert spanish.startswith("`fechas.csv`: ninguna de sus 2 filas es un evento utilizable (")
    assert "marca de tiempo ilegible (columna `timestamp`): 1 (p. ej. filas 1)" in spanish
    assert "falta el id de usuario (columna `user_id`)" in spanish
    exc = _raised(open_event_log, tmp_path / "nada.parquet")
    assert _spanish(exc).startswith("No hay ningún archivo de registro de eventos en")


def test_an_event_log_without_its_columns_is_refused_in_spanish(tmp_path):
    log = tmp_path / "sin.csv"
    log.write_text("a,b\n1,2\n", encoding="utf-8")
    exc = _raised(open_event_log, log)
    assert "cannot find the user_id and timestamp and event column(s)" in str(exc)
    spanish = _spanish(exc)
    assert "no se encuentran las columnas de user_id y timestamp y event" in spanish
    assert "Detectadas: nada." in spanish


def test_joined_texts_render_each_item_and_keep_through_pickle():
    joined = Joined([Message("period.week"), Message("period.month")], Message("word.or"))
    assert joined == "week or month" and joined.render("es") == "semana o mes"
    again = pickle.loads(pickle.dumps(Message("behaviour.hint_longer", periods=joined)))
    assert again.render("es") == "elige un periodo más largo (semana o mes)"
