"""The normal quantiles the behaviour intervals take without scipy (issue 11)."""

import subprocess
import sys

import pytest
from scipy import special

from mot.behaviour._base import NORMAL_QUANTILES, normal_quantile, wilson_interval
from tests.conftest import ROOT


@pytest.mark.parametrize("level", sorted(NORMAL_QUANTILES))
def test_each_constant_is_scipy_s_quantile_to_the_last_bit(level):
    assert NORMAL_QUANTILES[level] == float(special.ndtri((1 + level) / 2))


@pytest.mark.parametrize("level", [0.8, 0.9, 0.95, 0.975, 0.99])
def test_normal_quantile_is_ndtri_at_any_level(level):
    assert normal_quantile(level) == float(special.ndtri((1 + level) / 2))


def test_wilson_interval_is_the_same_with_the_constant_as_with_ndtri():
    # the formula of wilson_interval's docstring with scipy's z, on a few counts
    x, n = 8.0, 10.0
    z = special.ndtri(0.975)
    centre = (x + z**2 / 2) / (n + z**2)
    half = z / (n + z**2) * (x * (n - x) / n + z**2 / 4) ** 0.5
    low, high = wilson_interval(8, 10)
    assert (float(low), float(high)) == (centre - half, centre + half)


def test_importing_the_package_imports_no_scipy():
    code = "import sys, mot.behaviour; print([m for m in sys.modules if m.startswith('scipy')])"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
