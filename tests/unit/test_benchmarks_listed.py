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


def _benchmark(name: str):  # noqa: ANN202 - a module loaded from its path
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_label_pdf_benchmark_still_runs_on_the_current_api() -> None:
    """Benchmarks call the app's code directly: a renamed function broke two unnoticed."""
    result = _benchmark("labels_pdf").run("3x8", 30, 25.0)
    assert result["pages"] == 2


def test_the_filter_benchmark_still_runs_on_the_current_page(qapp) -> None:
    figures = _benchmark("responsiveness").filter_latency(count=30)
    assert figures["median_ms"] > 0
