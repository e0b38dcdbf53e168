"""NLP loader: authorising clauses of statute text (spaCy, rule components over pattern tables).

Public surface:

* :func:`extract_clauses` - clauses of one law version's provisions;
* :func:`write_extraction` - ``plkg extract``;
* :func:`build_pipeline` - the spaCy ``Language`` (components ``legal_terms``,
  ``authorising_clauses``, ``statutory_roles``);
* :func:`role_of`, :func:`might_grant`.
"""

from .extract import extract_clauses, write_extraction
from .pipeline import build_pipeline
from .prefilter import might_grant
from .roles import role_of

__all__ = ["build_pipeline", "extract_clauses", "might_grant", "role_of", "write_extraction"]
