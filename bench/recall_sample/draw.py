"""Draw a random sample of articles from the statute corpus for the recall silver set (issue 12).

Pool: in-force files (metadata.csv expired == 0) of ranks 法律, 行政法规, 地方性法规, 部门规章 (the corpus has no
地方政府规章 level), minus every version of the laws in tests/gold (main, dev, unseen: by file and by law name) and
minus every file whose name contains one of the held-out titles (never opened). Articles are split on lines that
start with 第X条. Two strata: "acting" articles (a body word and an act word in the text) and the rest; the draw
takes round(n * 4/5) from the first and the remainder from the second, uniformly, with random.Random(seed).

    python bench/recall_sample/draw.py --seed 12 --n 150 --exclude-sample OTHER.jsonl > sample.jsonl
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAWS = ROOT.parent / "shared" / "corpus" / "laws"
if not LAWS.exists():
    LAWS = Path("/work/shared/corpus/laws")
RANKS = {"法律", "行政法规", "地方性法规", "部门规章"}
HELD_OUT = ["统计法", "水法", "建筑法", "行政强制法", "娱乐场所管理条例", "嘉兴市养犬管理条例", "城乡规划法", "森林法",
            "出版管理条例", "广东省土地权属纠纷处理条例", "东莞市零散工业废水管理条例"]
BODY = re.compile(r"部门|机关|机构|人民政府|委员会|国务院")
ACT = re.compile(r"可以|应当|由|责令|罚款|许可|批准|检查|登记|审批|核准|征收|处罚|没收|吊销|查封|扣押")
# the pilot draws (pilot/) used BODY + ACT and gave 1/3 articles with clauses; the strata now use STRONG
STRONG = re.compile(r"罚款|许可|批准|审批|核准|责令|查封|扣押|扣留|监督检查|现场检查|登记|征收|收取|吊销|没收|处罚|强制|"
                    r"奖励|表彰|裁决|补偿|救助|认定|确认|监督管理|负责")
ART = re.compile(r"^第([零〇一二三四五六七八九十百千]+)条(之([一二三四五六七八九十]))?[ 　]*")
DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}


def cn_number(text: str) -> int:
    total, current = 0, 0
    for ch in text:
        if ch in DIGIT:
            current = DIGIT[ch]
        else:
            unit = {"十": 10, "百": 100, "千": 1000}[ch]
            total += (current or 1) * unit
            current = 0
    return total + current


def gold_files() -> tuple[set[str], set[str]]:
    files: set[str] = set()
    gold = ROOT / "tests" / "gold"
    paths = [gold / "articles.jsonl", *sorted((gold / "dev").glob("*.jsonl")), *sorted((gold / "unseen").glob("*.jsonl"))]
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                files.add(json.loads(line)["file"])
    names = {re.sub(r"\(.*", "", Path(f).stem) for f in files}
    return files, names


def pool_files() -> list[Path]:
    gold, gold_names = gold_files()
    rows = list(csv.DictReader((LAWS / "metadata.csv").open(encoding="utf-8")))
    out = []
    for row in rows:
        if row["level"] not in RANKS or row["expired"] != "0":
            continue
        name = row["name"]
        if any(h in name for h in HELD_OUT) or name in gold_names:
            continue
        folder = LAWS / row["folder"]
        candidates = [folder / f"{name}({row['publish']}).md", folder / f"{name}.md"]
        for path in candidates:
            rel = path.relative_to(LAWS).as_posix()
            if path.exists() and rel not in gold and not any(h in path.name for h in HELD_OUT):
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
            current = {"law": title, "file": path.relative_to(LAWS).as_posix(), "article": cn_number(m.group(1)),
                       "suffix": cn_number(m.group(3)) if m.group(3) else 0, "text": line.strip()}
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
    args = ap.parse_args(argv)
    taken = set()
    for p in args.exclude_sample:
        for line in Path(p).read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                taken.add((r["file"], r["article"], r.get("article_suffix", 0)))
    acting, rest = [], []
    for path in pool_files():
        for art in articles(path):
            if (art["file"], art["article"], art["suffix"]) in taken:
                continue
            act = STRONG if args.strong else ACT
            (acting if BODY.search(art["text"]) and act.search(art["text"]) else rest).append(art)
    if args.stats:
        print(f"files {len(pool_files())} acting {len(acting)} rest {len(rest)}", file=sys.stderr)
    rng = random.Random(args.seed)
    k = round(args.n * 4 / 5)
    sample = rng.sample(acting, k) + rng.sample(rest, args.n - k)
    sample.sort(key=lambda a: (a["file"], a["article"], a["suffix"]))
    for a in sample:
        print(json.dumps(a, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
