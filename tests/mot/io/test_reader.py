"""Tests for mot.io.read_table: real survey exports and written-out fixtures.

Expected counts for the real files were established by hand: opening each file in a text
editor / spreadsheet and counting the header rows and the respondent rows (cross-checked with
Python's csv module for the CSVs and with pyreadstat's metadata for the .sav files).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from mot.errors import MotError, UnreadableFileError
from mot.io import SOURCE_FORMATS, RawTable, read_table

SURVEY = Path(__file__).resolve().parents[4] / "shared" / "realdata" / "survey"
needs_survey = pytest.mark.skipif(
    not SURVEY.is_dir(), reason=f"real survey exports not found at {SURVEY}"
)


def _nan(value: object) -> bool:
    return isinstance(value, float) and math.isnan(value)


# --------------------------------------------------------------------------- real exports

# file -> (source_format, respondents, columns, first_data_line, encoding)
REAL_FILES = {
    # 3 header rows + 1 response
    "sample.csv": ("qualtrics", 1, 20, 4, "utf-8"),
    # 2 header rows + 1 response; 15 named columns + the empty one after the trailing comma
    "sample_legacy.csv": ("qualtrics_legacy", 1, 16, 3, "utf-8-sig"),
    # 552 lines: 2 header rows + 550 respondents
    "steak-risk-survey.csv": ("surveymonkey", 550, 15, 3, "utf-8"),
    # 200 CR-terminated lines: 2 header rows + 198 respondents
    "StarWars.csv": ("surveymonkey", 198, 38, 3, "cp1252"),
    # 92 lines: header + 91 responses
    "DS-4002-sp24-survey-results.csv": ("csv", 91, 7, 2, "utf-8"),
    # 188 lines: header + 187 responses (Id 1..187)
    "Hot-Dog-Form-Fa24.csv": ("csv", 187, 8, 2, "cp1252"),
    # pyreadstat metadata: 7 rows, 7 variables; 6 rows, 12 variables
    "sample_missing.sav": ("spss", 7, 7, 1, "windows-1252"),
    "simple_alltypes.sav": ("spss", 6, 12, 1, "windows-1252"),
}


@needs_survey
def test_every_real_file_is_covered() -> None:
    files = {p.name for p in SURVEY.iterdir() if p.is_file()}
    assert files == set(REAL_FILES)
    assert [p.name for p in (SURVEY / "edge_cases").iterdir()] == ["appledouble_survey.csv"]


@needs_survey
@pytest.mark.parametrize("filename", sorted(REAL_FILES))
def test_real_file_shape_format_and_encoding(filename: str) -> None:
    source_format, rows, columns, first_line, encoding = REAL_FILES[filename]
    raw = read_table(SURVEY / filename)
    assert raw.source_format == source_format
    assert raw.frame.shape == (rows, columns)
    assert raw.first_data_line == first_line
    assert raw.encoding == encoding
    assert raw.name == filename
    assert raw.ragged_rows == ()
    assert raw.frame.columns.is_unique
    assert all(name == name.strip() and name for name in raw.frame.columns)
    assert raw.notes


@needs_survey
@pytest.mark.parametrize("filename", sorted(REAL_FILES))
def test_real_file_bytes_and_upload_read_like_the_path(filename: str) -> None:
    path = SURVEY / filename
    from_path = read_table(path)
    from_bytes = read_table(path.read_bytes(), name=filename)
    upload = io.BytesIO(path.read_bytes())
    upload.name = filename
    from_upload = read_table(upload)
    for other in (from_bytes, from_upload):
        pd.testing.assert_frame_equal(other.frame, from_path.frame)
        assert other.labels == from_path.labels
        assert other.source_format == from_path.source_format
        assert other.first_data_line == from_path.first_data_line


@needs_survey
def test_qualtrics_sample_three_header_rows() -> None:
    raw = read_table(SURVEY / "sample.csv")
    frame = raw.frame
    assert list(frame.columns[:3]) == ["StartDate", "EndDate", "Status"]
    assert "ResponseId" in frame.columns
    assert frame["ResponseId"].tolist() == ["R_2YPOQ602ER1jkf1"]
    # row 2 (German question text) became labels, row 3 (ImportId JSON) is skipped
    assert raw.labels["ResponseId"] == "Antwort-ID"
    assert raw.labels["RecipientLastName"] == "Nachname des Empfängers"
    assert raw.labels["Q1"] == "This is a multiple choice question."
    assert not frame.astype(str).apply(lambda col: col.str.contains("ImportId")).any().any()
    assert frame["Q1"].tolist() == [2]  # numeric choice code
    assert frame["Q2"].tolist() == ["Hello World!"]
    assert _nan(frame["Q2 - Topics"].iloc[0])  # Text iQ column, empty
    assert frame["StartDate"].tolist() == ["2017-07-18 08:28:09"]  # dates stay as written
    assert raw.file_row(0) == 4
    assert raw.delimiter == "," and raw.decimal == "."
    assert any("3 header rows" in note for note in raw.notes)


@needs_survey
def test_qualtrics_legacy_bom_and_trailing_empty_column() -> None:
    raw = read_table(SURVEY / "sample_legacy.csv")
    frame = raw.frame
    assert frame.columns[0] == "V1"  # the UTF-8 BOM is not part of the name
    assert list(frame.columns[-2:]) == ["LocationAccuracy", "column_16"]
    assert frame["column_16"].isna().all()  # the trailing comma on every line
    assert raw.labels["V1"] == "ResponseID"
    assert raw.labels["Q1"] == "This is a multiple choice question."
    assert "column_16" not in raw.labels
    assert frame["V1"].tolist() == ["R_2YPOQ602ER1jkf1"]
    assert frame["V2"].tolist() == ["Standard-Antwortsatz"]
    assert frame["LocationAccuracy"].tolist() == [-1]
    assert any("column_16" in note for note in raw.notes)


@needs_survey
def test_surveymonkey_steak_two_header_rows_and_partial_responses() -> None:
    raw = read_table(SURVEY / "steak-risk-survey.csv")
    frame = raw.frame
    lottery = frame.columns[1]
    assert lottery.startswith("Consider the following hypothetical situations: <br>")
    assert raw.labels[lottery] == lottery
    assert "Response" not in set(frame.iloc[:, 1])  # row 2 is not data
    first = frame.iloc[0]
    assert first["RespondentID"] == 3237565956
    assert first[lottery] == "Lottery B"
    assert first.iloc[2:].isna().all()  # a partial response: everything else empty
    assert frame["RespondentID"].is_unique
    assert frame["RespondentID"].iloc[-1] == 3234760413


@needs_survey
def test_surveymonkey_starwars_cp1252_cr_only_and_option_columns() -> None:
    raw = read_table(SURVEY / "StarWars.csv")
    frame = raw.frame
    assert any("CR only" in note for note in raw.notes)
    assert raw.frame["RespondentID"].iloc[[0, -1]].tolist() == [3292879998, 3291006540]
    seen = [c for c in frame.columns if c.startswith("Which of the following Star Wars films")]
    ranks = [c for c in frame.columns if c.startswith("Please rank the Star Wars films")]
    assert len(seen) == 6 and len(ranks) == 6
    # the file's own mojibake (cp1252 bytes E4 F3 F1) is decoded as cp1252, not replaced
    assert seen[0].endswith(" - Star Wars: Episode I äóñ The Phantom Menace")
    assert raw.labels[seen[0]] == seen[0]
    assert all("\ufffd" not in text for text in [*frame.columns, *raw.labels.values()])
    assert frame.columns[1] == "Have you seen any of the 6 films in the Star Wars franchise?"
    assert frame[ranks[0]].dtype == np.float64
    assert frame[ranks[0]].iloc[:3].tolist()[0] == 3.0
    han = next(c for c in frame.columns if c.endswith(" - Han Solo"))
    counts = frame[han].value_counts(dropna=False)
    assert counts["Very favorably"] == 114
    assert counts["Unfamiliar (N/A)"] == 2  # kept as text: validation decides it is missing


@needs_survey
def test_google_forms_keeps_curly_quotes_and_timestamps_as_text() -> None:
    raw = read_table(SURVEY / "DS-4002-sp24-survey-results.csv")
    frame = raw.frame
    assert frame.columns[0] == "Timestamp"
    assert frame["Timestamp"].iloc[[0, -1]].tolist() == ["1/18/2024 14:18", "1/22/2024 20:56"]
    rationale = frame["What is the rationale behind your opinion?"]
    assert rationale.iloc[0].endswith("a hotdog you’d be confused")
    assert raw.labels == {}


@needs_survey
def test_microsoft_forms_cp1252_apostrophe() -> None:
    raw = read_table(SURVEY / "Hot-Dog-Form-Fa24.csv")
    frame = raw.frame
    assert frame["Id"].tolist() == list(range(1, 188))
    assert "Computer Science’s " in set(frame["What is your major?"])  # byte 0x92
    assert frame["Name"].isna().all()
    assert any(note == "encoding cp1252" for note in raw.notes)


@needs_survey
def test_appledouble_file_is_refused_clearly() -> None:
    path = SURVEY / "edge_cases" / "appledouble_survey.csv"
    with pytest.raises(UnreadableFileError) as caught:
        read_table(path)
    message = str(caught.value)
    assert "`appledouble_survey.csv` is not a text table" in message
    assert "AppleDouble" in message
    assert "Export the survey again as CSV, Excel, SPSS or Parquet." in message
    with pytest.raises(UnreadableFileError, match=r"`\._survey\.csv` is not a text table"):
        read_table(path.read_bytes(), name="._survey.csv")


@needs_survey
def test_spss_value_labels_and_user_missing_values() -> None:
    raw = read_table(SURVEY / "sample_missing.sav")
    frame = raw.frame
    assert raw.value_labels["mylabl"] == {-1.0: "undetermined", 1.0: "Male", 2.0: "Female"}
    assert raw.value_labels["myord"][3.0] == "high"
    assert raw.labels["mylabl"] == "labeled"
    assert frame["mylabl"].iloc[:5].tolist() == [1.0, 2.0, 1.0, 2.0, 1.0]  # codes, not labels
    # user-defined missing: mynum -1 and the range 2000..3000; mylabl -1; myord -1, -2, -3
    assert frame["mynum"].iloc[:5].tolist() == [1.1, 1.2, -1000.3, -1.4, 1000.3]
    assert frame["mynum"].iloc[5:].isna().all()
    assert frame["mylabl"].iloc[5:].isna().all()
    assert frame["myord"].iloc[5:].isna().all()
    assert str(frame["mydate"].iloc[3]) == "1583-01-01"  # out of the nanosecond range
    assert frame["mychar"].tolist()[:6] == ["a", "b", "c", "d", "e", "Z"]
    assert _nan(frame["mychar"].iloc[6])  # an empty string is an empty cell
    assert any("user-defined missing" in note for note in raw.notes)


@needs_survey
def test_spss_multiple_response_sets_ranges_and_literal_na() -> None:
    raw = read_table(SURVEY / "simple_alltypes.sav")
    frame = raw.frame
    assert frame["str"].iloc[3] == "NA"  # a literal NA string is data
    assert frame["x"].tolist()[:4] == [1.0, 2.0, 3.0, 4.0]
    assert _nan(frame["x"].iloc[4])  # 8 is a user-missing value
    assert frame["x"].iloc[5] == 9.0
    # z: missing range -999..0 (the -9) and the value 999
    assert [_nan(v) for v in frame["z"]] == [True, True, False, True, False, True]
    assert str(frame["y"].iloc[3]) == "1776-07-04"
    assert raw.value_labels["x"] == {1.0: "red", 2.0: "green", 3.0: "blue"}
    assert raw.labels["z"] == "Numberic variable with missing value range"
    assert any("mymrset: bool1, bool2, bool3" in note for note in raw.notes)


# --------------------------------------------------------------------------- CSV fixtures


def test_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes("\ufeffid,Satisfacción\n1,5\n2,4\n".encode())
    raw = read_table(path)
    assert raw.encoding == "utf-8-sig"
    assert list(raw.frame.columns) == ["id", "Satisfacción"]
    assert raw.frame["Satisfacción"].tolist() == [5, 4]


def test_cp1252_spanish_accents_survive(tmp_path: Path) -> None:
    text = "id;Satisfacción;comentario\n1;Muy satisfecho;¿no sé?\n2;Insatisfecho;Año malo\n"
    path = tmp_path / "encuesta.csv"
    path.write_bytes(text.encode("cp1252"))
    raw = read_table(path)
    assert raw.encoding == "cp1252"
    assert raw.delimiter == ";"
    assert raw.frame["Satisfacción"].tolist() == ["Muy satisfecho", "Insatisfecho"]
    assert raw.frame["comentario"].tolist() == ["¿no sé?", "Año malo"]


def test_cp1252_wins_over_latin1_for_euro_and_curly_quotes() -> None:
    text = "producto,precio,nota\ncafé,3 €,“bueno”\nté,2 €,‘regular’\n"
    raw = read_table(text.encode("cp1252"), name="precios.csv")
    assert raw.encoding == "cp1252"
    assert raw.frame["precio"].tolist() == ["3 €", "2 €"]
    assert raw.frame["nota"].tolist() == ["“bueno”", "‘regular’"]


def test_semicolon_with_decimal_comma() -> None:
    data = b"id;score;nps\n1;3,5;9\n2;4;10\n3;;7\n"
    raw = read_table(data, name="es.csv")
    assert (raw.delimiter, raw.decimal) == (";", ",")
    assert raw.frame["score"].tolist()[:2] == [3.5, 4.0]
    assert _nan(raw.frame["score"].iloc[2])
    assert raw.frame["nps"].tolist() == [9, 10, 7]
    assert any("decimal comma" in note for note in raw.notes)


def test_text_in_a_number_column_keeps_the_text() -> None:
    data = "id;valor\n1;3,5\n2;no sé\n3;N/A\n4;\n".encode()
    frame = read_table(data, name="x.csv").frame
    assert frame["valor"].tolist()[:3] == ["3,5", "no sé", "N/A"]
    assert _nan(frame["valor"].iloc[3])


def test_na_strings_are_kept_and_empty_cells_are_nan() -> None:
    data = b"a,b,c\nN/A,NA,Muy satisfecho\n,null,\n"
    frame = read_table(data, name="x.csv").frame
    assert frame["a"].iloc[0] == "N/A"
    assert frame["b"].tolist() == ["NA", "null"]
    assert frame["c"].iloc[0] == "Muy satisfecho"
    assert _nan(frame["a"].iloc[1]) and _nan(frame["c"].iloc[1])


@pytest.mark.parametrize(("delimiter", "name"), [("\t", "tab"), ("|", "pipe"), (",", "comma")])
def test_other_delimiters(delimiter: str, name: str) -> None:
    lines = ["id", "q1", "comment"], ["1", "5", "good, fine"], ["2", "3", "meh; so so"]
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(lines)
    data = out.getvalue().encode()
    raw = read_table(data, name=f"{name}.txt")
    assert raw.delimiter == delimiter
    assert raw.frame["q1"].tolist() == [5, 3]
    assert raw.frame["comment"].tolist() == ["good, fine", "meh; so so"]


def test_cr_only_and_crlf_line_endings() -> None:
    for newline in ("\r", "\r\n"):
        data = newline.join(["id,q1", "1,5", "2,4", ""]).encode()
        raw = read_table(data, name="mac.csv")
        assert raw.frame["q1"].tolist() == [5, 4]
        assert raw.frame.shape == (2, 2)
    assert any("CR only" in note for note in read_table(b"a,b\r1,2\r", name="x").notes)


def test_ragged_rows_are_padded_and_extended() -> None:
    data = b"a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n"
    raw = read_table(data, name="ragged.csv")
    assert raw.ragged_rows == (3, 4)  # file rows: header is row 1
    assert list(raw.frame.columns) == ["a", "b", "c", "column_4"]
    assert raw.frame["a"].tolist() == [1, 4, 6, 10]
    assert _nan(raw.frame["c"].iloc[1])
    assert raw.frame["column_4"].iloc[2] == 9
    assert raw.frame["column_4"].drop(index=2).isna().all()
    assert any("file rows 3, 4" in note for note in raw.notes)


def test_quoted_fields_with_newlines_keep_spreadsheet_row_numbers() -> None:
    data = b'id,comment,q1\n1,"line one\nline two",5\n2,"say ""hi"", ok",4\n3,plain,3\n'
    raw = read_table(data, name="q.csv")
    assert raw.frame["comment"].tolist() == ["line one\nline two", 'say "hi", ok', "plain"]
    assert raw.first_data_line == 2
    assert raw.file_row(2) == 4  # the third data row is spreadsheet row 4


def test_blank_lines_inside_are_empty_rows_and_at_the_end_dropped() -> None:
    data = b"\n\nid,q1\n1,5\n\n2,4\n\n\n"
    raw = read_table(data, name="blank.csv")
    assert raw.first_data_line == 4  # two blank lines, then the header on line 3
    assert raw.frame["id"].iloc[[0, 2]].tolist() == [1, 2]
    assert raw.frame.iloc[1].isna().all()
    assert raw.file_row(2) == 6
    assert len(raw.frame) == 3
    assert any("2 empty rows at the end" in note for note in raw.notes)


def test_blank_and_duplicate_header_names() -> None:
    data = b" Q1 ,,Q1,column_2\n1,2,3,4\n"
    raw = read_table(data, name="dups.csv")
    assert list(raw.frame.columns) == ["Q1", "column_2", "Q1.1", "column_2.1"]
    assert any("made unique" in note for note in raw.notes)
    assert any("named by position: column_2" in note for note in raw.notes)


def test_header_only_file_gives_empty_frame_with_columns(tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_bytes(b"id,q1,q2\n")
    raw = read_table(path)
    assert list(raw.frame.columns) == ["id", "q1", "q2"]
    assert raw.frame.empty
    assert raw.first_data_line == 2


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (b"", r"`empty\.csv` is empty \(0 bytes\)"),
        (b"\n \r\n\t\n", r"contains no table \(only blank lines\)"),
    ],
)
def test_empty_files_are_refused(tmp_path: Path, data: bytes, match: str) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(data)
    with pytest.raises(UnreadableFileError, match=match):
        read_table(path)


def test_excel_sep_line() -> None:
    raw = read_table(b"sep=;\nid;score\n1;2,5\n", name="excel.csv")
    assert (raw.delimiter, raw.decimal, raw.first_data_line) == (";", ",", 3)
    assert raw.frame["score"].tolist() == [2.5]


def test_utf16_tab_delimited_excel_unicode_text() -> None:
    data = "id\tSatisfacción\n1\tMuy satisfecho\n".encode("utf-16")  # with BOM
    raw = read_table(data, name="unicode.txt")
    assert raw.encoding == "utf-16"
    assert raw.delimiter == "\t"
    assert raw.frame["Satisfacción"].tolist() == ["Muy satisfecho"]


def test_dates_and_booleans_stay_text() -> None:
    data = b"id,when,time,flag\n1,2024-01-05,12:30,true\n2,2024-02-06 10:00:00,13:45,false\n"
    frame = read_table(data, name="d.csv").frame
    assert frame["when"].tolist() == ["2024-01-05", "2024-02-06 10:00:00"]
    assert frame["time"].tolist() == ["12:30", "13:45"]
    assert frame["flag"].tolist() == ["true", "false"]


def test_surveymonkey_layout_with_continuation_columns() -> None:
    data = (
        b"RespondentID,Which channels?,,,Your comments,Age\n"
        b",Web,App,Other (please specify),Open-Ended Response,Response\n"
        b"101,Web,,,great,30-44\n"
        b"102,,App,fax,,18-29\n"
    )
    raw = read_table(data, name="sm.csv")
    assert raw.source_format == "surveymonkey"
    assert list(raw.frame.columns) == [
        "RespondentID",
        "Which channels? - Web",
        "Which channels? - App",
        "Which channels? - Other (please specify)",
        "Your comments",
        "Age",
    ]
    assert raw.labels["Which channels? - App"] == "Which channels? - App"
    assert raw.frame["Which channels? - Other (please specify)"].tolist()[1] == "fax"
    assert raw.first_data_line == 3


def test_qualtrics_without_import_id_row() -> None:
    data = (
        b"StartDate,ResponseId,Q1\nStart Date,Response ID,How satisfied?\n"
        b"2024-01-01,R_abc,5\n2024-01-02,R_def,4\n"
    )
    raw = read_table(data, name="q.csv")
    assert raw.source_format == "qualtrics"
    assert raw.labels == {
        "StartDate": "Start Date",
        "ResponseId": "Response ID",
        "Q1": "How satisfied?",
    }
    assert raw.frame["Q1"].tolist() == [5, 4]
    assert raw.first_data_line == 3


def test_plain_csv_with_response_id_is_not_mistaken_for_qualtrics() -> None:
    data = b"StartDate,ResponseId,Q1\n2024-01-01,R_abc,5\n"
    raw = read_table(data, name="plain.csv")
    assert raw.source_format == "csv"
    assert raw.frame["ResponseId"].tolist() == ["R_abc"]


# --------------------------------------------------------------------------- large CSVs


def _big_csv(rows: int) -> str:
    body = "".join(f"R_{i:06d},{i % 7 + 1},{(i % 10) / 2}\n" for i in range(rows))
    return "respondent_id,q1,q2\n" + body


def test_large_file_streams_past_the_sample(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text(_big_csv(60_000), encoding="utf-8")
    raw = read_table(path)
    assert raw.frame.shape == (60_000, 3)
    assert raw.frame["q1"].dtype == np.int64
    assert raw.frame["q2"].dtype == np.float64
    assert raw.frame["respondent_id"].iloc[-1] == "R_059999"
    assert raw.frame["q1"].sum() == sum(i % 7 + 1 for i in range(60_000))


def test_large_file_with_text_after_the_sample_keeps_it() -> None:
    text = _big_csv(80_000) + "R_x,no sé,\n" + "R_y,,3.5\n"
    raw = read_table(text.encode(), name="late.csv")
    assert raw.frame.shape == (80_002, 3)
    assert raw.frame["q1"].iloc[80_000] == "no sé"
    assert raw.frame["q1"].iloc[0] == "1"
    assert _nan(raw.frame["q1"].iloc[80_001])
    assert raw.frame["q2"].iloc[80_001] == 3.5


def test_large_file_with_late_ragged_row_and_late_cp1252_byte() -> None:
    text = _big_csv(80_000) + "R_z,1,2,extra\n"
    raw = read_table(text.encode() + "R_ñ,2,3\n".encode("cp1252"), name="late.csv")
    assert raw.ragged_rows == (80_002,)
    assert raw.frame["column_4"].iloc[80_000] == "extra"
    assert raw.frame["respondent_id"].iloc[-1] == "R_ñ"
    assert raw.encoding == "cp1252"


def test_large_file_with_few_huge_records() -> None:
    comment = "x" * 100_000
    data = f'id,comment\n1,"{comment}"\n2,short\n'.encode()
    raw = read_table(data, name="wide.csv")
    assert raw.frame["comment"].str.len().tolist() == [100_000, 5]


# --------------------------------------------------------------------------- other formats


def _workbook_bytes(rows: list[list[object]], *, title: str = "Datos", start_row: int = 1) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for r, row in enumerate(rows, start=start_row):
        for c, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(row=r, column=c, value=value)
    book.create_sheet("Otra")["A1"] = "nada"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_first_sheet_with_leading_blank_row(tmp_path: Path) -> None:
    rows = [["id", "Satisfacción", None, "comentario"], [1, 4.5, None, "no sé"], [2, 3, 7, None]]
    path = tmp_path / "encuesta.xlsx"
    path.write_bytes(_workbook_bytes(rows, start_row=2))
    raw = read_table(path)
    assert raw.source_format == "xlsx"
    assert raw.first_data_line == 3  # header on spreadsheet row 2
    assert list(raw.frame.columns) == ["id", "Satisfacción", "column_3", "comentario"]
    assert raw.frame["id"].tolist() == [1, 2]
    assert raw.frame["Satisfacción"].tolist() == [4.5, 3.0]
    assert raw.frame["comentario"].iloc[0] == "no sé"
    assert raw.encoding is None and raw.delimiter is None


def test_xlsx_sheet_by_name_and_missing_sheet() -> None:
    data = _workbook_bytes([["a"], [1]])
    raw = read_table(data, name="book.xlsx", sheet="Otra")
    assert list(raw.frame.columns) == ["nada"] and raw.frame.empty
    assert read_table(data, name="book.xlsx", sheet=0).frame["a"].tolist() == [1]
    with pytest.raises(UnreadableFileError, match="no sheet 'Nope'; its sheets are: Datos, Otra"):
        read_table(data, name="book.xlsx", sheet="Nope")


def test_xlsx_with_qualtrics_header_rows() -> None:
    rows = [
        ["StartDate", "ResponseId", "Q1"],
        ["Start Date", "Response ID", "¿Qué tal?"],
        ['{"ImportId":"startDate"}', '{"ImportId":"_recordId"}', '{"ImportId":"QID1"}'],
        ["2024-01-01", "R_1", 5],
        ["2024-01-02", "R_2", "no sé"],
    ]
    raw = read_table(_workbook_bytes(rows), name="qualtrics.xlsx")
    assert raw.source_format == "qualtrics"
    assert raw.first_data_line == 4
    assert raw.labels["Q1"] == "¿Qué tal?"
    assert raw.frame["Q1"].tolist() == [5, "no sé"]


def test_parquet(tmp_path: Path) -> None:
    frame = pd.DataFrame({"id": ["a", "b"], "q1": [1.5, np.nan], "q2": [1, 2]})
    path = tmp_path / "data.parquet"
    frame.to_parquet(path)
    raw = read_table(path)
    assert raw.source_format == "parquet"
    assert raw.first_data_line == 1
    pd.testing.assert_frame_equal(raw.frame, frame, check_dtype=False)


def test_json_records_and_nested_objects() -> None:
    records = [{"id": 1, "q1": 5, "extra": {"device": "phone"}}, {"id": 2, "q1": None, "c": ""}]
    raw = read_table(json.dumps(records).encode(), name="r.json")
    assert raw.source_format == "json"
    assert raw.first_data_line == 1
    assert raw.frame["id"].tolist() == [1, 2]
    assert raw.frame["extra.device"].iloc[0] == "phone"
    assert _nan(raw.frame["q1"].iloc[1]) and raw.frame["c"].isna().all()


def test_json_lines_with_a_blank_line() -> None:
    data = b'{"id": 1, "event": "view"}\n\n{"id": 2, "event": "buy"}\n'
    raw = read_table(data, name="events.jsonl")
    assert raw.frame["event"].iloc[[0, 2]].tolist() == ["view", "buy"]
    assert raw.frame.iloc[1].isna().all()
    assert raw.file_row(2) == 3


def test_json_columns_object_and_wrapped_records() -> None:
    columns = read_table(b'{"id": [1, 2], "q1": [3, 4]}', name="c.json").frame
    assert columns["q1"].tolist() == [3, 4]
    wrapped = read_table(b'{"responses": [{"id": 1}, {"id": 2}]}', name="w.json").frame
    assert wrapped["id"].tolist() == [1, 2]


@pytest.mark.parametrize(
    ("data", "name", "match"),
    [
        (b'[{"id": 1}, ', "bad.json", r"`bad\.json` is not valid JSON"),
        (b"[1, 2, 3]", "scalars.json", "not a list of records"),
        (b"{}", "empty.json", "not a list of records"),
        (b"[]", "none.json", "not a list of records"),
        (b"PK\x03\x04junk", "survey.xlsx", r"looks like an Excel workbook but is damaged"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "old.xls", r"Excel 97-2003"),
        (gzip.compress(b"a,b\n1,2\n"), "survey.csv.gz", "compressed with gzip"),
        (b"%PDF-1.7\n...", "report.pdf", "is a PDF document"),
        (bytes(range(256)) * 4, "junk.bin", "binary data"),
        (b"PAR1" + bytes(40), "broken.parquet", "looks like a Parquet file but cannot be read"),
        (b"$FL2" + bytes(40), "broken.sav", "looks like an SPSS file but cannot be read"),
    ],
)
def test_unreadable_inputs_say_what_they_are(data: bytes, name: str, match: str) -> None:
    with pytest.raises(UnreadableFileError, match=match) as caught:
        read_table(data, name=name)
    assert f"`{name}`" in str(caught.value)


def test_zip_without_workbook() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("survey.csv", "a,b\n1,2\n")
    with pytest.raises(UnreadableFileError, match="zip archive without an Excel workbook"):
        read_table(buffer.getvalue(), name="survey.zip")


# --------------------------------------------------------------------------- API


def test_upload_like_object_and_name_precedence() -> None:
    class UploadedFile(io.BytesIO):
        name = "subida.csv"

    upload = UploadedFile(b"id,q1\n1,5\n")
    upload.read()  # already consumed once: getvalue() still sees everything
    raw = read_table(upload)
    assert raw.name == "subida.csv"
    assert raw.frame["q1"].tolist() == [5]
    assert read_table(UploadedFile(b"id\n1\n"), name="otro.csv").name == "otro.csv"


def test_missing_path_and_wrong_type() -> None:
    with pytest.raises(UnreadableFileError, match="was not found"):
        read_table("/nonexistent/survey.csv")
    with pytest.raises(TypeError, match="takes a path, bytes or a binary file object"):
        read_table(42)


def test_errors_are_mot_errors_and_value_errors() -> None:
    with pytest.raises(MotError):
        read_table(b"", name="x.csv")
    with pytest.raises(ValueError):
        read_table(b"", name="x.csv")


def test_raw_table_contract() -> None:
    raw = read_table(b"id,q1\n1,5\n2,4\n", name="s.csv")
    assert isinstance(raw, RawTable)
    assert raw.source_format in SOURCE_FORMATS
    assert raw.file_row(0) == raw.first_data_line == 2
    assert list(raw.file_row(np.arange(2))) == [2, 3]
    assert repr(raw) == (
        "RawTable(name='s.csv', source_format='csv', rows=2, columns=2, first_data_line=2)"
    )
    with pytest.raises(AttributeError):
        raw.name = "other"  # type: ignore[misc]
    minimal = RawTable(frame=pd.DataFrame({"a": [1]}))
    assert (minimal.labels, minimal.value_labels, minimal.ragged_rows) == ({}, {}, ())


def test_a_data_row_saying_response_is_not_a_surveymonkey_header() -> None:
    raw = read_table(b"id,kind\n1,Response\n2,Request\n", name="plain.csv")
    assert raw.source_format == "csv"
    assert raw.frame["kind"].tolist() == ["Response", "Request"]


def test_trailing_delimiter_on_data_rows_is_not_ragged() -> None:
    raw = read_table(b"a,b,c\n1,2,3,\n4,5,6,\n7,8\n", name="trailing.csv")
    assert list(raw.frame.columns) == ["a", "b", "c"]
    assert raw.ragged_rows == (4,)  # only the short row
    assert raw.frame["c"].tolist()[:2] == [3, 6]


def test_a_stray_nul_does_not_make_a_text_file_binary() -> None:
    raw = read_table(b"id,comment\n1,ok\x00\n2,fine\n", name="nul.csv")
    assert raw.frame["comment"].tolist() == ["ok\x00", "fine"]
