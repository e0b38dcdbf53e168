"""The recall samples' files (bench/recall_sample): each built gold file is what build.py makes of its draw and its
hand annotations, every record is in the gold format, and no article is drawn twice.

Format and bookkeeping only: these tests never run the extractor, so a sample kept untuned (the seventh, seed 5151)
stays untuned when the suite runs.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from bench.recall_sample.build import CATEGORIES, parse_annotations

HERE = Path(__file__).resolve().parents[1] / "bench" / "recall_sample"

# (draw, hand annotations, built gold file), relative to bench/recall_sample/, as in its README
BUILT = [
    ("pilot/draw_seed12.jsonl", "pilot/src_seed12.txt", "pilot/dev/sample_seed12.jsonl"),
    ("pilot/draw_seed1212.jsonl", "pilot/src_seed1212.txt", "pilot/unseen/sample_seed1212.jsonl"),
    ("draw_seed12.jsonl", "src/seed12.txt", "dev/sample_seed12.jsonl"),
    ("draw_seed1212.jsonl", "src/seed1212.txt", "unseen/sample_seed1212.jsonl"),
    ("draw_seed2026.jsonl", "src/seed2026.txt", "third/articles.jsonl"),
    ("draw_seed4242.jsonl", "src/seed4242.txt", "fourth/articles.jsonl"),
    ("draw_seed7777.jsonl", "src/seed7777.txt", "local/articles.jsonl"),
    ("draw_seed9191.jsonl", "src/seed9191.txt", "fifth/articles.jsonl"),
    ("draw_seed3131.jsonl", "src/seed3131.txt", "sixth/articles.jsonl"),
    ("draw_seed5151.jsonl", "src/seed5151.txt", "seventh/articles.jsonl"),
]


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _key(rec: dict) -> tuple[str, int, int]:
    return rec["file"], rec["article"], rec.get("suffix", rec.get("article_suffix", 0))


def test_every_draw_and_gold_file_is_listed() -> None:
    listed = {name for row in BUILT for name in (row[0], row[2])}
    present = {p.relative_to(HERE).as_posix() for p in HERE.rglob("*.jsonl")}
    assert present == listed, "a recall-sample file is not in BUILT (add its draw, src and gold file)"


@pytest.mark.parametrize("draw,src,gold", BUILT, ids=[row[2] for row in BUILT])
def test_gold_file_is_built_from_its_draw_and_annotations(draw: str, src: str, gold: str) -> None:
    drawn = _jsonl(HERE / draw)
    notes = parse_annotations((HERE / src).read_text(encoding="utf-8"))
    built = _jsonl(HERE / gold)
    assert [_key(r) for r in built] == [_key(r) for r in drawn], f"{gold} does not follow {draw}"
    assert max(notes, default=-1) < len(drawn), f"{src}: an index beyond {draw}"
    for i, rec in enumerate(built):
        assert rec["clauses"] == notes.get(i, []), f"{gold} no. {i}: not what {src} says (rebuild with build.py)"
        assert rec["categories"] == sorted({c["category"] for c in rec["clauses"]}), f"{gold} no. {i}"
        for clause in rec["clauses"]:
            assert clause["category"] in CATEGORIES and clause["subject"], f"{gold} no. {i}: {clause}"
            assert clause["modality"] in {None, "可以", "应当", "不得"}, f"{gold} no. {i}: {clause}"


def test_no_article_is_drawn_twice() -> None:
    counts = Counter(_key(r) for row in BUILT for r in _jsonl(HERE / row[0]))
    assert [k for k, n in counts.items() if n > 1] == []
