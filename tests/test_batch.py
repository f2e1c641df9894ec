import csv
import io
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

from tests.conftest import MARIA, REPO, pdf_text, write_answers
from tests.pdfcheck import bookmarks, pdf_ua_failures, poppler_pages, qpdf_warnings
from worksheets import batch as batch_module
from worksheets.batch import BatchReport
from worksheets.cli import cli
from worksheets.csvinput import COLUMNS, example_csv, parse_batch_csv

FIRST = ["Maria", "James", "Aiko", "Tomasz", "Fatima", "Grace", "Olu", "Ines", "Dmitri", "Leila"]
LAST = ["Lopez", "Carter", "Tanaka", "Nowak", "Haddad", "Okafor", "Brennan", "Silva"]
BAD_ROWS = {
    5: ("priorities", "wrk"),
    12: ("pain", "severe"),
    20: ("appointment", "12/03/2026"),
}
BAD_ROW_REPORT = (
    'Error: people.csv, row 5, column priorities: "wrk" is not a priority. Did you mean "work"?\n'
    'Error: people.csv, row 12, column pain: "severe" is not a score; use a whole number from 0 (not at all) to 10 (worst)\n'
    'Error: people.csv, row 20, column appointment: "12/03/2026" is not a date; write it as year-month-day, for example 2026-12-03\n'
)


@pytest.fixture
def runner(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def person(number: int) -> dict[str, str]:
    """Row `number` (as a spreadsheet counts) of a social worker's list."""
    row = {
        "name": f"{FIRST[number % len(FIRST)]} {LAST[number % len(LAST)]}",
        "appointment": f"2026-12-{number % 28 + 1:02d}",
        "cancer_type": ["lung", "breast", "colorectal", "pancreatic"][number % 4],
        "treatments": "chemotherapy;radiation" if number % 2 else "immunotherapy",
        "priorities": "family_time;comfort",
        "pain": str(number % 11),
        "own_questions": "Can I travel in the spring?\nWho do I call at night?",
    }
    if number <= 11:
        row["output"] = f"visit-{number}"
    if number in BAD_ROWS:
        column, value = BAD_ROWS[number]
        row[column] = value
    return row


def write_csv(path: Path, rows: list[dict[str, str]], columns=COLUMNS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def thirty_people(folder: Path) -> Path:
    return write_csv(folder / "people.csv", [person(n) for n in range(2, 32)])


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.iterdir()}


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_thirty_people_three_bad_rows(runner, tmp_path):
    thirty_people(tmp_path)
    result = runner.invoke(cli, ["batch", "people.csv", "--format", "json", "--jobs", "1"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        BAD_ROW_REPORT + "27 worksheets written to worksheets-out/; 3 rows had problems\n"
    )
    out = tmp_path / "worksheets-out"
    expected = {f"visit-{n}.json" for n in range(2, 12) if n not in BAD_ROWS}
    expected |= {f"row-{n:03d}.json" for n in range(12, 32) if n not in BAD_ROWS}
    assert {p.name for p in out.iterdir()} == expected
    # Row 7's worksheet holds row 7's own questions: rows and files are not mixed up.
    assert b"Can I travel in the spring?" in (out / "visit-7.json").read_bytes()


def test_running_again_without_force_replaces_nothing(runner, tmp_path):
    thirty_people(tmp_path)
    runner.invoke(cli, ["batch", "people.csv", "--format", "json", "--jobs", "1"])
    out = tmp_path / "worksheets-out"
    before = snapshot(out)
    (out / "row-013.json").write_bytes(b"edited by hand")
    before["row-013.json"] = (out.joinpath("row-013.json").stat().st_mtime_ns, b"edited by hand")

    result = runner.invoke(cli, ["batch", "people.csv", "--format", "json", "--jobs", "1"])
    assert result.exit_code == 1
    bad = iter(BAD_ROW_REPORT.splitlines())
    expected = [
        next(bad)
        if n in BAD_ROWS
        else f"Error: people.csv, row {n}, column output: worksheets-out/"
        f"{f'visit-{n}' if n <= 11 else f'row-{n:03d}'}.json already exists; use --force to replace it"
        for n in range(2, 32)
    ]
    assert result.stderr.splitlines() == [*expected, "No worksheets written; 30 rows had problems"]
    assert snapshot(out) == before

    result = runner.invoke(
        cli, ["batch", "people.csv", "--format", "json", "--jobs", "1", "--force"]
    )
    assert result.exit_code == 1
    assert result.stderr.endswith("27 worksheets written to worksheets-out/; 3 rows had problems\n")
    assert (out / "row-013.json").read_bytes().startswith(b"{")


def test_output_is_for_its_owner_alone_and_never_named_after_the_person(runner, tmp_path):
    thirty_people(tmp_path)
    runner.invoke(cli, ["batch", "people.csv", "--format", "html", "--jobs", "1"])
    out = tmp_path / "worksheets-out"
    assert mode(out) == 0o700
    names = {
        word.lower() for first, last in zip(FIRST, LAST, strict=False) for word in (first, last)
    }
    names |= {word.lower() for word in FIRST + LAST}
    files = list(out.iterdir())
    assert len(files) == 27
    for path in files:
        assert mode(path) == 0o600
        assert not any(name in path.name.lower() for name in names), path.name


def test_a_pdf_batch_in_two_jobs_and_combined_for_two_sided_printing(runner, tmp_path):
    people = [
        {"output": "first", "name": "Maria Lopez", "cancer_type": "pancreatic"},
        {"name": "James Carter", "cancer_type": "lung", "treatments": "immunotherapy"},
        {"name": "Aiko Tanaka", "priorities": "work", "pain": "3"},
    ]
    write_csv(tmp_path / "people.csv", people)
    result = runner.invoke(
        # The booklet (--all-questions), whose page counts differ from person to person.
        cli,
        [
            *("batch", "people.csv", "--jobs", "2", "--out-dir", "each"),
            *("--combined", "all.pdf", "--all-questions"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == "3 worksheets written to each/ and all.pdf\n"
    files = [tmp_path / "each" / name for name in ("first.pdf", "row-003.pdf", "row-004.pdf")]
    assert sorted(os.listdir(tmp_path / "each")) == sorted(p.name for p in files)
    counts = [len(pypdf.PdfReader(path).pages) for path in files]
    for path, name in zip(files, ("Maria Lopez", "James Carter", "Aiko Tanaka"), strict=True):
        assert path.read_bytes().startswith(b"%PDF")
        assert name in pdf_text(path)
        assert mode(path) == 0o600

    combined = pypdf.PdfReader(tmp_path / "all.pdf")
    assert mode(tmp_path / "all.pdf") == 0o600
    starts, page = [], 0
    for count in counts:
        starts.append(page)
        page += count + count % 2  # a blank page after an odd count
    assert len(combined.pages) == page - counts[-1] % 2  # none after the last
    assert any(count % 2 for count in counts[:-1]), "no odd page count: padding untested"
    for start, count, name in zip(
        starts, counts, ("Maria Lopez", "James Carter", "Aiko Tanaka"), strict=True
    ):
        assert start % 2 == 0  # page 1, 3, 5...: the front of a sheet
        assert name in combined.pages[start].extract_text()
        own_pages = [combined.pages[i].extract_text() for i in range(start, start + count)]
        assert any("After the visit" in text for text in own_pages)
        assert "More questions, if there is time" in " ".join(own_pages)
        if count % 2 and start + count < len(combined.pages):
            assert combined.pages[start + count].extract_text().strip() == ""
    assert all(name not in str(combined.metadata) for name in ("Maria", "James", "Aiko"))
    # One bookmark per person, at their first page, named by row: not by the
    # output column ("first"), which may hold a name; each holds the
    # worksheet's own bookmarks, as the person's own file has them.
    outline = bookmarks((tmp_path / "all.pdf").read_bytes())
    assert [(title, page) for title, page, _kids in outline] == [
        ("Row 2", starts[0]),
        ("Row 3", starts[1]),
        ("Row 4", starts[2]),
    ]
    for (_title, start, kids), path in zip(outline, files, strict=True):
        own = bookmarks(path.read_bytes())
        assert own and kids == shifted(own, start)
    assert not any(name in str(outline) for name in ("Maria", "James", "Aiko", "first"))
    assert poppler_pages(tmp_path / "all.pdf") == len(combined.pages)
    assert qpdf_warnings(tmp_path / "all.pdf") == []
    assert pdf_ua_failures((tmp_path / "all.pdf").read_bytes()) == []


def shifted(outline: list, pages: int) -> list:
    return [(title, page + pages, shifted(kids, pages)) for title, page, kids in outline]


def test_a_spreadsheet_saved_csv_with_bom_and_crlf_just_works(runner, tmp_path):
    (tmp_path / "people.csv").write_bytes(
        b"\xef\xbb\xbfName,Priorities,Pain,Own questions\r\n"
        b'Ann Lee,work;travel,4,"First question?\r\nSecond question?"\r\n'
        b"Bo Chen,comfort,,\r\n"
    )
    result = runner.invoke(cli, ["batch", "people.csv", "--format", "json", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert result.stderr == "2 worksheets written to worksheets-out/\n"
    assert sorted(os.listdir("worksheets-out")) == ["row-002.json", "row-003.json"]
    assert '"Second question?"' in Path("worksheets-out/row-002.json").read_text()


def test_an_unknown_column_stops_the_batch_before_anything_is_written(runner, tmp_path):
    write_csv(
        tmp_path / "people.csv",
        [{"name": "Ann", "prioritys": "work"}],
        columns=["name", "prioritys"],
    )
    result = runner.invoke(cli, ["batch", "people.csv", "--combined", "all.pdf", "--out-dir", "o"])
    assert result.exit_code == 1
    assert result.stderr == (
        'Error: people.csv, row 1, column B: "prioritys" is not a column this program knows. '
        'Did you mean "priorities"?\n'
    )
    assert os.listdir(tmp_path) == ["people.csv"]


def test_a_folder_of_answers_files(runner, tmp_path):
    folder = tmp_path / "families"
    folder.mkdir()
    (folder / "maria.yaml").write_text(MARIA.read_text())
    write_answers(folder, {"version": 1, "priorities": ["wrk"]}, "ann.yml")
    write_answers(folder, {"version": 1}, ".draft.yaml")  # hidden: an editor's
    (folder / "notes.txt").write_text("not an answers file")
    (folder / "old").mkdir()
    result = runner.invoke(cli, ["batch", "families", "--format", "json", "--jobs", "1"])
    assert result.exit_code == 1
    assert result.stderr == (
        'Error: ann.yml, line 3, priorities: "wrk" is not a priority. Did you mean "work"?\n'
        "1 worksheet written to worksheets-out/; 1 file had problems\n"
    )
    assert os.listdir("worksheets-out") == ["maria.json"]


def test_a_folder_batchs_bookmarks_are_numbered_never_named(tmp_path):
    # A folder's files are often named after the people in them.
    folder = tmp_path / "families"
    folder.mkdir()
    for name in ("maria-lopez.yaml", "bad.yaml", "zoe-park.yaml"):
        (folder / name).write_text(MARIA.read_text() if name != "bad.yaml" else "version: x\n")
    plan = batch_module.plan_batch(folder, batch_module.BatchSettings(out_dir=None))
    assert [(person.place, person.bookmark) for _i, person in plan.ready()] == [
        ("maria-lopez.yaml", "File 2"),
        ("zoe-park.yaml", "File 3"),
    ]


def test_a_folder_without_answers_files_is_an_error(runner, tmp_path):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(cli, ["batch", "empty"])
    assert result.exit_code == 1
    assert result.stderr == "Error: empty: no answers files (*.yaml or *.yml) in this folder\n"


def test_the_template_is_an_example_csv_that_reads_back(runner):
    result = runner.invoke(cli, ["batch", "--template"])
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == example_csv()
    header = next(csv.reader(io.StringIO(result.stdout)))
    assert header == list(COLUMNS)
    rows = parse_batch_csv(result.stdout, "template.csv")
    assert len(rows) == 2
    assert [row.problems for row in rows] == [(), ()]


def test_two_rows_never_write_the_same_file(runner, tmp_path):
    write_csv(
        tmp_path / "people.csv",
        [
            {"output": "Visit.json", "name": "Ann"},
            {"output": "visit", "name": "Bo"},  # Visit.json and visit.json clash on a Mac
            {"output": "row-005", "name": "Cy"},
            {"name": "Di"},  # row 5: row-005.json is taken, so another name is made
        ],
    )
    result = runner.invoke(cli, ["batch", "people.csv", "--format", "json", "--jobs", "1"])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: people.csv, row 3, column output: visit.json is already the file name for "
        "people.csv, row 2; give each its own\n"
        "3 worksheets written to worksheets-out/; 1 row had problems\n"
    )
    assert sorted(os.listdir("worksheets-out")) == ["Visit.json", "row-005-2.json", "row-005.json"]


def test_usage_errors(runner, tmp_path):
    write_csv(tmp_path / "people.csv", [{"name": "Ann"}])
    result = runner.invoke(cli, ["batch"])
    assert result.exit_code == 2
    assert "Error: Missing argument 'INPUT'." in result.stderr
    result = runner.invoke(cli, ["batch", "people.csv", "--combined", "a.pdf", "--format", "html"])
    assert result.exit_code == 2
    assert "Error: --combined makes a PDF; leave out --format" in result.stderr
    result = runner.invoke(cli, ["batch", "people.csv", "-o", "x.pdf"])
    assert result.exit_code == 2
    assert os.listdir(tmp_path) == ["people.csv"]


def test_an_existing_combined_file_is_refused_before_any_work(runner, tmp_path):
    write_csv(tmp_path / "people.csv", [{"name": "Ann"}])
    (tmp_path / "all.pdf").write_bytes(b"mine")
    result = runner.invoke(cli, ["batch", "people.csv", "--combined", "all.pdf"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: all.pdf already exists; use --force to replace it")
    assert (tmp_path / "all.pdf").read_bytes() == b"mine"
    assert sorted(os.listdir(tmp_path)) == ["all.pdf", "people.csv"]


def test_a_missing_csv_is_bad_input(runner):
    result = runner.invoke(cli, ["batch", "nobody.csv"])
    assert result.exit_code == 1
    assert result.stderr == "Error: nobody.csv: no such file\n"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_interrupt_keeps_whole_files_only(runner, tmp_path, monkeypatch, jobs):
    write_csv(tmp_path / "people.csv", [{"name": f"Person {n}"} for n in range(8)])
    real_write = batch_module.write_output
    calls = []

    def write_then_stop(*args, **kwargs):
        calls.append(args[0])
        if len(calls) == 3:
            raise KeyboardInterrupt  # Ctrl-C while the third file is being written
        real_write(*args, **kwargs)

    monkeypatch.setattr(batch_module, "write_output", write_then_stop)
    result = runner.invoke(cli, ["batch", "people.csv", "--format", "json", "--jobs", jobs])
    assert result.exit_code == 130
    assert result.stderr == (
        "\nStopped. 2 worksheets were written to worksheets-out/; nothing half-written is left.\n"
    )
    assert sorted(os.listdir("worksheets-out")) == sorted(p.name for p in calls[:2])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize(
    ("stop", "to_group", "code"),
    [
        (signal.SIGINT, True, 130),  # Ctrl-C: the terminal signals the whole group
        (signal.SIGTERM, False, 143),  # `kill PID`, a service stopped: the main process only
        (signal.SIGHUP, True, 129),  # the terminal window closed
    ],
)
def test_a_stopped_batch_stops_every_process_and_leaves_no_partial_file(
    tmp_path, stop, to_group, code
):
    write_csv(tmp_path / "people.csv", [{"name": f"Person {n}"} for n in range(8)])
    out = tmp_path / "out"
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "worksheets",
            "batch",
            "people.csv",
            "--out-dir",
            "out",
            "--combined",
            "all.pdf",
            "--jobs",
            "2",
        ],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's job
        env={**os.environ, "PYTHONPATH": str(REPO), "TMPDIR": str(scratch)},
    )
    try:
        # Wait (for a condition, not a time) until the first worksheet is written.
        deadline = time.monotonic() + 300
        while not (out.is_dir() and any(p.suffix == ".pdf" for p in out.iterdir())):
            assert process.poll() is None, process.stderr.read()
            assert time.monotonic() < deadline
            time.sleep(0.05)
        if to_group:
            os.killpg(process.pid, stop)
        else:
            os.kill(process.pid, stop)
        stderr = process.communicate(timeout=120)[1].decode()
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == code, stderr
    assert "Traceback" not in stderr
    assert "Stopped." in stderr
    written = os.listdir(out)
    assert written and len(written) < 8
    for name in written:
        assert name.endswith(".pdf")  # no temporary file left
        assert len(pypdf.PdfReader(out / name).pages) > 1  # whole worksheets only
    assert sorted(os.listdir(tmp_path)) == ["out", "people.csv", "tmp"]  # no half combined PDF
    # No worker, and no fork server, outlives the batch; nor their temporary folders.
    deadline = time.monotonic() + 60
    while _processes_in_session(process.pid):
        assert time.monotonic() < deadline, _processes_in_session(process.pid)
        time.sleep(0.05)
    assert os.listdir(scratch) == []


def test_workers_leave_no_temporary_folders(tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    write_csv(tmp_path / "people.csv", [{"name": f"Person {n}"} for n in range(3)])
    result = subprocess.run(
        [sys.executable, "-m", "worksheets", "batch", "people.csv", "--jobs", "2"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), "TMPDIR": str(scratch)},
    )
    assert result.returncode == 0, result.stderr
    assert len(os.listdir(tmp_path / "worksheets-out")) == 3
    assert os.listdir(scratch) == []


def _processes_in_session(session: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == session and fields[0] != "Z":
                found.append(int(entry.name))
    return found


@pytest.mark.parametrize(
    ("report", "summary"),
    [
        (
            BatchReport(27, ["x"] * 3, 3, "row", ["worksheets-out/"]),
            "27 worksheets written to worksheets-out/; 3 rows had problems",
        ),
        (BatchReport(1, [], 0, "row", ["o/", "all.pdf"]), "1 worksheet written to o/ and all.pdf"),
        (BatchReport(0, ["x"], 1, "file", []), "No worksheets written; 1 file had problems"),
    ],
)
def test_the_summary(report, summary):
    assert report.summary() == summary


def test_batch_has_help(runner):
    result = runner.invoke(cli, ["batch", "--help"])
    assert result.exit_code == 0
    assert result.output.startswith("Usage: cli batch [OPTIONS] INPUT")
    for option in ("--out-dir", "--combined", "--jobs", "--template", "--format", "--force"):
        assert option in result.output
    assert "-o, --output" not in result.output


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_the_combined_pdf_never_replaces_a_row_of_the_same_batch(runner, tmp_path, force):
    write_csv(tmp_path / "people.csv", [{"name": "Ana"}, {"name": "Luis"}])
    (tmp_path / "os").mkdir()
    result = runner.invoke(
        cli,
        ["batch", "people.csv", "--out-dir", "os", "--combined", "os/row-002.pdf", *force],
    )
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: --combined os/row-002.pdf is the file name for people.csv, row 2 in --out-dir; "
        "give the combined PDF a name of its own\n"
    )
    assert not (tmp_path / "os" / "row-002.pdf").exists()
