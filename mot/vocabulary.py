"""The words the library's arguments take, defined once as ``Literal`` types.

Each type names the values one kind of argument accepts; the tuples beside them list those
values in the order tables and menus show them (they are the types' own arguments, so the
two can never disagree). Modules that own a family re-export their tuple (``mot.MEASURES``,
``mot.validation.SEVERITIES``, ``mot.scoring.CI_METHODS``, ``mot.compare.CORRECTIONS``,
``mot.behaviour.PERIODS``), so code written against those names keeps working.

Examples
--------
>>> CORRECTIONS
('holm', 'bonferroni', 'fdr_bh', 'none')
>>> DEFAULT_CORRECTION in CORRECTIONS
True
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = [
    "ACTION_STATUSES",
    "CI_METHODS",
    "CORRECTIONS",
    "DEFAULT_CORRECTION",
    "DRIVER_METHODS",
    "GAP_KINDS",
    "MEASURES",
    "NPS_CI_METHODS",
    "OUTCOMES",
    "PERIODS",
    "SEVERITIES",
    "UTILITIES",
    "ActionStatus",
    "CiMethod",
    "Correction",
    "DriverMethod",
    "GapKind",
    "Measure",
    "NpsCiMethod",
    "Outcome",
    "Period",
    "Severity",
    "Utility",
]

Utility = Literal["anticipated", "experienced", "retrospective"]
"""Kahneman's three sources of utility."""

Measure = Literal[
    "anticipated", "experienced", "retrospective", "excellent", "importance", "emotion"
]
"""Per-touchpoint measures of a survey."""

Outcome = Literal["recommend", "overall_satisfaction", "overall_retrospective", "repurchase"]
"""Respondent-level outcomes (``recommend`` on its raw 0–10 scale)."""

Severity = Literal["error", "warning"]
"""How bad a validation entry is."""

CiMethod = Literal["t", "bootstrap"]
"""How a utility's confidence interval is computed."""

NpsCiMethod = Literal["adjusted_wald", "wald"]
"""How the Net Promoter Score's confidence interval is computed (adjusted Wald first)."""

DriverMethod = Literal["relative_weights", "dominance"]
"""How driver importance divides R² among the predictors."""

Correction = Literal["holm", "bonferroni", "fdr_bh", "none"]
"""Multiple-comparison correction of p-values."""

Period = Literal["day", "week", "month"]
"""The period of an event-log trend or cohort."""

UTILITIES: tuple[Utility, ...] = get_args(Utility)
MEASURES: tuple[Measure, ...] = get_args(Measure)
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)
SEVERITIES: tuple[Severity, ...] = get_args(Severity)
CI_METHODS: tuple[CiMethod, ...] = get_args(CiMethod)
NPS_CI_METHODS: tuple[NpsCiMethod, ...] = get_args(NpsCiMethod)
DRIVER_METHODS: tuple[DriverMethod, ...] = get_args(DriverMethod)
CORRECTIONS: tuple[Correction, ...] = get_args(Correction)
PERIODS: tuple[Period, ...] = get_args(Period)

ActionStatus = Literal["idea", "planned", "doing", "done"]
"""Where a corrective action stands, from first thought to finished."""
GapKind = Literal["expected", "excellent"]
"""The gap an action addresses: experienced vs expected, or vs excellent."""
ACTION_STATUSES: tuple[ActionStatus, ...] = get_args(ActionStatus)
GAP_KINDS: tuple[GapKind, ...] = get_args(GapKind)

DEFAULT_CORRECTION: Correction = "holm"
"""The correction the app applies (and names in its sentences) when comparing groups."""
