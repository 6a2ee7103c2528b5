"""Chart builders: one pure function per chart of the dashboard, each returning an Altair chart.

Every builder takes one of the library's tidy result tables (see ``docs/ARCHITECTURE.md``)
and returns an ``alt.Chart`` or a layered, faceted or concatenated chart; it never mutates
its input and never draws anything itself. This is the only package of :mod:`mot` that
imports altair.

Conventions shared by the builders:

- Touchpoints are shown in journey order: the order of the categories of the
  ``touchpoint`` column (ordered categorical in every library table), or of ``position``
  when the table has one. ``labels`` maps a touchpoint id to its display label in the
  current language (``Journey.labels("es")``); by default the id is shown. The data keep
  the id in the field ``touchpoint`` and the label in the field ``label``.
- ``text`` overrides the default English titles, legend entries and tooltip titles: any
  mapping whose keys are those of :data:`DEFAULT_TEXT` (extra keys are ignored, so one
  catalogue can serve every builder). Each builder lists the keys it reads. A segment
  column ``by`` is titled ``text[by]`` when given, else its name.
- Semantic colours are fixed (Okabe–Ito, colour-blind safe): anticipated sky, experienced
  blue, retrospective orange; peaks green, troughs vermillion. Everything else about the
  look (fonts, sizes, line widths, palette) comes from one registered theme:
  :func:`register_themes` registers ``"mot"`` and ``"mot_large"`` (for projectors) and
  :func:`use_theme` enables one. Render with ``st.altair_chart(chart, theme=None)`` so that
  Streamlit's own theme does not replace ours.
- An empty table with the right columns gives a valid, empty chart. A table that is not a
  DataFrame, lacks a needed column or repeats a touchpoint (a by-segment table passed
  without ``by``) raises :class:`mot.errors.MotError` with a message saying what to pass.
- Rows whose interval is missing (NaN, e.g. ``n < 2``) get no error bar; the estimate is
  still drawn.

One module per page family: :mod:`~mot.charts.utilities`, :mod:`~mot.charts.emotion`,
:mod:`~mot.charts.journey_map`, :mod:`~mot.charts.memory`, :mod:`~mot.charts.gaps`,
:mod:`~mot.charts.drivers` (drivers, comparisons, NPS), :mod:`~mot.charts.behaviour` (event
logs), :mod:`~mot.charts.workshop` (a live room) and :mod:`~mot.charts.deck` (a touchpoint's
slide of the workshop's deck); the look in :mod:`~mot.charts.theme`, the English texts in
:mod:`~mot.charts.texts`, number and date locales in :mod:`~mot.charts.locales`. Every
public name is re-exported
here: ``from mot import charts; charts.utilities_chart(...)``.
"""

from mot.charts._base import (
    COMPARISONS,
    GAP_LEVELS,
    NPS_CLASSES,
    PREDICTORS,
    QUADRANTS,
    UTILITIES,
    VERDICTS,
    AnyChart,
)
from mot.charts._layers import EMOTION_RANGE
from mot.charts.behaviour import (
    MAX_TREND_ROWS,
    behaviour_trend_chart,
    conversion_difference_chart,
    funnel_chart,
    repurchase_chart,
    time_between_chart,
)
from mot.charts.deck import DECK_LEVEL_COLORS, DECK_LEVELS, deck_levels_chart
from mot.charts.drivers import comparison_chart, drivers_chart, nps_chart
from mot.charts.emotion import emotion_curve_chart, extreme_locations_chart
from mot.charts.gaps import gaps_chart, importance_performance_chart, priorities_chart
from mot.charts.journey_map import journey_map_chart
from mot.charts.locales import NUMBER_LOCALES, TIME_LOCALES, localised
from mot.charts.memory import memory_scatter_chart, peak_end_chart
from mot.charts.texts import DEFAULT_TEXT
from mot.charts.theme import (
    BLACK,
    BLUE,
    DARK_BACKGROUND,
    DARK_COLOURS,
    DARK_INK,
    EXTREME_COLORS,
    FONT,
    GAP_LEVEL_COLORS,
    GREEN,
    GREY,
    INK,
    LARGE_SCALE,
    LIGHT_GREY,
    NPS_COLORS,
    ORANGE,
    PALETTE,
    PURPLE,
    QUADRANT_COLORS,
    SKY,
    THEME,
    THEME_LARGE,
    UTILITY_COLORS,
    UTILITY_SHAPES,
    VERDICT_COLORS,
    VERMILLION,
    YELLOW,
    on_dark,
    register_themes,
    themed_spec,
    use_theme,
)
from mot.charts.utilities import shifts_chart, utilities_chart
from mot.charts.waves import wave_changes_chart, wave_trend_chart
from mot.charts.workshop import room_distribution_chart

__all__ = [
    "BLACK",
    "BLUE",
    "COMPARISONS",
    "DARK_BACKGROUND",
    "DARK_COLOURS",
    "DARK_INK",
    "DECK_LEVELS",
    "DECK_LEVEL_COLORS",
    "DEFAULT_TEXT",
    "EMOTION_RANGE",
    "EXTREME_COLORS",
    "FONT",
    "GAP_LEVELS",
    "GAP_LEVEL_COLORS",
    "GREEN",
    "GREY",
    "INK",
    "LARGE_SCALE",
    "LIGHT_GREY",
    "MAX_TREND_ROWS",
    "NPS_CLASSES",
    "NPS_COLORS",
    "NUMBER_LOCALES",
    "ORANGE",
    "PALETTE",
    "PREDICTORS",
    "PURPLE",
    "QUADRANTS",
    "QUADRANT_COLORS",
    "SKY",
    "THEME",
    "THEME_LARGE",
    "TIME_LOCALES",
    "UTILITIES",
    "UTILITY_COLORS",
    "UTILITY_SHAPES",
    "VERDICTS",
    "VERDICT_COLORS",
    "VERMILLION",
    "YELLOW",
    "AnyChart",
    "behaviour_trend_chart",
    "comparison_chart",
    "conversion_difference_chart",
    "deck_levels_chart",
    "drivers_chart",
    "emotion_curve_chart",
    "extreme_locations_chart",
    "funnel_chart",
    "gaps_chart",
    "importance_performance_chart",
    "journey_map_chart",
    "localised",
    "memory_scatter_chart",
    "nps_chart",
    "on_dark",
    "peak_end_chart",
    "priorities_chart",
    "register_themes",
    "repurchase_chart",
    "room_distribution_chart",
    "shifts_chart",
    "themed_spec",
    "time_between_chart",
    "use_theme",
    "utilities_chart",
    "wave_changes_chart",
    "wave_trend_chart",
]
