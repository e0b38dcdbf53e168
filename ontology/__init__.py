"""The bundled ontology, SHACL shapes and legal rule tables (data only), and the one reader of its tables."""

from __future__ import annotations

import csv
from importlib import resources
from typing import Iterator


def rows(name: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) of each row of the bundled table ``ontology/<name>``, a BOM allowed.

    The tables' loaders check their own columns and name the line of a bad row.
    """
    text = resources.files("ontology").joinpath(name).read_text(encoding="utf-8-sig")
    return enumerate(csv.DictReader(text.splitlines()), start=2)
