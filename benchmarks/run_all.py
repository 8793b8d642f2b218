"""Run every benchmark side by side and print the figures the README reports.

    QT_QPA_PLATFORM=offscreen python benchmarks/run_all.py [--history-rows 100000]

Each script prints its own lines and exits non-zero when a target is missed; this prints the
machine first and a summary of which targets held. The history benchmark runs on 100,000 rows
here (about a minute); README's figures are for a year of 1,000,000 (``history.py --rows
1000000``, several minutes and 600 MB of disk).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ("startup.py", "batch.py", "responsiveness.py", "labels_pdf.py", "history.py")
HISTORY_ROWS = 100_000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--history-rows", type=int, default=HISTORY_ROWS, help="rows for history.py"
    )
    args = parser.parse_args(argv)
    extra = {"history.py": ["--rows", str(args.history_rows)]}
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    cores = os.cpu_count()
    print(f"machine: {platform.platform()}, {cores} cores, Python {platform.python_version()}")
    missed = []
    for script in SCRIPTS:
        print(f"\n== {script}")
        done = subprocess.run(
            [sys.executable, str(HERE / script), *extra.get(script, [])],
            env=env,
            text=True,
            capture_output=True,
        )
        lines = [ln for ln in done.stdout.splitlines() if not ln.startswith("{")]
        print("\n".join(lines))
        if done.returncode != 0:
            missed.append(script)
    print("\ntargets missed in: " + (", ".join(missed) if missed else "none"))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
