"""powerlist-kg: a legal-basis knowledge graph for Chinese power lists (权责清单)."""

__version__ = "0.1.0"
