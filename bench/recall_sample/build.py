"""Write the silver JSONL (gold format) from a draw and its hand annotations (src/*.txt).

    python bench/recall_sample/build.py draw_seed12.jsonl src/seed12.txt dev/sample_seed12.jsonl
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

CATEGORIES = {"行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查", "行政确认", "行政奖励", "行政裁决", "其他"}


def parse_annotations(text: str) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        index, _, body = line.partition("\t")
        clauses = []
        for part in body.split(";"):
            category, subject, modality, actions = part.split("|")
            if category not in CATEGORIES:
                raise SystemExit(f"line {n}: unknown category {category!r}")
            clauses.append({"category": category, "subject": subject, "modality": modality or None,
                            "actions": [a for a in actions.split(",") if a]})
        out[int(index)] = clauses
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    here = Path(__file__).parent
    draw = [json.loads(l) for l in (here / argv[0]).read_text(encoding="utf-8").splitlines() if l.strip()]
    notes = parse_annotations((here / argv[1]).read_text(encoding="utf-8"))
    if max(notes, default=-1) >= len(draw):
        raise SystemExit("annotation index beyond the draw")
    out = here / argv[2]
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for i, art in enumerate(draw):
            clauses = notes.get(i, [])
            rec = {"law": art["law"], "file": art["file"], "article": art["article"],
                   "categories": sorted({c["category"] for c in clauses}), "clauses": clauses}
            if art["suffix"]:
                rec["article_suffix"] = art["suffix"]
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{out}: {len(draw)} articles, {len(notes)} with clauses, "
          f"{sum(len({c['category'] for c in v}) for v in notes.values())} pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
