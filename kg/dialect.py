"""What differs between the Bolt servers the ``neo4j`` backend talks to.

One :class:`Dialect` object per server kind holds every difference the store
must respect (see ``docs/dialects.md`` for why each exists):

- ``param_budget``: how many bytes of query parameters one statement may carry.
  FalkorDB's Bolt endpoint (4.16) copies the parameters into a 4 KB buffer and
  aborts the whole server when they do not fit; Neo4j takes megabytes.
- ``max_rows``: rows per ``UNWIND $rows`` batch.
- ``rollback_works``: FalkorDB keeps the writes of a rolled-back transaction.
- ``honours_database``: FalkorDB ignores the database name.
- ``index_statement``: Neo4j 5 takes named ``IF NOT EXISTS`` indexes,
  FalkorDB only ``CREATE INDEX FOR (n:L) ON (n.p)`` (an error when it exists).
- ``edges_by_node_number``: under FalkorDB's budget, edges between nodes the
  same write just created are sent by the internal ids ``CREATE`` returned.

The server's agent string does not tell them apart: FalkorDB answers
``Neo4j/5.13.0``.  :func:`detect` therefore asks ``CALL dbms.components()``,
which Neo4j answers with ``Neo4j Kernel`` and FalkorDB refuses.

Property encoding is shared by both dialects (and by the Cypher export), so a
graph written to one server reads back the same from another: Bolt servers
store neither maps, nor nulls, nor lists of lists or of mixed types (Neo4j),
so those values travel as JSON strings and the names of such properties are
listed in two bookkeeping properties.

>>> encode_props({"a": 1, "b": None, "c": [["x", 1]], "d": ["p", "q"]})
{'a': 1, 'c': '[["x",1]]', 'd': ['p', 'q'], '_json': ['c'], '_null': ['b']}
>>> decode_props(encode_props({"a": 1, "b": None, "c": [["x", 1]], "e": {}}))
{'a': 1, 'c': [['x', 1]], 'e': {}, 'b': None}
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Mapping, Sequence

JSON_KEYS = "_json"  # names of properties stored as JSON text
NULL_KEYS = "_null"  # names of properties whose value is None
ID = "id"
RESERVED = frozenset({ID, JSON_KEYS, NULL_KEYS})
ANY_LABEL = "KG"  # every node carries it, so an edge finds its ends by id alone


@dataclass(frozen=True)
class Dialect:
    """The limits and syntax of one kind of Bolt server."""

    name: str
    param_budget: int  # estimated bytes of parameters per statement (see param_size)
    max_rows: int  # rows per UNWIND batch
    rollback_works: bool
    honours_database: bool
    index_if_not_exists: bool
    escape_strings: bool = False  # the server pastes string parameters into the query unescaped
    float_digits: int | None = None  # decimals the server keeps of a float parameter
    stream_reads: bool = True  # may a result stay open while other connections are opened
    labels_at_create: bool = False  # give a new node all its labels in CREATE, never by a later SET
    unlabel_before_delete: bool = False  # remove a node's type label before deleting it by id
    edges_by_node_number: bool = False  # edges between nodes just made name their ends by internal id

    def encode_props(self, props: Mapping[str, Any]) -> dict[str, Any]:
        """Server properties for ``props`` (see :func:`encode_props`)."""
        return encode_props(props, float_digits=self.float_digits)

    def encode_where(self, value: Any) -> Any:
        """A property value as stored, for an equality test."""
        return encode_value(value, float_digits=self.float_digits)[0]

    def prepare(self, params: Mapping[str, Any]) -> dict[str, Any]:
        """Parameters as this server must receive them to read back what was meant.

        FalkorDB renders a string parameter as ``'text'`` without escaping and
        parses the result as Cypher: a quote breaks the statement and a
        backslash starts an escape.  Escaping both first makes the server
        read the original text.

        >>> print(FALKORDB.prepare({"s": "it's", "n": 1}))
        {'s': "it\\\\'s", 'n': 1}
        >>> NEO4J.prepare({"s": "a'b"})
        {'s': "a'b"}
        """
        if not self.escape_strings:
            return dict(params)
        return {name: _escaped(value) for name, value in params.items()}

    def index_statement(self, label: str, prop: str) -> str:
        """The statement that creates an index on ``label.prop``."""
        if self.index_if_not_exists:
            name = f"plkg_{label}_{prop}".lower()
            return f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{quote_name(label)}) ON (n.{quote_name(prop)})"
        return f"CREATE INDEX FOR (n:{quote_name(label)}) ON (n.{quote_name(prop)})"

    @property
    def chunk_bytes(self) -> int:
        """Longest piece of one string sent in a follow-up append statement."""
        return max(256, self.param_budget - 512)

    def fits(self, params: Mapping[str, Any]) -> bool:
        return param_size(params) <= self.param_budget

    def pack(self, rows: Iterable[Any], name: str = "rows", *, extra: Mapping[str, Any] | None = None,
             sizes: Iterable[int] | None = None) -> Iterator[list[Any]]:
        """Split ``rows`` into batches whose parameters (with ``extra``) fit the budget.

        A row too large on its own is yielded alone; callers split such rows
        first (see :func:`split_row`).  ``sizes``: each row's
        :func:`value_size`, when the caller has it already (a write sizes
        every row once to split it: sizing it again cost as much).

        >>> [len(b) for b in FALKORDB.pack(["条" * 500] * 5)], [len(b) for b in FALKORDB.pack(["x"] * 5, sizes=[2000] * 5)]
        ([2, 2, 1], [1, 1, 1, 1, 1])
        """
        base = param_size(extra or {}) + len(name) + 4
        batch: list[Any] = []
        size = base
        row_sizes = iter(sizes) if sizes is not None else None
        for row in rows:
            row_size = (next(row_sizes) if row_sizes is not None else value_size(row)) + 1
            if batch and (size + row_size > self.param_budget or len(batch) >= self.max_rows):
                yield batch
                batch, size = [], base
            batch.append(row)
            size += row_size
        if batch:
            yield batch


NEO4J = Dialect(
    name="neo4j",
    param_budget=8_000_000,
    max_rows=5_000,
    rollback_works=True,
    honours_database=True,
    index_if_not_exists=True,
)

FALKORDB = Dialect(
    name="falkordb",
    # The server's buffer is 4,096 bytes of its own rendering of the
    # parameters; our estimate over-counts escapes and numbers, and the
    # margin covers the rendering's own framing.
    param_budget=3_400,
    max_rows=1_000,
    rollback_works=False,
    honours_database=False,
    index_if_not_exists=False,
    escape_strings=True,
    # float parameters are rendered with six decimals (7.857142857 -> 7.857143)
    float_digits=6,
    # a connection opened while another holds an open result may never get
    # its Bolt handshake answered: take every result whole, page big views
    stream_reads=False,
    # a label added by SET leaves the label index inconsistent after deletes
    labels_at_create=True,
    # deleting a two-label node found through one label's index leaves the
    # other label's index pointing at it (scans then fail or crash the server)
    unlabel_before_delete=True,
    # an edge row naming its ends by the id strings is ~150 bytes (~20 edges a
    # statement); by the internal ids CREATE returned it is ~20 (~170 a statement)
    edges_by_node_number=True,
)

DIALECTS = {d.name: d for d in (NEO4J, FALKORDB)}


def detect(agent: str, components: Sequence[str] | None) -> Dialect:
    """The dialect of a server from its agent string and ``dbms.components()`` names.

    ``components`` is None when the server refused ``CALL dbms.components()``.

    >>> detect("Neo4j/5.13.0", None).name
    'falkordb'
    >>> detect("Neo4j/5.20.0", ["Neo4j Kernel"]).name
    'neo4j'
    >>> detect("FalkorDB/4.16.3", None).name
    'falkordb'
    """
    if agent.lower().startswith("falkordb"):
        return FALKORDB
    if components and any(name.lower().startswith("neo4j") for name in components):
        return NEO4J
    if agent.lower().startswith("neo4j") and components is None:
        return FALKORDB  # answers as Neo4j/5.13.0 but knows no dbms.components()
    return NEO4J


def _escaped(value: Any) -> Any:
    # every value of every row of a write comes here: concrete types first,
    # typing.Mapping's isinstance check costs more than all the rest
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("'", "\\'")
    if isinstance(value, (list, tuple)):
        return [_escaped(v) for v in value]
    if isinstance(value, (int, float)) or value is None:
        return value
    if isinstance(value, dict) or isinstance(value, Mapping):
        return {k: _escaped(v) for k, v in value.items()}
    return value


# ---------------------------------------------------------------------------
# Sizes


def value_size(value: Any) -> int:
    """Bytes a server needs to render ``value`` as a Cypher literal (an over-estimate).

    >>> value_size("中文"), value_size([1, 2]), value_size({"k": "v"})
    (8, 10, 10)
    """
    # concrete types first, as in _escaped: a write sizes every value of every row
    if isinstance(value, str):
        escapes = value.count("\\") + value.count("'") + value.count('"') + value.count("\n") + value.count("\r") + value.count("\t")
        return len(value.encode("utf-8")) + escapes + 2
    if isinstance(value, (list, tuple)):
        return 2 + sum(value_size(v) + 2 for v in value)
    if value is None:
        return 4
    if isinstance(value, bool):
        return 5
    if isinstance(value, int):
        return len(str(value)) + 1
    if isinstance(value, float):
        return 26
    if isinstance(value, dict) or isinstance(value, Mapping):
        return 2 + sum(len(str(k).encode("utf-8")) + 4 + value_size(v) for k, v in value.items())
    return len(str(value).encode("utf-8")) + 2


def param_size(params: Mapping[str, Any]) -> int:
    """Estimated bytes of a statement's parameters as the server renders them."""
    return sum(len(name) + 8 + value_size(value) for name, value in params.items())


# ---------------------------------------------------------------------------
# Property encoding


def _native_list(value: list[Any]) -> bool:
    """Whether every Bolt server stores this list as it is (homogeneous scalars)."""
    if not value:
        return True
    first = type(value[0])
    if first not in (str, int, float, bool):
        return False
    return all(type(v) is first for v in value)


def _exact(value: float, digits: int | None) -> bool:
    """Whether a server keeping ``digits`` decimals of a float keeps this one whole."""
    if digits is None:
        return True
    try:
        return float(f"{value:.{digits}f}") == value
    except (OverflowError, ValueError):
        return False


def encode_value(value: Any, *, float_digits: int | None = None) -> tuple[Any, str]:
    """``(stored value, how)`` where ``how`` is "", "json" or "null".

    ``float_digits``: a float the server would round is stored as JSON text.
    """
    if value is None:
        return None, "null"
    if isinstance(value, float) and not _exact(value, float_digits):
        return json.dumps(value), "json"
    if isinstance(value, (str, bool, int, float)):
        return value, ""
    if isinstance(value, tuple):
        value = list(value)
    if isinstance(value, list) and _native_list(value) and not any(
        isinstance(v, float) and not _exact(v, float_digits) for v in value
    ):
        return value, ""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")), "json"


def encode_props(props: Mapping[str, Any], *, float_digits: int | None = None) -> dict[str, Any]:
    """Server properties for ``props`` (see the module docstring)."""
    out: dict[str, Any] = {}
    json_keys: list[str] = []
    null_keys: list[str] = []
    for key, value in props.items():
        if key in RESERVED:
            raise ValueError(f"property name {key!r} is reserved by the graph-server store")
        stored, how = encode_value(value, float_digits=float_digits)
        if how == "null":
            null_keys.append(key)
            continue
        if how == "json":
            json_keys.append(key)
        out[key] = stored
    if json_keys:
        out[JSON_KEYS] = json_keys
    if null_keys:
        out[NULL_KEYS] = null_keys
    return out


def decode_props(stored: Mapping[str, Any], *, keep_id: bool = False) -> dict[str, Any]:
    """The properties a caller wrote, from what the server stores."""
    json_keys = stored.get(JSON_KEYS) or ()
    out: dict[str, Any] = {}
    for key, value in stored.items():
        if key in RESERVED and not (keep_id and key == ID):
            continue
        if key in json_keys and isinstance(value, str):
            value = json.loads(value)
        out[key] = value
    for key in stored.get(NULL_KEYS) or ():
        out[key] = None
    return out


# ---------------------------------------------------------------------------
# Rows too large for one statement


def split_row(props: dict[str, Any], budget: int, chunk: int, *, fixed: int = 0) -> list[tuple[str, Any]]:
    """Make ``props`` fit ``budget`` bytes by moving large values to follow-up appends.

    Mutates ``props``: each moved string becomes ``""`` and each moved list
    ``[]`` (they are filled by appending), and returns ``(key, piece)`` pairs
    to append in order, each piece under ``chunk`` bytes.  ``fixed`` is the
    size of what travels with the row besides ``props`` (its id...).

    >>> props = {"text": "条" * 3000, "n": 1}
    >>> pieces = split_row(props, 3400, 2900)
    >>> props["text"], len(pieces), "".join(p for _, p in pieces) == "条" * 3000
    ('', 4, True)
    """
    appends: list[tuple[str, Any]] = []
    if value_size(props) + fixed <= budget:
        return appends
    # largest values first, until the rest fits
    for key in sorted(props, key=lambda k: -value_size(props[k])):
        if value_size(props) + fixed <= budget:
            break
        value = props[key]
        if isinstance(value, str) and value_size(value) > 64:
            props[key] = ""
            appends.extend((key, piece) for piece in _string_pieces(value, chunk))
        elif isinstance(value, list) and value:
            props[key] = []
            appends.extend((key, piece) for piece in _list_pieces(value, chunk))
    if value_size(props) + fixed > budget:
        raise ValueError(f"a row of {len(props)} properties does not fit the server's {budget}-byte parameter budget")
    return appends


def _string_pieces(value: str, chunk: int) -> Iterator[str]:
    piece: list[str] = []
    size = 2
    for char in value:
        char_size = value_size(char) - 2
        if size + char_size > chunk:
            yield "".join(piece)
            piece, size = [], 2
        piece.append(char)
        size += char_size
    if piece:
        yield "".join(piece)


def _list_pieces(value: list[Any], chunk: int) -> Iterator[list[Any]]:
    piece: list[Any] = []
    size = 2
    for item in value:
        item_size = value_size(item) + 2
        if item_size > chunk:
            raise ValueError(f"a list element of {item_size} bytes does not fit the server's parameter budget")
        if piece and size + item_size > chunk:
            yield piece
            piece, size = [], 2
        piece.append(item)
        size += item_size
    if piece:
        yield piece


def quote_name(name: str) -> str:
    """A label, type or property name as a Cypher identifier.

    >>> quote_name("PowerItem"), quote_name("a`b")
    ('PowerItem', '`a``b`')
    """
    if name.isidentifier() and name.isascii():
        return name
    return "`" + name.replace("`", "``") + "`"
