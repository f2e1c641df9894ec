"""How much 200 blank copies cost against one copy (issue: under 2x the time,
under 25x the size). Run on demand:  .venv/bin/python benchmarks/blank_copies.py

Each measurement is a whole `worksheets blank` process, as a clinic runs it,
repeated; the median is reported.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5


def run(copies: int, folder: Path) -> tuple[float, int]:
    out = folder / f"blank-{copies}.pdf"
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "worksheets",
            "blank",
            "--copies",
            str(copies),
            "-o",
            str(out),
            "--force",
        ],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start, out.stat().st_size


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        run(1, folder)  # warm the file system caches
        one = [run(1, folder) for _ in range(RUNS)]
        many = [run(200, folder) for _ in range(RUNS)]
    t1 = statistics.median(t for t, _ in one)
    t200 = statistics.median(t for t, _ in many)
    s1, s200 = one[0][1], many[0][1]
    print(f"1 copy:     {t1:.2f} s, {s1 / 1000:.0f} kB")
    print(f"200 copies: {t200:.2f} s, {s200 / 1000:.0f} kB")
    print(f"time ratio {t200 / t1:.2f} (budget 2.0), size ratio {s200 / s1:.1f} (budget 25)")


if __name__ == "__main__":
    main()
