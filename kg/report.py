"""What a load did: loaded, skipped (with reasons) and errors, per file."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One input that was skipped or failed, with where and why.

    ``where`` names the file, and the sheet/row or line when known.
    """

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class LoadReport:
    """The closing summary of a load; never silently drops an input."""

    loaded: list[str] = field(default_factory=list)  # files loaded
    skipped: list[Problem] = field(default_factory=list)  # inputs left out on purpose (not a statute, duplicate, ...)
    errors: list[Problem] = field(default_factory=list)  # inputs that could not be read
    warnings: list[Problem] = field(default_factory=list)  # rows loaded with a caveat, rows skipped inside a file
    counts: Counter = field(default_factory=Counter)  # what was added: law_versions, articles, items, ...
    details: dict[str, Any] = field(default_factory=dict)  # per-file summaries etc.

    def skip(self, where: str, reason: str) -> None:
        self.skipped.append(Problem(str(where), reason))

    def error(self, where: str, reason: str) -> None:
        self.errors.append(Problem(str(where), reason))

    def warn(self, where: str, reason: str) -> None:
        self.warnings.append(Problem(str(where), reason))

    @property
    def nothing_loaded(self) -> bool:
        return not self.loaded

    def as_dict(self) -> dict[str, Any]:
        return {
            "loaded": len(self.loaded),
            "skipped": [str(p) for p in self.skipped],
            "errors": [str(p) for p in self.errors],
            "warnings": [str(p) for p in self.warnings],
            "counts": dict(self.counts),
            "details": self.details,
        }
