"""Logging for ``haelguiden serve``: uvicorn's access log without query strings or client addresses.

A query string can hold what a person typed (a search, a postcode); a client address identifies them.
Neither is needed to run the service, so neither is written. Request bodies and cookies are never logged
anywhere.
"""

from __future__ import annotations

import copy
import logging
from typing import Any

from uvicorn.config import LOGGING_CONFIG

from haelguiden.web.urls import mask_token

_ACCESS_ARGS = 5  # uvicorn.access: (client address, method, full path, HTTP version, status code)


class PathOnlyAccessFilter(logging.Filter):
    """Rewrites uvicorn access records to ``- "GET /path HTTP/1.1" 200`` (no query, no address)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Strip the query string and the client address; always keep the record."""
        if isinstance(record.args, tuple) and len(record.args) == _ACCESS_ARGS:
            _client, method, path, version, status = record.args
            # A diary's path holds its private token, which opens the diary: masked too.
            record.args = ("-", method, mask_token(str(path).split("?", 1)[0]), version, status)
        return True


def log_config() -> dict[str, Any]:
    """uvicorn's default logging configuration with :class:`PathOnlyAccessFilter` on the access log."""
    config: dict[str, Any] = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["path_only"] = {"()": PathOnlyAccessFilter}
    config["handlers"]["access"]["filters"] = ["path_only"]
    return config
