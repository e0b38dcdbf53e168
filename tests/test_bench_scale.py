"""The scale benchmark reuses a generated list only when today's extraction made it (issue 16's 894 orphans of 900)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.bench_scale import _generated
from bench.clause_source import extraction_fingerprint
from bench.generate import generator_fingerprint

pytestmark = pytest.mark.corpus


@pytest.mark.parametrize(
    "meta, reused",
    [
        ({"items": 100, "seed": 1, "extraction": "today", "generator": "today"}, True),
        ({"items": 100, "seed": 1, "extraction": "0123456789abcdef", "generator": "today"}, False),  # older clauses
        ({"items": 100, "seed": 1, "extraction": "today", "generator": "0123456789abcdef"}, False),  # older generator
        ({"items": 100, "seed": 1}, False),  # a key written before the fingerprints were kept
        ({"items": 100, "seed": 2, "extraction": "today", "generator": "today"}, False),
        ({"items": 1000, "seed": 1, "extraction": "today", "generator": "today"}, False),
    ],
)
def test_a_list_is_reused_only_when_made_by_this_extraction(tmp_path: Path, laws_dir: Path, meta: dict,
                                                            reused: bool) -> None:
    today = {"extraction": extraction_fingerprint(), "generator": generator_fingerprint()}
    meta = {name: today[name] if value == "today" else value for name, value in meta.items()}
    csv_path, key_path = tmp_path / "list.csv", tmp_path / "key.json"
    csv_path.write_text("序号\n", encoding="utf-8")
    key_path.write_text(json.dumps({"meta": meta}), encoding="utf-8")
    assert _generated(csv_path, key_path, 100, 1) is reused


def test_no_list_no_reuse(tmp_path: Path) -> None:
    assert not _generated(tmp_path / "list.csv", tmp_path / "key.json", 100, 1)


def test_the_generated_key_names_its_extraction(tmp_path: Path, laws_dir: Path) -> None:
    from bench.clause_source import SMALL_LAWS
    from bench.generate import generate

    key = generate(1500, 7, tmp_path / "l.csv", tmp_path / "k.json", laws=SMALL_LAWS, laws_dir=laws_dir,
                   cache_dir=tmp_path)
    assert key.meta["extraction"] == extraction_fingerprint(laws_dir, SMALL_LAWS)
    assert key.meta["generator"] == generator_fingerprint()
