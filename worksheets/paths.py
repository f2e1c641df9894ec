"""Where the package finds its templates and question bank.

In a wheel, templates/ and questions/ travel inside the package (see
pyproject.toml); in a source checkout or an editable install they sit at the top
of the repository, next to the package. Never the current folder.
"""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    inside = _PACKAGE / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / name


TEMPLATES_DIR = _data_dir("templates")
BANK_DIR = _data_dir("questions")
