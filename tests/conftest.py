from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REALDATA = ROOT.parent / "shared" / "realdata" / "survey"


@pytest.fixture(autouse=True, scope="session")
def _private_store(tmp_path_factory):
    """The dashboard's workspaces (drafts of the tests' uploads) go to a throwaway SQLite
    store, never to ``.mot/`` beside the app or a database the environment names."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("MOT_DATABASE_URL", raising=False)
        patch.setenv("MOT_DATA_DIR", str(tmp_path_factory.mktemp("mot-data")))
        yield
