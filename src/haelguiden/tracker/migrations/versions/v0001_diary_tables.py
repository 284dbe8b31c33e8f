"""Create the diary tables: diaries (one per private link) and diary_entries.

Revision ID: 0001
Revises:
Create Date: 2026-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels: tuple[str, ...] | None = None
depends_on: tuple[str, ...] | None = None


def upgrade() -> None:
    """Create ``diaries`` and ``diary_entries`` with their constraints and indexes."""
    op.create_table(
        "diaries",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created", sa.Date(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("condition_id", sa.String(64), nullable=True),
        sa.Column("triage_level", sa.String(16), nullable=True),
        sa.Column("last_activity", sa.Date(), nullable=False),
        sa.CheckConstraint("lang IN ('da', 'en')", name="ck_diaries_lang"),
        sa.CheckConstraint(
            "triage_level IS NULL OR "
            "triage_level IN ('emergency', 'urgent', 'gp', 'professional', 'self_care')",
            name="ck_diaries_triage_level",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_diaries"),
        sa.UniqueConstraint("token_hash", name="uq_diaries_token_hash"),
    )
    op.create_index("ix_diaries_last_activity", "diaries", ["last_activity"])
    op.create_table(
        "diary_entries",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("diary_id", sa.String(32), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("worst_pain", sa.SmallInteger(), nullable=False),
        sa.Column("first_step_pain", sa.SmallInteger(), nullable=True),
        sa.Column("exercises", sa.JSON(), nullable=False),
        sa.Column("activity", sa.String(200), nullable=False),
        sa.Column("note", sa.String(1000), nullable=False),
        sa.CheckConstraint("worst_pain BETWEEN 0 AND 10", name="ck_diary_entries_worst_pain"),
        sa.CheckConstraint(
            "first_step_pain IS NULL OR first_step_pain BETWEEN 0 AND 10",
            name="ck_diary_entries_first_step_pain",
        ),
        sa.ForeignKeyConstraint(
            ["diary_id"],
            ["diaries.id"],
            name="fk_diary_entries_diary_id_diaries",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_diary_entries"),
    )
    op.create_index("ix_diary_entries_diary_id_date", "diary_entries", ["diary_id", "date"])


def downgrade() -> None:
    """Drop both tables (every diary is lost)."""
    op.drop_index("ix_diary_entries_diary_id_date", table_name="diary_entries")
    op.drop_table("diary_entries")
    op.drop_index("ix_diaries_last_activity", table_name="diaries")
    op.drop_table("diaries")
