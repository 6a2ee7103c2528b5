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


def test_every_key_used_in_the_interface_exists():
    used = set()
    for path in [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]:
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
