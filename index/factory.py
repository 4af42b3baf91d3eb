"""Pick the backend named by the settings."""

from __future__ import annotations

from index.base import Backend
from index.elasticsearch import ElasticsearchBackend
from index.sqlite import SqliteBackend
from presswatch.settings import Settings, is_remote_backend


def open_backend(settings: Settings) -> Backend:
    """sqlite for "" or a path; Elasticsearch for http(s)://; OpenSearch for opensearch+http(s)://.

    The store is set up (schema, templates, aliases) before it is returned, so a wrong URL or a
    server that is down fails here with a BackendError naming the (masked) URL."""
    backend: Backend
    if is_remote_backend(settings.backend):
        backend = ElasticsearchBackend(settings.backend)
    else:
        backend = SqliteBackend(settings.sqlite_path)
    backend.setup()
    return backend
