"""The performance budget, measured as a user meets it: whole processes.

Run on demand (not part of the tests; these machines are noisy):

    .venv/bin/python benchmarks/performance.py [--runs 7]

1. `worksheets --help` against `python -c "import click"` (budget: under 0.15 s).
2. `worksheets render examples/maria.yaml -o out.pdf` against WeasyPrint's own
   command line on the same HTML, written as the same tagged PDF
   (budget: 1.25 times WeasyPrint).
Medians of several runs, after one warm-up run of each.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SAMPLE = REPO / "examples" / "maria.yaml"


def timed(command: list[str], runs: int) -> float:
    subprocess.run(command, check=True, capture_output=True)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    worksheets = str(BIN / "worksheets")

    help_time = timed([worksheets, "--help"], runs)
    click_time = timed([sys.executable, "-c", "import click"], runs)
    print(
        f"worksheets --help: {help_time:.3f} s (budget 0.150 s); "
        f"import click alone: {click_time:.3f} s; ratio {help_time / click_time:.2f}"
    )

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        html = folder / "same.html"
        subprocess.run(
            [worksheets, "render", str(SAMPLE), "--format", "html", "-o", str(html)],
            check=True,
            capture_output=True,
        )
        ours = timed(
            [worksheets, "render", str(SAMPLE), "-o", str(folder / "ours.pdf"), "--force"], runs
        )
        theirs = timed(
            [
                str(BIN / "weasyprint"),
                "--pdf-variant",
                "pdf/ua-1",
                "--base-url",
                str(REPO / "templates") + "/",
                str(html),
                str(folder / "theirs.pdf"),
            ],
            runs,
        )
    print(
        f"worksheets render: {ours:.2f} s; weasyprint on the same HTML: {theirs:.2f} s; "
        f"ratio {ours / theirs:.2f} (budget 1.25)"
    )


if __name__ == "__main__":
    main()
