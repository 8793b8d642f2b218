"""``benchmarks/run_all.py`` runs every benchmark the README reports (history.py was missing)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def test_run_all_runs_every_benchmark_script() -> None:
    spec = importlib.util.spec_from_file_location("run_all", BENCHMARKS / "run_all.py")
    assert spec is not None and spec.loader is not None
    run_all = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run_all)
    scripts = {p.name for p in BENCHMARKS.glob("*.py")} - {"run_all.py"}
    assert set(run_all.SCRIPTS) == scripts
    assert run_all.HISTORY_ROWS <= 100_000  # run_all stays a few minutes; README: --rows 1000000
