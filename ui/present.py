"""The presenter view's parts (``pages/present.py``): its slides, controls and look.

The slides, numbered as the link's ``slide`` says (:func:`ui.state.slide`, 1 = the title):

1. the title: the data's name (the workspace, the file or the demo), the journey and its
   respondents, the filter in force, the rated touchpoints in journey order;
2. one slide per rated touchpoint, in journey order (:func:`mot.summary.touchpoint_facts`):
   its label, the emotion curve with it highlighted, its utilities and gaps, a sentence;
3. the end: the emotional peak, the end of the curve, the biggest gap, the NPS, thanks.

Previous and Next buttons move along, and so do the keys → ← and Page Down / Page Up (what a
presenter's clicker sends): a constant script clicks those buttons. Large type is forced on
(:func:`ui.state.presenting`) and the sidebar hidden (``ui.frame.PRESENT_CSS``). Every text
from the data (labels, names) goes through :func:`ui.widgets.md_text`; no user text reaches
the HTML, the CSS or the script.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from mot.summary import JourneyHighlights
from ui import report_builder, sentences, state, views, widgets
from ui.data import Loaded
from ui.i18n import chart_text, number, signed, t

OVERVIEW_PAGE = "pages/overview.py"
PREVIOUS_KEY, NEXT_KEY = "present_previous", "present_next"
CURVE_HEIGHT = 170  # the emotion curve's plot on a touchpoint's slide (1280×720 fits it all)

# The keys of a presentation: → and Page Down click Next, ← and Page Up click Previous (a
# presenter's clicker sends Page Down / Page Up). Installed once per browser tab; keys typed
# in a field, or with a modifier, are left alone. Constant: nothing from the data.
KEYS_JS = f"""
<script>
(() => {{
  if (window.motPresenterKeys) return;
  window.motPresenterKeys = true;
  const buttons = {{
    ArrowRight: "{NEXT_KEY}", PageDown: "{NEXT_KEY}",
    ArrowLeft: "{PREVIOUS_KEY}", PageUp: "{PREVIOUS_KEY}",
  }};
  document.addEventListener("keydown", (event) => {{
    const key = buttons[event.key];
    if (!key || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target;
    const typing = target && (target.isContentEditable ||
      ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
    if (typing) return;
    const button = document.querySelector(".st-key-" + key + " button");
    if (!button || button.disabled) return;
    event.preventDefault();
    button.click();
  }});
}})();
</script>
"""


@dataclass(frozen=True)
class Deck:
    """The slides of a presentation: the title, one per touchpoint (ids in journey order),
    the end."""

    touchpoints: tuple[str, ...]

    @property
    def total(self) -> int:
        return len(self.touchpoints) + 2

    def touchpoint_at(self, slide: int) -> str | None:
        """The touchpoint of slide ``slide`` (None: the title or the end)."""
        return self.touchpoints[slide - 2] if 2 <= slide < self.total else None


def deck(facts: pd.DataFrame) -> Deck:
    """The slides for :func:`ui.queries.facts`: its touchpoints, in journey order."""
    return Deck(tuple(str(v) for v in facts["touchpoint"]))


def start() -> None:
    """Presenting: large type on (the frame hid the sidebar: ``ui.frame.PRESENT_CSS``) and
    the keys listened to."""
    state.presenting(True)
    with st.container(key="present_keys"):
        st.html(KEYS_JS, unsafe_allow_javascript=True)


def _move(step: int, total: int) -> None:
    """Go ``step`` slides on from the one the link shows now (a callback: two quick presses
    move two slides)."""
    state.show_slide(min(max(state.slide(total) + step, 1), total))


def controls(slide: int, total: int, note: str = "") -> None:
    """The bar above every slide: where we are (and ``note``, Markdown), Previous, Next, and
    the way out."""
    where = t("present.slide", n=number(slide, 0), total=number(total, 0))
    with st.container(horizontal=True, vertical_alignment="center", key="present_bar"):
        st.caption(f"{where} · {note}" if note else where)
        st.space("stretch")
        st.button(
            t("present.previous"),
            key=PREVIOUS_KEY,
            icon=":material/arrow_back:",
            disabled=slide <= 1,
            on_click=_move,
            args=(-1, total),
        )
        st.button(
            t("present.next"),
            key=NEXT_KEY,
            icon=":material/arrow_forward:",
            type="primary",
            disabled=slide >= total,
            on_click=_move,
            args=(1, total),
        )
        widgets.page_link(OVERVIEW_PAGE, t("present.leave"), icon=":material/close:")


def data_name() -> str:
    """What the title slide calls the data: the workspace's name, else the file's (or "Demo
    survey"), as Markdown-safe text."""
    shown, choice = state.workspace(), state.dataset()
    if shown is not None:
        return widgets.md_text(shown.name)
    return t("report.demo_name") if choice.is_demo else widgets.md_text(choice.name)


def scope(loaded: Loaded) -> str:
    """The filter in force (or "All respondents"), Markdown-safe."""
    return widgets.md_text(report_builder.report_scope(loaded, state.language()))


def journey_line(touchpoints: tuple[str, ...], labels: dict[str, str]) -> str:
    """The touchpoints in order as one line of Markdown: "1 · Search → 2 · Product page",
    each step kept whole when the line wraps (its spaces do not break)."""
    names = (widgets.md_text(labels.get(tp, tp)).replace(" ", "\u00a0") for tp in touchpoints)
    return " → ".join(f"**{i}**\u00a0·\u00a0{name}" for i, name in enumerate(names, start=1))


def fact_row(facts: pd.DataFrame, touchpoint: str) -> pd.Series:
    """The row of :func:`ui.queries.facts` at ``touchpoint``."""
    return views.first_row(views.rows_at(facts, touchpoint))


def kicker(touchpoint: str, slides: Deck, moment: str | None, h: JourneyHighlights) -> str:
    """The line above a touchpoint's title: its place, its moment, peak / trough / end."""
    i = slides.touchpoints.index(touchpoint) + 1
    parts = [t("present.position", i=number(i, 0), n=number(len(slides.touchpoints), 0))]
    if moment:
        parts.append(widgets.md_text(moment))
    text = chart_text()
    for kind, where in (("peak", h.peak_touchpoint), ("trough", h.trough_touchpoint)):
        if where == touchpoint:
            parts.append(f"**{text[kind]}**")
    if h.end_touchpoint == touchpoint:
        parts.append(t("present.end_marker"))
    return " · ".join(parts)


def _value(value: object, *, sign: bool = False) -> str:
    if value is None or pd.isna(value):
        return "–"
    return signed(float(value)) if sign else number(float(value))


def utility_cards(row: pd.Series, measures: tuple[str, ...]) -> list[tuple[str, str]]:
    """(label, value) of the touchpoint's anticipated, experienced and remembered utility
    and excellent (0–100): each that the survey has (``measures``), "–" where this
    touchpoint lacks it."""
    text = chart_text()
    shown = [
        m for m in ("anticipated", "experienced", "retrospective", "excellent") if m in measures
    ]
    return [(text[name], _value(row[name])) for name in shown]


def _verdict(value: object) -> str:
    if isinstance(value, str):
        return t(f"present.verdict.{value}")
    return t("chart.not_tested")


_COLOURS = {"below": "red", "above": "green"}
"""A verdict's colour on its card (no clear difference, or none: grey)."""


def gap_cards(row: pd.Series) -> list[tuple[str, str, str, str]]:
    """(label, signed gap, verdict, colour) of the gaps to expected and to excellent the
    touchpoint has (none without expected or excellent ratings)."""
    text, found = chart_text(), []
    for target in ("expected", "excellent"):
        gap, verdict = row[f"gap_to_{target}"], row[f"to_{target}"]
        if pd.notna(gap):
            colour = _COLOURS.get(verdict, "off") if isinstance(verdict, str) else "off"
            found.append(
                (text[f"gap_to_{target}"], _value(gap, sign=True), _verdict(verdict), colour)
            )
    return found


def sentence(row: pd.Series) -> str:
    """One plain line on the touchpoint: its gap to expected, then to excellent (from their
    verdicts); the mean emotion when it has no tested gap."""
    parts = []
    for target in ("expected", "excellent"):
        verdict = row[f"to_{target}"]
        if isinstance(verdict, str):
            gap = number(abs(float(row[f"gap_to_{target}"])))
            parts.append(t(f"present.say.{target}.{verdict}", gap=gap))
    if not parts and pd.notna(row["emotion"]):
        parts.append(t("present.say.emotion", emotion=signed(float(row["emotion"]))))
    return " ".join(parts) or t("present.say.nothing")


def cards(items: list[tuple], *, name: str, per_row: int = 4) -> None:
    """Metric cards side by side, ``per_row`` a row: (label, value), (label, value, detail)
    or (label, value, detail, colour of the detail), in a container keyed
    ``present_cards_<name>`` (the look of ``ui.frame.PRESENT_CSS``)."""
    with st.container(key=f"present_cards_{name}"):
        for first in range(0, len(items), per_row):
            with st.container(horizontal=True, gap="small", wrap=False):
                for label, value, *detail in items[first : first + per_row]:
                    st.metric(
                        label,
                        value,
                        delta=detail[0] if detail else None,
                        delta_color=detail[1] if len(detail) > 1 else "off",
                        delta_arrow="off",
                        border=True,
                        width="stretch",
                    )


def _named(touchpoint: str | None, labels: dict[str, str]) -> str:
    return widgets.md_text(labels.get(touchpoint, touchpoint)) if touchpoint else "–"


def end_cards(
    h: JourneyHighlights, nps: pd.DataFrame | None, labels: dict[str, str], language: str
) -> list[tuple[str, str, str]]:
    """(label, value, detail) of the end slide: the peak, the end, the biggest gap, the NPS."""
    gap = ""
    if h.gap_touchpoint and h.gap_kind:
        gap = f"{signed(h.gap)} {t(f'overview.gap.{h.gap_kind}')}"
    nps_value, nps_detail = "–", ""
    if nps is not None and len(nps):
        row = views.first_row(nps)
        nps_value = number(row["score"], 1)
        nps_detail = sentences.nps_interval(row, language=language)
    return [
        (
            t("present.peak"),
            _named(h.peak_touchpoint, labels),
            t("present.emotion_value", value=_value(h.peak_mean, sign=True)),
        ),
        (
            t("present.end"),
            _named(h.end_touchpoint, labels),
            t("present.emotion_value", value=_value(h.end_mean, sign=True)),
        ),
        (t("overview.gap"), _named(h.gap_touchpoint, labels), gap, "red" if gap else "off"),
        (t("overview.nps"), nps_value, nps_detail),
    ]


def closing(h: JourneyHighlights, labels: dict[str, str]) -> str | None:
    """The end slide's sentence: the peak and the end, which memory keeps (None without a
    curve)."""
    if not h.peak_touchpoint or not h.end_touchpoint:
        return None
    peak, end = _named(h.peak_touchpoint, labels), _named(h.end_touchpoint, labels)
    if h.peak_touchpoint == h.end_touchpoint:
        return t("present.close_same", peak=peak)
    return t("present.close", peak=peak, end=end)
