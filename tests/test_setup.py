"""scripts/setup.sh: it never reports a library missing that is there."""

import os
import subprocess

from tests.conftest import REPO

FAKE_LDCONFIG = """#!/bin/sh
# The libraries first, then a long list: a reader that stops at the first
# match closes the pipe while this is still writing.
printf '\\tlibpango-1.0.so.0 (libc6,x86-64) => /lib/libpango-1.0.so.0\\n'
printf '\\tlibpangoft2-1.0.so.0 (libc6,x86-64) => /lib/libpangoft2-1.0.so.0\\n'
printf '\\tlibharfbuzz-subset.so.0 (libc6,x86-64) => /lib/libharfbuzz-subset.so.0\\n'
yes '	libother.so.1 (libc6,x86-64) => /lib/libother.so.1' | head -n 100000
"""

REFUSE = """#!/bin/sh
echo "$0 called: $*" >&2
exit 1
"""


def test_the_library_check_holds_however_often_it_runs(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, text in (("ldconfig", FAKE_LDCONFIG), ("apt-get", REFUSE), ("sudo", REFUSE)):
        (bin_dir / name).write_text(text)
        (bin_dir / name).chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    script = "for i in $(seq 20); do scripts/setup.sh test || exit 1; done"
    result = subprocess.run(
        ["bash", "-c", script], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_run_and_test_share_one_environment_installed_once():
    # ./test installed the test tools; ./run after it, and ./test again, install nothing.
    for extras in ([], ["test"], [], ["test"]):
        result = subprocess.run(
            ["scripts/setup.sh", *extras], cwd=REPO, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        assert "Installing" not in result.stderr
    assert (REPO / ".venv" / ".worksheets-installed").read_text().endswith(" test\n")
