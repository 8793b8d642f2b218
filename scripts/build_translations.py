"""Update the Qt Linguist catalogues from the source and compile them to .qm.

    python scripts/build_translations.py          # lupdate, then lrelease
    python scripts/build_translations.py --check  # exit 1 if the .ts is stale or unfinished

The .ts files in resources/i18n are the source of truth (edit them with pyside6-linguist); the
compiled .qm files are committed beside them so a checkout runs without a build step, and a test
recompiles them to prove they match.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN",)


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app" / "ui").rglob("*.py"))


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or shutil.which(
        f"pyside6-{name}", path=str(Path(sys.executable).parent)
    )
    if not found:
        raise SystemExit(f"pyside6-{name} not found (pip install PySide6-Essentials)")
    return found


def lupdate(ts: Path) -> None:
    subprocess.run(
        # No source locations: line numbers churn on every edit and make parallel work collide.
        [tool("lupdate"), *sources(), "-ts", str(ts), "-no-obsolete", "-locations", "none",
         "-silent"],
        cwd=ROOT,
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def messages(ts: Path) -> dict[tuple[str, str], bool]:
    """(context, source) → whether its translation is finished."""
    result = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = (
                translation is not None
                and translation.get("type") is None
                and bool((translation.text or "").strip())
            )
            result[(name, message.findtext("source", ""))] = finished
    return result


def check(ts: Path) -> list[str]:
    """Problems: strings in the source missing from the .ts, or not translated."""
    with tempfile.TemporaryDirectory(dir=ts.parent) as tmp:
        fresh = Path(tmp) / ts.name
        shutil.copy(ts, fresh)
        lupdate(fresh)
        wanted = set(messages(fresh))
    have = messages(ts)
    problems = [f"not in {ts.name}: {ctx}: {src!r}" for ctx, src in sorted(wanted - set(have))]
    problems += [f"unfinished: {ctx}: {src!r}" for (ctx, src), done in have.items() if not done]
    return problems


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    for lang in LANGUAGES:
        ts = I18N / f"recall_desk_{lang}.ts"
        qm = ts.with_suffix(".qm")
        if args.check:
            problems = check(ts)
            for problem in problems:
                print(problem)
            if problems:
                return 1
            continue
        lupdate(ts)
        lrelease(ts, qm)
        print(f"built {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
