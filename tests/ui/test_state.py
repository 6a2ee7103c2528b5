"""ui.state: what the session looks at, read and written through one small interface."""

from streamlit.testing.v1 import AppTest

from ui import state


def _script():
    import streamlit as st

    from ui import state

    state.widget_default("page_choice", "week")
    state.widget_default("page_choice", "month")  # a default never overrides a value
    state.mark_log_upload_seen("upload-1")
    if state.built_report() is None:
        state.keep_built_report("a report")
    st.write(f"{st.session_state['page_choice']} {state.log_upload_seen()}")
    st.write(f"{state.dataset() == state.DEMO} {state.event_log() == state.DEMO_LOG}")


def test_session_values_are_kept_through_the_state_module():
    at = AppTest.from_function(_script, default_timeout=60).run()
    assert not at.exception, at.exception
    assert [m.value for m in at.markdown] == ["week upload-1", "True True"]
    assert at.session_state[state.REPORT_BUILT_KEY] == "a report"
    assert at.session_state[state.LOG_UPLOAD_SEEN_KEY] == "upload-1"


def test_the_keys_pages_and_tests_read_are_unchanged():
    assert state.REPORT_BUILT_KEY == "report_built"
    assert state.LOG_UPLOAD_SEEN_KEY == "data_log_upload_seen"


def _switch():
    import streamlit as st

    from ui import state

    st.session_state[state.FILTER_SEGMENT_KEY] = "device"
    st.session_state[state.FILTER_VALUES_KEY] = ["mobile"]
    before = state.respondent_filter()
    state.use_event_log(state.EventLogChoice("shop.csv", b"user_id,timestamp,event\n"))
    state.use_dataset(state.DEMO)  # a dataset switch clears a filter that may not apply
    st.write(f"{before} {state.respondent_filter()} {state.event_log().name}")


def test_switching_the_dataset_clears_the_filter():
    at = AppTest.from_function(_switch, default_timeout=60).run()
    assert not at.exception, at.exception
    assert [m.value for m in at.markdown] == ["('device', ('mobile',)) None shop.csv"]


def _bound_filter():
    import streamlit as st

    from ui import state

    state.apply_filter_reset()
    segment = st.selectbox(
        "segment", ["", "device"], key=state.FILTER_SEGMENT_KEY, bind="query-params"
    )
    if segment:
        st.multiselect(
            "keep", ["mobile", "desktop"], key=state.FILTER_VALUES_KEY, bind="query-params"
        )
    if st.button("other data", key="switch"):
        state.use_dataset(state.DEMO)
        st.rerun()
    st.write(f"{state.respondent_filter()}")


def test_a_filter_from_the_link_is_cleared_from_the_link_by_a_dataset_switch():
    at = AppTest.from_function(_bound_filter, default_timeout=60)
    at.query_params[state.FILTER_SEGMENT_KEY] = "device"
    at.query_params[state.FILTER_VALUES_KEY] = "mobile"
    at.run()
    assert [m.value for m in at.markdown] == ["('device', ('mobile',))"]
    at.button(key="switch").click().run()
    assert not at.exception, at.exception
    # Only removing the values from the session would let the link seed them again.
    assert [m.value for m in at.markdown] == ["None"]
    assert state.FILTER_SEGMENT_KEY not in at.query_params
    assert state.FILTER_VALUES_KEY not in at.query_params
    at.run()
    assert [m.value for m in at.markdown] == ["None"]


def _link_params():
    import streamlit as st

    from ui import state

    state.set_link_param("w", "abc")
    state.set_link_param("gone", None)
    state.choose_touchpoint("TMOT")
    picked = state.touchpoint(["FMOT", "TMOT"])
    unknown = state.touchpoint(["FMOT"])
    state.keep_page_params("utilities")  # the touchpoint belongs to the Emotion page
    st.write(f"{picked} {unknown} {state.link_param('touchpoint')} {state.link_param('w')}")


def test_link_parameters_are_read_and_written_through_the_state_module():
    at = AppTest.from_function(_link_params, default_timeout=60)
    at.query_params["gone"] = "x"
    at.run()
    assert not at.exception, at.exception
    assert [m.value for m in at.markdown] == ["TMOT None None abc"]
    assert dict(at.query_params) == {"w": "abc"}


def _keys():
    import streamlit as st

    from ui import state

    first = state.browser_key()
    state.remember_browser_key("not a key!")  # ignored: not what a key looks like
    kept = state.browser_key()
    state.remember_browser_key("K" * 32)  # what another tab already stored in the cookie
    st.write(f"{first == kept} {len(first) >= 32} {state.browser_key() == 'K' * 32}")
    st.write(first)


def test_the_browser_key_is_random_and_adopts_the_cookie_another_tab_set():
    at = AppTest.from_function(_keys, default_timeout=60).run()
    assert at.markdown[0].value == "True True True"
    other = AppTest.from_function(_keys, default_timeout=60).run()
    assert other.markdown[1].value != at.markdown[1].value  # each browser a key of its own
