"""Survey benchmarks: scoring, emotion curves and peak-end, loading a large export."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from bench.harness import ROOT, Result, best_time, best_times_interleaved, peak_memory_mb
from mot import MEASURES

DATA = ROOT / "bench" / "_data"


def tidy_ratings(
    n_respondents: int, touchpoints: int, measures: tuple[str, ...], seed: int = 1
) -> pd.DataFrame:
    """A tidy ratings table with categorical codes, as the loader produces it."""
    rng = np.random.default_rng(seed)
    per = touchpoints * len(measures)
    respondent = np.repeat(np.arange(n_respondents, dtype=np.int32), per)
    touchpoint = np.tile(
        np.repeat(np.arange(touchpoints, dtype=np.int16), len(measures)), n_respondents
    )
    measure = np.tile(
        np.array([MEASURES.index(m) for m in measures], dtype=np.int8), n_respondents * touchpoints
    )
    raw = rng.integers(1, 8, size=respondent.size)
    emotion = measure == MEASURES.index("emotion")
    value = np.where(emotion, (raw - 4) * 100 / 3, (raw - 1) * 100 / 6).astype(np.float64)
    ids = pd.Index([f"R{i:07d}" for i in range(n_respondents)])
    tps = [f"T{k:02d}" for k in range(touchpoints)]
    return pd.DataFrame(
        {
            "respondent_id": pd.Categorical.from_codes(respondent, categories=ids),
            "touchpoint": pd.Categorical.from_codes(touchpoint, categories=tps, ordered=True),
            "measure": pd.Categorical.from_codes(measure, categories=list(MEASURES)),
            "value": value,
            "top_box": raw >= 6,
        }
    )


def reference_groupby(ratings: pd.DataFrame) -> object:
    return ratings.groupby(["touchpoint", "measure"], observed=True)["value"].mean()


def bench_scoring(n_respondents: int = 1_000_000) -> list[Result]:
    from mot.scoring import score_utilities, utility_shifts

    ratings = tidy_ratings(n_respondents, 5, ("anticipated", "experienced", "retrospective"))
    reference = best_time(lambda: reference_groupby(ratings))
    ours = best_time(lambda: score_utilities(ratings))
    shifts = best_time(lambda: utility_shifts(ratings))
    label = f"{n_respondents:,} respondents × 5 touchpoints × 3 utilities"
    return [
        Result(f"score_utilities, {label}", ours, reference, "groupby-mean", 3.0),
        Result(
            f"utility_shifts (paired), {label}", shifts, reference, "groupby-mean", float("nan")
        ),
    ]


def bench_curves(n_respondents: int = 100_000) -> list[Result]:
    from mot.curves import curve_extremes, emotion_curve, extreme_locations, respondent_curves
    from mot.memory import peak_end

    ratings = tidy_ratings(n_respondents, 12, ("emotion",), seed=2)
    rng = np.random.default_rng(3)
    respondents = pd.DataFrame(
        {
            "respondent_id": ratings["respondent_id"].cat.categories.astype(str),
            "overall_retrospective": rng.uniform(0, 100, n_respondents),
        }
    )

    def complete() -> None:
        curve = emotion_curve(ratings)
        curve_extremes(curve)
        respondent_curves(ratings)
        extreme_locations(ratings)
        peak_end(ratings, respondents)

    reference = best_time(lambda: reference_groupby(ratings))
    ours = best_time(complete)
    label = f"emotion curve + peaks + peak-end, {n_respondents:,} respondents × 12 touchpoints"
    return [Result(label, ours, reference, "groupby-mean", 5.0)]


def export_csv(n_respondents: int = 1_000_000, columns: int = 40) -> Path:
    """A wide export: ResponseId plus rating columns named by the convention."""
    path = DATA / f"export_{n_respondents}x{columns}.csv"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(4)
    names = [
        f"T{k // 3:02d}_{('anticipated', 'experienced', 'retrospective')[k % 3]}"
        for k in range(columns - 1)
    ]
    table = pa.table(
        {
            "ResponseId": [f"R_{i:07d}" for i in range(n_respondents)],
            **{name: rng.integers(1, 8, n_respondents, dtype=np.int8) for name in names},
        }
    )
    pacsv.write_csv(table, path, pacsv.WriteOptions(quoting_style="none"))
    return path


_MEMORY_PROBE = """
import pandas as pd
from mot.io import read_table
path = {path!r}
_reset_peak()
base = _rss()
frame = read_table(path).frame
print(json.dumps({{"peak_mb": _peak(), "base_mb": base,
                   "frame_mb": frame.memory_usage(deep=True).sum() / 2**20}}))
"""


def bench_loading(n_respondents: int = 1_000_000) -> list[Result]:
    from mot.io import read_table

    path = export_csv(n_respondents)
    ours, reference = best_times_interleaved(
        lambda: read_table(path), lambda: pd.read_csv(path, engine="pyarrow")
    )
    memory = peak_memory_mb(_MEMORY_PROBE.format(path=str(path)))
    used = memory["peak_mb"] - memory["base_mb"]
    label = f"read a {n_respondents:,} × 40 export CSV"
    return [
        Result(label, ours, reference, 'read_csv(engine="pyarrow")', 2.0),
        Result(
            f"peak memory, {label}", used, memory["frame_mb"], "resulting frame", 2.0, unit="MiB"
        ),
    ]


def bench_survey_build(n_respondents: int = 1_000_000) -> list[Result]:
    """Informative: the whole load (read, map, validate, tidy) of the same export."""
    from mot.survey import load_survey

    path = export_csv(n_respondents)
    reference = best_time(lambda: pd.read_csv(path, engine="pyarrow"), repeat=1)
    journey = {"touchpoints": [{"id": f"T{k:02d}"} for k in range(13)]}
    from mot.journey import journey_from_dict

    ours = best_time(lambda: load_survey(path, journey=journey_from_dict(journey)), repeat=1)
    return [
        Result(
            f"load_survey to tidy tables, {n_respondents:,} × 40",
            ours,
            reference,
            'read_csv(engine="pyarrow")',
            float("nan"),
        )
    ]


QUESTION_STEMS = (
    "¿Qué esperaba de cada momento? (1-7) - {item}",
    "¿Qué tan satisfecho quedó con cada momento de su compra? (del 1 al 7) - {item}",
    "Mirando atrás, ¿cómo recuerda {item}? (1-7)",
    "¿Cómo se sintió durante {item}? (de -3 a +3)",
    "How satisfied were you with {item}? (1 to 7)",
    "What would be excellent for you at {item}? (1-7)",
)
QUESTION_ITEMS = (
    "la búsqueda de información", "la página del producto", "el proceso de compra",
    "la entrega del pedido", "compartir su opinión", "the checkout", "the delivery",
)  # fmt: skip


def bench_question_mapping(n_columns: int = 2_000, n_respondents: int = 1_000) -> list[Result]:
    """Suggesting the mapping of a wide export from its question texts (``Q…`` columns)."""
    from mot.journey import default_journey
    from mot.mapping import suggest_mapping

    rng = np.random.default_rng(4)
    frame = pd.DataFrame(
        {f"Q{i}": rng.integers(1, 8, size=n_respondents) for i in range(n_columns)}
    )
    labels = {
        f"Q{i}": QUESTION_STEMS[i % len(QUESTION_STEMS)].format(
            item=QUESTION_ITEMS[(i // len(QUESTION_STEMS)) % len(QUESTION_ITEMS)]
        )
        + f" [{i}]"
        for i in range(n_columns)
    }
    journey = default_journey()
    ours, reference = best_times_interleaved(
        lambda: suggest_mapping(frame, journey, labels=labels),
        lambda: suggest_mapping(frame, journey),
        repeat=3,
    )
    return [
        Result(
            f"suggest_mapping from question texts, {n_columns:,} columns × {n_respondents:,}",
            ours,
            reference,
            "the same columns without question texts",
            5.0,
        )
    ]


def dump(results: list[Result]) -> str:
    return json.dumps([r.__dict__ for r in results])
