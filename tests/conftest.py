"""Shared fixtures: the real corpus (skipped where absent), fresh stores, the Karamay store
built once per session; and how pytest-xdist (``-n auto --dist loadgroup``) groups the tests."""

from __future__ import annotations

import os
import shutil
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


def _worker_group(item: pytest.Item) -> str:
    """Which tests pytest-xdist must run on one worker (``--dist loadgroup``)."""
    if os.environ.get("NEO4J_URI") and ({"bolt_store", "bolt_server"} & set(item.fixturenames)):
        return "bolt-server"  # one external server, cleared by each test: one worker at a time
    if "karamay_store" in item.fixturenames:
        return "karamay"  # built once per worker: all its tests on one worker
    return item.nodeid.split("::")[0]  # a file's tests share its module fixtures


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("dist", "no") == "loadgroup":
        # the slow groups first (below), in place of xdist's order by test count,
        # which would start the two-test Karamay group last
        config.option.loadscopereorder = False


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under ``pytest -n N --dist loadgroup``: keep each file's tests (and the Karamay
    store's) on one worker, and start the groups holding ``slow`` tests first, so that
    no long test starts last and runs alone."""
    # on a worker xdist sets dist to "no" and keeps loadgroup
    if not getattr(config.option, "loadgroup", False):
        return
    groups = {item.nodeid: _worker_group(item) for item in items}
    for item in items:
        item.add_marker(pytest.mark.xdist_group(groups[item.nodeid]))
    slow = {groups[item.nodeid] for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: groups[item.nodeid] not in slow)


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


@pytest.fixture(scope="session")
def _karamay_built(laws_dir: Path, powerlists_dir: Path, tmp_path_factory) -> Path:
    # building it takes ~30 CPU seconds (clause extraction of ~200 law files):
    # once per session, and each test gets its own copy (karamay_store)
    karamay = powerlists_dir / "karamay"
    if not karamay.exists():
        pytest.skip(f"{karamay} is absent")
    rdf_bench = pytest.importorskip("bench.rdf_bench")
    path = tmp_path_factory.mktemp("karamay-built") / "karamay.kg"
    rdf_bench.build(path, karamay, laws_dir)
    return path


@pytest.fixture
def karamay_store(_karamay_built: Path, tmp_path: Path) -> EmbeddedStore:
    """The Karamay lists with every version of the laws they cite (``bench.rdf_bench.build``),
    built once per session; a fresh copy of the file in this test's folder."""
    path = tmp_path / "karamay.kg"
    shutil.copyfile(_karamay_built, path)
    return EmbeddedStore(path)
