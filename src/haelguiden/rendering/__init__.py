"""Renderers that turn engine objects into files (PDF) for people to keep."""
