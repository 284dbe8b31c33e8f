"""The access log: method, route template and status, and nothing that says what a person answered.

A path can say a lot: ``/tjek/quinolone_when`` is only asked after a ticked quinolone answer, and a
diary's path holds the private token that opens it. So the log names the route's template
(``POST /tjek/{question_id} 303``, ``GET /dagbog/{token} 200``), never the path, the query string or the
client address. A request that matched no route is logged as ``(no route)``. The health and readiness checks
are not logged at all (a load balancer calls them every few seconds). Request bodies and cookies are never
logged anywhere.

uvicorn's own access log is switched off (``access_log=False``); :class:`AccessLogMiddleware`, the
outermost middleware, writes to the ``haelguiden.access`` logger instead.
"""

from __future__ import annotations

import copy
import logging
from typing import Any

from starlette.routing import Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.config import LOGGING_CONFIG

ACCESS_LOGGER = "haelguiden.access"
#: Paths whose requests are not logged.
UNLOGGED_PATHS = frozenset({"/api/v1/health", "/api/v1/ready"})
NO_ROUTE = "(no route)"
STATIC_PREFIX = "/static"

access_logger = logging.getLogger(ACCESS_LOGGER)


def route_template(scope: Scope) -> str:
    """The template of the route that handled the request (``/dagbog/{token}``), or ``(no route)``."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if isinstance(route, Mount) or (route is None and scope.get("path", "").startswith(STATIC_PREFIX + "/")):
        return STATIC_PREFIX + "/{path}"  # file names of the app's own stylesheets and drawings
    return path if isinstance(path, str) else NO_ROUTE


class AccessLogMiddleware:
    """Logs ``METHOD /route/{template} STATUS`` for every HTTP request but the health checks."""

    def __init__(self, app: ASGIApp) -> None:
        """Wrap ``app``."""
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on; log once the response has started."""
        if scope["type"] != "http" or scope["path"] in UNLOGGED_PATHS:
            await self.app(scope, receive, send)
            return
        status = 500

        async def send_and_note(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        finally:
            access_logger.info("%s %s %d", scope["method"], route_template(scope), status)


def log_config() -> dict[str, Any]:
    """uvicorn's logging configuration plus the ``haelguiden.access`` logger (uvicorn's access log unused)."""
    config: dict[str, Any] = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"][ACCESS_LOGGER] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config
