"""Serving the web app with several uvicorn worker processes, each on its own listening socket.

uvicorn's ``--workers`` shares one listening socket between the workers, and whichever worker wakes first
accepts every connection waiting in it (asyncio accepts a whole batch at once). Clients that keep their
connections open (a proxy's upstream keep-alive pool, a load generator) then stay on one worker while the
other idles: measured with wrk, 50 connections all went to one of two workers, and two workers served no
more than one. Here every worker has its own socket on the same port (``SO_REUSEPORT``) and the kernel
spreads new connections over them evenly. A small supervisor starts the workers, restarts one that dies
and stops them all on SIGINT or SIGTERM. It keeps no copy of the sockets: a worker's socket closes with
the worker, so while it is being replaced new connections go to the others instead of waiting for it.
"""

from __future__ import annotations

import functools
import logging
import multiprocessing.connection
import signal
import socket
import threading
from multiprocessing.context import SpawnProcess
from types import FrameType
from typing import Any

import uvicorn
from uvicorn._subprocess import get_subprocess
from uvicorn.config import STARTUP_FAILURE

from haelguiden.errors import ConfigError

logger = logging.getLogger("uvicorn.error")

#: How long stopping workers may take before they are killed (seconds).
STOP_TIMEOUT = 20.0


def _no_delay(sock: socket.socket) -> socket.socket:
    """Nagle's algorithm off on a listening socket (its accepted connections inherit it on Linux).

    asyncio sets ``TCP_NODELAY`` itself only on connections from a socket it bound, and a response written in
    two parts (head, then body) would otherwise wait for the client's delayed ACK: about 40 ms on every
    keep-alive request after the first (what uvicorn's own ``--workers`` socket does: uvicorn issue #3149).
    """
    if sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def reuse_port_sockets(host: str, port: int, count: int, check_free: bool = True) -> list[socket.socket]:
    """``count`` TCP sockets bound to the same ``host``:``port`` with ``SO_REUSEPORT``, one per worker.

    Port 0 takes a free port for the first and binds the others to the same one. Each socket has
    ``TCP_NODELAY`` (see :func:`_no_delay`) and is inheritable by the worker processes.
    ``check_free``: first make sure nothing listens on the port yet (off when adding a worker's socket).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    if port and check_free:
        # Sockets with SO_REUSEPORT would join another server already listening on the port with it (a
        # second Hælguiden started by mistake) and share its traffic; a plain bind refuses that.
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((host, port))
            except OSError as exc:
                raise ConfigError(
                    f"cannot listen on {host}:{port}: {exc.strerror}; choose another --port"
                ) from None
    sockets: list[socket.socket] = []
    try:
        for _ in range(count):
            sock = socket.socket(family, socket.SOCK_STREAM)
            sockets.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            sock.bind((host, port))
            port = sock.getsockname()[1]
            sock.set_inheritable(True)
            _no_delay(sock)
    except OSError as exc:
        for sock in sockets:
            sock.close()
        raise ConfigError(
            f"cannot listen on {host}:{port}: {exc.strerror}; choose another --host or --port"
        ) from None
    return sockets


def _serve(config: uvicorn.Config, sockets: list[socket.socket]) -> None:
    """A worker process: one uvicorn server on the socket it was given."""
    uvicorn.Server(config).run(sockets)


class Workers:
    """A supervisor of uvicorn worker processes, each with its own socket on one address."""

    def __init__(self, config: uvicorn.Config, sockets: list[socket.socket]) -> None:
        self.config = config
        self.host = config.host
        self.port = int(sockets[0].getsockname()[1])
        self.sockets = sockets  # handed to the workers at the start, then closed here
        self.processes: list[SpawnProcess] = []
        self.should_exit = threading.Event()
        self.failed = False

    def _start(self, sock: socket.socket) -> SpawnProcess:
        target = functools.partial(_serve, self.config)
        process = get_subprocess(self.config, target=target, sockets=[sock])
        process.start()  # the worker has its own copy of the socket from here on
        sock.close()
        return process

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        self.should_exit.set()

    def run(self) -> int:
        """Serve until SIGINT or SIGTERM; the exit status (3 when a worker could not start)."""
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self._on_signal)
        self.processes = [self._start(sock) for sock in self.sockets]
        while not self.should_exit.is_set():
            multiprocessing.connection.wait([p.sentinel for p in self.processes], timeout=0.5)
            if not self.should_exit.is_set():
                self._keep_alive()
        self._stop_all()
        return STARTUP_FAILURE if self.failed else 0

    def _keep_alive(self) -> None:
        for index, process in enumerate(self.processes):
            if process.is_alive():
                continue
            process.join()
            if process.exitcode == STARTUP_FAILURE:
                # the app or its settings are broken: every restart would fail the same way
                logger.error("Worker [%s] failed to start; stopping.", process.pid)
                self.failed = True
                self.should_exit.set()
                return
            logger.warning(
                "Worker [%s] ended (exit code %s); starting a new one.", process.pid, process.exitcode
            )
            try:
                (sock,) = reuse_port_sockets(self.host, self.port, 1, check_free=False)
            except ConfigError as exc:
                logger.error("Cannot replace worker [%s]: %s; stopping.", process.pid, exc)
                self.failed = True
                self.should_exit.set()
                return
            self.processes[index] = self._start(sock)

    def _stop_all(self) -> None:
        for process in self.processes:
            if process.is_alive():
                process.terminate()
        for process in self.processes:
            process.join(STOP_TIMEOUT)
            if process.is_alive():
                process.kill()
                process.join()


def run_workers(app: str, workers: int, **options: Any) -> int:
    """Run ``app`` (an import string of an app factory) in ``workers`` processes, one socket each.

    ``options`` are uvicorn's (host, port, logging …). Returns the exit status. Raises ``ConfigError``
    when the address cannot be listened on.
    """
    if not hasattr(socket, "SO_REUSEPORT"):  # not Linux or BSD: uvicorn's own workers on one shared socket
        uvicorn.run(app, factory=True, workers=workers, **options)
        return 0
    config = uvicorn.Config(app, factory=True, workers=workers, **options)
    sockets = reuse_port_sockets(config.host, config.port, workers)
    logger.info(
        "Serving on http://%s:%s with %d workers, one socket each",
        config.host,
        sockets[0].getsockname()[1],
        workers,
    )
    return Workers(config, sockets).run()
