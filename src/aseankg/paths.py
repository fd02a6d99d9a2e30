"""The one place that knows where the project's files are.

The ontology, the shapes, the lexicon, the articles and the competency queries are read
from the source tree (the package is installed in editable mode, locally and in the image).
The root is the nearest folder above this module that holds ``ontology/aseankg.ttl``;
``ASEANKG_ROOT`` overrides it, e.g. for a checkout used from another installation.
"""

from __future__ import annotations

import os
from pathlib import Path

_MARKER = Path("ontology") / "aseankg.ttl"


def find_root(start: Path | None = None) -> Path:
    """The project root: ``$ASEANKG_ROOT``, else the nearest folder above ``start`` holding
    ``ontology/aseankg.ttl``, else the nearest one above the working directory.

    Raises ``FileNotFoundError`` naming where it looked when there is none.
    """
    override = os.environ.get("ASEANKG_ROOT")
    if override:
        return Path(override).resolve()
    starts = [start or Path(__file__).resolve().parent, Path.cwd().resolve()]
    for origin in starts:
        for folder in (origin, *origin.parents):
            if (folder / _MARKER).is_file():
                return folder
    raise FileNotFoundError(
        f"cannot find the aseankg project root (a folder with {_MARKER}) above "
        + " or ".join(str(s) for s in starts)
        + "; set ASEANKG_ROOT"
    )


def _root() -> Path:
    try:
        return find_root()
    except FileNotFoundError:
        # Keep importing possible (e.g. `aseankg --help` outside a checkout); reading a
        # file below then fails with the path it tried.
        return Path(__file__).resolve().parents[2]


PROJECT_ROOT: Path = _root()
ONTOLOGY_FILE: Path = PROJECT_ROOT / "ontology" / "aseankg.ttl"
SHAPES_FILE: Path = PROJECT_ROOT / "shapes" / "aseankg.shapes.ttl"
LEXICON_DIR: Path = PROJECT_ROOT / "data" / "lexicon"
DOCUMENTS_DIR: Path = PROJECT_ROOT / "data" / "documents"
QUERIES_DIR: Path = PROJECT_ROOT / "queries"

__all__ = [
    "DOCUMENTS_DIR",
    "LEXICON_DIR",
    "ONTOLOGY_FILE",
    "PROJECT_ROOT",
    "QUERIES_DIR",
    "SHAPES_FILE",
    "find_root",
]
