"""Label PDF speed and memory: 10,000 labels on 3×8 sheets and on 50×30 roll labels.

The path `qr-batch --pdf` takes: every code is read from disk, decoded, judged by the guard and
painted, one code in memory at a time. Codes are
made beforehand (200 distinct QR PNGs of 33 modules, cycled), not timed.

* 10,000 labels: written in under 30 s;
* memory flat: peak RSS grows by less than 10 MB from 1,000 to 10,000 labels (each size in a
  fresh child process, after a warm-up PDF that loads fonts and Pillow).

    python benchmarks/labels_pdf.py [--labels 10000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import itertools, json, resource, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, {root!r})
from app.core.label_job import LabelJob
from app.core.guard import check_code
from app.core.images import verify_image
from app.core.label_pdf import LabelItem, write_labels_pdf
from app.core.layout import prepare_code
from app.core.stocks import find_stock
from tests.helpers.codes import qr_png

stock = find_stock({stock!r})
n, code_mm = {labels}, {code_mm}
with tempfile.TemporaryDirectory() as folder:
    files = []
    for i in range(200):
        path = Path(folder) / f"{{i}}.png"
        path.write_bytes(qr_png("https://example.com/recall?open_id=o" + f"{{i:05d}}" * 6))
        files.append(path)
    names = ["王小明", "李四", "黄面", "𠮷田", "刘䶮"]

    def items(count):
        for i, path in zip(range(count), itertools.cycle(files)):
            code = prepare_code(verify_image(path.read_bytes()))
            yield LabelItem(code, "扫码进入视频客服", names[i % 5] + str(i))

    job = LabelJob(stock, code_mm, "扫码进入视频客服", check_code(code_mm, dpi=stock.dpi), stock.dpi)
    write_labels_pdf(Path(folder) / "warm.pdf", stock, items(30), code_mm=code_mm, item_count=30)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    pages, _cut = job.write_pdf(Path(folder) / "l.pdf", items(n))
    took = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    size = (Path(folder) / "l.pdf").stat().st_size
print(json.dumps({{"seconds": took, "growth_mb": (after - before) / 1024, "pages": pages,
                  "mb": size / 1e6}}))
"""


def run(stock: str, labels: int, code_mm: float) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD.format(root=str(ROOT), stock=stock, labels=labels,
                                            code_mm=code_mm)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--labels", type=int, default=10_000)
    args = parser.parse_args()
    ok = True
    report = {}
    for stock, code_mm in (("3x8", 25.0), ("roll-50x30", 24.0)):
        small = run(stock, args.labels // 10, code_mm)
        big = run(stock, args.labels, code_mm)
        flat = big["growth_mb"] - small["growth_mb"]
        print(
            f"{stock}: {args.labels:,} labels, {big['pages']:,} pages, {big['mb']:.1f} MB: "
            f"{big['seconds']:.1f} s (target < 30); peak RSS +{big['growth_mb']:.1f} MB "
            f"vs +{small['growth_mb']:.1f} MB for {args.labels // 10:,} (target: < 10 MB more)"
        )
        ok = ok and big["seconds"] < 30 and flat < 10
        report[stock] = {"small": small, "big": big}
    print(json.dumps(report))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
