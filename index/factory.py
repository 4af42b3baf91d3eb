"""Pick the backend named by the settings."""

from __future__ import annotations

from index.base import Backend, BackendError
from index.sqlite import SqliteBackend
from presswatch.settings import Settings, is_remote_backend, redact_url


def open_backend(settings: Settings) -> Backend:
    if is_remote_backend(settings.backend):
        raise BackendError(
            f"backend {redact_url(settings.backend)}: the Elasticsearch/OpenSearch backend is not part of this"
            " release yet; unset PRESSWATCH_BACKEND (or set it to a file path) to use the embedded SQLite store"
        )
    backend = SqliteBackend(settings.sqlite_path)
    backend.setup()
    return backend
