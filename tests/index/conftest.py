"""The `backend` fixture: every contract test runs against each store presswatch supports.

- sqlite: a fresh file under tmp_path;
- osmem: ElasticsearchBackend against one osmem-server (in-memory, Elasticsearch REST API) started
  for the session; each test gets its own index prefix. osmem answers the official client's
  `compatible-with` media types with 406, so these tests use the plain-JSON node;
- es: a real cluster, only when PRESSWATCH_TEST_ES_URL is set (e.g. http://localhost:9200 or
  opensearch+https://user:pass@host:9200); its indices are deleted after each test.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from osmem_server import OsmemServer

from index.base import Backend
from index.elasticsearch import ElasticsearchBackend
from index.es_mappings import KINDS
from index.es_transport import PlainJsonNode
from index.sqlite import SqliteBackend

REAL_ES_URL = os.environ.get("PRESSWATCH_TEST_ES_URL", "")

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("osmem", id="osmem", marks=pytest.mark.es),
    pytest.param("es", id="es", marks=[pytest.mark.es, pytest.mark.skipif(
        not REAL_ES_URL, reason="set PRESSWATCH_TEST_ES_URL to run the contract against a real cluster")]),
]


@pytest.fixture(scope="session")
def osmem_server() -> Iterator[OsmemServer]:
    """One in-memory server on a free port for the whole session (overrides the plugin's fixture)."""
    server = OsmemServer.start(japanese=False)
    yield server
    server.close()


def drop_prefix(backend: ElasticsearchBackend) -> None:
    """Delete what setup() created for this prefix: indices, index templates, component template.

    By name, never by wildcard (Elasticsearch 8+ refuses wildcard deletes by default)."""
    client = backend.client.options(ignore_status=404)
    client.indices.delete(index=",".join(backend.index_name(kind) for kind in KINDS), ignore_unavailable=True)
    for kind in KINDS:
        client.indices.delete_index_template(name=backend.alias(kind))
    client.cluster.delete_component_template(name=f"{backend.prefix}-shared")


@pytest.fixture
def drop_es() -> Callable[[ElasticsearchBackend], None]:
    """For tests that open their own ElasticsearchBackend: call it on the backend when done."""
    return drop_prefix


def es_backend(url: str, **kwargs: object) -> ElasticsearchBackend:
    return ElasticsearchBackend(url, prefix=f"pwtest-{uuid.uuid4().hex[:12]}", **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def osmem_backend(osmem_server: OsmemServer) -> Iterator[ElasticsearchBackend]:
    backend = es_backend(osmem_server.url, node_class=PlainJsonNode)
    backend.setup()
    yield backend
    drop_prefix(backend)
    backend.close()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    if request.param == "sqlite":
        store = SqliteBackend(tmp_path / "pw.sqlite3")
        store.setup()
        yield store
        store.close()
        return
    if request.param == "osmem":
        yield request.getfixturevalue("osmem_backend")
        return
    remote = es_backend(REAL_ES_URL)
    remote.setup()
    yield remote
    drop_prefix(remote)
    remote.close()
