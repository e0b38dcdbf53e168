"""What a sample drawn from the corpus leaves out: the laws of the gold set and the texts held out with its blind part.

Samples that measure the extractor where nobody tuned (``bench.precision_sample``, ``bench/recall_sample/draw.py``)
drop every version of a law some gold part annotates (main, dev, unseen; ``tests/gold/blind`` is never read), and
every file whose name holds a held-out title: the blind texts and the unseen part's, dropped by name before the file
is opened.

>>> law_title("行政法/食品安全法(2021-04-29).md")
'食品安全法'
>>> held_out("经济法/统计法实施条例(2017-05-28).md")
True
"""

from __future__ import annotations

import json
import re
from pathlib import Path

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold"
# the blind part and the texts kept blind with it (the unseen part's): never read, filtered out by file name
HELD_OUT_TITLES = ("统计法", "水法", "建筑法", "行政强制法", "娱乐场所管理条例", "嘉兴市养犬管理条例", "城乡规划法", "森林法",
                   "出版管理条例", "广东省土地权属纠纷处理条例", "东莞市零散工业废水管理条例")


def law_title(file: str) -> str:
    """A statute file's law, without its folder and the version date in its name."""
    return re.sub(r"\(.*$", "", file.rsplit("/", 1)[-1].removesuffix(".md"))


def held_out(file: str) -> bool:
    """Whether the file's name holds a held-out title (decided before the file is read)."""
    name = file.rsplit("/", 1)[-1]
    return any(title in name for title in HELD_OUT_TITLES)


def gold_files(gold: Path = GOLD) -> set[str]:
    """The statute files (relative to the laws folder) the main, dev and unseen parts annotate; never the blind part."""
    paths = [gold / "articles.jsonl", *sorted((gold / "dev").glob("*.jsonl")), *sorted((gold / "unseen").glob("*.jsonl"))]
    files: set[str] = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                files.add(json.loads(line)["file"])
    return files


def gold_titles(gold: Path = GOLD) -> set[str]:
    """The laws of :func:`gold_files`: every version of them is left out."""
    return {law_title(file) for file in gold_files(gold)}
