"""Build the one-folder app for this platform with PyInstaller, then run it with --smoke.

    python packaging/build.py            # build into dist/RecallDesk and smoke-test it
    python packaging/build.py --no-build # only smoke-test an existing build

Needs `pip install pyinstaller`. The smoke test runs the bundle from a copy outside the source
tree, so it proves the bundle carries everything it needs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "RecallDesk"


def build() -> Path:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build"),
         str(ROOT / "packaging" / "recall-desk.spec")],
        cwd=ROOT, check=True,
    )
    return ROOT / "dist" / NAME


def executable(bundle: Path) -> Path:
    if sys.platform == "win32":
        return bundle / f"{NAME}.exe"
    return bundle / NAME


def smoke(bundle: Path) -> float:
    """Run the bundle from a temporary copy with a clean home; returns seconds taken."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / NAME
        shutil.copytree(bundle, copy, symlinks=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env.update(QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"),
                   RECALL_DESK_HOME=str(Path(tmp) / "home"),
                   RECALL_DESK_CONFIG=str(Path(tmp) / "home" / "config.toml"))
        started = time.perf_counter()
        done = subprocess.run([str(executable(copy)), "--smoke"], cwd=tmp, env=env,
                              capture_output=True, text=True, timeout=120)
        took = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"smoke test failed ({done.returncode}):\n{done.stderr[-3000:]}")
        if sys.platform.startswith("linux"):
            # No display: the bundle says so and exits 2 rather than Qt aborting.
            bare = {k: v for k, v in env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
            refused = subprocess.run([str(executable(copy))], cwd=tmp, timeout=120,
                                     env={**bare, "QT_QPA_PLATFORM": "xcb"},
                                     capture_output=True, text=True)
            if refused.returncode != 2 or "display" not in refused.stderr:
                raise SystemExit(f"bundle without a display ({refused.returncode}):\n"
                                 f"{refused.stderr[-3000:]}")
        cli = subprocess.run([str(executable(copy)), "templates", "--demo", "--json"], cwd=tmp,
                             env=env, capture_output=True, text=True, timeout=120)
        if cli.returncode != 0 or '"template_id"' not in cli.stdout:
            raise SystemExit(f"bundled CLI failed ({cli.returncode}):\n{cli.stderr[-3000:]}")
        # A label PDF: the CJK font is found, subset and embedded by the bundled fontTools.
        (Path(tmp) / "list.csv").write_text("openid,name\no1,王小明\n", encoding="utf-8")
        pdf = subprocess.run([str(executable(copy)), "qr-batch", "--demo", "--input", "list.csv",
                              "--out-dir", "codes", "--label", "50x30", "--code-mm", "25",
                              "--pdf", "labels.pdf"], cwd=tmp, env=env, capture_output=True,
                             text=True, timeout=120)  # fmt: skip
        if pdf.returncode != 0 or not (Path(tmp) / "labels.pdf").stat().st_size:
            raise SystemExit(f"bundled label PDF failed ({pdf.returncode}):\n{pdf.stderr[-3000:]}")
    return took


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    bundle = ROOT / "dist" / NAME if args.no_build else build()
    took = smoke(bundle)
    # Symlinked libraries once, as on disk.
    files = [f for f in bundle.rglob("*") if f.is_file() and not f.is_symlink()]
    size = sum(f.stat().st_size for f in files) / 1e6
    print(f"bundle {bundle} ({size:.0f} MB): --smoke and the CLI passed; smoke took {took:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
