"""Keep the plan traits a diary's plan depends on: "runner" and "overweight" (running and weight advice).

The plan gives running advice only to runners and weight advice only to people who say they are
overweight, so a diary must know which of these its plan had to show the same plan the result page did.
Only the trait ids are kept (sorted, joined by commas), never the answers. Existing diaries get "" (no
traits), which is what their plan showed before traits existed for all but runners and overweight people.

Added and dropped with plain ``ALTER TABLE`` on both databases, as in migration 0002 (no table copy).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"
branch_labels: tuple[str, ...] | None = None
depends_on: tuple[str, ...] | None = None


def upgrade() -> None:
    """Add ``plan_traits`` ("" for existing diaries) to ``diaries``."""
    op.add_column("diaries", sa.Column("plan_traits", sa.String(200), nullable=False, server_default=""))


def downgrade() -> None:
    """Drop the column again (the diaries and their entries stay)."""
    op.drop_column("diaries", "plan_traits")
