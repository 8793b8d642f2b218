"""Batch throughput, memory and PDF speed against the sandbox on loopback.

* 64 codes at concurrency 8 with the sandbox answering after 200 ms: within 1.5× of the ideal
  (64 / 8 × 0.2 s) and at least 5× faster than concurrency 1.
* 2,000 codes: peak memory grows by less than 100 MB (measured in a child process).
* a 500-label PDF: written in under 10 s.
* 10,000 codes at concurrency 8, the sandbox answering after 100 ms: within 1.2× of the ideal
  (10,000 / 8 × 0.1 s = 125 s), peak memory growing by less than 50 MB (one child process runs
  the batch, with history as ``recall-desk qr-batch`` keeps it, against the sandbox in another,
  as a remote Udesk would be).
* CPU per code, the client's and the sandbox's (milliseconds): on a shared machine the steadier
  figure, as wall time waits on whatever else the cores run.

    QT_QPA_PLATFORM=offscreen python benchmarks/batch.py
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.batch import run_batch  # noqa: E402
from app.core.demo import DEMO_SECRET, demo_profile  # noqa: E402
from app.core.service import Service  # noqa: E402
from app.core.table_import import BatchRow  # noqa: E402
from app.core.udesk import QrRequest  # noqa: E402


def rows(n: int) -> list[BatchRow]:
    return [BatchRow(i + 2, f"o{i:05d}", f"store-{i % 7}") for i in range(n)]


class SandboxProcess:
    """The sandbox in its own process, as a remote Udesk would be: its QR rendering does not
    compete with the client for this process's GIL."""

    def __init__(self, delay: float) -> None:
        self.port = closed_port()
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "app",
                "sandbox",
                "--port",
                str(self.port),
                "--delay",
                str(delay),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd=ROOT,
        )
        assert self.proc.stdout is not None
        self.proc.stdout.readline()  # "Recall Desk sandbox on …" once it listens

    def __enter__(self) -> SandboxProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        self.proc.wait(10)

    def cpu_seconds(self) -> float:
        """CPU time the sandbox process has used so far (Linux: /proc; elsewhere nan)."""
        try:
            stat = Path(f"/proc/{self.proc.pid}/stat").read_text()
        except OSError:
            return float("nan")
        fields = stat.rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def timed_run(n: int, concurrency: int, delay: float) -> float:
    with SandboxProcess(delay) as sandbox, tempfile.TemporaryDirectory() as out:
        profile = demo_profile(f"http://127.0.0.1:{sandbox.port}")
        with Service(profile, DEMO_SECRET) as service:
            service.generate_qr(QrRequest("s", "a", "warm-up"))  # loads httpx, Pillow
            started = time.perf_counter()
            summary = run_batch(
                rows(n),
                service.generate_qr,
                Path(out),
                sdk_app_id="s",
                offi_account_id="a",
                concurrency=concurrency,
            )
            took = time.perf_counter() - started
        assert summary.ok == n, summary
    return took


MEMORY_CHILD = """
import resource, sys, tempfile
from pathlib import Path
sys.path.insert(0, {root!r})
from app.core.batch import run_batch
from app.core.table_import import BatchRow
from app.core.demo import DEMO_SECRET
from app.sandbox import Sandbox
from app.core.service import Service
n = {n}
with Sandbox() as sandbox, tempfile.TemporaryDirectory() as out:
    with Service(sandbox.demo_profile(), DEMO_SECRET) as service:
        # warm up: the first request loads httpx, Pillow and qrcode
        run_batch([BatchRow(1, "warm")], service.generate_qr, Path(out) / "w", sdk_app_id="s",
                  offi_account_id="a")
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        rows = [BatchRow(i + 2, f"o{{i:05d}}") for i in range(n)]
        summary = run_batch(rows, service.generate_qr, Path(out), sdk_app_id="s",
                            offi_account_id="a", concurrency=8)
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
assert summary.ok == n
print((after - before) / 1024)
"""


def memory_growth(n: int) -> float:
    done = subprocess.run(
        [sys.executable, "-c", MEMORY_CHILD.format(root=str(ROOT), n=n)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.strip().splitlines()[-1])


PDF_CHILD = """
import sys, tempfile, time
from pathlib import Path
sys.path.insert(0, {root!r})
from app.core.images import verify_image
from app.core.label_pdf import LabelItem, write_labels_pdf
from app.core.layout import prepare_code
from app.core.stocks import find_stock
from app.sandbox import render_qr
items = [LabelItem(prepare_code(verify_image(render_qr(f"https://x/{{i}}"))), "", f"客户{{i}}")
         for i in range({labels})]
with tempfile.TemporaryDirectory() as out:
    started = time.perf_counter()
    pages = write_labels_pdf(Path(out) / "l.pdf", find_stock("3x8"), items, code_mm=25,
                             item_count=len(items))
    took = time.perf_counter() - started
assert pages == -(-{labels} // 24), pages
print(took)
"""


def pdf_time(labels: int) -> float:
    """Seconds to lay out and write the PDF (the codes are made beforehand, not timed)."""
    done = subprocess.run(
        [sys.executable, "-c", PDF_CHILD.format(root=str(ROOT), labels=labels)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.strip().splitlines()[-1])


TEN_K_CHILD = """
import sys, tempfile, time
from pathlib import Path
sys.path.insert(0, {root!r})
from app.core.batch import run_batch
from app.core.demo import DEMO_SECRET, demo_profile
from app.core.history import History
from app.core.service import Service
from app.core.table_import import BatchRow


def peak_kb():
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))


profile = demo_profile("http://127.0.0.1:{port}")
with tempfile.TemporaryDirectory() as out:
    history = History(Path(out) / "history.sqlite3")
    service = Service(profile, DEMO_SECRET, history=history)
    run_batch([BatchRow(1, "warm")], service.generate_qr, Path(out) / "w", sdk_app_id="s",
              offi_account_id="a")  # loads httpx, Pillow
    rows = [BatchRow(i + 2, f"o{{i:05d}}", f"store-{{i % 7}}", caption=f"客户{{i}}")
            for i in range({n})]
    print("ready", flush=True)
    sys.stdin.readline()  # the parent reads the sandbox's CPU time before the batch
    before = peak_kb()
    started = time.perf_counter()
    cpu = time.process_time()
    summary = run_batch(rows, service.generate_qr, Path(out), sdk_app_id="s",
                        offi_account_id="a", concurrency=8)
    cpu = time.process_time() - cpu
    took = time.perf_counter() - started
    grown = (peak_kb() - before) / 1024
    service.close()
    history.close()
assert summary.done == {n}, summary
print(took, grown, cpu, flush=True)
"""


@dataclass(frozen=True)
class Run:
    """One timed batch: wall seconds, CPU ms per code (client, sandbox), the load average."""

    seconds: float
    client_ms: float
    sandbox_ms: float
    load: float
    grown_mb: float = 0.0


def ten_thousand(n: int = 10_000, delay: float = 0.1) -> Run:
    """``n`` codes at concurrency 8, with history: time, CPU a code, peak memory growth."""
    with SandboxProcess(delay) as sandbox:
        child = subprocess.Popen(
            [sys.executable, "-c", TEN_K_CHILD.format(root=str(ROOT), port=sandbox.port, n=n)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdin is not None and child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        sandbox_cpu = sandbox.cpu_seconds()
        child.stdin.write("go\n")
        child.stdin.flush()
        last = child.stdout.readline()
        sandbox_cpu = sandbox.cpu_seconds() - sandbox_cpu
        load = os.getloadavg()[0]
        assert child.wait(60) == 0, last
    took, grown, cpu = (float(x) for x in last.split())
    return Run(took, 1000 * cpu / n, 1000 * sandbox_cpu / n, load, grown)


def batch_vs_bare(n: int = 400, delay: float = 0.1) -> tuple[Run, Run]:
    """(the batch, the same generate_qr calls on 8 plain threads): what the batch itself adds
    (files, manifest, progress) over the calls it makes."""
    from concurrent.futures import ThreadPoolExecutor

    with SandboxProcess(delay) as sandbox, tempfile.TemporaryDirectory() as out:
        profile = demo_profile(f"http://127.0.0.1:{sandbox.port}")
        with Service(profile, DEMO_SECRET) as service:
            service.generate_qr(QrRequest("s", "a", "warm-up"))

            def timed(work: Callable[[], object]) -> Run:
                started, cpu = time.perf_counter(), time.process_time()
                sandbox_cpu = sandbox.cpu_seconds()
                work()
                took = time.perf_counter() - started
                cpu, sandbox_cpu = time.process_time() - cpu, sandbox.cpu_seconds() - sandbox_cpu
                return Run(took, 1000 * cpu / n, 1000 * sandbox_cpu / n, os.getloadavg()[0])

            def bare() -> None:
                with ThreadPoolExecutor(8) as pool:
                    list(pool.map(lambda r: service.generate_qr(QrRequest("s", "a", r.open_id)),
                                  rows(n)))  # fmt: skip

            def batch() -> None:
                run_batch(rows(n), service.generate_qr, Path(out), sdk_app_id="s",
                          offi_account_id="a", concurrency=8)  # fmt: skip

            plain = timed(bare)
            return timed(batch), plain


def main() -> int:
    ideal = 64 / 8 * 0.2
    t8 = timed_run(64, 8, 0.2)
    t1 = timed_run(64, 1, 0.2)
    growth = memory_growth(2000)
    pdf = pdf_time(500)
    big = ten_thousand()
    t10k, grown_10k = big.seconds, big.grown_mb
    in_batch, bare = batch_vs_bare()
    t_batch, t_bare = in_batch.seconds, bare.seconds
    ideal_10k = 10_000 / 8 * 0.1
    results = {
        "c8_s": round(t8, 2),
        "ideal_s": ideal,
        "c8_vs_ideal": round(t8 / ideal, 2),
        "c1_s": round(t1, 2),
        "speedup": round(t1 / t8, 1),
        "mem_growth_2000_mb": round(growth, 1),
        "pdf_500_s": round(pdf, 2),
        "c8_10k_s": round(t10k, 1),
        "c8_10k_vs_ideal": round(t10k / ideal_10k, 2),
        "mem_growth_10k_mb": round(grown_10k, 1),
        "batch_vs_bare_calls": round(t_batch / t_bare, 2),
        "cpu_ms_per_code_10k": [round(big.client_ms, 2), round(big.sandbox_ms, 2)],
        "load_10k": round(big.load, 2),
    }
    print(
        f"64 codes, 200 ms each: concurrency 8 {t8:.2f} s (ideal {ideal:.1f} s, ×{t8 / ideal:.2f},"
        f" target ≤ 1.5); concurrency 1 {t1:.2f} s (×{t1 / t8:.1f} slower, target ≥ 5)"
    )
    print(f"2,000 codes: peak memory grew {growth:.1f} MB (target < 100)")
    print(f"500-label PDF: {pdf:.2f} s (target < 10)")
    print(
        f"10,000 codes, 100 ms each, concurrency 8: {t10k:.1f} s (ideal {ideal_10k:.0f} s, "
        f"×{t10k / ideal_10k:.2f}, target ≤ 1.2); peak memory grew {grown_10k:.1f} MB "
        f"(target < 50); CPU a code: client {big.client_ms:.2f} ms, sandbox "
        f"{big.sandbox_ms:.2f} ms; load average {big.load:.2f}"
    )
    print(
        f"400 codes: the batch {t_batch:.2f} s vs the same calls on 8 threads {t_bare:.2f} s "
        f"(×{t_batch / t_bare:.2f}: what the batch adds); CPU a code: client "
        f"{in_batch.client_ms:.2f} vs {bare.client_ms:.2f} ms, sandbox {in_batch.sandbox_ms:.2f}"
        f" vs {bare.sandbox_ms:.2f} ms; load average {in_batch.load:.2f}"
    )
    print(json.dumps(results))
    ok = t8 / ideal <= 1.5 and t1 / t8 >= 5 and growth < 100 and pdf < 10
    ok = ok and t10k / ideal_10k <= 1.2 and grown_10k < 50
    _ = resource
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
