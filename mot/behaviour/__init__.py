"""Event logs and the behaviour on them: opening, mapping to moments, reach, funnels, trends.

Every function takes a connection — a DuckDB connection, or a ``pyspark.sql.SparkSession``
when the log outgrows one machine — and the name of a view (``events_mapped`` by default, as
:func:`open_event_log` and :meth:`EventLog.mapped` build it) with at least the columns

``row_number BIGINT, user_id VARCHAR, session_id VARCHAR, ts TIMESTAMP (UTC),
event VARCHAR, touchpoint VARCHAR (NULL when unmatched)``

then property columns (``device``, ``channel``, ``variant``, ``revenue``, ...). Each metric
is written once, in DuckDB's SQL, and runs inside the engine: the log is never loaded into
pandas, only the small result table comes back. On Spark the same SQL is transpiled
(:mod:`mot.behaviour.engine`) and gives the same numbers; every function here runs on both engines.
Intervals and tests on those small tables are computed with numpy and :mod:`mot.compare`.

Definitions shared by the functions:

- a user's *segment* for user-level metrics (funnels) is the value of ``by`` on the event
  that puts them into the analysis (their first step-1 event, or for :func:`open_funnel`
  their first event of any step); sessions take the value of their first event. Events
  without a value are skipped (the first event *with* a value counts); users or sessions
  with no value at all are left out and counted in ``result.attrs["n_missing_segment"]``;
- a *session* is a user's: the pair ``(user_id, session_id)``, so session ids need only be
  unique per user (as GA4 numbers them); events without a session id are in no session;
- a *repeat purchase* is a second ``purchase`` event, or any ``repurchase`` event, strictly
  after the user's first ``purchase`` event (:func:`retention`, :func:`link_survey`).

The package, one family of questions per module (every public name is re-exported here, so
``from mot.behaviour import open_event_log, ordered_funnel`` and ``behaviour.trend(...)``
work):

- :mod:`~mot.behaviour.log`: opening a log (CSV, Parquet, JSON lines, GA4) as the standard
  view, its bad rows, event counts and unmatched events;
- :mod:`~mot.behaviour.rules`: keyword and page rules mapping events to the journey's moments;
- :mod:`~mot.behaviour.segments`, :mod:`~mot.behaviour.reach`, :mod:`~mot.behaviour.funnels`,
  :mod:`~mot.behaviour.timing` (time between touchpoints, bounce),
  :mod:`~mot.behaviour.retention`, :mod:`~mot.behaviour.trends`: the metrics;
- :mod:`~mot.behaviour.survey_link`: the log joined to the survey's respondents;
- :mod:`~mot.behaviour.insights`: what the dashboard reads off those metrics (bounce entry,
  largest loss, link counts, repurchase models);
- :mod:`~mot.behaviour.engine`: running a query on DuckDB or Spark.

Private modules share what several of them need: ``_sql`` (quoting and the shared query
parts), ``_base`` (the view's contract, result columns, checks), ``_reading`` (reading a
log's files) and ``_names`` (names compared without case or accents). Importing the package
does not import ``scipy.stats``: the few functions that need it import it when called.
"""

from mot.behaviour import engine
from mot.behaviour._base import (
    BOUNCE_COLUMNS,
    CONVERSION_COMPARE_COLUMNS,
    CONVERSION_FLAGS,
    CORE_COLUMNS,
    DEFAULT_VIEW,
    FUNNEL_COLUMNS,
    LINK_COLUMNS,
    MAD_SCALE,
    MAX_PERIODS,
    OFFSETTING_COLUMNS,
    PERIODS,
    REACH_BITS,
    REACH_COLUMNS,
    REPEAT_EVENTS,
    REPURCHASE_MODEL_COLUMNS,
    RETENTION_COLUMNS,
    TIME_BETWEEN_COLUMNS,
    TREND_COLUMNS,
    wilson_interval,
)
from mot.behaviour._reading import (
    BAD_ROWS_COLUMNS,
    DATE_FORMATS,
    EARLIEST_TIMESTAMP,
    EPOCH_MILLIS_BELOW,
    EPOCH_SECONDS_BELOW,
    EVENT_COUNTS_COLUMNS,
    FUTURE_ALLOWANCE,
    PAGE_COLUMNS,
    REQUIRED_ROLES,
    ROLE_CANDIDATES,
    ROLES,
    STANDARD_COLUMNS,
    UNMATCHED_COLUMNS,
    timestamp_range,
)
from mot.behaviour.funnels import (
    FunnelAndReach,
    compare_conversion,
    funnel_and_reach,
    open_funnel,
    ordered_funnel,
)
from mot.behaviour.insights import (
    PURCHASE_EVENT,
    LargestLoss,
    LinkCounts,
    RepurchaseModels,
    bounce_entry,
    largest_loss,
    link_counts,
    mapped_events,
    repurchase_models,
)
from mot.behaviour.log import (
    MEMORY_LIMIT,
    EventLog,
    event_counts,
    open_event_log,
    preview_events,
    source_columns,
    unmatched_events,
)
from mot.behaviour.reach import (
    touchpoint_reach,
)
from mot.behaviour.retention import (
    retention,
)
from mot.behaviour.rules import (
    PAGE_RULE_SEPARATOR,
    RULES_COLUMNS,
    EventRules,
    journey_with_rules,
    rules_frame,
    rules_from_frame,
    rules_from_journey,
)
from mot.behaviour.segments import (
    SEGMENT_MAX_VALUES,
    segment_columns,
)
from mot.behaviour.survey_link import (
    link_survey,
    logistic_slope,
    utilities_by_conversion,
    utility_predicts_repurchase,
)
from mot.behaviour.timing import (
    bounce_rate,
    time_between,
)
from mot.behaviour.trends import (
    event_trend,
    offsetting_events,
    trend,
)

__all__ = [
    "BAD_ROWS_COLUMNS",
    "BOUNCE_COLUMNS",
    "CONVERSION_COMPARE_COLUMNS",
    "CONVERSION_FLAGS",
    "CORE_COLUMNS",
    "DATE_FORMATS",
    "DEFAULT_VIEW",
    "EARLIEST_TIMESTAMP",
    "EPOCH_MILLIS_BELOW",
    "EPOCH_SECONDS_BELOW",
    "EVENT_COUNTS_COLUMNS",
    "FUNNEL_COLUMNS",
    "FUTURE_ALLOWANCE",
    "LINK_COLUMNS",
    "MAD_SCALE",
    "MAX_PERIODS",
    "MEMORY_LIMIT",
    "OFFSETTING_COLUMNS",
    "PAGE_COLUMNS",
    "PAGE_RULE_SEPARATOR",
    "PERIODS",
    "PURCHASE_EVENT",
    "REACH_BITS",
    "REACH_COLUMNS",
    "REPEAT_EVENTS",
    "REPURCHASE_MODEL_COLUMNS",
    "REQUIRED_ROLES",
    "RETENTION_COLUMNS",
    "ROLES",
    "ROLE_CANDIDATES",
    "RULES_COLUMNS",
    "SEGMENT_MAX_VALUES",
    "STANDARD_COLUMNS",
    "TIME_BETWEEN_COLUMNS",
    "TREND_COLUMNS",
    "UNMATCHED_COLUMNS",
    "EventLog",
    "EventRules",
    "FunnelAndReach",
    "LargestLoss",
    "LinkCounts",
    "RepurchaseModels",
    "bounce_entry",
    "bounce_rate",
    "compare_conversion",
    "engine",
    "event_counts",
    "event_trend",
    "funnel_and_reach",
    "journey_with_rules",
    "largest_loss",
    "link_counts",
    "link_survey",
    "logistic_slope",
    "mapped_events",
    "offsetting_events",
    "open_event_log",
    "open_funnel",
    "ordered_funnel",
    "preview_events",
    "repurchase_models",
    "retention",
    "rules_frame",
    "rules_from_frame",
    "rules_from_journey",
    "segment_columns",
    "source_columns",
    "time_between",
    "timestamp_range",
    "touchpoint_reach",
    "trend",
    "unmatched_events",
    "utilities_by_conversion",
    "utility_predicts_repurchase",
    "wilson_interval",
]
