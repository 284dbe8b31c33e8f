"""Alembic migrations for the diary tables (run them with ``haelguiden.tracker.database.upgrade``)."""
