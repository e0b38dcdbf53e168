"""The graph-server store: the same graph on Neo4j (or FalkorDB) over Bolt.

Every node carries its type label and the umbrella label ``KG`` with an
``id`` property (indexed on both), so an edge finds its ends by id alone.
Properties are encoded by :mod:`kg.dialect` (JSON for maps and nested lists,
a list of the names of None-valued properties), dates are ISO strings.

Writes are buffered in the :class:`Writer` and sent on commit as batched
``UNWIND $rows ... MERGE`` statements, packed under the server dialect's
parameter budget, inside one managed write transaction (retried by the
driver).  A read through the store while a transaction is open first sends
the buffered writes into the open server transaction and reads there, so a
loader sees its own writes as it does on the embedded store.

Atomicity follows the server: Neo4j rolls the transaction back on any error;
FalkorDB keeps whatever was sent, so every write is an idempotent ``MERGE`` on
stable ids (running the same load again converges) and the error says what
was written.

The bulk views of :class:`kg.views.GraphViews` run server-side here: the
parts many rows share (law versions, clauses and what they sit under,
citation targets, departments and governments) are read in bulk by a few
label scans with no id parameters, once per store state (see
:class:`_ServerViewCache`), and the item rows by one query for the items of
several governments; see docs/dialects.md, "Views".
"""

from __future__ import annotations

import contextlib
import math
import re
import time
from collections import defaultdict
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

import neo4j
from neo4j import exceptions as neo4j_errors

from . import dialect as dialects
from .dialect import ANY_LABEL, Dialect, decode_props, quote_name, split_row
from .model import Edge, Node
from .store import LABELS, Store, StoreError, Writer
from .views import (
    CitationBasis,
    ClauseInForce,
    ClauseRef,
    ItemBasis,
    ProvisionRef,
    ListVersion,
    VersionRef,
    _props,
    article_key,
    cover_target,
    citation_basis,
    version_ref,
)

#: (label, property) pairs indexed besides every label's ``id``: the look-ups
#: that loaders and views make by property.
LOOKUP_INDEXES: tuple[tuple[str, str], ...] = (
    ("PowerItem", "government"),
    ("PowerItem", "source_file"),
    ("Citation", "status"),
    ("AuthorisingClause", "law"),
    ("Provision", "version"),
)

_HANDSHAKE_ATTEMPTS = 3
# Seconds one connection attempt may take, Bolt handshake included.  FalkorDB
# leaves the first handshake of every new driver unanswered: a short deadline,
# then a retry, costs 2 s per process instead of the whole timeout (10 s).
HANDSHAKE_SECONDS = 2.0
VIEW_PAGE = 5000  # rows per page of a paged view query (FalkorDB answers any result over ~4 KB ~40 ms late: few large pages)
SCAN_ROWS = 5000  # nodes of the scanned label per page of a warm-up scan
# per-node edge look-ups of one type (targets, out_edges) a warm view cache answers by a query each
# before it reads every edge of that type in one paged scan: the vacuum finder walks CITES, CONTAINS,
# HAS_CLAUSE and HAS_VERSION edge by edge (thousands of round trips on the whole corpus)
EDGE_INDEX_AFTER = 32
EDGE_SCAN_ROWS = 20000  # nodes (label KG) per page of an edge-type scan
# how long view look-ups (and kg.views.state_cached values) are reused: this
# store's own writes drop them at once, other clients' writes are seen after this
VIEW_CACHE_SECONDS = 300.0
BOLT_SCHEMES = ("bolt", "neo4j", "bolt+s", "bolt+ssc", "neo4j+s", "neo4j+ssc")


class Neo4jStore(Store):
    """A store on a Bolt graph server (Neo4j 5, or FalkorDB's Bolt endpoint).

    Parameters
    ----------
    uri, user, password, database
        Where the server is; no authentication when ``user`` is None.
    timeout
        Seconds to open a connection, Bolt handshake included, over all
        attempts of at most ``HANDSHAKE_SECONDS`` each (FalkorDB sometimes
        never answers a handshake: the store retries).
    dialect
        Force a dialect name ("neo4j" or "falkordb") instead of detecting it.

    Raises :class:`~kg.store.StoreError` with one line for an unreachable
    server, refused credentials or an unknown database.
    """

    backend = "neo4j"

    def __init__(
        self,
        uri: str | None = None,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
        *,
        timeout: float = 10.0,
        dialect: str | None = None,
        **_ignored: Any,
    ) -> None:
        self.uri = uri or "bolt://localhost:7687"
        self.user = user or None
        self.database = database or None
        self.timeout = timeout
        attempt_seconds = min(timeout, HANDSHAKE_SECONDS)
        self._attempts = max(_HANDSHAKE_ATTEMPTS, math.ceil(timeout / attempt_seconds))
        self._writer: _BoltWriter | None = None
        self._schema_done: set[tuple[str, str]] = set()
        self._generation = 0  # bumped by every transaction, so view caches know they are stale
        self._cache: _ServerViewCache | None = None
        auth = (user, password or "") if user else None
        scheme = self.uri.split("://", 1)[0].lower() if "://" in self.uri else ""
        if scheme not in BOLT_SCHEMES:
            raise StoreError(f"{self.uri}: not a Bolt address (use {', '.join(s + '://' for s in BOLT_SCHEMES[:2])}...)")
        try:
            self._driver = neo4j.GraphDatabase.driver(
                self.uri,
                auth=auth,
                connection_timeout=attempt_seconds,
                # the driver waits this long for the Bolt handshake answer too
                connection_acquisition_timeout=attempt_seconds,
                max_transaction_retry_time=30.0,
                user_agent="powerlist-kg",
            )
        except (ValueError, neo4j_errors.ConfigurationError) as exc:
            raise StoreError(f"{self.uri}: not a Bolt address ({_one_line(exc)})") from None
        try:
            self.dialect = self._connect(dialect)
        except BaseException:
            self._driver.close()
            raise

    # --- connection ----------------------------------------------------------------

    def _connect(self, forced: str | None) -> Dialect:
        """Check the server answers (retrying a hung handshake) and pick its dialect."""
        agent = ""
        for attempt in range(self._attempts):
            try:
                agent = self._driver.get_server_info().agent or ""
                with self._driver.session(database=self.database) as session:
                    session.run("RETURN 1").consume()
                break
            except neo4j_errors.AuthError as exc:
                raise StoreError(f"{self.uri}: the server refused the credentials of user {self.user!r} ({_one_line(exc.message or exc)})") from None
            except neo4j_errors.ServiceUnavailable as exc:
                if attempt == self._attempts - 1:
                    raise StoreError(f"{self.uri}: cannot reach a Bolt server ({_reason(exc)})") from None
                time.sleep(0.1)
            except neo4j_errors.ClientError as exc:
                if "DatabaseNotFound" in (exc.code or ""):
                    raise StoreError(f"{self.uri}: database {self.database!r} does not exist on this server") from None
                raise StoreError(f"{self.uri}: the server refused a first query ({_one_line(exc.message or exc)})") from None
            except neo4j_errors.DatabaseError as exc:
                if self.user:
                    raise StoreError(
                        f"{self.uri}: the server failed the first query as user {self.user!r}: wrong user or password, "
                        f"or a server that takes no credentials (FalkorDB: leave the user unset) [{exc.code}]"
                    ) from None
                raise StoreError(f"{self.uri}: the server failed a first query [{exc.code}]") from None
            except neo4j_errors.DriverError as exc:
                raise StoreError(f"{self.uri}: cannot talk to the Bolt server ({_one_line(exc)})") from None
        if forced:
            if forced not in dialects.DIALECTS:
                raise StoreError(f"unknown server dialect {forced!r}: use neo4j or falkordb")
            return dialects.DIALECTS[forced]
        components: list[str] | None
        try:
            with self._driver.session(database=self.database) as session:
                components = [r["name"] for r in session.run("CALL dbms.components() YIELD name RETURN name")]
        except neo4j_errors.Neo4jError:
            components = None
        except neo4j_errors.DriverError as exc:
            raise StoreError(f"{self.uri}: cannot talk to the Bolt server ({_one_line(exc)})") from None
        return dialects.detect(agent, components)

    def _session(self) -> neo4j.Session:
        database = self.database if self.dialect.honours_database else None
        return self._driver.session(database=database, fetch_size=2000)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._driver.close()

    def describe(self) -> str:
        return f"{self.dialect.name} at {self.uri}" + (f" (database {self.database})" if self.database else "")

    # --- running statements ---------------------------------------------------------

    def _records(self, query: str, params: Mapping[str, Any] | None = None, *, direct: bool = False) -> Iterator[neo4j.Record]:
        """Stream the records of a read query.

        While a transaction is open the read runs inside it, after its
        buffered writes were sent (unless ``direct``: committed state only).
        """
        params = self.dialect.prepare(params or {})
        writer = self._writer
        if not direct and writer is not None and writer.needs_tx_for_reads():
            tx = writer.flush()
            try:
                yield from tx.run(query, params)
            except neo4j_errors.Neo4jError as exc:
                raise StoreError(f"{self.describe()}: a read failed ({_one_line(exc.message or exc)})") from None
            return
        yielded = False
        for attempt in range(self._attempts):
            try:
                with self._session() as session:
                    result = session.run(query, params)
                    if not self.dialect.stream_reads:
                        # a second connection opened while this result is
                        # open may never get its handshake (FalkorDB): take
                        # the records and give the connection back first
                        records = list(result)
                    else:
                        for record in result:
                            yielded = True
                            yield record
                        return
                yielded = True
                yield from records
                return
            except neo4j_errors.ServiceUnavailable as exc:
                if yielded or attempt == self._attempts - 1:
                    raise StoreError(f"{self.describe()}: the server went away during a read ({_reason(exc)})") from None
                time.sleep(0.1)
            except neo4j_errors.Neo4jError as exc:
                raise StoreError(f"{self.describe()}: a read failed ({_one_line(exc.message or exc)})") from None
            except (neo4j_errors.DriverError, UnicodeDecodeError) as exc:
                hint = "; FalkorDB garbles records over 64 KB" if self.dialect.name == "falkordb" else ""
                raise StoreError(f"{self.describe()}: a read failed ({type(exc).__name__}: {_one_line(exc)[:160]}{hint})") from None

    def _single(self, query: str, params: Mapping[str, Any] | None = None, *, direct: bool = False) -> neo4j.Record | None:
        for record in self._records(query, params, direct=direct):
            return record
        return None

    def _read_batched(self, query: str, ids: Sequence[Any], name: str = "ids", *, direct: bool = False) -> Iterator[neo4j.Record]:
        """Run ``query`` over ``ids`` in batches that fit the parameter budget."""
        for batch in self.dialect.pack(ids, name):
            yield from self._records(query, {name: batch}, direct=direct)

    # --- schema ---------------------------------------------------------------------

    def ensure_schema(self, labels: Iterable[str] = LABELS) -> None:
        """Indexes on ``id`` of ``KG`` and of every label, and the look-up indexes."""
        wanted = [(ANY_LABEL, "id")] + [(label, "id") for label in labels]
        wanted += [pair for pair in LOOKUP_INDEXES if pair[0] in set(labels)]
        missing = [pair for pair in dict.fromkeys(wanted) if pair not in self._schema_done]
        if not missing:
            return
        existing: set[tuple[str, str]] = set()
        if not self.dialect.index_if_not_exists:
            for record in self._records("CALL db.indexes()", direct=True):
                for prop in record.get("properties") or ():
                    existing.add((record.get("label"), prop))
        try:
            with self._session() as session:
                for label, prop in missing:
                    if (label, prop) not in existing:
                        session.run(self.dialect.index_statement(label, prop)).consume()
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as exc:
            raise StoreError(f"{self.describe()}: cannot create an index ({_one_line(getattr(exc, 'message', None) or exc)})") from None
        self._schema_done.update(missing)

    def clear(self) -> int:
        """Delete every node of this store (label ``KG``) with its edges; returns how many."""
        total = 0
        self._generation += 1
        # label by label, then what only has KG: FalkorDB's label index keeps
        # dangling entries when a two-label node is deleted through the other label
        labels = [r["label"] for r in self._records("CALL db.labels()", direct=True)
                  if r["label"] != ANY_LABEL] if not self.dialect.index_if_not_exists else []
        for label in [*labels, ANY_LABEL]:
            total += self._delete_all(label)
        return total

    def _delete_all(self, label: str) -> int:
        total = 0
        while True:
            record = None
            query = (f"MATCH (n:{quote_name(label)}) WHERE n:{ANY_LABEL} WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n"
                     if label != ANY_LABEL else
                     f"MATCH (n:{ANY_LABEL}) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n")
            try:
                with self._session() as session:
                    record = session.execute_write(lambda tx: tx.run(query).single())
            except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as exc:
                raise StoreError(f"{self.describe()}: cannot clear the graph ({_one_line(getattr(exc, 'message', None) or exc)})") from None
            removed = record["n"] if record else 0
            total += removed
            if not removed:
                return total

    # --- transactions ---------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Writer]:
        if self._writer is not None:
            raise StoreError("nested transactions are not supported")
        writer = _BoltWriter(self)
        self._writer = writer
        self._generation += 1
        try:
            yield writer
            writer.commit()
        except BaseException:
            writer.abort()
            raise
        finally:
            self._writer = None
            self._generation += 1

    # --- reading primitives ---------------------------------------------------------

    def get(self, node_id: str) -> Node | None:
        writer = self._writer
        if writer is not None:
            return writer.get(node_id)
        cache = self._warm_cache()
        if cache is not None:
            if node_id not in cache.nodes:
                cache.nodes[node_id] = self._get_stored(node_id)
            return cache.nodes[node_id]
        return self._get_stored(node_id)

    def _warm_cache(self) -> "_ServerViewCache | None":
        """The view cache when a view call warmed it for the committed state, else None (never built here:
        a single look-up should not pay for the bulk scans)."""
        cache = self._cache
        if (self._writer is not None or cache is None or not cache.warm or cache.generation != self._generation
                or time.monotonic() - cache.created > VIEW_CACHE_SECONDS):
            return None
        return cache

    def _get_stored(self, node_id: str, *, direct: bool = False) -> Node | None:
        record = self._single(
            f"MATCH (n:{ANY_LABEL} {{id: $id}}) RETURN labels(n) AS labels, properties(n) AS props", {"id": node_id},
            direct=direct,
        )
        return _node(node_id, record["labels"], record["props"]) if record else None

    def _get_many(self, ids: Iterable[str]) -> dict[str, Node]:
        """Stored nodes by id (unknown ids left out), in batched look-ups."""
        wanted = sorted({i for i in ids if isinstance(i, str) and i})
        found: dict[str, Node] = {}
        query = (
            f"UNWIND $ids AS id MATCH (n:{ANY_LABEL} {{id: id}}) "
            "RETURN n.id AS id, labels(n) AS labels, properties(n) AS props"
        )
        for record in self._read_batched(query, wanted):
            found[record["id"]] = _node(record["id"], record["labels"], record["props"])
        return found

    def _existing(self, ids: Iterable[str], *, direct: bool = False) -> set[str]:
        query = f"UNWIND $ids AS id MATCH (n:{ANY_LABEL} {{id: id}}) RETURN n.id AS id"
        return {record["id"] for record in self._read_batched(query, sorted(set(ids)), direct=direct)}

    def nodes(self, label: str, **where: Any) -> Iterator[Node]:
        clause, params = _where("n", where, self.dialect)
        query = f"MATCH (n:{quote_name(label)}){clause} RETURN n.id AS id, labels(n) AS labels, properties(n) AS props"
        for record in self._records(query, params):
            yield _node(record["id"], record["labels"], record["props"])

    def out_edges(self, node_id: str, type: str | None = None) -> Iterator[Edge]:
        cache = self._warm_cache() if type else None
        found = cache.edges_from(node_id, type) if cache is not None else None
        if found is not None:
            for other, props in found:
                yield Edge(node_id, other, type, decode_props(props))
            return
        rel = f"[r:{quote_name(type)}]" if type else "[r]"
        query = (
            f"MATCH (a:{ANY_LABEL} {{id: $id}})-{rel}->(b:{ANY_LABEL}) "
            "RETURN b.id AS other, type(r) AS type, properties(r) AS props ORDER BY type, other"
        )
        for record in self._records(query, {"id": node_id}):
            yield Edge(node_id, record["other"], record["type"], decode_props(record["props"]))

    def in_edges(self, node_id: str, type: str | None = None) -> Iterator[Edge]:
        rel = f"[r:{quote_name(type)}]" if type else "[r]"
        query = (
            f"MATCH (a:{ANY_LABEL} {{id: $id}})<-{rel}-(b:{ANY_LABEL}) "
            "RETURN b.id AS other, type(r) AS type, properties(r) AS props ORDER BY type, other"
        )
        for record in self._records(query, {"id": node_id}):
            yield Edge(record["other"], node_id, record["type"], decode_props(record["props"]))

    def count(self, label: str, **where: Any) -> int:
        clause, params = _where("n", where, self.dialect)
        record = self._single(f"MATCH (n:{quote_name(label)}){clause} RETURN count(n) AS n", params)
        return int(record["n"]) if record else 0

    def edge_count(self, type: str | None = None) -> int:
        rel = f"[r:{quote_name(type)}]" if type else "[r]"
        record = self._single(f"MATCH (:{ANY_LABEL})-{rel}->(:{ANY_LABEL}) RETURN count(r) AS n")
        return int(record["n"]) if record else 0

    def targets(self, node_id: str, type: str) -> Iterator[Node]:
        cache = self._warm_cache()
        found = cache.edges_from(node_id, type) if cache is not None else None
        if found is not None:
            cache.prefetch_nodes(other for other, _ in found)
            for other, _ in found:  # by id, as the query orders them
                node = cache.nodes.get(other)
                if node is not None:
                    yield node
            return
        query = (
            f"MATCH (a:{ANY_LABEL} {{id: $id}})-[:{quote_name(type)}]->(b:{ANY_LABEL}) "
            "RETURN b.id AS id, labels(b) AS labels, properties(b) AS props ORDER BY id"
        )
        for record in self._records(query, {"id": node_id}):
            yield _node(record["id"], record["labels"], record["props"])

    def sources(self, node_id: str, type: str) -> Iterator[Node]:
        query = (
            f"MATCH (a:{ANY_LABEL} {{id: $id}})<-[:{quote_name(type)}]-(b:{ANY_LABEL}) "
            "RETURN b.id AS id, labels(b) AS labels, properties(b) AS props ORDER BY id"
        )
        for record in self._records(query, {"id": node_id}):
            yield _node(record["id"], record["labels"], record["props"])

    # --- views, server-side -----------------------------------------------------------

    def governments(self) -> list[dict[str, Any]]:
        cache = self._view_cache()
        if cache.warm:
            return [dict(cache.props(g)) for g in cache.government_ids]
        query = "MATCH (g:Government) RETURN g.id AS id, labels(g) AS labels, properties(g) AS props ORDER BY id"
        return [_props(_node(r["id"], r["labels"], r["props"])) for r in self._records(query)]

    def list_versions(self, government: str | None = None) -> list[ListVersion]:
        query = (
            "MATCH (i:PowerItem) " + ("WHERE i.government = $g " if government else "")
            + "WITH coalesce(i.government, '') AS g, coalesce(i.list_date, '') AS d, "
            "CASE WHEN i.superseded IS NULL THEN 1 ELSE 0 END AS c "
            "RETURN g, d, count(*) AS n, sum(c) AS current ORDER BY g, d"
        )
        rows = self._records(query, {"g": government} if government else {})
        return [ListVersion(r["g"], r["d"], int(r["n"]), int(r["current"]) > 0) for r in rows]

    def departments_of(self, government: str) -> list[dict[str, Any]]:
        cache = self._view_cache()
        if cache.warm and government in cache.part_of:
            parts = cache.part_of[government]
            cache.prefetch_nodes(parts)
            return [dict(cache.props(d)) for d in parts]
        query = (
            f"MATCH (g:{ANY_LABEL} {{id: $g}})<-[:PART_OF]-(d:{ANY_LABEL}) "
            "RETURN d.id AS id, labels(d) AS labels, properties(d) AS props ORDER BY id"
        )
        return [_props(_node(r["id"], r["labels"], r["props"])) for r in self._records(query, {"g": government})]

    def covered_provisions(self, government: str) -> frozenset[str]:
        cache = self._view_cache()
        if cache.warm:
            return cache.covered(government)[0]
        query = (
            "MATCH (i:PowerItem {government: $g})-[:BASED_ON]->(:KG)-[:RESOLVES_TO]->(t:Provision) "
            "WHERE t.article IS NOT NULL AND i.superseded IS NULL "
            "WITH DISTINCT t "
            f"WITH CASE WHEN t.kind = '条' THEN t.id ELSE {_ARTICLE_ID_OF_T} END AS aid "
            "MATCH (a:Provision {id: aid}) "
            "RETURN DISTINCT a.id AS id"
        )
        covered = {r["id"] for r in self._records(query, {"g": government})}
        return frozenset(covered | {current for current, _ in self._current_targets(government)})

    def _current_targets(self, government: str) -> list[tuple[str, tuple[str, int, int]]]:
        """(article id, key) of the articles in force holding the text its items cite in older versions."""
        query = (
            "MATCH (i:PowerItem {government: $g})-[:BASED_ON]->(c:KG)-[:RESOLVES_TO]->(:Provision) "
            "WHERE c.current_target IS NOT NULL AND c.current_target <> '' AND i.superseded IS NULL "
            "RETURN DISTINCT c.current_target AS id"
        )
        keys = ((r["id"], article_key(r["id"])) for r in self._records(query, {"g": government}))
        return [(current, key) for current, key in keys if key is not None]

    def covered_articles(self, government: str) -> frozenset[tuple[str, int, int]]:
        cache = self._view_cache()
        if cache.warm:
            return cache.covered(government)[1]
        query = (
            "MATCH (i:PowerItem {government: $g})-[:BASED_ON]->(c:KG)-[:RESOLVES_TO]->(t:Provision) "
            "WHERE t.article IS NOT NULL AND c.current_target IS NULL AND i.superseded IS NULL "
            "WITH DISTINCT t.version AS vid, t.article AS article, coalesce(t.article_suffix, 0) AS suffix "
            "MATCH (v:LawVersion {id: vid}) "
            "RETURN DISTINCT coalesce(v.law, '') AS law, article, suffix"
        )
        covered = {(r["law"], r["article"], r["suffix"]) for r in self._records(query, {"g": government})}
        return frozenset(covered | {key for _, key in self._current_targets(government)})

    def _pages(self, query: str, params: Mapping[str, Any]) -> Iterator[list[neo4j.Record]]:
        """Run a query paged by ``$skip``/``$page`` (its rows ordered by a unique key), page after page.

        Pages keep every read short: no result stays open while the rows of a
        page are completed by other queries.  (Not keyset pages: FalkorDB's
        ``WHERE n.id > $after`` over an indexed string misses rows.)
        """
        skip = 0
        while True:
            page = list(self._records(query, {**params, "skip": skip, "page": VIEW_PAGE}))
            if page:
                yield page
            if len(page) < VIEW_PAGE:
                return
            skip += len(page)

    def _scan(self, label: str, var: str, body: str, rows: int | None = None) -> Iterator[neo4j.Record]:
        """Run ``body`` (which starts ``MATCH (var:label) ...``) over every ``label`` node, in pages.

        A page is a range of internal node ids (``id(var)``), sized so that
        about ``rows`` nodes of the label fall in it: no id parameters, no
        re-sorting per page (``SKIP``), no string ranges (FalkorDB's ``>`` on
        an indexed string misses rows).  Rows come page by page in no
        particular order.
        """
        head = f"MATCH ({var}:{quote_name(label)}) "
        if not body.startswith(head):
            raise ValueError(f"a scan body starts with {head!r}")
        stats = self._single(f"MATCH (n:{quote_name(label)}) RETURN count(n) AS n, min(id(n)) AS lo, max(id(n)) AS hi")
        if stats is None or not stats["n"]:
            return
        low, high, count = int(stats["lo"]), int(stats["hi"]), int(stats["n"])
        span = max(1, (high - low + 1) * (rows or SCAN_ROWS) // count)
        paged = head + f"WHERE id({var}) >= $lo AND id({var}) < $hi " + body[len(head):]
        for start in range(low, high + 1, span):
            yield from self._records(paged, {"lo": start, "hi": start + span})

    @property
    def _views(self) -> dict[Any, Any]:
        """What queries keep per store state (:func:`kg.views.state_cached`): the view cache's dict,
        so it is dropped with the cache (after a write, or VIEW_CACHE_SECONDS)."""
        return self._view_cache().views

    def _view_cache(self) -> "_ServerViewCache":
        """The look-up cache of the views, kept until this store writes (or for VIEW_CACHE_SECONDS)."""
        cache = self._cache
        now = time.monotonic()
        if (self._writer is not None or cache is None or cache.generation != self._generation
                or now - cache.created > VIEW_CACHE_SECONDS):
            cache = _ServerViewCache(self)
            cache.generation, cache.created = self._generation, now
            self._cache = cache if self._writer is None else None
        if self._writer is None:
            # a loader reading mid-transaction asks for a few rows: no bulk reads then
            cache.warm_up()
        return cache

    def clauses_in_force(self, law: str | None = None) -> Iterator[ClauseInForce]:
        query = (
            "MATCH (cl:AuthorisingClause)" + (" WHERE cl.law = $law" if law else "") + " "
            "WITH cl ORDER BY cl.id SKIP $skip LIMIT $page "
            "OPTIONAL MATCH (p:Provision {id: cl.provision}) "
            "RETURN cl.id AS cid, properties(cl) AS cl, labels(cl) AS cl_labels, "
            "p.id AS pid, labels(p) AS p_labels, properties(p) AS p "
            "ORDER BY cid"
        )
        cache = self._view_cache()
        if cache.warm:
            yield from cache.clauses_in_force(law)
            return
        for page in self._pages(query, {"law": law} if law else {}):
            provisions = [ProvisionRef.of(_node(r["pid"], r["p_labels"], r["p"])) if r["pid"] is not None else None
                          for r in page]
            cache.prefetch_versions(p.version for p in provisions if p is not None)
            cache.prefetch_articles(provisions)
            for record, provision in zip(page, provisions):
                if provision is None:
                    continue
                version = cache.version(provision.version)
                if version is None or version.status != "in_force":
                    continue
                clause = ClauseRef.of(_node(record["cid"], record["cl_labels"], record["cl"]))
                yield ClauseInForce(clause, provision, cache.article_of(provision), version)

    def item_bases(self, government: str | None = None, department: str | None = None,
                   list_date: str | None = None) -> Iterator[ItemBasis]:
        cache = self._view_cache()
        if government and cache.warm and list_date is None:
            # the items of several governments per query (see _ServerViewCache.government_items)
            yield from self._item_bases_of(cache, cache.government_items(government), department)
            return
        where = ["i.government = $g"] if government else []
        # the version: the current one (no superseded mark) or the items of one list date ("" for none)
        where.append("i.superseded IS NULL" if list_date is None else "coalesce(i.list_date, '') = $d")
        query = _item_query("WHERE " + " AND ".join(where))
        params: dict[str, Any] = {"g": government} if government else {}
        if list_date is not None:
            params["d"] = list_date
        for page in self._pages(query, params):
            yield from self._item_bases_of(cache, page, department)

    def _item_bases_of(self, cache: "_ServerViewCache", records: Sequence[neo4j.Record],
                       department: str | None) -> Iterator[ItemBasis]:
        rows = [_item_row(record) for record in records]
        cache.prefetch_chunk(rows)
        for row in rows:
            basis = cache.item_basis(row)
            dept = basis.department
            if department and (dept is None or department not in (dept["id"], dept.get("name"))):
                continue
            yield basis


def _item_query(where: str) -> str:
    """The item_bases query over the PowerItems ``where`` keeps, paged by ``$skip``/``$page``, by item id.

    FalkorDB cannot match a pattern from a node taken out of a list
    (head(collect(d))), so departments come as a list of id pairs and the
    first one is picked in Python, as the default view picks the first.
    Departments, governments and citation targets come as ids: the view
    cache has them (and a FalkorDB record must stay under 64 KB).
    """
    return (
        f"MATCH (i:PowerItem) {where} "
        "WITH i ORDER BY i.id SKIP $skip LIMIT $page "
        "OPTIONAL MATCH (i)-[:EXERCISED_BY]->(d:KG) "
        "OPTIONAL MATCH (d)-[:PART_OF]->(g:KG) "
        "WITH i, collect(CASE WHEN d IS NULL THEN null ELSE [d.id, g.id] END) AS ds "
        "OPTIONAL MATCH (i)-[:HAS_RESPONSIBILITY]->(r:KG) "
        "WITH i, ds, count(r) AS nr, "
        # booleans, not trimmed text: FalkorDB garbles a list of left()/trim() results
        "collect(CASE WHEN r IS NULL THEN null ELSE [trim(coalesce(r.duties, '')) <> '', "
        "trim(coalesce(r.accountability, '')) <> ''] END) AS rs "
        "OPTIONAL MATCH (i)-[:BASED_ON]->(c:KG) "
        "OPTIONAL MATCH (c)-[:RESOLVES_TO]->(t:KG) "
        "WITH i, ds, nr, rs, c, collect(t.id) AS ts "
        "WITH i, ds, nr, rs, collect(CASE WHEN c IS NULL THEN null ELSE "
        "{cid: c.id, c: properties(c), ts: ts} END) AS cs "
        "RETURN i.id AS iid, properties(i) AS i, ds, nr, rs, cs "
        "ORDER BY iid"
    )


# ---------------------------------------------------------------------------
# Views: shared look-ups, fetched in batches and cached per view call


def _article_id_of(var: str) -> str:
    """Cypher for :func:`kg.model.article_id` of the provision ``var`` (its 条's id)."""
    return (
        f"{var}.version + '/第' + toString({var}.article) + '条' + "
        f"CASE WHEN coalesce({var}.article_suffix, 0) <> 0 THEN '之' + toString({var}.article_suffix) ELSE '' END"
    )


_ARTICLE_ID_OF_T = _article_id_of("t")

# Bodies of the warm-up scans (see Neo4jStore._scan: each starts with the
# scanned label's MATCH, which the scan narrows to an internal id range).
_VERSIONS_BODY = (
    "MATCH (v:LawVersion) "
    f"OPTIONAL MATCH (l:{ANY_LABEL} {{id: v.law}}) "
    f"OPTIONAL MATCH (l)-[:HAS_VERSION]->(cv:{ANY_LABEL}) WHERE coalesce(cv.status, 'in_force') = 'in_force' "
    "RETURN v.id AS vid, properties(v) AS v, l IS NOT NULL AS has_law, l.region AS law_region, "
    "collect(CASE WHEN cv IS NULL THEN null ELSE [coalesce(cv.date, ''), cv.id, cv.effective, cv.date] END) AS current"
)
# a clause, its provision and the provision's article (when it is not one itself)
_CLAUSES_BODY = (
    "MATCH (cl:AuthorisingClause) "
    "OPTIONAL MATCH (p:Provision {id: cl.provision}) "
    "WITH cl, p, CASE WHEN p.kind <> '条' AND p.article IS NOT NULL THEN "
    f"{_article_id_of('p')} ELSE null END AS aid "
    f"OPTIONAL MATCH (a:{ANY_LABEL} {{id: aid}}) "
    "RETURN cl.id AS cid, properties(cl) AS cl, labels(cl) AS cl_labels, "
    "p.id AS pid, labels(p) AS p_labels, properties(p) AS p, aid, a.id AS a_id, labels(a) AS a_labels, properties(a) AS a"
)
# every node a clause sits under (itself included: CONTAINS*0..), as the
# embedded view walks down from an article
_CLAUSE_ANCESTORS_BODY = (
    "MATCH (cl:AuthorisingClause) "
    "MATCH (cl)<-[:HAS_CLAUSE]-(p)<-[:CONTAINS*0..]-(a) "
    "RETURN a.id AS aid, cl.id AS cid"
)
# what citations resolve to, with its article; nid is the id asked for
_TARGETS_BODY = (
    "MATCH (c:Citation) "
    f"MATCH (c)-[:RESOLVES_TO]->(t:{ANY_LABEL}) "
    "WITH DISTINCT t "
    "WITH t, CASE WHEN 'Provision' IN labels(t) AND t.kind <> '条' AND t.article IS NOT NULL THEN "
    f"{_article_id_of('t')} ELSE null END AS aid "
    f"OPTIONAL MATCH (a:{ANY_LABEL} {{id: aid}}) "
    "RETURN t.id AS nid, t.id AS id, labels(t) AS labels, properties(t) AS props, "
    "aid, a.id AS a_id, labels(a) AS a_labels, properties(a) AS a"
)
_NODES_BODY = "MATCH (n:{label}) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props"
_PART_OF_BODY = f"MATCH (g:Government) MATCH (g)<-[:PART_OF]-(d:{ANY_LABEL}) RETURN g.id AS gid, d.id AS did"
_BEST_MATCHES_BODY = (
    "MATCH (c:Citation) "
    "WITH DISTINCT c.quote_best_match AS nid WHERE nid IS NOT NULL "
    f"OPTIONAL MATCH (b:{ANY_LABEL} {{id: nid}}) "
    "RETURN nid, b.id AS id, labels(b) AS labels, properties(b) AS props, "
    "null AS aid, null AS a_id, null AS a_labels, null AS a"
)


class _ServerViewCache:
    """What :class:`kg.views._ViewCache` memoises, filled by server queries.

    Outside a transaction the cache is first *warmed*: a few scans that carry
    no id parameters read in bulk every LawVersion (with its version in
    force), every AuthorisingClause (with its provision and article), which
    clauses sit under which provisions, and the provisions citations resolve
    to (with their articles and quote best matches), page by page over
    internal id ranges.  FalkorDB's parameter budget holds only ~20 ids per
    look-up, so id look-ups are left for what the scans did not bring (a
    node another view asks for), fetched in batches as before.
    """

    def __init__(self, store: Neo4jStore) -> None:
        self.store = store
        self.generation = 0
        self.created = 0.0
        self.nodes: dict[str, Node | None] = {}
        self.versions: dict[str, VersionRef | None] = {}
        self.article_clauses: dict[str, tuple[ClauseRef, ...]] = {}
        self.version_clauses: dict[tuple[str, str], bool] = {}
        self._props: dict[str, dict[str, Any] | None] = {}
        self._provisions: dict[str, ProvisionRef | None] = {}
        self.part_of: dict[str, list[str]] = {}  # Government id -> ids of what is PART_OF it, sorted
        self.government_ids: list[str] = []  # every Government, by id
        self._item_batches: dict[str, list[str]] | None = None  # government -> the governments fetched with it
        self._government_records: dict[str, list[neo4j.Record]] = {}  # fetched, not yet asked for
        self._covered: dict[str, tuple[frozenset[str], frozenset[tuple[str, int, int]]]] = {}
        self.views: dict[Any, Any] = {}  # kg.views.state_cached values for this cache's lifetime
        self.warm = False  # versions, clauses and clause containment read whole: a miss is an absence
        self.clause_rows: list[tuple[ClauseRef, ProvisionRef | None]] = []  # every clause, by id
        self._in_force: list[ClauseInForce] | None = None
        self._edges: dict[str, dict[str, list[tuple[str, Any]]]] = {}  # type -> source -> [(target, props)], by target
        self._edge_calls: dict[str, int] = defaultdict(int)

    # bulk reads

    def warm_up(self) -> None:
        """Read versions, clauses, clause containment and citation targets in bulk (see the class)."""
        if self.warm:
            return
        store = self.store
        for record in store._scan("LawVersion", "v", _VERSIONS_BODY):
            self._add_version(record)
            self.nodes[record["vid"]] = _node(record["vid"], ["LawVersion"], record["v"])
        for record in store._scan("Law", "n", _NODES_BODY.format(label="Law")):
            self.nodes[record["id"]] = _node(record["id"], record["labels"], record["props"])
        clauses: dict[str, ClauseRef] = {}
        rows: list[tuple[ClauseRef, ProvisionRef | None]] = []
        for record in store._scan("AuthorisingClause", "cl", _CLAUSES_BODY):
            clause_node = self.nodes[record["cid"]] = _node(record["cid"], record["cl_labels"], record["cl"])
            clause = ClauseRef.of(clause_node)
            clauses[clause.id] = clause
            provision = None
            if record["pid"] is not None:
                node = _node(record["pid"], record["p_labels"], record["p"])
                self.nodes[node.id] = node
                provision = ProvisionRef.of(node)
            self._add_article(record)
            rows.append((clause, provision))
            self.version_clauses[(clause.law, clause.version)] = True
        rows.sort(key=lambda row: row[0].id)
        under: dict[str, list[ClauseRef]] = defaultdict(list)
        for record in store._scan("AuthorisingClause", "cl", _CLAUSE_ANCESTORS_BODY):
            under[record["aid"]].append(clauses[record["cid"]])
        for label in ("Department", "Government"):
            for record in store._scan(label, "n", _NODES_BODY.format(label=label)):
                self.nodes[record["id"]] = _node(record["id"], record["labels"], record["props"])
                if label == "Government":
                    self.part_of[record["id"]] = []
        for record in store._scan("Government", "g", _PART_OF_BODY):
            self.part_of[record["gid"]].append(record["did"])
        for parts in self.part_of.values():
            parts.sort()
        self.government_ids = sorted(self.part_of)
        for target_body in (_TARGETS_BODY, _BEST_MATCHES_BODY):
            for record in store._scan("Citation", "c", target_body):
                if record["nid"] not in self.nodes:
                    self.nodes[record["nid"]] = (_node(record["id"], record["labels"], record["props"])
                                                 if record["id"] is not None else None)
                self._add_article(record)
        self.article_clauses = {aid: tuple(sorted(found, key=lambda c: c.id)) for aid, found in under.items()}
        self.clause_rows = rows
        self.warm = True

    def edges_from(self, node_id: str, etype: str) -> list[tuple[str, Any]] | None:
        """(target id, stored props) of ``node_id``'s ``etype`` edges, by target id, once this cache has
        read every edge of that type; None before (the caller asks the server): the first
        EDGE_INDEX_AFTER look-ups of a type go one by one, the next reads the type whole."""
        index = self._edges.get(etype)
        if index is None:
            self._edge_calls[etype] += 1
            if self._edge_calls[etype] <= EDGE_INDEX_AFTER:
                return None
            index = self._edges[etype] = self._read_edges(etype)
        return index.get(node_id, [])

    def _read_edges(self, etype: str) -> dict[str, list[tuple[str, Any]]]:
        found: dict[str, list[tuple[str, Any]]] = defaultdict(list)
        body = (f"MATCH (a:{ANY_LABEL}) MATCH (a)-[r:{quote_name(etype)}]->(b:{ANY_LABEL}) "
                "RETURN a.id AS a, b.id AS b, properties(r) AS p")
        for record in self.store._scan(ANY_LABEL, "a", body, rows=EDGE_SCAN_ROWS):
            found[record["a"]].append((record["b"], record["p"]))
        for edges in found.values():
            edges.sort(key=lambda e: e[0])
        return dict(found)

    def government_items(self, government: str) -> list[neo4j.Record]:
        """The item_bases records of ``government``'s items (``PowerItem.government``), by item id.

        ``check all`` asks for the items of each government in turn: a query
        per government would cost a round trip each (and FalkorDB answers a
        result of more than a few packets ~40 ms late), so the items of
        consecutive governments (by id) are fetched together, up to
        ``VIEW_PAGE`` items, and kept here until asked for.
        """
        if government in self._government_records:
            return self._government_records.pop(government)
        if self._item_batches is None:
            self._item_batches = self._plan_item_batches()
        batch = self._item_batches.get(government)
        if batch is None:
            return []  # no item names this government
        found: dict[str, list[neo4j.Record]] = {g: [] for g in batch}
        query = _item_query("WHERE i.government IN $gs AND i.superseded IS NULL")
        for page in self.store._pages(query, {"gs": batch}):
            for record in page:
                found[record["i"]["government"]].append(record)
        for other in batch:
            if other != government:
                self._government_records[other] = found[other]
        return found[government]

    def covered(self, government: str) -> tuple[frozenset[str], frozenset[tuple[str, int, int]]]:
        """``covered_provisions`` and ``covered_articles`` of ``government``, from what its items' citations
        resolve to (fetched for a batch of governments at a time, as the items are), built as the
        default views build them."""
        if government not in self._covered:
            if self._item_batches is None:
                self._item_batches = self._plan_item_batches()
            batch = self._item_batches.get(government, [government])
            targets: dict[str, set[str]] = {g: set() for g in batch}
            query = (
                "MATCH (i:PowerItem) WHERE i.government IN $gs AND i.superseded IS NULL "
                f"MATCH (i)-[:BASED_ON]->(c:{ANY_LABEL})-[:RESOLVES_TO]->(t:{ANY_LABEL}) "
                "RETURN DISTINCT i.government AS g, t.id AS t, c.current_target AS cur"
            )
            for record in self.store._records(query, {"gs": batch}):
                targets[record["g"]].add((record["t"], record["cur"]))
            self.prefetch_nodes(t for found in targets.values() for t, _ in found)
            for other, found in targets.items():
                provisions: set[str] = set()
                articles: set[tuple[str, int, int]] = set()
                for target_id, current in found:
                    cover_target(self, provisions, articles, self.provision(self.node(target_id)), current)
                self._covered[other] = (frozenset(provisions), frozenset(articles))
        return self._covered[government]

    def _plan_item_batches(self) -> dict[str, list[str]]:
        """Governments (by id) grouped so that a group has about VIEW_PAGE items and fits the parameter budget."""
        counts = {r["g"]: int(r["n"]) for r in self.store._records(
            "MATCH (i:PowerItem) WITH i.government AS g, count(i) AS n WHERE g IS NOT NULL RETURN g, n")
            if isinstance(r["g"], str)}
        batches: dict[str, list[str]] = {}
        batch: list[str] = []
        size = 0
        for group in self.store.dialect.pack(sorted(counts), "gs"):
            for government in group:
                if batch and size + counts[government] > VIEW_PAGE:
                    batch, size = [], 0
                batch.append(government)
                size += counts[government]
                batches[government] = batch
            batch, size = [], 0
        return batches

    def _add_version(self, record: neo4j.Record) -> None:
        p = decode_props(record["v"])
        current = max(((c[0], c[1], c[2], c[3]) for c in record["current"]), default=None)
        region = p.get("region") or (record["law_region"] if record["has_law"] else None)
        latest = (current[1], current[3], current[2]) if current else None
        self.versions[record["vid"]] = version_ref(record["vid"], p, region, latest)

    def _add_article(self, record: neo4j.Record) -> None:
        """The article a scan row brought (``aid``: the id asked for, ``a*``: the node or nulls)."""
        aid = record["aid"]
        if aid is not None and aid not in self.nodes:
            self.nodes[aid] = _node(aid, record["a_labels"], record["a"]) if record["a_id"] is not None else None

    def clauses_in_force(self, law: str | None) -> Iterator[ClauseInForce]:
        """:meth:`GraphViews.clauses_in_force` from the warmed clause rows."""
        if self._in_force is None:
            rows: list[ClauseInForce] = []
            for clause, provision in self.clause_rows:
                if provision is None:
                    continue
                version = self.version(provision.version)
                if version is None or version.status != "in_force":
                    continue
                rows.append(ClauseInForce(clause, provision, self.article_of(provision), version))
            self._in_force = rows
        return iter(self._in_force if not law else [r for r in self._in_force if r.clause.law == law])

    # nodes by id

    def prefetch_nodes(self, ids: Iterable[str | None]) -> None:
        wanted = {i for i in ids if isinstance(i, str) and i and i not in self.nodes}
        if not wanted:
            return
        found = self.store._get_many(wanted)
        for node_id in wanted:
            self.nodes[node_id] = found.get(node_id)

    def node(self, node_id: str | None) -> Node | None:
        if not node_id:
            return None
        if node_id not in self.nodes:
            self.prefetch_nodes([node_id])
        return self.nodes[node_id]

    # versions

    def prefetch_versions(self, ids: Iterable[str | None]) -> None:
        wanted = sorted({i for i in ids if isinstance(i, str) and i and i not in self.versions})
        if not wanted or self.warm:
            return
        query = "UNWIND $ids AS vid MATCH (v:LawVersion {id: vid}) " + _VERSIONS_BODY[len("MATCH (v:LawVersion) "):]
        for record in self.store._read_batched(query, wanted):
            self._add_version(record)
        for vid in wanted:
            self.versions.setdefault(vid, None)

    def version(self, version_id: str | None) -> VersionRef | None:
        if not version_id:
            return None
        if version_id not in self.versions:
            if self.warm:
                return None  # every LawVersion was read
            self.prefetch_versions([version_id])
        return self.versions[version_id]

    # articles and their clauses

    @staticmethod
    def article_id(provision: ProvisionRef | None) -> str | None:
        if provision is None or provision.article is None:
            return None
        if provision.kind == "条":
            return provision.id
        from .model import article_id

        return article_id(provision.version, provision.article, provision.article_suffix)

    def prefetch_articles(self, provisions: Iterable[ProvisionRef | None]) -> None:
        self.prefetch_nodes(
            self.article_id(p) for p in provisions if p is not None and p.kind != "条"
        )

    def article_of(self, provision: ProvisionRef | None) -> ProvisionRef | None:
        if provision is None or provision.article is None:
            return None
        if provision.kind == "条":
            return provision
        return self.provision(self.node(self.article_id(provision)))

    def prefetch_clauses(self, article_ids: Iterable[str]) -> None:
        wanted = sorted({a for a in article_ids if a not in self.article_clauses})
        if not wanted or self.warm:
            return
        query = (
            f"UNWIND $ids AS aid MATCH (a:{ANY_LABEL} {{id: aid}}) "
            f"MATCH (a)-[:CONTAINS*0..]->(:{ANY_LABEL})-[:HAS_CLAUSE]->(cl:{ANY_LABEL}) "
            "RETURN aid, cl.id AS id, labels(cl) AS labels, properties(cl) AS props"
        )
        found: dict[str, list[ClauseRef]] = defaultdict(list)
        for record in self.store._read_batched(query, wanted):  # one clause a record: records stay small
            found[record["aid"]].append(ClauseRef.of(_node(record["id"], record["labels"], record["props"])))
        for aid in wanted:
            self.article_clauses[aid] = tuple(sorted(found.get(aid, ()), key=lambda c: c.id))

    def prefetch_version_clauses(self, versions: Iterable[VersionRef]) -> None:
        wanted = sorted({(v.law, v.date) for v in versions if (v.law, v.date) not in self.version_clauses})
        if not wanted or self.warm:
            return
        query = (
            "UNWIND $ids AS pair "
            "OPTIONAL MATCH (cl:AuthorisingClause) WHERE cl.law = pair[0] AND cl.version = pair[1] "
            "RETURN pair[0] AS law, pair[1] AS date, count(cl) AS n"
        )
        for record in self.store._read_batched(query, [list(pair) for pair in wanted]):
            self.version_clauses[(record["law"], record["date"])] = record["n"] > 0
        for pair in wanted:
            self.version_clauses.setdefault(pair, False)

    # item rows

    def prefetch_chunk(self, chunk: Sequence[dict[str, Any]]) -> None:
        """Fetch in bulk what the item rows of ``chunk`` look up."""
        version_ids: list[str | None] = []
        provisions: list[ProvisionRef | None] = []
        node_ids: list[str | None] = []
        for row in chunk:
            node_ids += (row["dept"], row["gov"], row["item"].get("government"))
            for citation, target_id in row["citations"]:
                node_ids.append(citation.get("quote_best_match"))
                node_ids.append(target_id)
        self.prefetch_nodes(node_ids)
        if self.warm:
            return  # versions, articles of targets and clauses came with the warm-up
        for row in chunk:
            for citation, target_id in row["citations"]:
                target_node = self.node(target_id)
                target = ProvisionRef.of(target_node)
                provisions.append(target)
                if target is not None:
                    version_ids.append(target.version)
                elif target_node is not None and target_node.label == "LawVersion":
                    version_ids.append(target_node.id)
                else:
                    version_ids.append(citation.get("version"))
        self.prefetch_versions(version_ids)
        self.prefetch_articles(provisions)
        articles = [self.article_of(p) for p in provisions]
        self.prefetch_clauses(a.id for a in articles if a is not None)
        self.prefetch_version_clauses(v for v in (self.version(vid) for vid in version_ids) if v is not None)

    def provision(self, node: Node | None) -> ProvisionRef | None:
        """:meth:`ProvisionRef.of` of a node of this cache, memoised (rows are frozen: one serves all)."""
        if node is None:
            return None
        try:
            return self._provisions[node.id]
        except KeyError:
            ref = self._provisions[node.id] = ProvisionRef.of(node)
            return ref

    def props(self, node_id: str | None) -> dict[str, Any] | None:
        """A node's properties plus ``id`` (one dict per node, shared by the rows naming it)."""
        if node_id is None:
            return None
        if node_id not in self._props:
            self._props[node_id] = _props(self.node(node_id))
        return self._props[node_id]

    def item_basis(self, row: dict[str, Any]) -> ItemBasis:
        item = row["item"]
        dept = self.props(row["dept"])
        gov = self.props(row["gov"]) if row["dept"] is not None else None
        if gov is None and item.get("government"):
            gov = self.props(item["government"])
        return ItemBasis(
            item=item,
            department=dept,
            government=gov,
            responsibilities=row["responsibilities"],
            has_duties=any(r[0] for r in row["texts"]),
            has_accountability=any(r[1] for r in row["texts"]),
            citations=tuple(self.citation_basis(c, self.node(t)) for c, t in row["citations"]),
        )

    def clauses_under(self, article: ProvisionRef) -> tuple[ClauseRef, ...]:
        if article.id not in self.article_clauses:
            if self.warm:
                return ()  # every clause's ancestors were read
            self.prefetch_clauses([article.id])
        return self.article_clauses[article.id]

    def version_has_clauses(self, version: VersionRef) -> bool:
        key = (version.law, version.date)
        if key not in self.version_clauses:
            if self.warm:
                return False  # every clause was read
            self.prefetch_version_clauses([version])
        return self.version_clauses[key]

    def citation_basis(self, props: dict[str, Any], target_node: Node | None) -> CitationBasis:
        return citation_basis(self, props, target_node)


def _plain_props(node_id: str, stored: Mapping[str, Any] | None) -> dict[str, Any]:
    """A node's properties plus ``id``, as ``_props(_node(...))`` gives them, from the stored ones."""
    props = decode_props(stored or {})
    props["id"] = node_id
    return props


def _item_row(record: neo4j.Record) -> dict[str, Any]:
    """An item_bases record decoded: the item, its department and government ids, citations.

    The department is the first by id of those the item is EXERCISED_BY, its
    government the first by id the department is PART_OF (as the default view
    takes them).
    """
    pairs = [pair for pair in record["ds"] if pair]
    dept = min((pair[0] for pair in pairs), default=None)
    gov = min((pair[1] for pair in pairs if pair[0] == dept and pair[1] is not None), default=None)
    # targets come as ids (fetched through the view cache): a FalkorDB
    # record must stay under 64 KB, and many items cite the same provisions
    citations = [
        (_plain_props(c["cid"], c["c"]), c["ts"][0] if c["ts"] else None)
        for c in sorted(record["cs"], key=lambda c: c["cid"])
    ]
    return {
        "item": _plain_props(record["iid"], record["i"]),
        "dept": dept,
        "gov": gov,
        "responsibilities": int(record["nr"]),
        "texts": record["rs"],
        "citations": citations,
    }


# ---------------------------------------------------------------------------
# The writer


class _BoltWriter(Writer):
    """Buffers a transaction's writes; sends them on commit (or before a read).

    The buffer holds the net effect since the last send: nodes removed (their
    edges go with them), edges removed, nodes added, edges added, applied in
    that order, which gives the same graph as applying the calls one by one.
    """

    def __init__(self, store: Neo4jStore) -> None:
        self.store = store
        self.dialect = store.dialect
        self.added: dict[str, Node] = {}
        self.removed: set[str] = set()
        self.edges: dict[tuple[str, str, str], Mapping[str, Any]] = {}
        self.edges_removed: set[tuple[str, str, str]] = set()
        self._edges_of: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
        self._known: set[str] = set()  # ids known to be stored
        self._gone: set[str] = set()  # ids removed by this transaction and not re-added
        self._session: neo4j.Session | None = None
        self._tx: neo4j.Transaction | None = None
        self.sent_nodes = 0
        self.sent_edges = 0
        self.sent_removals = 0
        self._empty = False
        # internal ids of the nodes the current send created (edges_by_node_number);
        # valid for that send only: a later delete may free an id for reuse
        self._numbers: dict[str, int] | None = None

    # --- Writer interface ------------------------------------------------------------

    def get(self, node_id: str) -> Node | None:
        if node_id in self.added:
            return self.added[node_id]
        if node_id in self._gone:
            return None
        if self._tx is not None:
            record = next(iter(self._run_read(
                f"MATCH (n:{ANY_LABEL} {{id: $id}}) RETURN labels(n) AS labels, properties(n) AS props", {"id": node_id}
            )), None)
            return _node(node_id, record["labels"], record["props"]) if record else None
        # nothing sent yet: the stored state is what this id looks like
        return self.store._get_stored(node_id, direct=True)

    def add_nodes(self, nodes: Iterable[Node]) -> None:
        for node in nodes:
            bad = dialects.RESERVED.intersection(node.props)
            if bad:
                raise StoreError(f"node {node.id}: property name {sorted(bad)[0]!r} is reserved by the graph-server store")
            self.added[node.id] = node
            self._gone.discard(node.id)

    def add_edges(self, edges: Iterable[Edge]) -> None:
        edges = list(edges)
        unknown = {
            end for e in edges for end in (e.src, e.dst)
            if end not in self.added and end not in self._known and end not in self._gone
        }
        if unknown:
            self._known |= self._stored(unknown)
        for edge in edges:
            for end in (edge.src, edge.dst):
                if end not in self.added and (end in self._gone or end not in self._known):
                    raise StoreError(f"edge {edge.type} {edge.src} -> {edge.dst}: node {end} does not exist")
            bad = dialects.RESERVED.intersection(edge.props)
            if bad:
                raise StoreError(f"edge {edge.type} {edge.src} -> {edge.dst}: property name {sorted(bad)[0]!r} is reserved")
            key = (edge.src, edge.dst, edge.type)
            self.edges[key] = dict(edge.props)
            self.edges_removed.discard(key)
            self._edges_of[edge.src].add(key)
            self._edges_of[edge.dst].add(key)

    def remove_nodes(self, ids: Iterable[str]) -> None:
        for node_id in ids:
            self.added.pop(node_id, None)
            self.removed.add(node_id)
            self._gone.add(node_id)
            self._known.discard(node_id)
            for key in self._edges_of.pop(node_id, ()):
                self.edges.pop(key, None)

    def remove_edges(self, keys: Iterable[tuple[str, str, str]]) -> None:
        for src, dst, etype in keys:
            key = (src, dst, etype)
            self.edges.pop(key, None)
            self.edges_removed.add(key)

    # --- sending -----------------------------------------------------------------------

    def pending(self) -> bool:
        return bool(self.added or self.removed or self.edges or self.edges_removed)

    def needs_tx_for_reads(self) -> bool:
        return self._tx is not None or self.pending()

    def _stored(self, ids: set[str]) -> set[str]:
        if self._tx is None:
            return self.store._existing(ids, direct=True)
        query = f"UNWIND $ids AS id MATCH (n:{ANY_LABEL} {{id: id}}) RETURN n.id AS id"
        found: set[str] = set()
        for batch in self.dialect.pack(sorted(ids), "ids"):
            found.update(r["id"] for r in self._run_read(query, {"ids": batch}))
        return found

    def _run_read(self, query: str, params: Mapping[str, Any]) -> Iterator[neo4j.Record]:
        tx = self.flush()
        try:
            yield from tx.run(query, self.dialect.prepare(params))
        except neo4j_errors.Neo4jError as exc:
            raise StoreError(f"{self.store.describe()}: a read failed ({_one_line(exc.message or exc)})") from None

    def flush(self) -> neo4j.Transaction:
        """Send the buffered writes into the open server transaction (opened if needed)."""
        if self._tx is None:
            self._labels_schema()
            try:
                self._session = self.store._session()
                self._tx = self._session.begin_transaction()
            except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as exc:
                raise StoreError(f"{self.store.describe()}: cannot open a transaction ({_one_line(exc)})") from None
        if self.pending():
            self._send(self._tx)
        return self._tx

    def _labels_schema(self) -> None:
        self.store.ensure_schema(sorted({n.label for n in self.added.values()} | set(LABELS)))

    def commit(self) -> None:
        if self._tx is None:
            if not self.pending():
                return
            # the common case: nothing was read back mid-way, so the whole
            # transaction is one managed unit the driver may retry
            self._labels_schema()
            try:
                with self.store._session() as session:
                    session.execute_write(self._send_all)
            except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, StoreError) as exc:
                raise StoreError(self._failure(exc)) from None
            return
        try:
            self._send(self._tx)
            self._tx.commit()
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, StoreError) as exc:
            raise StoreError(self._failure(exc)) from None
        finally:
            self._close()

    def abort(self) -> None:
        if self._tx is not None:
            with contextlib.suppress(Exception):
                self._tx.rollback()
        self._close()

    def _close(self) -> None:
        if self._session is not None:
            with contextlib.suppress(Exception):
                self._session.close()
        self._tx = self._session = None

    def _failure(self, exc: BaseException) -> str:
        written = f"{self.sent_removals} removals, {self.sent_nodes} nodes and {self.sent_edges} edges had been sent"
        if self.dialect.rollback_works:
            after = "the transaction was rolled back: nothing was written"
        else:
            after = (f"{self.dialect.name} cannot roll back, so they stay written; "
                     "loads are idempotent: run the same load again to converge")
        return f"{self.store.describe()}: write failed ({_one_line(getattr(exc, 'message', None) or exc)}); {written}; {after}"

    def _send_all(self, tx: Any) -> None:
        # a retry by the driver starts over: the counters count the last attempt
        self.sent_nodes = self.sent_edges = self.sent_removals = 0
        self._send(tx, clear=False)

    def _send(self, tx: Any, *, clear: bool = True) -> None:
        """Apply the buffer: removals, then nodes by label, then edges by type."""
        run = _runner(tx, self.dialect)
        pack = self.dialect.pack
        # into an empty graph every node is new: no look-up of existing ids
        self._empty = bool(self.dialect.labels_at_create and self.added
                           and not run(f"MATCH (n:{ANY_LABEL}) RETURN n.id AS id LIMIT 1", {}))
        if self.removed:
            for batch in pack(sorted(self.removed), "ids"):
                if self.dialect.unlabel_before_delete:
                    # FalkorDB leaves a dangling entry in the type label's index
                    # when a two-label node is deleted through the other label
                    by_label: dict[str, list[str]] = defaultdict(list)
                    for record in run(f"UNWIND $ids AS id MATCH (n:{ANY_LABEL} {{id: id}}) RETURN n.id AS id, labels(n) AS labels",
                                      {"ids": batch}):
                        for lab in record["labels"]:
                            if lab != ANY_LABEL:
                                by_label[lab].append(record["id"])
                    for lab, ids in by_label.items():
                        run(f"UNWIND $ids AS id MATCH (n:{ANY_LABEL} {{id: id}}) REMOVE n:{quote_name(lab)}", {"ids": ids})
                run(f"UNWIND $ids AS id MATCH (n:{ANY_LABEL} {{id: id}}) DETACH DELETE n", {"ids": batch})
                self.sent_removals += len(batch)
        by_type: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for src, dst, etype in sorted(self.edges_removed):
            by_type[etype].append((src, dst))
        for etype, pairs in by_type.items():
            query = (
                f"UNWIND $rows AS row MATCH (a:{ANY_LABEL} {{id: row[0]}})-[r:{quote_name(etype)}]->"
                f"(b:{ANY_LABEL} {{id: row[1]}}) DELETE r"
            )
            for batch in pack([list(p) for p in pairs]):
                run(query, {"rows": batch})
                self.sent_removals += len(batch)
        by_label: dict[str, list[Node]] = defaultdict(list)
        for node in self.added.values():
            by_label[node.label].append(node)
        self._numbers = {} if self.dialect.edges_by_node_number else None
        for label, nodes in sorted(by_label.items()):
            self._send_nodes(run, label, nodes, self._numbers)
        edges_by_type: dict[str, list[tuple[tuple[str, str, str], Mapping[str, Any]]]] = defaultdict(list)
        for key, props in self.edges.items():
            edges_by_type[key[2]].append((key, props))
        for etype, edges in sorted(edges_by_type.items()):
            self._send_edges(run, etype, edges)
        self._numbers = None
        if clear:
            self._known.update(self.added)
            self.added.clear()
            self.removed.clear()
            self.edges.clear()
            self.edges_removed.clear()
            self._edges_of.clear()

    def _send_nodes(self, run: Callable[..., list[Any]], label: str, nodes: list[Node],
                    numbers: dict[str, int] | None = None) -> None:
        """Create or update ``nodes`` (of ``label``); the internal ids of those created go into ``numbers``."""
        budget, chunk = self.dialect.param_budget, self.dialect.chunk_bytes
        rows: list[dict[str, Any]] = []
        sizes: dict[str, int] = {}  # value_size of each node's props, for pack
        appends: list[tuple[str, str, Any]] = []
        for node in nodes:
            props = self.dialect.encode_props(node.props)
            props["id"] = node.id
            size, id_size = dialects.value_size(props), dialects.value_size(node.id)
            if size + id_size + 16 > budget - 64:  # split_row's test, sized once
                for key, piece in split_row(props, budget - 64, chunk, fixed=id_size + 16):
                    appends.append((node.id, key, piece))
                size = dialects.value_size(props)
            rows.append({"id": node.id, "p": props})
            sizes[node.id] = size
        lab = quote_name(label)
        update = (
            # no WITH ... WHERE after the SET: FalkorDB skips a SET whose rows a later filter drops
            f"UNWIND $rows AS row MATCH (m:{ANY_LABEL} {{id: row.id}}) SET m = row.p, m:{lab} "
            "RETURN m.id AS id, labels(m) AS labels"
        )
        if self.dialect.labels_at_create:
            # FalkorDB mixes up its label index when a label added by SET
            # meets a later delete: new nodes get both labels as they are made
            existing: set[str] = set()
            for batch in ([] if self._empty else self.dialect.pack([r["id"] for r in rows], "ids")):
                existing.update(r["id"] for r in run(
                    f"UNWIND $ids AS id MATCH (m:{ANY_LABEL} {{id: id}}) RETURN m.id AS id", {"ids": batch}))
            # a new node's row is its properties alone (they hold the id): the
            # id sent once more per row would cost FalkorDB ~12% more statements
            create = f"UNWIND $rows AS p CREATE (n:{ANY_LABEL}:{lab}) SET n = p"
            if numbers is not None:
                # each row's position with its node's internal id: no reliance on the order of results
                create = (f"UNWIND range(0, size($rows) - 1) AS k WITH k, $rows[k] AS p "
                          f"CREATE (n:{ANY_LABEL}:{lab}) SET n = p RETURN k, id(n) AS num")
            new = [r for r in rows if r["id"] not in existing]
            old = [r for r in rows if r["id"] in existing]
            batches = [(create, b) for b in self.dialect.pack([r["p"] for r in new], sizes=[sizes[r["id"]] for r in new])]
            batches += [(update, b) for b in self.dialect.pack(old, sizes=map(_row_size, old, (sizes[r["id"]] for r in old)))]
        else:
            merge = (
                f"UNWIND $rows AS row MERGE (m:{ANY_LABEL} {{id: row.id}}) SET m = row.p, m:{lab} "
                "WITH m WHERE size(labels(m)) > 2 RETURN m.id AS id, labels(m) AS labels"
            )
            batches = [(merge, b) for b in self.dialect.pack(rows, sizes=map(_row_size, rows, (sizes[r["id"]] for r in rows)))]
        for query, batch in batches:
            records = run(query, {"rows": batch})
            if query is create and numbers is not None:
                if sorted(r["k"] for r in records) != list(range(len(batch))):
                    raise StoreError(f"{label} nodes: the server created {len(records)} of {len(batch)}")
                for record in records:
                    numbers[batch[record["k"]]["id"]] = record["num"]
                records = []
            for record in records:
                stale = [x for x in record["labels"] if x not in (ANY_LABEL, label)]
                for old in stale:  # a node stored under another label changes type
                    run(f"MATCH (n:{ANY_LABEL} {{id: $id}}) REMOVE n:{quote_name(old)}", {"id": record["id"]})
            self.sent_nodes += len(batch)
        for node_id, key, piece in appends:
            run(f"MATCH (n:{ANY_LABEL} {{id: $id}}) SET n.{quote_name(key)} = n.{quote_name(key)} + $piece",
                {"id": node_id, "piece": piece})

    def _send_edges(self, run: Callable[..., list[Any]], etype: str,
                    edges: list[tuple[tuple[str, str, str], Mapping[str, Any]]]) -> None:
        numbers = self._numbers
        if numbers:
            made = [e for e in edges if e[0][0] in numbers and e[0][1] in numbers]
            if made:
                self._send_new_edges(run, etype, made, numbers)
                edges = [e for e in edges if not (e[0][0] in numbers and e[0][1] in numbers)]
        budget, chunk = self.dialect.param_budget, self.dialect.chunk_bytes
        rows: list[list[Any]] = []
        sizes: list[int] = []  # value_size of each row, for pack
        appends: list[tuple[str, str, str, Any]] = []
        for (src, dst, _), props in edges:
            encoded = self.dialect.encode_props(props)
            fixed = dialects.value_size(src) + dialects.value_size(dst) + 16
            size = dialects.value_size(encoded)
            if size + fixed > budget - 64:  # split_row's test, sized once
                for key, piece in split_row(encoded, budget - 64, chunk, fixed=fixed):
                    appends.append((src, dst, key, piece))
                size = dialects.value_size(encoded)
            rows.append([src, dst, encoded])
            sizes.append(size + fixed - 8)  # value_size([src, dst, encoded])
        rel = quote_name(etype)
        query = (
            f"UNWIND $rows AS row MATCH (a:{ANY_LABEL} {{id: row[0]}}) MATCH (b:{ANY_LABEL} {{id: row[1]}}) "
            f"MERGE (a)-[r:{rel}]->(b) SET r = row[2] RETURN count(r) AS n"
        )
        for batch in self.dialect.pack(rows, sizes=sizes):
            result = run(query, {"rows": batch})
            made = result[0]["n"] if result else 0
            if made != len(batch):
                found = {end for row in batch for end in row[:2]} - self._stored_now(run, {e for row in batch for e in row[:2]})
                raise StoreError(f"edges {etype}: nodes {', '.join(sorted(found)[:3])} do not exist")
            self.sent_edges += len(batch)
        for src, dst, key, piece in appends:
            run(f"MATCH (a:{ANY_LABEL} {{id: $s}})-[r:{rel}]->(b:{ANY_LABEL} {{id: $d}}) "
                f"SET r.{quote_name(key)} = r.{quote_name(key)} + $piece", {"s": src, "d": dst, "piece": piece})

    def _send_new_edges(self, run: Callable[..., list[Any]], etype: str,
                        edges: list[tuple[tuple[str, str, str], Mapping[str, Any]]], numbers: Mapping[str, int]) -> None:
        """Create edges between nodes this send created, naming the ends by internal id.

        Both ends are new, so no such edge exists yet: CREATE, not MERGE (the
        buffer holds one entry per (src, dst, type)).  The ids are aliased by
        WITH first: FalkorDB seeks a node by ``id(a) = x`` only for a plain
        variable, and scans every node for ``id(a) = row[0]``.
        """
        rows: list[list[Any]] = []
        sizes: list[int] = []
        appends: list[tuple[str, str, str, Any]] = []
        budget, chunk = self.dialect.param_budget, self.dialect.chunk_bytes
        for (src, dst, _), props in edges:
            encoded = self.dialect.encode_props(props)
            size = dialects.value_size(encoded)
            if size + 40 > budget - 64:
                for key, piece in split_row(encoded, budget - 64, chunk, fixed=40):
                    appends.append((src, dst, key, piece))
                size = dialects.value_size(encoded)
            a, b = numbers[src], numbers[dst]
            rows.append([a, b, encoded])
            sizes.append(size + len(str(a)) + len(str(b)) + 10)  # value_size([a, b, encoded])
        rel = quote_name(etype)
        query = (
            "UNWIND $rows AS row WITH row[0] AS x, row[1] AS y, row[2] AS p "
            f"MATCH (a) WHERE id(a) = x MATCH (b) WHERE id(b) = y CREATE (a)-[r:{rel}]->(b) SET r = p "
            "RETURN count(r) AS n"
        )
        for batch in self.dialect.pack(rows, sizes=sizes):
            result = run(query, {"rows": batch})
            made = result[0]["n"] if result else 0
            if made != len(batch):
                raise StoreError(f"edges {etype}: {len(batch) - made} of {len(batch)} between new nodes were not made")
            self.sent_edges += len(batch)
        for src, dst, key, piece in appends:
            run(f"MATCH (a:{ANY_LABEL} {{id: $s}})-[r:{rel}]->(b:{ANY_LABEL} {{id: $d}}) "
                f"SET r.{quote_name(key)} = r.{quote_name(key)} + $piece", {"s": src, "d": dst, "piece": piece})

    def _stored_now(self, run: Callable[..., list[Any]], ids: set[str]) -> set[str]:
        query = f"UNWIND $ids AS id MATCH (n:{ANY_LABEL} {{id: id}}) RETURN n.id AS id"
        found: set[str] = set()
        for batch in self.dialect.pack(sorted(ids), "ids"):
            found.update(r["id"] for r in run(query, {"ids": batch}))
        return found


def _row_size(row: Mapping[str, Any], props_size: int) -> int:
    """value_size of a node row ``{"id": ..., "p": props}`` from the size of its props."""
    return props_size + dialects.value_size(row["id"]) + 13


def _runner(tx: Any, dialect: Dialect) -> Callable[[str, Mapping[str, Any]], list[neo4j.Record]]:
    def run(query: str, params: Mapping[str, Any]) -> list[neo4j.Record]:
        return list(tx.run(query, dialect.prepare(params)))

    return run


# ---------------------------------------------------------------------------
# Copying a graph between stores


def copy_store(source: Store, target: Store, *, labels: Iterable[str] | None = None) -> tuple[int, int]:
    """Copy every node and edge of ``source`` into ``target`` in one transaction.

    Returns ``(nodes, edges)`` copied.  Labels are those of
    :data:`kg.store.LABELS` plus any other the source knows of.

    >>> import tempfile, pathlib
    >>> from kg.embedded import EmbeddedStore
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> a, b = EmbeddedStore(folder / "a.kg"), EmbeddedStore(folder / "b.kg")
    >>> with a.transaction() as tx:
    ...     tx.add_nodes([Node("x", "Law", {"title": "x"}), Node("y", "LawVersion", {})])
    ...     tx.add_edges([Edge("x", "y", "HAS_VERSION")])
    >>> copy_store(a, b)
    (2, 1)
    """
    names = list(labels) if labels is not None else list(dict.fromkeys([*LABELS, *getattr(source, "_labels", {})]))
    nodes = [node for label in names for node in source.nodes(label)]
    edges = [edge for node in nodes for edge in source.out_edges(node.id)]
    with target.transaction() as tx:
        tx.add_nodes(nodes)
        tx.add_edges(edges)
    return len(nodes), len(edges)


# ---------------------------------------------------------------------------
# Helpers


def _label(labels: Sequence[str] | None) -> str:
    for label in labels or ():
        if label != ANY_LABEL:
            return label
    return ANY_LABEL


def _node(node_id: str, labels: Sequence[str] | None, props: Mapping[str, Any] | None) -> Node:
    return Node(node_id, _label(labels), decode_props(props or {}))


def _where(var: str, where: Mapping[str, Any], dialect: Dialect) -> tuple[str, dict[str, Any]]:
    parts: list[str] = []
    params: dict[str, Any] = {}
    for n, (key, value) in enumerate(where.items()):
        prop = f"{var}.{quote_name(key)}"
        if value is None:
            parts.append(f"{prop} IS NULL")
        else:
            parts.append(f"{prop} = $w{n}")
            params[f"w{n}"] = dialect.encode_where(value)
    return (" WHERE " + " AND ".join(parts) if parts else ""), params


def _one_line(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value)).strip()


def _reason(exc: BaseException) -> str:
    text = _one_line(exc)
    match = re.search(r"\(reason ([^)]*)\)", text)
    if match:
        return match.group(1)
    if "handshake" in text:
        return "no Bolt handshake answer"
    return text
