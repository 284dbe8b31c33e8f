"""Read-only share links: one row per link a person makes to show a clinician their summary and chart.

A share has its own 256-bit token, of which only the SHA-256 hash is stored (like a diary's), so a share
link can never open the diary itself. It is deleted with its diary (the foreign key cascades, and the
repository deletes shares first anyway) and when the person stops sharing. ``answers`` holds the
self-check the person chose to share with the link, or NULL.

Revision ID: 0003
Revises: 0002
Create Date: 2026-03-09
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels: tuple[str, ...] | None = None
depends_on: tuple[str, ...] | None = None


def upgrade() -> None:
    """Create ``diary_shares`` (the diaries and their entries are not touched)."""
    op.create_table(
        "diary_shares",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("diary_id", sa.String(32), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created", sa.Date(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["diary_id"],
            ["diaries.id"],
            name="fk_diary_shares_diary_id_diaries",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_diary_shares"),
        sa.UniqueConstraint("token_hash", name="uq_diary_shares_token_hash"),
    )
    op.create_index("ix_diary_shares_diary_id", "diary_shares", ["diary_id"])


def downgrade() -> None:
    """Drop ``diary_shares``: every share link stops working; the diaries and entries stay."""
    op.drop_index("ix_diary_shares_diary_id", table_name="diary_shares")
    op.drop_table("diary_shares")
