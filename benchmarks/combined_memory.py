"""Main-process peak memory of `worksheets batch --combined --jobs 2` against
the number of rows (issue 11: 5,000 rows under 300 MB; flat with the row count).

Run on demand, not by the tests:

    .venv/bin/python benchmarks/combined_memory.py                 # 5,000 rows
    .venv/bin/python benchmarks/combined_memory.py --rows 100 --rows 300 --rows 600
    .venv/bin/python benchmarks/combined_memory.py --joiner-only --rows 500 --rows 5000

Each size is one whole command in a fresh process, on a CSV of fictional
people (the generator of benchmarks/batch.py). The main process's peak
resident memory (VmHWM, read from /proc while it runs; Linux only) is what
this measures: it receives every worksheet from the workers and writes the
combined PDF as they come. The workers' peaks are shown beside it.

`--joiner-only` measures the one step whose memory could grow with the row
count, adding worksheets to the combined PDF, without laying out thousands of
them: one worksheet added N times, in one fresh process.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("batch_benchmark", HERE / "batch.py")
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
sys.modules["batch_benchmark"] = bench  # dataclasses look their module up there
_spec.loader.exec_module(bench)

TARGET_MB = 300


def run(rows: int, work: Path, jobs: int) -> tuple[float, object, int]:
    people = work / f"people-{rows}.csv"
    bench.people_csv(people, rows)
    combined = work / f"all-{rows}.pdf"
    command = [sys.executable, "-m", "worksheets", "batch", str(people), "--jobs", str(jobs)]
    command += ["--combined", str(combined), "--force"]
    memory = bench.Memory()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=work, stderr=subprocess.PIPE)
    watcher = threading.Thread(target=bench._watch, args=(process, memory))
    watcher.start()
    _out, stderr = process.communicate()
    seconds = time.perf_counter() - start
    watcher.join()
    if process.returncode != 0:
        raise SystemExit(f"the batch failed:\n{stderr.decode()}")
    size = combined.stat().st_size
    combined.unlink()
    return seconds, memory, size


JOINER_ONLY = """
import resource, sys, time
from pathlib import Path
from worksheets.answers import load_answers
from worksheets.batch import CombinedPdf
from worksheets.documents import DocumentOptions, personal_document
pdf = personal_document(load_answers(Path(sys.argv[1])), DocumentOptions())
out = Path(sys.argv[2])
start = time.perf_counter()
combined = CombinedPdf(out, True, list(range(int(sys.argv[3]))))
for index in range(int(sys.argv[3])):
    combined.take(index, pdf, f"Row {index + 2}")
assert combined.close() == ""
peak = int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1])
print(peak // 1024, time.perf_counter() - start, out.stat().st_size)
"""


def joiner_only(rows: int, work: Path) -> None:
    """The combining step alone, in one fresh process: one worksheet laid out
    once and added `rows` times, as the main process adds each row's."""
    maria = HERE.parent / "examples" / "maria.yaml"
    out = work / "joined.pdf"
    result = subprocess.run(
        [sys.executable, "-c", JOINER_ONLY, str(maria), str(out), str(rows)],
        capture_output=True,
        text=True,
        check=True,
    )
    peak, seconds, size = result.stdout.split()
    out.unlink()
    print(
        f"{rows:>6} {peak:>8} {'-':>10} {float(seconds):>8.0f} {int(size) / 1e6:>7.1f}", flush=True
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rows", type=int, action="append", help="rows of people (repeat for several sizes)"
    )
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--joiner-only",
        action="store_true",
        help="measure the combining step alone (one worksheet added N times): fast, for 5,000",
    )
    args = parser.parse_args()
    sizes = args.rows or [5000]
    if not Path("/proc/self/status").exists():
        raise SystemExit("this benchmark reads /proc: run it on Linux")
    print(f"batch --combined --jobs {args.jobs}; main-process peak (VmHWM), target {TARGET_MB} MB")
    print(f"{'rows':>6} {'main MB':>8} {'worker MB':>10} {'seconds':>8} {'PDF MB':>7}")
    with tempfile.TemporaryDirectory(prefix="worksheets-bench-") as folder:
        if args.joiner_only:
            print("(the combining step alone, in one process)")
            for rows in sizes:
                joiner_only(rows, Path(folder))
            return
        for rows in sizes:
            seconds, memory, size = run(rows, Path(folder), args.jobs)
            print(
                f"{rows:>6} {memory.main:>8} {memory.largest_worker:>10} {seconds:>8.0f} "
                f"{size / 1e6:>7.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
