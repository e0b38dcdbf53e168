"""The statute loader: files -> laws, versions, provisions and citations in the store.

Steps, one module each: :mod:`.read` (file -> normalised lines and info),
:mod:`.structure` (lines -> provisions), :mod:`.citations` (citations in
statute text), :mod:`.metadata` (metadata.csv), :mod:`.build` (graph nodes and
edges, version status, citation resolution, the load itself).
"""

from .build import ParsedStatute, load_laws, parse_file

__all__ = ["ParsedStatute", "load_laws", "parse_file"]
