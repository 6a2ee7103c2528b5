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
