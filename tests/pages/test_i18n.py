"""Every string of the interface exists in English and Spanish."""

import re
import string

from tests.conftest import ROOT
from ui.i18n import chart_text, number, p_value, percent, strings, t

KEY_USE = re.compile(r"""\bt\(\s*f?["']([a-z_]+\.[a-z0-9_.]+)["']""")


def test_every_key_has_both_languages_with_the_same_placeholders():
    formatter = string.Formatter()
    for key, (english, spanish) in strings().items():
        assert english.strip() and spanish.strip(), key
        fields_en = {f for _, f, _, _ in formatter.parse(english) if f}
        fields_es = {f for _, f, _, _ in formatter.parse(spanish) if f}
        assert fields_en == fields_es, key


def _interface_files() -> list:
    ui = [p for p in (ROOT / "ui").rglob("*.py") if "catalog" not in p.parts]
    return [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *ui]


KEY_STYLE = re.compile(r"[a-z]+(\.[a-z0-9_]+)+")


def test_keys_have_one_style():
    # area.name, or area.group.name for a family of values (a column, a role, a verdict...)
    assert [k for k in strings() if not KEY_STYLE.fullmatch(k)] == []


def _built_keys(source: str) -> list[str]:
    """The keys an f-string builds from a value, as templates (``data.col.{}``)."""
    import ast

    areas = {key.split(".")[0] for key in strings()}
    built = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.JoinedStr):
            continue
        template = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
        if "{}" in template and template.split(".")[0] in areas:
            built.append(template)
    return built


def test_a_key_built_from_a_value_names_its_family_with_a_dot():
    # f"data.col.{column}", never f"data.col_{column}": a family is a group of the key.
    # Chart keys are the library's text names (mot.charts.DEFAULT_TEXT), flat by design.
    wrong = [
        (path.name, template)
        for path in _interface_files()
        for template in _built_keys(path.read_text(encoding="utf-8"))
        if not template.startswith("chart.")
        and any(not before.endswith(".") for before in template.split("{}")[:-1])
    ]
    assert wrong == []


def test_the_family_check_sees_one():
    assert _built_keys('t(f"data.col_{c}")\nx = f"{a} b"\n') == ["data.col_{}"]


def test_every_key_used_in_the_interface_exists():
    used = set()
    for path in _interface_files():
        used |= set(KEY_USE.findall(path.read_text(encoding="utf-8")))
    missing = sorted(k for k in used if k not in strings() and not k.endswith("_"))
    assert missing == []


def test_number_formats_follow_the_language():
    assert number(1234.5, 1, "en") == "1,234.5"
    assert number(1234.5, 1, "es") == "1.234,5"
    assert percent(0.456, 0, "es") == "46\u00a0%"
    assert percent(0.456, 1, "en") == "45.6%"
    assert p_value(0.0001, "en") == "p < 0.001"
    assert p_value(0.0342, "es") == "p = 0,034"
    assert number(float("nan"), 1, "en") == "–"


def test_language_switch_changes_strings():
    assert t("nav.overview", "en") == "Overview"
    assert t("nav.overview", "es") == "Resumen"
    assert t("no.such.key", "es") == "no.such.key"


def test_chart_titles_exist_in_spanish():
    spanish = chart_text("es")
    english = chart_text("en")
    assert spanish.keys() == english.keys()


def test_every_chart_title_is_translated():
    from mot.charts import DEFAULT_TEXT

    assert set(chart_text("es")) == set(DEFAULT_TEXT)


# One English string, one key: a string said twice drifts (two Spanish translations, two
# wordings). These are the only strings said under two keys, each for a reason.
SAID_TWICE: dict[str, tuple[set[str], str]] = {
    "Expected": (
        {"chart.expected", "chart.to_expected"},
        "two text keys of the library (a gap level; the target a priority's gap is measured to)",
    ),
    "Excellent": (
        {"chart.excellent", "chart.to_excellent"},
        "two text keys of the library (a gap level; the target a priority's gap is measured to)",
    ),
    "None": (
        {"common.none", "drivers.correction.none"},
        "Spanish agrees with the noun: ninguno (segment, filter), ninguna (la corrección)",
    ),
}


def _keys_by_english() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for key, (english, _) in strings().items():
        found.setdefault(english, []).append(key)
    return found


def test_an_english_string_said_twice_has_one_spanish_translation():
    allowed = {english for english, (_, reason) in SAID_TWICE.items() if "Spanish" in reason}
    clashes = {
        english: {key: strings()[key][1] for key in keys}
        for english, keys in _keys_by_english().items()
        if len({strings()[key][1] for key in keys}) > 1 and english not in allowed
    }
    assert clashes == {}


def test_every_english_string_has_one_key():
    twice = {english: set(keys) for english, keys in _keys_by_english().items() if len(keys) > 1}
    assert twice == {english: keys for english, (keys, _) in SAID_TWICE.items()}


def test_chart_texts_take_their_english_from_the_library():
    from mot.charts import DEFAULT_TEXT
    from ui.catalog import charts

    assert set(charts.SPANISH) == set(DEFAULT_TEXT)
    assert set(charts.ENGLISH) <= set(DEFAULT_TEXT)
    english = chart_text("en")
    assert english["retrospective"] == "Remembered"
    assert {k: v for k, v in english.items() if v != DEFAULT_TEXT[k]} == charts.ENGLISH
