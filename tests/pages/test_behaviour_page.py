"""The Behaviour page and the Data page's event-log tab, as a user meets them."""

import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from mot.journey import default_journey
from ui.state import DEMO, EventLogChoice

from .conftest import page_path

BEHAVIOUR = "pages/behaviour.py"
DATA = "pages/data.py"

# 6 users; u1–u3 land, view a product and buy (u3's purchase comes before its landing, so it
# does not count in order); u4 only lands; u5 has an unreadable time stamp on one row and a
# row without a user; u6 opens a newsletter (no touchpoint).
SMALL_LOG = b"""user,time,action,device
u1,2026-03-02T10:00:00Z,landing,mobile
u1,2026-03-02T10:01:00Z,product_view,mobile
u1,2026-03-02T10:05:00Z,purchase,mobile
u2,2026-03-03T09:00:00Z,landing,desktop
u2,2026-03-03T09:02:00Z,product_view,desktop
u2,2026-03-04T09:00:00Z,purchase,desktop
u3,2026-03-04T08:00:00Z,purchase,desktop
u3,2026-03-04T09:00:00Z,landing,desktop
u3,2026-03-04T09:01:00Z,product_view,desktop
u4,2026-03-05T12:00:00Z,landing,mobile
u5,not a date,landing,mobile
,2026-03-05T12:00:00Z,landing,mobile
u6,2026-03-06T12:00:00Z,newsletter_open,mobile
"""


def run(page: str, **state) -> AppTest:
    at = AppTest.from_file(page_path(page), default_timeout=120)
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def widget(elements, name: str):
    """The Behaviour page's widget ``name`` (its key also carries the log's key)."""
    return next(w for w in elements if w.key and w.key.startswith(f"behaviour_{name}_"))


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def text(at: AppTest) -> str:
    parts = [*at.markdown, *at.success, *at.info, *at.warning, *at.caption]
    return " ".join(p.value for p in parts)


@pytest.fixture(scope="module")
def demo() -> AppTest:
    at = run(BEHAVIOUR)
    assert not at.exception, at.exception
    return at


def test_demo_log_counts(demo):
    values = metrics(demo)
    assert values["Events"] == "175,038"
    assert values["Users"] == "23,995"
    assert values["Sessions"] == "74,596"
    # newsletter_open 24,138 + app_update 3,913 + account_login 3,005 (data/README.md)
    assert values["Unmatched events"] == "31,056"
    assert values["Rows left out"] == "0"
    assert not demo.error


def test_demo_funnel_sentence_and_tables(demo):
    summary = " ".join(s.value for s in demo.success)
    assert "users who reached Zero moment of truth (ZMOT)" in summary
    assert "in that order" in summary
    assert "largest loss" in summary
    funnel = [df for df in demo.dataframe if "Drop-off" in df.value.columns]
    assert funnel, "the funnel table is shown"
    assert list(funnel[0].value["Step"])[:2] == [
        "Zero moment of truth",
        "First moment of truth",
    ]


def test_demo_reach_table_comes_with_the_funnel(demo):
    reach = [df for df in demo.dataframe if "Sessions" in df.value.columns]
    assert reach, "the reach table is shown"
    table = reach[0].value.set_index("Touchpoint")
    # the demo's counts (tests/mot/test_behaviour.py): 23,817 users land, 20,164 search;
    # written as the cards write them
    assert table.loc["First moment of truth", "Users"] == "23,817"
    assert table.loc["Zero moment of truth", "Users"] == "20,164"
    assert table.loc["Ultimate moment of truth", "Events"] == "1,782"


def test_one_step_asks_for_two_and_keeps_the_reach():
    at = run(BEHAVIOUR)
    widget(at.multiselect, "steps").set_value(["FMOT"]).run()
    assert not at.exception
    assert any("at least two" in i.value.lower() for i in at.info)
    reach = [df for df in at.dataframe if "Sessions" in df.value.columns]
    assert reach[0].value.set_index("Touchpoint").loc["First moment of truth", "Users"] == "23,817"


def test_demo_draws_every_chart(demo):
    # funnel, time between, trend, segment funnel, conversion difference, converters against
    # the rest, repurchase: every respondent buys (data/README.md), and the default
    # conversion, a repeat purchase, splits them
    assert len(list(demo.get("vega_lite_chart"))) == 7
    assert not any("Every linked respondent" in i.value for i in demo.info)


def test_converters_of_a_later_event_are_compared():
    at = run(BEHAVIOUR)
    widget(at.selectbox, "converted_step").set_value("repurchase").run()
    assert not at.exception, at.exception
    assert len(list(at.get("vega_lite_chart"))) == 7
    summary = " ".join(s.value for s in at.success)
    assert "between the groups of conversion" in summary


def test_demo_trend_names_the_dips(demo):
    warnings = " ".join(w.value for w in demo.warning)
    assert "usually" in warnings  # at least one dip is named with its usual level


def test_demo_trend_names_the_incident_week_hidden_in_tmot(demo):
    # data/README.md, truth 7c: deliveries stop in the week of 13 July while tickets pile up;
    # TMOT's total stays near its usual level, so the page names the two events within it
    warnings = " ".join(w.value for w in demo.warning)
    assert (
        "**Third moment of truth**, week of 2026-07-13: **delivery** down to 94 users "
        "(usually 428); **support_ticket** up to 198 users (usually 25)"
    ) in warnings


def test_demo_trend_never_names_a_partial_week_and_names_spikes_as_dips(demo):
    named = " ".join(m.value for m in [*demo.warning, *demo.info])
    # the log's first and last weeks held 7 of its 8 dips: partial, not judged, said so
    assert "week of 2026-06-01" not in named and "week of 2026-08-17" not in named
    captions = " ".join(c.value for c in demo.caption)
    assert "first and last weeks (2026-06-01, 2026-08-17) are partial" in captions
    spikes = next(i.value for i in demo.info if i.value.startswith("Spikes"))
    # the parcels delayed by the incident arrive the week after
    assert "- **Third moment of truth**, week of 2026-07-20: 824 users, usually 572" in spikes
    dips = next(w.value for w in demo.warning if w.value.startswith("Dips"))
    assert "- **Third moment of truth**, week of 2026-08-10: 486 users, usually 572" in dips


def test_survey_link_defaults_to_a_repeat_purchase_that_splits_buyers(demo):
    choice = widget(demo.selectbox, "converted_step")
    assert choice.value == "" and choice.options[0] == "a repeat purchase"
    assert "Bought again" in metrics(demo) and metrics(demo)["Bought again"] != "0"
    summary = " ".join(s.value for s in demo.success)
    assert "between the groups of conversion" in summary


def test_a_conversion_everyone_reached_says_why_there_is_nothing_to_compare():
    at = run(BEHAVIOUR)
    widget(at.selectbox, "converted_step").set_value("purchase").run()
    assert not at.exception, at.exception
    infos = " ".join(i.value for i in at.info)
    assert "Every linked respondent reached purchase (2,000 of 2,000)" in infos
    assert len(list(at.get("vega_lite_chart"))) == 6  # no converters chart


def test_conversion_by_week_of_entry(demo):
    table = next(df.value for df in demo.dataframe if "Entered" in df.value.columns)
    assert list(table.columns[:2]) == ["Cohort", "Entered"]
    weeks = pd.to_datetime(table["Cohort"])
    assert (weeks.dt.day_of_week == 0).all() and weeks.is_monotonic_increasing
    entered = [int(n.replace(",", "")) for n in table["Entered"]]  # shown as 1,670
    assert sum(entered) == 20_164  # everyone who reached ZMOT, once


def test_event_level_trend_finds_the_delivery_incident():
    at = run(BEHAVIOUR)
    widget(at.segmented_control, "level").set_value("event").run()
    assert not at.exception, at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "**delivery**, week of 2026-07-13: 94 users" in warnings


def test_demo_segments_compare_variant_conversion():
    at = run(BEHAVIOUR)
    widget(at.selectbox, "segment").set_value("variant").run()
    assert not at.exception, at.exception
    tables = [df.value for df in at.dataframe if "Conversion A" in df.value.columns]
    assert tables, "the conversion comparison table is shown"
    assert set(tables[0]["Group A"]) | set(tables[0]["Group B"]) == {"A", "B"}
    times = [df.value for df in at.dataframe if "1st quartile" in df.value.columns]
    by_variant = next(t for t in times if "variant" in t.columns)
    assert set(by_variant["variant"]) == {"A", "B"}


def test_demo_survey_link(demo):
    values = metrics(demo)
    assert values["Respondents"] == "2,000"
    assert values["Found in the log"] == "2,000"
    assert values["Purchased"] == "2,000"  # respondents always buy (data/README.md)
    assert any("Repurchase, top box" in df.value.columns for df in demo.dataframe)


def test_spanish_numbers_and_labels():
    at = run(BEHAVIOUR, lang="es")
    assert not at.exception, at.exception
    values = metrics(at)
    assert values["Eventos"] == "175.038"
    assert at.title[0].value == "Comportamiento"
    assert "usuarios que llegaron a" in " ".join(s.value for s in at.success)
    # tables write numbers as the cards do
    reach = next(df.value for df in at.dataframe if "Sesiones" in df.value.columns)
    assert reach.set_index("Punto de contacto").loc["Momento cero de la verdad", "Usuarios"] == (
        "20.164"
    )
    warnings = " ".join(w.value for w in at.warning)
    assert "semana del 2026-07-13: **delivery** baja a 94 usuarios" in warnings


def test_uploaded_log_with_bad_rows_is_counted_not_dropped():
    log = EventLogChoice("shop.csv", SMALL_LOG)
    at = run(BEHAVIOUR, event_log=log)
    assert not at.exception, at.exception
    values = metrics(at)
    assert values["Events"] == "11"
    assert values["Rows left out"] == "2"
    assert values["Unmatched events"] == "1"
    assert "2 rows of the log were left out" in " ".join(w.value for w in at.warning)


def test_uploaded_log_funnel_counts_in_order():
    log = EventLogChoice("shop.csv", SMALL_LOG)
    at = run(BEHAVIOUR, event_log=log)
    funnel = next(df.value for df in at.dataframe if "Drop-off" in df.value.columns)
    # FMOT (landing, product_view) → SMOT (purchase): u1..u4 reach FMOT; u1, u2 buy after.
    assert list(funnel["Users"]) == ["4", "2"]


def test_broken_log_says_what_to_fix():
    log = EventLogChoice("broken.parquet", b"\x00\x01 not parquet" * 50)
    at = run(BEHAVIOUR, event_log=log)
    assert not at.exception, at.exception
    assert at.error and "broken.parquet" in at.error[0].value


def test_rules_from_the_journey_drive_the_mapping():
    # The journey file carries the rules: without UMOT keywords, its events become unmatched.
    journey = default_journey().to_dict()
    for step in journey["touchpoints"]:
        if step["id"] == "UMOT":
            step["events"] = []
    at = run(BEHAVIOUR, dataset=DEMO.with_journey(journey))
    assert not at.exception, at.exception
    # 31,056 + review_posted 998 + share 359; repurchase now matches SMOT's "purchase"
    assert metrics(at)["Unmatched events"] == "32,413"


def test_rules_editor_applies_edited_rules():
    at = run(BEHAVIOUR)
    at.button(key="behaviour_apply_rules").click().run()
    assert not at.exception, at.exception
    journey = json.loads(at.session_state["dataset"].journey_json)
    events = {step["id"]: step["events"] for step in journey["touchpoints"]}
    assert "purchase" in events["SMOT"] and "repurchase" in events["UMOT"]


def test_data_page_log_tab_on_an_upload():
    log = EventLogChoice("shop.csv", SMALL_LOG)
    at = run(DATA, event_log=log)
    assert not at.exception, at.exception
    values = metrics(at)
    assert values["Users"] == "5"  # u1–u4 and u6: u5's only row is bad
    assert at.selectbox(key=f"data_log_user_id_{log.key}").value == "user"
    assert at.selectbox(key=f"data_log_event_{log.key}").value == "action"
    bad = next(df.value for df in at.dataframe if "Example rows" in df.value.columns)
    assert set(bad["Problem"]) == {
        "missing user id (column `user`)",
        "unreadable time stamp (column `time`)",
    }


def test_data_page_log_columns_can_be_corrected():
    log = EventLogChoice("shop.csv", SMALL_LOG)
    at = run(DATA, event_log=log)
    at.selectbox(key=f"data_log_event_{log.key}").set_value("device")
    at.button(key="data_log_apply").click().run()
    assert not at.exception, at.exception
    chosen = at.session_state["event_log"].columns
    assert chosen["event"] == "device" and chosen["user_id"] == "user"


def test_data_page_broken_log_error_keeps_the_survey_tab():
    log = EventLogChoice("broken.csv", b"\x00\x01\x02\xff" * 300)
    at = run(DATA, event_log=log)
    assert not at.exception, at.exception
    assert any("broken.csv" in e.value for e in at.error)
    assert metrics(at)["Respondents"] == "2,000"  # the survey tab still renders


def test_a_ga4_export_gives_the_five_moment_funnel_with_no_rule_editing():
    # Issue 10: GA4's recommended e-commerce events, and page views of product pages, map to
    # the default journey's moments as GA4 means them.
    from tests.mot.ga4_log import ga4_log

    records, truth = ga4_log()
    content = ("\n".join(json.dumps(r) for r in records) + "\n").encode("utf-8")
    at = run(BEHAVIOUR, event_log=EventLogChoice("ga4_export.jsonl", content))
    assert not at.exception, at.exception
    funnel = next(df.value for df in at.dataframe if "Drop-off" in df.value.columns)
    assert funnel["Step"].str.endswith("moment of truth").all() and len(funnel) == 5
    expected = [len(truth[k]) for k in ("ZMOT", "FMOT", "SMOT", "TMOT", "TMOT_then_UMOT")]
    assert funnel["Users"].tolist() == [f"{n:,}" for n in expected]  # as the cards write them
    summary = " ".join(s.value for s in at.success)
    assert f"Of {len(truth['ZMOT'])} users who reached" in summary
    unmatched = next(df.value for df in at.dataframe if "Count" in df.value.columns)
    assert {"session_start", "first_visit", "user_engagement"} <= set(unmatched["Event"])
