"""Benchmark of `worksheets batch`: time with 1 and 2 jobs, peak memory for 25 and 100 people.

Run on demand, not by the tests:

    .venv/bin/python benchmarks/batch.py            # 100 people, median of 3 runs
    .venv/bin/python benchmarks/batch.py --runs 5 --people 200

Each run is the whole command, `worksheets batch people.csv --jobs N`, in a
fresh process, on a CSV of fictional people who differ as real ones do
(cancer, treatments, priorities, symptoms, own questions). Memory is read
from /proc while the batch runs (Linux only): the peak of each process
(VmHWM) of the command and its workers, and the peak of their sum (PSS, which
counts memory the fork server shares with its workers once). With
--jobs 1 everything happens in one process, so its peak for 25 against 100
people shows whether one process's memory grows with the number of
worksheets; with --jobs 2 the same figures for the workers show what the
pool keeps.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from worksheets import vocabulary as v  # noqa: E402
from worksheets.csvinput import COLUMNS  # noqa: E402

FIRST = ["María", "James", "Aiko", "Tomasz", "Fatima", "Grace", "Olu", "Inês", "Dmitri", "Leila"]
LAST = ["López", "Carter", "Tanaka", "Nowak", "Haddad", "Okafor", "Brennan", "Silva", "Øberg"]
QUESTIONS = [
    "Can I still go to my son's wedding in June?",
    "Is it safe to drive after treatment?",
    "Who do I call at night if I have a fever?",
    "Can I keep working part time?",
    "Will this treatment make me lose my hair?",
]


def people_csv(path: Path, count: int) -> None:
    """`count` fictional people, each different from the one before."""
    cancers = [c for c in v.CANCER_TYPES if c not in ("other", "unsure")]
    priorities = list(v.PRIORITIES)
    treatments = [t for t in v.TREATMENTS if t not in ("none_yet", "unsure")]
    symptoms = list(v.SYMPTOMS)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for n in range(count):
            row = {
                "name": f"{FIRST[n % len(FIRST)]} {LAST[n % len(LAST)]}",
                "appointment": f"2026-12-{n % 28 + 1:02d}",
                "care_team": f"Dr. {LAST[(n + 3) % len(LAST)]}",
                "cancer_type": cancers[n % len(cancers)],
                "spread_to": ["liver", "bones;lungs", "brain", "lymph_nodes"][n % 4],
                "stage_of_care": list(v.STAGES_OF_CARE)[n % len(v.STAGES_OF_CARE)],
                "treatments": ";".join(treatments[n % len(treatments) :][:2]),
                "priorities": ";".join(priorities[n % len(priorities) :][:3]),
                "information": list(v.INFORMATION)[n % len(v.INFORMATION)],
                "skip_topics": "costs" if n % 5 == 0 else "",
                "own_questions": "\n".join(QUESTIONS[: n % len(QUESTIONS) + 1]),
            }
            for offset in range(3):
                row[symptoms[(n + offset) % len(symptoms)]] = str((n + offset) % 11)
            writer.writerow(row)


@dataclass
class Memory:
    """Peaks seen in /proc while a batch ran, in MB."""

    per_process: dict[int, int] = field(default_factory=dict)  # pid -> VmHWM
    main_pid: int = 0
    total: int = 0  # the largest sum over the processes at one time (PSS: shared pages once)

    @property
    def main(self) -> int:
        return self.per_process.get(self.main_pid, 0)

    @property
    def largest_worker(self) -> int:
        others = [mb for pid, mb in self.per_process.items() if pid != self.main_pid]
        return max(others, default=0)


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, []))
    return found


def _status(pid: int) -> dict[str, int]:
    """VmHWM (the process's peak) and Pss (its fair share of memory shared with others)."""
    values = {}
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
        lines += Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:
        return {}
    for line in lines:
        if line.startswith(("VmHWM:", "Pss:")):
            key, amount, _unit = line.split()
            values[key[:-1]] = int(amount) // 1024
    return values


def _watch(process: subprocess.Popen[bytes], memory: Memory) -> None:
    memory.main_pid = process.pid
    while process.poll() is None:
        total = 0
        for pid in _descendants(process.pid):
            status = _status(pid)
            if "VmHWM" in status and "Pss" in status:
                memory.per_process[pid] = max(memory.per_process.get(pid, 0), status["VmHWM"])
                total += status["Pss"]
        memory.total = max(memory.total, total)
        time.sleep(0.05)


def run_batch(csv_path: Path, jobs: int, work: Path) -> tuple[float, Memory]:
    out = work / "out"
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "worksheets", "batch", str(csv_path), "--jobs", str(jobs)]
    command += ["--out-dir", str(out)]
    memory = Memory()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=work, stderr=subprocess.PIPE)
    watcher = threading.Thread(target=_watch, args=(process, memory))
    watcher.start()
    _out, stderr = process.communicate()
    seconds = time.perf_counter() - start
    watcher.join()
    if process.returncode != 0:
        raise SystemExit(f"the batch failed:\n{stderr.decode()}")
    return seconds, memory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs per setting (median)")
    parser.add_argument("--people", type=int, default=100)
    parser.add_argument("--few", type=int, default=25, help="the smaller batch, for memory")
    args = parser.parse_args()
    if not Path("/proc/self/status").exists():
        raise SystemExit("this benchmark reads /proc: run it on Linux")

    with tempfile.TemporaryDirectory(prefix="worksheets-bench-") as folder:
        work = Path(folder)
        many, few = work / "many.csv", work / "few.csv"
        people_csv(many, args.people)
        people_csv(few, args.few)
        print(f"CPUs available: {len(os.sched_getaffinity(0))}; load average: {os.getloadavg()}")
        print(f"{args.people} personal worksheets (PDF), {args.runs} runs per setting\n")

        times: dict[int, list[float]] = {1: [], 2: []}
        peaks: dict[tuple[int, int], Memory] = {}
        for run in range(args.runs):
            for jobs in (1, 2):  # interleaved, so that a busy moment hits both
                seconds, memory = run_batch(many, jobs, work)
                times[jobs].append(seconds)
                peaks[(jobs, args.people)] = memory
                print(f"  run {run + 1}, --jobs {jobs}: {seconds:6.1f} s", flush=True)
        for jobs in (1, 2):
            _seconds, peaks[(jobs, args.few)] = run_batch(few, jobs, work)

        one, two = statistics.median(times[1]), statistics.median(times[2])
        print(f"\nWall time, median of {args.runs} runs, {args.people} people:")
        print(f"  --jobs 1: {one:6.1f} s  ({one / args.people:.2f} s per worksheet)")
        print(f"  --jobs 2: {two:6.1f} s  ({two / args.people:.2f} s per worksheet)")
        print(f"  speed-up with 2 jobs: {one / two:.2f}x")
        print("\nPeak memory (MB):")
        print(f"  {'':22} {'people':>6} {'main':>6} {'worker':>7} {'all at once':>12}")
        for jobs in (1, 2):
            for count in (args.few, args.people):
                m = peaks[(jobs, count)]
                worker = f"{m.largest_worker:7}" if jobs > 1 else f"{'-':>7}"
                print(f"  --jobs {jobs:<15} {count:>6} {m.main:>6} {worker} {m.total:>12}")


if __name__ == "__main__":
    main()
