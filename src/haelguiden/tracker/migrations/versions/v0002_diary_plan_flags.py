"""Keep the three facts a diary's plan depends on: age group, diabetes and numbness.

Without them a diary rebuilt the adult plan for everyone: a child lost the child plan, a person with
diabetes the foot advice, and a person with numb feet got ice advice. Only these three are kept, never the
answers (data minimisation). Existing diaries get no age group (unknown) and ``false`` for the two flags.

The columns are added and dropped with plain ``ALTER TABLE`` on both databases, never by copying the
table (SQLite's batch mode): dropping the old ``diaries`` table during the copy would cascade to every
diary entry, because foreign keys are on and cannot be switched off inside the migration's transaction.
The age group's check is a column constraint, so SQLite (3.35 or newer) can drop the column with it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-03-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: tuple[str, ...] | None = None
depends_on: tuple[str, ...] | None = None


def upgrade() -> None:
    """Add ``age_group`` (NULL for existing diaries), ``diabetes`` and ``numbness`` (false) to ``diaries``."""
    op.add_column(
        "diaries",
        sa.Column(
            "age_group",
            sa.String(8),
            sa.CheckConstraint(
                "age_group IS NULL OR age_group IN ('child', 'adult')",
                # op.f: the name is final; the naming convention would prefix it a second time.
                name=op.f("ck_diaries_age_group"),
            ),
            nullable=True,
        ),
    )
    op.add_column("diaries", sa.Column("diabetes", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("diaries", sa.Column("numbness", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    """Drop the three columns again (the diaries and their entries stay)."""
    op.drop_column("diaries", "numbness")
    op.drop_column("diaries", "diabetes")
    op.drop_column("diaries", "age_group")
