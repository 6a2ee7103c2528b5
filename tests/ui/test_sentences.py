"""The sentences that say what an interval is, or why there is none (issue 12)."""

import pandas as pd

from mot.wom import nps
from ui import sentences


def test_nps_without_an_interval_says_why_in_both_languages():
    row = nps(pd.DataFrame({"recommend": [10, 9, 3]})).iloc[0]
    assert row["small_n"]
    assert sentences.nps_interval(row, language="en") == (
        "No interval: fewer than 10 answers · n = 3"
    )
    assert sentences.nps_interval(row, language="es") == (
        "Sin intervalo: menos de 10 respuestas · n = 3"
    )
    assert sentences.nps_interval(row, language="en", report=True) == (
        "Net Promoter Score 33.3 (no interval: fewer than 10 answers)."
    )


def test_nps_interval_names_its_method():
    row = nps(pd.DataFrame({"recommend": [10] * 10})).iloc[0]
    # Adjusted Wald: 47.5 to 106.3, cut at 100.
    assert sentences.nps_interval(row, language="en") == (
        "95% CI 47.5 to 100.0 (adjusted Wald) · n = 10"
    )
    wald = nps(pd.DataFrame({"recommend": [10] * 9 + [0]}), ci_method="wald").iloc[0]
    assert "(Wald)" in sentences.nps_interval(wald, language="es")


def test_flagged_names_lists_the_flagged_rows_only():
    table = pd.DataFrame({"group": list("abcdefghijk"), "small_n": [True] * 10 + [False]})
    names = sentences.flagged_names(table, "small_n", lambda row: row["group"])
    assert names == "a, b, c, d, e, f, g, h (+2)"
    assert sentences.flagged_names(table.assign(small_n=False), "small_n", str) is None
    assert sentences.flagged_names(table, "ci_clipped", str) is None
