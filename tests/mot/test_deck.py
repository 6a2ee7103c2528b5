"""The workshop's follow-up deck, read back with python-pptx as PowerPoint would open it.

The expected numbers are computed here from the room's means (the gaps as experienced −
expected and − excellent, rounded to one decimal); the texts are the catalogue's.
"""

from __future__ import annotations

import datetime
import io
import math
import subprocess
import sys
import zipfile

import pandas as pd
import pytest
from pptx import Presentation
from pptx.util import Emu

from mot import messages
from mot.actions import actions_frame
from mot.chart_export import PNG_SIGNATURE
from mot.deck import (
    COMMENT_BUDGET,
    COMMENT_LIMIT,
    DECK_SUMMARY_COLUMNS,
    MAX_ACTIONS,
    PPTX_SIGNATURE,
    clean_text,
    workshop_deck,
)
from mot.errors import ExportError, MotError
from mot.store import Action
from tests.conftest import ROOT
from tests.english import fragments

WHEN = datetime.date(2026, 3, 2)
NAN = math.nan
MEANS = {  # touchpoint: (label, n, expected, excellent, experienced, emotion)
    "ZMOT": ("Search & reviews", 18, 5.2, 6.4, 5.6, 1.1),
    "FMOT": ("Product page", 17, 5.0, 6.6, 5.3, 0.4),
    "TMOT": ("Delivery", 16, 6.1, 6.8, 3.9, -1.6),
    "UMOT": ("Share", 0, NAN, NAN, NAN, NAN),
}


def room_summary(means: dict = MEANS) -> pd.DataFrame:
    rows = [
        {"touchpoint": tp, "label": label, "n": n, "expected": e, "excellent": x,
         "experienced": v, "emotion": m, "gap_expected": v - e, "gap_excellent": v - x}
        for tp, (label, n, e, x, v, m) in means.items()
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=list(DECK_SUMMARY_COLUMNS))


COMMENTS = pd.DataFrame(
    {
        "touchpoint": ["TMOT"] * 7 + ["FMOT"],
        "comment": [f"Delivery comment {i}" for i in range(6)] + ["z" * 1000, "Nice photos"],
    }
)
ACTIONS = actions_frame(
    [Action(f"t{i}", "w", "TMOT", f"Delivery action {i}", owner=f"Owner {i}",
            status=("idea", "planned", "doing", "done")[i % 4],
            due=datetime.date(2026, 4, 1 + i) if i % 2 == 0 else None)
     for i in range(MAX_ACTIONS + 1)]
    + [Action("f1", "w", "FMOT", "Bigger photos", owner="Marta", status="done"),
       Action("x1", "w", "GONE", "Old touchpoint", status="idea")]
)  # fmt: skip


def open_deck(data: bytes):
    assert data[:4] == PPTX_SIGNATURE
    return Presentation(io.BytesIO(data))


def texts(slide) -> list[str]:
    """Every paragraph of the slide's text boxes, placeholders and table cells."""
    found = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            found += [p.text for p in shape.text_frame.paragraphs]
        if shape.has_table:
            found += [
                p.text
                for row in shape.table.rows
                for cell in row.cells
                for p in cell.text_frame.paragraphs
            ]
    return found


def table_rows(slide) -> list[list[str]]:
    (table,) = [shape.table for shape in slide.shapes if shape.has_table]
    return [[cell.text for cell in row.cells] for row in table.rows]


def pictures(slide) -> list:
    return [shape for shape in slide.shapes if shape.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE


def signed(value: float, decimal: str = ".") -> str:
    """A gap as the deck writes it: one decimal, a true minus sign, a plus above zero."""
    text = f"{abs(value):.1f}".replace(".", decimal)
    return ("−" if value < 0 else "+") + text if float(text.replace(",", ".")) else text


@pytest.fixture(scope="module")
def english():
    return open_deck(
        workshop_deck(room_summary(), COMMENTS, ACTIONS, title="Room 1", when=WHEN, top_comments=5)
    )


@pytest.fixture(scope="module")
def spanish():
    data = workshop_deck(
        room_summary(), COMMENTS, ACTIONS, title="Sala 1", language="es", when=WHEN
    )
    return open_deck(data)


def test_a_title_slide_one_slide_per_touchpoint_and_the_ranking(english):
    slides = list(english.slides)
    assert len(slides) == 1 + len(MEANS) + 1
    titles = [slide.shapes.title.text for slide in slides]
    assert titles == ["Room 1", *(label for label, *_ in MEANS.values()), "Largest gaps"]
    assert english.slide_width * 9 == english.slide_height * 16  # 16:9
    assert english.core_properties.title == "Room 1"


def test_the_title_slide_has_the_date_and_the_counts(english):
    shown = texts(english.slides[0])
    answers = sum(n for _, n, *_ in MEANS.values())  # 51
    for line in ("Workshop follow-up", "Date: 2026-03-02", "Touchpoints: 4", f"Answers: {answers}"):
        assert line in shown


def test_the_date_is_today_by_default():
    deck = open_deck(workshop_deck(room_summary(), COMMENTS, ACTIONS, title="R"))
    assert f"Date: {datetime.date.today().isoformat()}" in texts(deck.slides[0])


def test_every_answered_touchpoint_has_its_chart_as_a_png_picture(english):
    for slide, (tp, (_, n, *_)) in zip(list(english.slides)[1:-1], MEANS.items(), strict=True):
        found = pictures(slide)
        if n == 0:
            assert found == [], tp
            continue
        (picture,) = found
        assert picture.image.content_type == "image/png"
        assert picture.image.blob[:8] == PNG_SIGNATURE
        width, height = Emu(picture.width).inches, Emu(picture.height).inches
        assert 5 < width <= 6.6 and 1.5 < height <= 2.4  # the left column, above the gaps
        assert picture.left + picture.width <= english.slide_width
        alt = picture._element.nvPicPr.cNvPr.get("descr")
        assert alt.startswith("Chart: expected ") and "on the 1–7 scale" in alt
    delivery = pictures(english.slides[3])[0]._element.nvPicPr.cNvPr.get("descr")
    assert "expected 6.1, excellent 6.8, experienced 3.9" in delivery
    assert "mean emotion −1.6" in delivery


def test_the_gaps_are_written_with_their_sign(english):
    for slide, (label, n, e, x, v, _) in zip(
        list(english.slides)[1:-1], MEANS.values(), strict=True
    ):
        shown = texts(slide)
        if n == 0:
            assert not any(t.startswith("Experienced vs") for t in shown), label
            continue
        assert f"Experienced vs expected: {signed(v - e)}" in shown, label
        assert f"Experienced vs excellent: {signed(v - x)}" in shown, label
    delivery = texts(english.slides[3])
    assert "Experienced vs expected: −2.2" in delivery  # 3.9 − 6.1
    assert "Experienced vs excellent: −2.9" in delivery  # 3.9 − 6.8
    assert "Experienced vs expected: +0.3" in texts(english.slides[2])  # 5.3 − 5.0


def test_comments_are_capped_newest_first_and_as_typed(english):
    shown = texts(english.slides[3])
    assert "Comments (5 of 7)" in shown
    assert [t for t in shown if t.startswith("Delivery comment")] == [
        f"Delivery comment {i}" for i in range(5)
    ]
    few = open_deck(
        workshop_deck(room_summary(), COMMENTS, ACTIONS, title="R", when=WHEN, top_comments=2)
    )
    assert "Comments (2 of 7)" in texts(few.slides[3])
    assert "Delivery comment 2" not in texts(few.slides[3])
    none = open_deck(
        workshop_deck(room_summary(), COMMENTS, ACTIONS, title="R", when=WHEN, top_comments=0)
    )
    assert not any(t.startswith("Delivery comment") for t in texts(none.slides[3]))


def test_a_long_comment_is_cut_and_long_comments_are_fewer():
    comments = COMMENTS.iloc[6:]  # the 1000-character one first
    deck = open_deck(workshop_deck(room_summary(), comments, ACTIONS, title="R", when=WHEN))
    (cut,) = [t for t in texts(deck.slides[3]) if t.startswith("z")]
    assert len(cut) == COMMENT_LIMIT and cut == "z" * (COMMENT_LIMIT - 1) + "…"
    long = pd.DataFrame({"touchpoint": "TMOT", "comment": [f"{i} " + "w" * 500 for i in range(9)]})
    deck = open_deck(
        workshop_deck(room_summary(), long, ACTIONS, title="R", when=WHEN, top_comments=9)
    )
    shown = [t for t in texts(deck.slides[3]) if "www" in t]
    fit = COMMENT_BUDGET // COMMENT_LIMIT  # 4 comments of COMMENT_LIMIT characters
    assert len(shown) == fit and f"Comments ({fit} of 9)" in texts(deck.slides[3])
    assert [t.split()[0] for t in shown] == [str(i) for i in range(fit)]  # the newest


def test_the_actions_of_each_touchpoint_are_listed(english):
    rows = table_rows(english.slides[3])
    assert rows[0] == ["Action", "Owner", "Status", "Due"]
    statuses = {"idea": "Idea", "planned": "Planned", "doing": "Doing", "done": "Done"}
    expected = [
        [a.title, a.owner, statuses[a.status], a.due.isoformat() if a.due else "—"]
        for a in ACTIONS.head(MAX_ACTIONS).itertuples()
    ]
    assert rows[1:] == expected
    assert f"Actions ({MAX_ACTIONS} of {MAX_ACTIONS + 1})" in texts(english.slides[3])
    assert "Actions" in texts(english.slides[2])  # all of them shown
    assert table_rows(english.slides[2])[1:] == [["Bigger photos", "Marta", "Done", "—"]]
    assert "No action recorded for this touchpoint yet." in texts(english.slides[1])


def test_a_touchpoint_nobody_answered_still_has_its_slide(english):
    slide = english.slides[4]
    assert slide.shapes.title.text == "Share"
    shown = texts(slide)
    assert "Participants who answered: 0" in shown
    assert "Nobody has answered this touchpoint yet: no means, no gaps." in shown
    assert "No comments on this touchpoint." in shown


def test_the_last_slide_ranks_the_largest_gaps(english):
    slide = list(english.slides)[-1]
    rows = table_rows(slide)
    assert rows[0] == ["#", "Touchpoint", "Experienced − expected", "Experienced − excellent",
                       "Participants"]  # fmt: skip
    answered = {tp: m for tp, m in MEANS.items() if m[1]}
    order = sorted(answered, key=lambda tp: answered[tp][4] - answered[tp][2])
    assert [row[1] for row in rows[1:]] == [answered[tp][0] for tp in order]
    assert rows[1] == ["1", "Delivery", "−2.2", "−2.9", "16"]
    shown = texts(slide)
    assert "Not ranked, nobody answered them: Share." in shown
    assert "Actions naming a touchpoint that is not in this deck: 1 (GONE)." in shown


def test_the_spanish_deck_says_everything_in_spanish_with_decimal_commas(spanish):
    slides = list(spanish.slides)
    assert slides[-1].shapes.title.text == "Las brechas más grandes"
    assert "Seguimiento del taller" in texts(slides[0])
    assert "Puntos de contacto: 4" in texts(slides[0])
    delivery = texts(slides[3])
    assert "Vivido frente a lo esperado: −2,2" in delivery
    assert "Vivido frente a lo excelente: −2,9" in delivery
    assert "Participantes que respondieron: 16" in delivery
    assert "Comentarios (5 de 7)" in delivery and "Acciones (4 de 5)" in delivery
    assert table_rows(slides[3])[0] == ["Acción", "Responsable", "Estado", "Fecha límite"]
    assert [row[2] for row in table_rows(slides[3])[1:3]] == ["Idea", "Planificada"]
    assert table_rows(slides[-1])[1] == ["1", "Delivery", "−2,2", "−2,9", "16"]
    alt = pictures(slides[3])[0]._element.nvPicPr.cNvPr.get("descr")
    assert "esperado 6,1, excelente 6,8, vivido 3,9 en la escala 1–7" in alt
    assert spanish.core_properties.language == "es-ES"


def test_no_english_sentence_of_the_catalogue_shows_in_the_spanish_deck(spanish):
    shown = " ".join(t for slide in spanish.slides for t in texts(slide)).casefold()
    deck_texts = {c: p for c, p in messages.TEXTS.items() if c.startswith("deck.")}
    leaks = [f for en, es in deck_texts.values() for f in fragments(en, es) if f in shown]
    assert leaks == []


def test_large_numbers_are_grouped_the_language_s_way():
    means = {f"T{i}": (f"T{i}", 1500, 4.0, 6.0, 5.0, 0.0) for i in range(2)}
    deck = open_deck(
        workshop_deck(room_summary(means), COMMENTS, ACTIONS, title="R", language="es", when=WHEN)
    )
    assert "Respuestas: 3.000" in texts(deck.slides[0])
    assert "Participantes que respondieron: 1.500" in texts(deck.slides[1])


HOSTILE = (
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    '=HYPERLINK("http://example.invalid","click")',
    "+SUM(A1) @cmd -1",
    "**bold** _it_ `code` # heading [link](http://example.invalid)",
    "Señal ñ € — “comillas” ¿qué? 😀👍🏽👨‍👩‍👧",
    "مرحبا بالعالم שלום עולם",
    "NUL\x00 ESC\x1b[31m BEL\x07 DEL\x7f C1\x85 FFFE\ufffe lone\ud800 surrogate",
    "line\nbreak\r\nand\ttab",
    "_x0041_ looks like an Office escape",
    "long " * 2000,
    "",
)


def test_hostile_text_round_trips_as_typed():
    n = len(HOSTILE)
    typed = pd.Series(HOSTILE, dtype=object)  # Arrow strings cannot hold a lone surrogate
    ids = [f"tp{i}" for i in range(n)]
    summary = room_summary({tp: ("", 3, 4.0, 6.0, 5.0, 0.5) for tp in ids}).assign(label=typed)
    comments = pd.DataFrame({"touchpoint": ids, "comment": typed})
    actions = pd.DataFrame(
        {"touchpoint": ids, "title": typed, "owner": typed, "status": typed, "due": typed}
    )
    data = workshop_deck(summary, comments, actions, title=HOSTILE[7], when=WHEN)
    deck = open_deck(data)
    slides = list(deck.slides)
    assert len(slides) == n + 2
    assert slides[0].shapes.title.text == clean_text(HOSTILE[7], 120)
    for i, (slide, typed) in enumerate(zip(slides[1:-1], HOSTILE, strict=True)):
        shown = texts(slide)
        assert slide.shapes.title.text == (clean_text(typed, 120) or f"tp{i}")
        if clean_text(typed):
            assert clean_text(typed, COMMENT_LIMIT) in shown
            assert table_rows(slide)[1][:2] == [clean_text(typed, 60), clean_text(typed, 24)]
    assert texts(slides[1])[-1] == "<script>alert(1)</script>"
    assert slides[3].shapes.title.text == '=HYPERLINK("http://example.invalid","click")'
    assert slides[7].shapes.title.text == "مرحبا بالعالم שלום עולם"
    assert slides[6].shapes.title.text == "Señal ñ € — “comillas” ¿qué? 😀👍🏽👨‍👩‍👧"
    assert slides[8].shapes.title.text == "NUL ESC[31m BEL DEL C1 FFFE lone surrogate"
    assert slides[9].shapes.title.text == "line break and tab"
    assert slides[10].shapes.title.text == "_x0041_ looks like an Office escape"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = b"".join(archive.read(name) for name in archive.namelist() if name.endswith("ml"))
    assert b"_x0000_" not in xml and b"_x001B_" not in xml  # nothing escaped: left out
    assert b'TargetMode="External"' not in xml  # no link to the outside
    assert b"hlinkClick" not in xml and b"<script" not in xml  # "&lt;script" is text


def test_clean_text_leaves_out_only_what_a_slide_cannot_hold():
    assert clean_text("a\x00b\x1fc\x7fd\x9fe\ufffef\ud800g") == "abcdefg"
    assert clean_text("  two\n\nlines\t ") == "two lines"
    assert clean_text(None) == "" and clean_text(NAN) == "" and clean_text(12) == "12"
    assert clean_text("abcdef", limit=4) == "abc…"
    assert clean_text("=1+1 <b>x</b> **y** \u200f") == "=1+1 <b>x</b> **y** \u200f"


def test_an_empty_room_gives_the_title_and_the_ranking_only():
    empty = room_summary({})
    deck = open_deck(workshop_deck(empty, COMMENTS.iloc[:0], ACTIONS.iloc[:0], title="", when=WHEN))
    slides = list(deck.slides)
    assert [slide.shapes.title.text for slide in slides] == ["Workshop", "Largest gaps"]
    assert "Touchpoints: 0" in texts(slides[0]) and "Answers: 0" in texts(slides[0])
    assert "No touchpoint has answers yet: there is no gap to rank." in texts(slides[1])


def test_numbers_in_object_columns_and_missing_means_as_none_are_read():
    summary = room_summary().astype({"n": object, "expected": object})
    summary.loc[3, "expected"] = None
    deck = open_deck(workshop_deck(summary, COMMENTS, ACTIONS, title="R", when=WHEN))
    assert "Experienced vs expected: −2.2" in texts(deck.slides[3])


def test_nobody_answered_anything():
    summary = room_summary({"A": ("A", 0, NAN, NAN, NAN, NAN), "B": ("B", 0, NAN, NAN, NAN, NAN)})
    deck = open_deck(workshop_deck(summary, COMMENTS, ACTIONS, title="R", when=WHEN))
    assert [pictures(slide) for slide in deck.slides] == [[]] * 4
    assert "No touchpoint has answers yet: there is no gap to rank." in texts(deck.slides[3])


@pytest.mark.parametrize(
    ("table", "column"),
    [("summary", "gap_excellent"), ("summary", "label"), ("comments", "comment"),
     ("actions", "owner")],
)  # fmt: skip
def test_a_missing_column_is_a_typed_error_naming_it(table, column):
    tables = {"summary": room_summary(), "comments": COMMENTS, "actions": ACTIONS}
    tables[table] = tables[table].drop(columns=column)
    with pytest.raises(ExportError) as caught:
        workshop_deck(tables["summary"], tables["comments"], tables["actions"], title="R")
    assert isinstance(caught.value, MotError)
    message = caught.value.args[0]
    assert f"missing: {column}" in message and f"workshop_deck({table}=...)" in message
    assert f"faltan: {column}" in message.render("es")


@pytest.mark.parametrize(
    ("options", "says"),
    [
        ({"scale": (7, 1)}, "`scale` must be two numbers"),
        ({"scale": "1-7"}, "`scale` must be two numbers"),
        ({"scale": (1, math.inf)}, "`scale` must be two numbers"),
        ({"language": "fr"}, "`language` must be one of en, es"),
        ({"top_comments": -1}, "`top_comments` must be a whole number"),
        ({"top_comments": 2.5}, "`top_comments` must be a whole number"),
        ({"when": "2026-03-02"}, "`when` must be a date"),
        ({"title": None}, "`title` must be a text"),
    ],
)
def test_an_unusable_option_is_a_typed_error(options, says):
    kwargs = {"title": "R", **options}
    with pytest.raises(ExportError, match=says.replace("(", r"\(")):
        workshop_deck(room_summary(), COMMENTS, ACTIONS, **kwargs)


def test_a_summary_that_is_not_one_row_per_touchpoint_is_refused():
    twice = pd.concat([room_summary(), room_summary().iloc[:1]], ignore_index=True)
    with pytest.raises(ExportError, match="several rows for the touchpoint ZMOT"):
        workshop_deck(twice, COMMENTS, ACTIONS, title="R")
    text = room_summary().assign(expected="high")
    with pytest.raises(ExportError, match="`expected` must hold numbers"):
        workshop_deck(text, COMMENTS, ACTIONS, title="R")
    flags = room_summary().assign(n=True)
    with pytest.raises(ExportError, match="`n` must hold numbers"):
        workshop_deck(flags, COMMENTS, ACTIONS, title="R")
    with pytest.raises(ExportError, match="needs a table"):
        workshop_deck(room_summary().to_dict("records"), COMMENTS, ACTIONS, title="R")


def test_importing_the_deck_imports_neither_pptx_nor_the_chart_renderer():
    code = (
        "import sys, mot.deck; "
        "print(sorted(m for m in ('pptx', 'altair', 'vl_convert', 'lxml') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
