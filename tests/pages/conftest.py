from pathlib import Path

import pytest

from mot.store import Store, database_url, open_store
from tests.conftest import ROOT
from ui.state import DatasetChoice

PAGES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))

VALID_EXPORT = (
    b"ResponseId,device,FMOT_expectativa,FMOT_experienced,TMOT_expected,TMOT_experienced,"
    b"TMOT_emocion,FMOT_emocion,recomendacion,recuerdo_global\n"
    + b"".join(
        f"R{i},{'mobile' if i % 2 else 'desktop'},{3 + i % 3},{2 + i % 4},{4 + i % 2},{1 + i % 5},"
        f"{i % 7 - 3},{(i * 3) % 7 - 3},{i % 11},{(i * 7) % 11}\n".encode()
        for i in range(40)
    )
)
BROKEN = b"\x00\x01\x02\x03\xff\xfe" * 200


@pytest.fixture
def valid_upload() -> DatasetChoice:
    return DatasetChoice(name="my_export.csv", content=VALID_EXPORT)


@pytest.fixture
def broken_upload() -> DatasetChoice:
    return DatasetChoice(name="broken.csv", content=BROKEN)


def page_path(page: str) -> str:
    return str(Path(ROOT) / page)


@pytest.fixture
def store(tmp_path, monkeypatch) -> Store:
    """This test's own store: the dashboard's (MOT_DATA_DIR) opened beside it."""
    monkeypatch.delenv("MOT_DATABASE_URL", raising=False)
    monkeypatch.setenv("MOT_DATA_DIR", str(tmp_path / "data"))
    opened = open_store(database_url())
    yield opened
    opened.close()
