"""The presenter view (issue 15): a title, one slide per touchpoint in journey order, an end;
Previous and Next (the keys click them: tests/e2e/test_present_browser.py), the slide in the
link, the curve's highlight on the slide's touchpoint, Spanish, labels from the file shown as
text, the demo, an upload and a workspace opened by its link."""

from __future__ import annotations

import json

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from mot.journey import default_journey
from tests.pages.conftest import VALID_EXPORT, page_path
from tests.pages.test_spanish_pages import english_on, shown_texts
from tests.pages.test_ui_safety import assert_no_markup
from ui import state
from ui.widgets import md_text

PAGE = "pages/present.py"
DEMO_TITLES = [
    "Demo survey",
    "Zero moment of truth",
    "First moment of truth",
    "Second moment of truth",
    "Third moment of truth",
    "Ultimate moment of truth",
    "Thank you",
]


def run(*, slide: str | None = None, **session) -> AppTest:
    at = AppTest.from_file(page_path(PAGE), default_timeout=180)
    for key, value in session.items():
        at.session_state[key] = value
    if slide is not None:
        at.query_params["slide"] = slide
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def press(at: AppTest, which: str) -> AppTest:
    at.button(key=f"present_{which}").click().run()
    assert not at.exception, at.exception
    return at


def title(at: AppTest) -> str:
    return at.title[0].value


def metrics(at: AppTest) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.delta) for m in at.metric}


def highlighted(at: AppTest) -> list[str]:
    """The touchpoints of the curve's highlight band (its first layer's rows)."""
    (chart,) = at.get("vega_lite_chart")
    spec = json.loads(chart.proto.spec)
    band = spec["layer"][0]
    assert band["mark"]["type"] == "rule" and "y" not in band["encoding"]
    (data,) = [d for d in chart.proto.datasets if d.name == band["data"]["name"]]
    rows = pa.ipc.open_stream(data.data.data).read_all().to_pylist()
    return [row["touchpoint"] for row in rows]


def test_next_walks_from_the_title_through_the_touchpoints_to_the_end():
    at = run()
    seen = [title(at)]
    assert at.button(key="present_previous").disabled
    assert "**1** · Zero moment of truth" in at.markdown[-1].value.replace("\u00a0", " ")
    for _ in range(6):
        press(at, "next")
        seen.append(title(at))
    assert seen == DEMO_TITLES
    assert at.query_params["slide"] == "7"
    assert at.button(key="present_next").disabled
    assert not at.button(key="present_previous").disabled
    press(at, "previous")
    assert title(at) == "Ultimate moment of truth"
    assert at.query_params["slide"] == "6"


def test_the_title_slide_names_the_data_and_its_size():
    at = run()
    assert [s.value for s in at.subheader] == ["E-commerce journey: 2,000 respondents"]
    captions = [c.value for c in at.caption]
    assert "Slide 1 of 7" in captions and "All respondents (no filter)" in captions


def test_a_touchpoint_slide_shows_its_utilities_gaps_and_a_sentence():
    at = run(slide="5")  # TMOT: the demo's delivery trough, 15.8 below expectation
    assert title(at) == "Third moment of truth"
    shown = metrics(at)
    assert shown["Anticipated"][0] == "76.3" and shown["Experienced"][0] == "60.5"
    assert shown["Remembered"][0] == "62.7" and shown["Excellent"][0] == "91.8"
    assert shown["Gap to expected"] == ("−15.8", "clearly below")
    assert shown["Gap to excellent"] == ("−31.3", "clearly below")
    assert at.caption[0].value == "Slide 5 of 7 · Touchpoint 4 of 5 · TMOT"
    sentence = at.markdown[-1].value
    assert sentence == (
        "Customers got 15.8 points less than they expected here. Excellent is 31.3 points away."
    )


def test_the_peak_and_the_end_are_named_on_their_slides_and_at_the_end():
    assert "**Peak**" in run(slide="4").caption[0].value  # SMOT, the demo's purchase peak
    assert "End of the journey" in run(slide="6").caption[0].value  # UMOT
    end = run(slide="7")
    assert title(end) == "Thank you"
    shown = metrics(end)
    assert shown["Emotional peak"] == ("Second moment of truth", "emotion +33.8")
    assert shown["The end"] == ("Ultimate moment of truth", "emotion +12.0")
    assert shown["Biggest gap"] == ("Third moment of truth", "−15.8 below expectation")
    assert shown["NPS"][0] == "6.9"
    assert end.markdown[-1].value == (
        "Customers remember the peak and the end most: Second moment of truth and Ultimate "
        "moment of truth."
    )


def test_the_highlight_follows_the_slide():
    at = run(slide="2")
    found = [highlighted(at)]
    for _ in range(4):
        press(at, "next")
        found.append(highlighted(at))
    assert found == [["ZMOT"], ["FMOT"], ["SMOT"], ["TMOT"], ["UMOT"]]
    assert at.get("vega_lite_chart"), "every touchpoint slide draws the curve"
    press(at, "next")
    assert at.get("vega_lite_chart") == []  # the end slide has no curve


@pytest.mark.parametrize(("asked", "shown"), [("4", 4), ("99", 7), ("0", 1), ("three", 1)])
def test_the_link_chooses_the_slide_within_the_deck(asked, shown):
    at = run(slide=asked)
    assert title(at) == DEMO_TITLES[shown - 1]
    assert at.caption[0].value.startswith(f"Slide {shown} of 7")


def test_presenting_forces_large_type():
    at = run()
    assert at.session_state[state.PRESENTING_KEY] is True
    assert state.LARGE_KEY not in at.session_state  # the sidebar's own switch is untouched


def test_in_spanish_every_slide_speaks_spanish():
    at = run(lang="es")
    titles, english = [title(at)], english_on(shown_texts(at))
    for _ in range(6):
        press(at, "next")
        titles.append(title(at))
        english += english_on(shown_texts(at))
    assert titles[0] == "Encuesta de demostración"
    assert titles[4] == "Tercer momento de la verdad" and titles[-1] == "Gracias"
    assert english == []
    assert at.button(key="present_previous").label == "Anterior"
    shown = metrics(run(lang="es", slide="5"))
    assert shown["Brecha con lo esperado"] == ("−15,8", "claramente por debajo")


def hostile_journey() -> dict:
    journey = default_journey().to_dict()
    journey["name"] = "Tour ![x](http://host/pixel)"
    for step, text in zip(
        journey["touchpoints"],
        [
            "![x](http://host/pixel)",
            "<img src=x onerror=alert(1)>",
            "**bold**",
            "[link](http://evil)",
            "# Big",
        ],
        strict=True,
    ):
        step["label_en"] = step["label_es"] = text
    return journey


@pytest.mark.parametrize("language", ["en", "es"])
def test_labels_from_the_file_are_shown_as_text_on_every_slide(language):
    journey = hostile_journey()
    at = run(dataset=state.DEMO.with_journey(journey), lang=language)
    assert_no_markup(at)
    labels = [step["label_en"] for step in journey["touchpoints"]]
    for label in labels:
        press(at, "next")
        assert_no_markup(at)
        assert title(at) == md_text(label)  # escaped: shown as typed
    press(at, "next")
    assert_no_markup(at)
    assert "Tour" not in " ".join(m.value for m in at.markdown)  # the journey name is not here
    end = metrics(at)
    peak = end["Emotional peak" if language == "en" else "Pico emocional"][0]
    assert peak == md_text("**bold**")  # SMOT's label, escaped


def test_an_upload_presents_its_own_touchpoints(valid_upload):
    at = run(dataset=valid_upload)
    assert title(at) == md_text("my_export.csv")
    assert at.caption[0].value == "Slide 1 of 4"  # FMOT and TMOT are rated, nothing else
    press(at, "next")
    assert title(at) == "First moment of truth"
    shown = metrics(at)
    # the measures the file has: no excellent, no remembered rating of a touchpoint
    assert list(shown) == ["Anticipated", "Experienced", "Gap to expected"]
    assert shown["Anticipated"][0] == "74.4" and shown["Experienced"][0] == "62.5"
    assert highlighted(at) == ["FMOT"]
    press(at, "next")
    assert title(at) == "Third moment of truth"
    assert shown != metrics(at)
    press(at, "next")
    assert title(at) == "Thank you"


def test_a_workspace_opened_by_its_link_is_presented(store):
    ws = store.create_workspace("Spring workshop")
    store.add_dataset(ws.id, kind="survey", file_name="spring.csv", content=VALID_EXPORT)
    at = AppTest.from_file(page_path("app.py"), default_timeout=180)
    at.switch_page(PAGE)
    at.query_params["w"] = ws.id
    at.run()
    assert not at.exception, at.exception
    assert title(at) == "Spring workshop"
    assert at.caption[0].value == "Slide 1 of 4"
    assert at.session_state[state.PRESENTING_KEY] is True
    press(at, "next")
    assert title(at) == "First moment of truth"
    assert at.query_params["w"] == ws.id and at.query_params["slide"] == "2"
    at.switch_page("pages/overview.py")
    at.run()
    assert not at.exception, at.exception
    assert at.session_state[state.PRESENTING_KEY] is False  # large type ends with the view
    assert "slide" not in at.query_params  # the slide belongs to the presenter view


def test_a_survey_of_emotions_alone_has_its_curve_and_its_peak_and_end():
    rows = ["ResponseId,FMOT_emocion,TMOT_emocion"]
    rows += [f"R{i},{2 + i % 2},{-3 + i % 2}" for i in range(30)]  # FMOT high, TMOT low
    choice = state.DatasetChoice(name="feelings.csv", content="\n".join(rows).encode())
    at = run(dataset=choice, slide="2")
    assert title(at) == "First moment of truth"
    assert len(at.metric) == 0  # no utility, no gap: no card
    captions = [c.value for c in at.caption]
    assert "No utilities: they need anticipated, experienced or remembered ratings." in captions
    assert "No gaps: they need expected or excellent ratings." in captions
    assert highlighted(at) == ["FMOT"]
    assert at.markdown[-1].value.startswith("Mean emotion here: +")
    end = metrics(run(dataset=choice, slide="4"))
    assert end["Emotional peak"][0] == "First moment of truth"
    assert end["The end"][0] == "Third moment of truth"
    assert end["Biggest gap"][0] == "–" and end["NPS"][0] == "–"
