"""The few distribution functions the everyday analyses need, from ``scipy.special``.

``scipy.stats`` takes about a second to import; ``scipy.special`` a fifth of that. The
dashboard's landing page only needs Student's t and the normal distribution, so the modules
on its path use these thin wrappers and leave ``scipy.stats`` to the analyses that need more.
Each matches its ``scipy.stats`` counterpart (tests/mot/test_distributions.py).
"""

from __future__ import annotations

import numpy as np
from scipy import special


def t_ppf(q: float | np.ndarray, df: float | np.ndarray) -> np.ndarray:
    """Quantile of Student's t: ``scipy.stats.t.ppf(q, df)``.

    Examples
    --------
    >>> round(float(t_ppf(0.975, 4)), 4)
    2.7764
    """
    return special.stdtrit(df, q)


def t_sf(x: float | np.ndarray, df: float | np.ndarray) -> np.ndarray:
    """Upper tail of Student's t: ``scipy.stats.t.sf(x, df)``."""
    return special.stdtr(df, -np.asarray(x, dtype=float))


def norm_ppf(q: float | np.ndarray) -> np.ndarray:
    """Quantile of the standard normal: ``scipy.stats.norm.ppf(q)``.

    Examples
    --------
    >>> round(float(norm_ppf(0.975)), 4)
    1.96
    """
    return special.ndtri(q)


def norm_sf(x: float | np.ndarray) -> np.ndarray:
    """Upper tail of the standard normal: ``scipy.stats.norm.sf(x)``."""
    return special.ndtr(-np.asarray(x, dtype=float))
