"""Draw a random sample of articles from the statute corpus for the recall silver set (issue 12).

Pool: in-force files (metadata.csv expired == 0) of ranks 法律, 行政法规, 地方性法规, 部门规章 (the corpus has no
地方政府规章 level), minus every version of the laws in tests/gold (main, dev, unseen: by file and by law name) and
minus every file whose name contains one of the held-out titles (never opened). Articles are split on lines that
start with 第X条. Two strata: "acting" articles (a body word and an act word in the text) and the rest; the draw
takes round(n * 4/5) from the first and the remainder from the second, uniformly, with random.Random(seed).

    python -m bench.recall_sample.draw --seed 12 --n 150 --exclude-sample OTHER.jsonl > sample.jsonl
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

from bench.heldout import GOLD, gold_files, held_out, law_title
from kg.text import chinese_to_int

LAWS = GOLD.parent.parent.parent / "shared" / "corpus" / "laws"
RANKS = {"法律", "行政法规", "地方性法规", "部门规章"}
BODY = re.compile(r"部门|机关|机构|人民政府|委员会|国务院")
ACT = re.compile(r"可以|应当|由|责令|罚款|许可|批准|检查|登记|审批|核准|征收|处罚|没收|吊销|查封|扣押")
# the pilot draws (pilot/) used BODY + ACT and gave 1/3 articles with clauses; the strata now use STRONG
STRONG = re.compile(r"罚款|许可|批准|审批|核准|责令|查封|扣押|扣留|监督检查|现场检查|登记|征收|收取|吊销|没收|处罚|强制|"
                    r"奖励|表彰|裁决|补偿|救助|认定|确认|监督管理|负责")
ART = re.compile(r"^第([零〇一二三四五六七八九十百千]+)条(之([一二三四五六七八九十]))?[ 　]*")


def pool_files(ranks: set[str] = RANKS) -> list[Path]:
    gold = gold_files()
    gold_names = {law_title(file) for file in gold}
    rows = list(csv.DictReader((LAWS / "metadata.csv").open(encoding="utf-8")))
    out = []
    for row in rows:
        if row["level"] not in ranks or row["expired"] != "0":
            continue
        name = row["name"]
        if held_out(name) or name in gold_names:
            continue
        folder = LAWS / row["folder"]
        candidates = [folder / f"{name}({row['publish']}).md", folder / f"{name}.md"]
        for path in candidates:
            rel = path.relative_to(LAWS).as_posix()
            if path.exists() and rel not in gold and not held_out(rel):
                out.append(path)
                break
    return sorted(set(out))


def articles(path: Path):
    text = path.read_text(encoding="utf-8")
    title = next((l[2:].strip() for l in text.splitlines() if l.startswith("# ")), path.stem)
    current = None
    for line in text.split("<!-- INFO END -->", 1)[-1].splitlines():
        m = ART.match(line.strip())
        if m:
            if current:
                yield current
            current = {"law": title, "file": path.relative_to(LAWS).as_posix(), "article": chinese_to_int(m.group(1)),
                       "suffix": chinese_to_int(m.group(3)) if m.group(3) else 0, "text": line.strip()}
        elif current is not None:
            if line.startswith("#"):
                yield current
                current = None
            elif line.strip():
                current["text"] += "\n" + line.strip()
    if current:
        yield current


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--exclude-sample", action="append", default=[], help="JSONL of an earlier draw to leave out")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--strong", action="store_true", help="acting stratum: a body word and a STRONG act word")
    ap.add_argument("--level", choices=sorted(RANKS), help="draw from files of this rank only (e.g. 地方性法规)")
    args = ap.parse_args(argv)
    ranks = {args.level} if args.level else RANKS
    taken = set()
    for p in args.exclude_sample:
        for line in Path(p).read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                taken.add((r["file"], r["article"], r.get("suffix", r.get("article_suffix", 0))))
    acting, rest = [], []
    files = pool_files(ranks)
    for path in files:
        for art in articles(path):
            if (art["file"], art["article"], art["suffix"]) in taken:
                continue
            act = STRONG if args.strong else ACT
            (acting if BODY.search(art["text"]) and act.search(art["text"]) else rest).append(art)
    if args.stats:
        print(f"files {len(files)} acting {len(acting)} rest {len(rest)}", file=sys.stderr)
    rng = random.Random(args.seed)
    k = round(args.n * 4 / 5)
    sample = rng.sample(acting, k) + rng.sample(rest, args.n - k)
    sample.sort(key=lambda a: (a["file"], a["article"], a["suffix"]))
    for a in sample:
        print(json.dumps(a, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
