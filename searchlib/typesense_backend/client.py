"""The Typesense client, and its failures as searchdocs errors.

One place decides what a failure means: a missing collection, a refused key, a bad request
(a bug here, reported as such), or a cluster that is unreachable or between leaders
(*transient*: writers retry it, see :mod:`.writer`).
"""

from __future__ import annotations

import warnings
from contextlib import contextmanager
from typing import Any, Iterator

from ..errors import BackendError, IndexNotFoundError
from .config import TypesenseConfig

#: Seconds one request may take; an import batch gets more.
REQUEST_TIMEOUT = 5.0
IMPORT_TIMEOUT = 60.0


#: Seconds before a node that failed is tried again.
HEALTHCHECK_SECONDS = 2


def make_client(config: TypesenseConfig, *, timeout: float = REQUEST_TIMEOUT, retries: int = 3) -> Any:
    """A ``typesense.Client`` for ``config``; it fails over between the nodes by itself."""
    try:
        import typesense
    except ImportError:
        raise BackendError("the Typesense backend needs the 'typesense' client package",
                           hint="pip install 'searchdocs[typesense]'") from None
    with _quiet():
        return typesense.Client({"nodes": config.client_nodes(), "api_key": config.api_key,
                                 "connection_timeout_seconds": timeout, "num_retries": retries,
                                 "retry_interval_seconds": 0.2,
                                 # The client's default (60 s) keeps nodes that failed during a
                                 # leader election out of rotation for a minute: with every node
                                 # briefly marked down it then only tries the dead leader.
                                 "healthcheck_interval_seconds": HEALTHCHECK_SECONDS})


def collection(client: Any, name: str) -> Any:
    """``client.collections[name]``."""
    with _quiet():
        return client.collections[name]


@contextmanager
def _quiet() -> Iterator[None]:
    """Silence the client's notices about Typesense v30 endpoints searchdocs never calls."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"typesense\.")
        yield


def is_transient(exc: BaseException) -> bool:
    """True for failures that a retry may cure: no connection, timeouts, 5xx (no leader)."""
    import typesense.exceptions as E

    if isinstance(exc, (E.ServerError, E.ServiceUnavailable, E.HTTPStatus0Error, E.Timeout)):
        return True
    if isinstance(exc, E.TypesenseClientError):
        return type(exc) is E.TypesenseClientError  # "All nodes are unhealthy"
    try:
        import httpx
    except ImportError:  # pragma: no cover - the client depends on httpx
        return isinstance(exc, OSError)
    return isinstance(exc, (httpx.HTTPError, OSError))


def translate_error(exc: BaseException, config: TypesenseConfig, collection: str | None = None) -> Exception:
    """The searchdocs error for a client failure (the exception itself for anything else)."""
    import typesense.exceptions as E

    where = config.url()
    if isinstance(exc, E.ObjectNotFound) and collection:
        return IndexNotFoundError(f"no collection '{collection}' at {where}",
                                  hint=f"create it with 'searchdocs index --backend {config.url()}' "
                                       f"or 'searchdocs sync --from index --to {config.url()}'")
    if isinstance(exc, (E.RequestUnauthorized, E.RequestForbidden)):
        return BackendError(f"the Typesense cluster at {where} refused the API key",
                            hint="check the key in the URL (or TYPESENSE_API_KEY)")
    if is_transient(exc):
        detail = str(exc).strip() or type(exc).__name__
        return BackendError(f"the Typesense cluster at {where} does not answer: {detail}",
                            hint="check that its servers run and the URL names them; "
                                 "searchdocs retries each node before giving up")
    if isinstance(exc, E.TypesenseClientError):
        return BackendError(f"Typesense at {where} rejected a request: {type(exc).__name__}: {exc}",
                            hint="the cluster must run Typesense 0.24 or newer")
    return exc  # type: ignore[return-value]
