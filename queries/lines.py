"""Findings' JSON lines made in another process (:mod:`queries.parallel`), as ``check all`` writes them."""

from __future__ import annotations

import os
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


class LineFile:
    """JSON lines a worker wrote to a file of its own, as :class:`LineBlock` holds them (UTF-8, joined by
    ``",\\n"``): :func:`queries.report.write_json` copies the file into its output in the kernel
    (``os.sendfile``), so that the lines never pass through the parent process (a million items' vacuums are
    5 GB of text), then removes it."""

    __slots__ = ("path", "size", "counts")
    kind = "lines"
    decision = None

    def __init__(self, path: str, size: int, counts: Mapping[str, int]) -> None:
        self.path, self.size, self.counts = path, size, counts

    def to_json_text(self) -> str:
        with open(self.path, encoding="utf-8", newline="") as handle:
            return handle.read()


def write_lines_file(path: str, data: bytes, counts: Mapping[str, int]) -> LineFile:
    """``data`` written to a new file ``path``, as a :class:`LineFile`."""
    with open(path, "xb") as handle:
        handle.write(data)
    return LineFile(path, len(data), counts)


def copy_lines_file(lines: LineFile, out) -> None:
    """The bytes of ``lines`` appended to the binary file or stream ``out`` (flushed first), then the file removed:
    by ``os.sendfile`` when ``out`` has a file descriptor, else read and written."""
    try:
        out.flush()
        fd = out.fileno()
    except (AttributeError, OSError, ValueError):  # io.BytesIO and the like: no descriptor
        fd = None
    with open(lines.path, "rb") as source:
        copied = 0
        if fd is not None and hasattr(os, "sendfile"):
            try:
                while copied < lines.size:
                    sent = os.sendfile(fd, source.fileno(), copied, lines.size - copied)
                    if sent == 0:
                        break
                    copied += sent
            except OSError:  # a descriptor sendfile does not write to: copy what is left through the process
                pass
        if copied < lines.size:
            source.seek(copied)
            out.write(source.read())
            out.flush()
    os.unlink(lines.path)
