"""Moments-of-truth analytics: survey and behaviour data scored per touchpoint.

The library is pure Python over pandas, numpy and scipy. It never imports streamlit.
"""

from mot.vocabulary import MEASURES, OUTCOMES, UTILITIES

__all__ = ["MEASURES", "OUTCOMES", "UTILITIES"]
# MEASURES: per-touchpoint measures, in the order tables list them; UTILITIES: Kahneman's three
# sources of utility; OUTCOMES: respondent-level outcomes (``recommend`` stays on its raw 0–10
# scale, NPS needs it). Defined once, as Literal types, in mot.vocabulary.

__version__ = "0.1.0"
