"""Reading the users' CSV tables (concentrations, government manifests): one way to decode and check them.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
>>> _ = path.write_text("\\ufeffa,b\\n1,2\\n\\n", encoding="utf-8")
>>> list(read_table(path, "test table", ("a",)))
[(2, {'a': '1', 'b': '2'})]
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterable, Iterator

from kg.errors import UserError
from kg.text import decode_bytes, normalise
from ontology import rows


def read_table(path: str | Path, what: str, required: Iterable[str], expected: Iterable[str] = ()) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row with stripped keys and values) of each non-blank row of a CSV table.

    Any encoding :func:`kg.text.decode_bytes` reads; a file that cannot be
    read, or lacks a ``required`` column, raises :class:`UserError` naming
    the file (and line 1), ``what`` it is, and the ``expected`` columns.
    """
    path = Path(path)
    try:
        text = normalise(decode_bytes(path.read_bytes(), str(path)))
    except OSError as exc:
        raise UserError(f"{path}: cannot read {what} ({exc.strerror})") from None
    except ValueError as exc:
        raise UserError(f"{path}: {exc}") from None
    reader = csv.DictReader(io.StringIO(text))
    header = [(h or "").strip() for h in reader.fieldnames or []]
    missing = [c for c in required if c not in header]
    if missing:
        raise UserError(f"{path}: line 1: missing column(s) {', '.join(missing)} (expected {','.join(expected or required)})")
    for line, raw in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in raw.items() if k is not None}
        if any(row.values()):
            yield line, row


ontology_rows = rows  # the bundled rule tables' reader, shared with the loaders (ontology.rows)
