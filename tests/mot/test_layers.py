"""The library stays UI-free: importing every module of mot/ never pulls in streamlit."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import mot

ROOT = Path(__file__).resolve().parents[2]


def library_modules() -> list[str]:
    return sorted(
        f"mot.{m.name}" for m in pkgutil.iter_modules(mot.__path__) if m.name != "__main__"
    )


def test_importing_the_library_never_imports_streamlit():
    imports = "; ".join(f"import {m}" for m in library_modules() if m != "mot.charts")
    code = (
        f"import sys; {imports}; "
        "assert 'streamlit' not in sys.modules, 'streamlit imported'; "
        "assert 'altair' not in sys.modules, 'altair imported outside mot.charts'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_no_streamlit_import_in_library_source():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "mot").glob("*.py")
        if "import streamlit" in path.read_text(encoding="utf-8")
        or "from streamlit" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
