"""The light-weight distribution functions and peak finder agree with scipy's own."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import signal, stats

from mot.curves import find_peaks
from mot.distributions import norm_ppf, norm_sf, t_ppf, t_sf


def test_t_and_normal_match_scipy_stats():
    q = np.array([0.5, 0.9, 0.975, 0.995])
    df = np.array([1, 4, 30, 1000])
    assert np.allclose(t_ppf(q, df), stats.t.ppf(q, df))
    x = np.array([-2.0, 0.0, 1.5, 6.0])
    assert np.allclose(t_sf(x, df), stats.t.sf(x, df))
    assert np.allclose(norm_ppf(q), stats.norm.ppf(q))
    assert np.allclose(norm_sf(x), stats.norm.sf(x))
    assert np.isnan(t_sf(1.0, np.nan))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(-5, 5), min_size=1, max_size=14), st.floats(0, 6))
def test_find_peaks_matches_scipy_signal(values, prominence):
    x = np.array(values, dtype=float)
    ours = find_peaks(x, prominence=prominence)
    found, properties = signal.find_peaks(x, prominence=prominence)
    assert [i for i, _ in ours] == found.tolist()
    assert np.allclose([p for _, p in ours], properties["prominences"])
