"""The spaCy pipeline: ``spacy.blank("zh")`` plus the legal components.

>>> nlp = build_pipeline("char")
>>> nlp.pipe_names
['legal_terms', 'authorising_clauses', 'statutory_roles']
>>> doc = nlp("违反本法第三十五条规定，由县级以上人民政府食品安全监督管理部门没收违法所得，并处五万元以上十万元以下罚款。")
>>> [(c.category, c.subject, c.level, c.sector, c.actions) for c in doc._.clauses]
[('行政处罚', '县级以上人民政府食品安全监督管理部门', '县级以上', '市场监督管理', ['没收违法所得', '罚款'])]
"""

from __future__ import annotations

import spacy
from spacy.language import Language

from . import clause_filter, clauses, roles, terms  # noqa: F401  (registers the factories)

SEGMENTERS = ("jieba", "char")


def build_pipeline(segmenter: str = "char", make_spans: bool = True, clause_filter: bool = False,
                   filter_config: dict | None = None) -> Language:
    """A blank Chinese pipeline with term recognition, clause extraction and role normalisation.

    ``segmenter`` is ``"jieba"`` or ``"char"``: the components match on characters, so
    the segmenter only decides token boundaries of ``doc.spans["legal_terms"]``.
    ``clause_filter`` adds the trained veto (:mod:`loaders.nlp.clause_filter`) after the
    clause extractor; ``filter_config`` is its config (``model``, ``threshold``).
    """
    if segmenter not in SEGMENTERS:
        raise ValueError(f"segmenter must be one of {SEGMENTERS}, not {segmenter!r}")
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": segmenter}}})
    nlp.add_pipe("legal_terms", config={"make_spans": make_spans})
    nlp.add_pipe("authorising_clauses")
    if clause_filter:
        nlp.add_pipe("clause_filter", config=filter_config or {})
    nlp.add_pipe("statutory_roles")
    return nlp
