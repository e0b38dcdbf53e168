"""Findings' JSON lines made in another process (:mod:`queries.parallel`), as ``check all`` writes them."""

from __future__ import annotations

from typing import Mapping


class LineBlock:
    """JSON lines made by a worker, as ``check all --format json`` writes them: UTF-8, joined by ``",\\n"``
    (no separator before the first or after the last), with the count of each kind they hold.

    :func:`queries.report.write_json` writes the bytes as they are (a whole-corpus check's vacuums are ~600 MB
    of text: the parent neither decodes nor re-encodes them) and ``run_check`` adds ``counts`` to its own.
    """

    __slots__ = ("data", "counts")
    kind = "lines"
    decision = None  # only made when the store has no decisions (vacuum_jobs)

    def __init__(self, data: bytes, counts: Mapping[str, int]) -> None:
        self.data, self.counts = data, counts

    def to_json_text(self) -> str:
        return self.data.decode("utf-8")
