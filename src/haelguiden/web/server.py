"""Serving the web app with several uvicorn worker processes on one listening socket."""

from __future__ import annotations

import socket
from typing import Any

import uvicorn
from uvicorn.supervisors import Multiprocess


class NoDelayConfig(uvicorn.Config):
    """uvicorn's configuration, with Nagle's algorithm off on the shared listening socket.

    With ``--workers N`` uvicorn binds the socket itself and leaves its protocol number at 0, so asyncio
    does not set ``TCP_NODELAY`` on the connections it accepts (uvicorn issue #3149). A response written in
    two parts (head, then body) then waits for the client's delayed ACK: about 40 ms on every keep-alive
    request after the first, which made two workers slower than one. On Linux an accepted connection
    inherits ``TCP_NODELAY`` from the listening socket, so setting it there is enough.
    """

    def bind_socket(self) -> socket.socket:
        """The listening socket, as uvicorn binds it, with ``TCP_NODELAY`` set for TCP."""
        sock = super().bind_socket()
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock


def run_workers(app: str, workers: int, **options: Any) -> None:
    """Run ``app`` (an import string of an app factory) in ``workers`` processes sharing one socket.

    The same as ``uvicorn.run(app, factory=True, workers=workers, ...)``, but with the socket of
    :class:`NoDelayConfig`.
    """
    config = NoDelayConfig(app, factory=True, workers=workers, **options)
    sock = config.bind_socket()
    Multiprocess(config, sockets=[sock]).run()
