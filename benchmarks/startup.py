"""Start-up: `recall-desk --smoke` against a bare PySide6 script showing an empty QMainWindow.

Both run the same number of times, interleaved, each in a fresh process with a fresh data home.
The ratios are medians of the ratio within each adjacent (bare, ours) pair, which cancels the
drift of a shared machine; the medians of wall time, CPU time (user + sys) and peak RSS (from
wait4) are shown beside them. Targets: wall ≤ 1.5×, peak memory ≤ 1.35×.

A bundle just built sits whole in the page cache (the build wrote every page), so each page
fault maps up to 64 KB of its libraries' neighbouring pages too; the system libraries the bare
script uses are cached only as far as they were read. That adds ~0.8 MB of peak RSS to the
bundle alone, so its files are dropped from the cache first (Linux), and the warm-up run reads
back what start-up uses, as on an installed copy.

On a machine others are using, ``--instructions`` also counts the instructions each start runs
(one run each under valgrind's callgrind, ~1 min): a figure the load does not move, where the
time ratio can drift by ±20 %.

    QT_QPA_PLATFORM=offscreen python benchmarks/startup.py [--runs 7] [--bundle dist/RecallDesk]
        [--instructions]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.show()
app.processEvents()
window.close()
app.processEvents()
"""


def measure(cmd: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one run."""
    with tempfile.TemporaryDirectory() as home:
        started = time.perf_counter()
        proc = subprocess.Popen(
            cmd, env=fresh_env(home), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _pid, status, usage = os.wait4(proc.pid, 0)
        took = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{cmd} failed")
        return took, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def fresh_env(home: str) -> dict[str, str]:
    env = {
        **os.environ,
        "RECALL_DESK_HOME": home,
        "RECALL_DESK_CONFIG": str(Path(home) / "config.toml"),
    }
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def instructions(cmd: list[str]) -> int:
    """The instructions one run of ``cmd`` executes (valgrind's callgrind, all threads)."""
    with tempfile.TemporaryDirectory() as home:
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
            env=fresh_env(home),
            capture_output=True,
            text=True,
            check=True,
        )
    return int(re.findall(r"Collected : (\d+)", done.stderr)[-1])


def forget_cached_pages(folder: Path) -> None:
    """Drop ``folder``'s files from the page cache (where the OS offers it)."""
    if not hasattr(os, "posix_fadvise"):
        return
    os.sync()  # pages not yet written back cannot be dropped
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def compare(label: str, cmd: list[str], runs: int) -> dict[str, float]:
    bare_cmd = [sys.executable, "-c", BARE]
    measure(bare_cmd)  # warm the file cache for both
    measure(cmd)
    bare, ours = [], []
    for _ in range(runs):
        bare.append(measure(bare_cmd))
        ours.append(measure(cmd))

    def median(values: list[tuple[float, float, float]], i: int) -> float:
        return statistics.median(v[i] for v in values)

    def pair_ratio(i: int) -> float:
        return statistics.median(o[i] / b[i] for b, o in zip(bare, ours, strict=True))

    result = {
        "bare_s": median(bare, 0),
        "ours_s": median(ours, 0),
        "bare_cpu_s": median(bare, 1),
        "ours_cpu_s": median(ours, 1),
        "bare_mb": median(bare, 2),
        "ours_mb": median(ours, 2),
        "time_ratio": pair_ratio(0),
        "cpu_ratio": pair_ratio(1),
        "memory_ratio": pair_ratio(2),
    }
    print(
        f"{label}: {result['ours_s']:.3f} s vs bare {result['bare_s']:.3f} s "
        f"(×{result['time_ratio']:.2f}, target ≤ 1.5; CPU ×{result['cpu_ratio']:.2f}); "
        f"peak {result['ours_mb']:.0f} MB vs "
        f"{result['bare_mb']:.0f} MB (×{result['memory_ratio']:.2f}, target ≤ 1.35)"
    )
    return result


def byte_compile() -> None:
    """Compile the package as an install would (PYTHONDONTWRITEBYTECODE may be set here)."""
    import compileall

    root = Path(__file__).resolve().parents[1] / "app"
    compileall.compile_dir(str(root), quiet=1)


def main() -> int:
    byte_compile()
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundle", help="a built dist/RecallDesk folder to measure too")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--instructions", action="store_true", help="also count instructions")
    args = parser.parse_args()
    ours = [sys.executable, "-m", "app", "--smoke"]
    results = {"source": compare("recall-desk --smoke", ours, args.runs)}
    if args.instructions:
        bare_ir, ours_ir = instructions([sys.executable, "-c", BARE]), instructions(ours)
        results["source"].update(
            bare_instructions=bare_ir,
            ours_instructions=ours_ir,
            instruction_ratio=ours_ir / bare_ir,
        )
        print(
            f"instructions: {ours_ir / 1e6:.0f} M vs bare {bare_ir / 1e6:.0f} M "
            f"(×{ours_ir / bare_ir:.2f})"
        )
    if args.bundle:
        exe = Path(args.bundle) / ("RecallDesk.exe" if sys.platform == "win32" else "RecallDesk")
        forget_cached_pages(Path(args.bundle))
        results["bundle"] = compare("bundle --smoke", [str(exe), "--smoke"], args.runs)
    if args.json:
        print(json.dumps(results))
    ok = all(r["time_ratio"] <= 1.5 and r["memory_ratio"] <= 1.35 for r in results.values())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
