"""Dump what another version of the rules proposes on the gold laws, for ``bench.train_clause_filter cv --rules-dump``.

    git archive 7561f8a loaders kg ontology | tar -x -C /tmp/old-rules
    python bench/dump_clause_rules.py /tmp/old-rules tests/gold ../shared/corpus/laws /tmp/old-rules.jsonl

Run as a script, not a module: the old tree's ``loaders`` and ``kg`` are imported from ``TREE`` in place of
this checkout's.  7561f8a is the rules as they stood before the seven dev laws of 2026-12-03 were tuned on,
so over those laws they are rules that never saw them.  One JSON line per article that passed the
pre-filter: law, [article, suffix], the categories the law's title drops, text, terms and findings.
"""

import json
import sys
from collections import defaultdict
from pathlib import Path


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        raise SystemExit(__doc__.split("\n\n")[1])
    tree, gold_dir, laws_dir, out = (Path(a) for a in argv)
    if not (tree / "loaders" / "nlp" / "extract.py").is_file():
        raise SystemExit(f"{tree}: no loaders/nlp/extract.py (extract an old tree with git archive first)")
    sys.path.insert(0, str(tree.resolve()))
    from loaders.nlp import extract as ex
    from loaders.nlp.clauses import ClauseExtractor
    from loaders.statutes import parse_file

    files = [gold_dir / "articles.jsonl", *sorted((gold_dir / "dev").glob("*.jsonl"))]  # never blind
    records = [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    seen = []
    original = ClauseExtractor.__call__

    def spy(self, doc):  # every Doc the old extract_clauses runs, with its terms and findings
        doc = original(self, doc)
        seen.append(doc)
        return doc

    ClauseExtractor.__call__ = spy
    by_file = defaultdict(list)
    for record in records:
        by_file[record["file"]].append(record)
    rows = []
    for file, recs in by_file.items():
        parsed = parse_file(laws_dir / file)
        provisions = list(parsed.provisions)
        keys = {}  # an article's text as the old code joins it -> (article, suffix)
        for _, article, children in ex._articles(provisions):
            text = "\n".join(u.text for u in ex._article_units(article, children))
            number = article.article if article.article is not None else article.number
            keys.setdefault(text, (number, article.article_suffix or article.suffix or 0))
        seen.clear()
        ex.extract_clauses(parsed.version, provisions)
        dropped = sorted(ex.dropped_categories(parsed.version.law) or ())
        for doc in seen:
            text = doc._.source or doc.text
            rows.append({"law": recs[0]["law"], "file": file, "article": keys.get(text), "dropped": dropped, "text": text,
                         "terms": [dict(label=t.label, start=t.start, end=t.end, key=t.key, category=t.category)
                                   for t in doc._.terms or ()],
                         "findings": [dict(category=f.category, subject=f.subject, construction=f.construction,
                                           modality=f.modality, actions=list(f.actions), start=f.start,
                                           positions=list(f.positions)) for f in doc._.clauses or ()]})
    out.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} articles; {sum(r['article'] is None for r in rows)} not matched to an article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
