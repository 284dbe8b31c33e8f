"""Tests of the recovery diary (haelguiden.tracker and haelguiden.engine.recovery)."""
