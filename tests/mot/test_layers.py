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
        for path in (ROOT / "mot").rglob("*.py")
        if "import streamlit" in path.read_text(encoding="utf-8")
        or "from streamlit" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def _imports_of_private_names(path) -> list[str]:
    """``from mot.<public module> import _name`` in ``path``: another module's private name."""
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom) or not (node.module or "").startswith("mot"):
            continue
        if node.module.split(".")[-1].startswith("_"):
            continue  # a private module exists to share its names
        found += [f"{node.module}.{a.name}" for a in node.names if a.name.startswith("_")]
    return found


def test_no_module_imports_another_modules_private_names():
    offenders = {
        str(path.relative_to(ROOT)): names
        for path in sorted((ROOT / "mot").rglob("*.py"))
        if (names := _imports_of_private_names(path))
    }
    assert offenders == {}


def test_the_private_import_check_sees_one(tmp_path):
    path = tmp_path / "x.py"
    path.write_text("from mot.scoring import _mean\nfrom mot._stats import check\n")
    assert _imports_of_private_names(path) == ["mot.scoring._mean"]


def test_pages_stay_thin():
    sizes = {
        p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in ROOT.glob("pages/*.py")
    }
    assert sizes and max(sizes.values()) < 150, sizes


PANDAS_STEPS = {
    "loc", "iloc", "groupby", "merge", "query", "assign", "rename", "pivot", "pivot_table",
    "melt", "sort_values", "drop", "dropna", "fillna", "astype", "apply", "isin", "unique",
    "nunique", "value_counts", "reset_index", "set_index", "to_numpy", "itertuples", "iterrows",
}  # fmt: skip


def _pandas_steps(source: str) -> list[str]:
    import ast

    tree = ast.parse(source)
    found = [
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in PANDAS_STEPS
    ]
    found += [
        "import pandas"
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        and any((a.name if isinstance(node, ast.Import) else node.module or "") == "pandas"
                for a in node.names)
    ]  # fmt: skip
    return found


def test_pages_hold_no_pandas_steps():
    offenders = {
        p.name: steps
        for p in sorted(ROOT.glob("pages/*.py"))
        if (steps := _pandas_steps(p.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_the_pandas_check_sees_one():
    assert _pandas_steps("import pandas as pd\nx = frame.loc[0]\n") == ["loc", "import pandas"]


def test_no_module_is_over_800_lines():
    long = {
        str(path.relative_to(ROOT))
        for folder in ("mot", "ui")
        for path in (ROOT / folder).rglob("*.py")
        if len(path.read_text(encoding="utf-8").splitlines()) > 800
    }
    assert long == set(), long
