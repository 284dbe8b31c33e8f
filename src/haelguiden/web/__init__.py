"""The web entry point: server-rendered self-check pages, articles and the JSON API (``create_app``)."""

from haelguiden.web.app import create_app

__all__ = ["create_app"]
