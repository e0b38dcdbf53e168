"""Shared fixtures: the real corpus (skipped where absent) and fresh stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.embedded import EmbeddedStore

pytest_plugins = ["tests.bolt"]

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
LAWS = CORPUS / "laws"
POWERLISTS = CORPUS / "powerlists"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared corpus is not on this machine")
    return path


@pytest.fixture(scope="session")
def laws_dir() -> Path:
    """``../shared/corpus/laws`` (skips the test where it is absent)."""
    return _need(LAWS)


@pytest.fixture(scope="session")
def powerlists_dir() -> Path:
    """``../shared/corpus/powerlists`` (skips the test where it is absent)."""
    return _need(POWERLISTS)


@pytest.fixture
def store(tmp_path: Path) -> EmbeddedStore:
    """A fresh, empty embedded store in a temporary folder."""
    return EmbeddedStore(tmp_path / "test.kg")
