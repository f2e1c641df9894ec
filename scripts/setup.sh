#!/usr/bin/env bash
# Makes this checkout ready: the system libraries WeasyPrint needs, then a
# Python virtual environment in .venv with the package installed (editable).
# Usage: scripts/setup.sh [test]   ("test" adds the test tools)
# Called by ./run and ./test; safe to run again, it only does what is missing.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
extras=${1:-}
say() { printf '%s\n' "$*" >&2; }

# --- System libraries --------------------------------------------------------
# Pango draws the text. libharfbuzz-subset0 lets WeasyPrint embed only the
# glyphs it uses; without it every PDF is written about five times slower.
# A DejaVu font covers Greek, Cyrillic, Arabic and Hebrew names.
# The library list is read once and matched as a whole: `ldconfig -p | grep -q`
# under pipefail fails by chance when grep closes the pipe before ldconfig is done.
libraries=$(ldconfig -p 2>/dev/null || true)
have_lib() { [[ $libraries == *"$1"* ]]; }
missing=()
have_lib 'libpango-1.0.so.0' || missing+=(libpango-1.0-0)
have_lib 'libpangoft2-1.0.so.0' || missing+=(libpangoft2-1.0-0)
have_lib 'libharfbuzz-subset.so.0' || missing+=(libharfbuzz-subset0)
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
if [ "$extras" = test ]; then
    # The tests check every print-room PDF with qpdf and poppler, as print servers read them.
    command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
    command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
    # The tests drive the web page (worksheets web) in Debian's own Chromium through
    # its own chromedriver; Selenium is never allowed to download a browser or driver.
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
fi

if [ ${#missing[@]} -gt 0 ]; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        say "Installing system libraries: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    elif command -v apt-get >/dev/null 2>&1; then
        say "worksheets needs these system libraries. Install them with:"
        say "    sudo apt-get install -y ${missing[*]}"
        exit 1
    elif command -v brew >/dev/null 2>&1; then
        say "worksheets needs Pango and HarfBuzz. Install them with:"
        say "    brew install pango harfbuzz"
        exit 1
    else
        say "worksheets needs Pango (1.44 or newer) and HarfBuzz's subset library."
        say "Install them with your system's package manager, then run this again."
        exit 1
    fi
fi

# --- Python environment --------------------------------------------------------
python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
    say "worksheets needs Python 3.10 or newer (found: $("$python" --version 2>&1 || echo none))."
    exit 1
fi
venv="$root/.venv"
if [ ! -x "$venv/bin/python" ]; then
    say "Creating the Python environment in .venv"
    "$python" -m venv "$venv" >&2
fi
# One environment serves ./run and ./test: it is installed again only when the
# project's dependencies change, or when the tests need their tools the first
# time, never when switching between the two.
stamp="$venv/.worksheets-installed"
hash=$(sha256sum <"$root/pyproject.toml" | cut -c1-16)
installed=$(cat "$stamp" 2>/dev/null || true)
if [ "${installed%% *}" != "$hash" ] || { [ -n "$extras" ] && [ "$installed" != "$hash test" ]; }; then
    # What is there already stays: `./run` after `./test` keeps the test tools.
    if [ -z "$extras" ] && [ "${installed#* }" = test ]; then
        extras=test
    fi
    say "Installing worksheets and its Python packages into .venv"
    spec="$root"
    [ -n "$extras" ] && spec="$root[$extras]"
    # -qq: pip's errors only; its warnings about this machine's package
    # mirrors mean nothing to the person setting up.
    "$venv/bin/python" -m pip install -qq --disable-pip-version-check -e "$spec" >&2
    printf '%s\n' "$hash${extras:+ $extras}" >"$stamp"
fi
