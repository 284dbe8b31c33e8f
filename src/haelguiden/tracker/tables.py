"""The diary tables, portable across SQLite and PostgreSQL.

The migrations under ``migrations/versions`` create exactly these tables; a test compares the two on both
databases. Constraint names follow one naming convention so that later migrations can refer to them.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    MetaData,
    SmallInteger,
    String,
    Table,
    false,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

diaries = Table(
    "diaries",
    metadata,
    Column("id", String(32), primary_key=True),
    # SHA-256 of the link token, hex; the token itself is never stored.
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created", Date, nullable=False),
    Column("start_date", Date, nullable=False),
    Column("lang", String(2), nullable=False),
    Column("condition_id", String(64), nullable=True),
    Column("triage_level", String(16), nullable=True),
    Column("last_activity", Date, nullable=False),
    # What the diary's plan depends on besides the result (migration 0002), and nothing else of the
    # answers: the age group ("child", "adult", NULL when unknown), diabetes and numbness.
    # A column constraint, so SQLite can drop the column with it (see the migration).
    Column(
        "age_group",
        String(8),
        CheckConstraint("age_group IS NULL OR age_group IN ('child', 'adult')", name="age_group"),
        nullable=True,
    ),
    Column("diabetes", Boolean, nullable=False, server_default=false()),
    Column("numbness", Boolean, nullable=False, server_default=false()),
    # The plan traits the answers showed (migration 0003): sorted ids joined by commas, "" for none.
    Column("plan_traits", String(200), nullable=False, server_default=""),
    CheckConstraint("lang IN ('da', 'en')", name="lang"),
    CheckConstraint(
        "triage_level IS NULL OR triage_level IN ('emergency', 'urgent', 'gp', 'professional', 'self_care')",
        name="triage_level",
    ),
    Index("ix_diaries_last_activity", "last_activity"),
)

entries = Table(
    "diary_entries",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("diary_id", String(32), ForeignKey("diaries.id", ondelete="CASCADE"), nullable=False),
    Column("date", Date, nullable=False),
    Column("worst_pain", SmallInteger, nullable=False),
    Column("first_step_pain", SmallInteger, nullable=True),
    # A JSON list of exercise ids.
    Column("exercises", JSON, nullable=False),
    Column("activity", String(200), nullable=False),
    Column("note", String(1000), nullable=False),
    CheckConstraint("worst_pain BETWEEN 0 AND 10", name="worst_pain"),
    CheckConstraint("first_step_pain IS NULL OR first_step_pain BETWEEN 0 AND 10", name="first_step_pain"),
    Index("ix_diary_entries_diary_id_date", "diary_id", "date"),
)

# Read-only links to a diary's summary and chart (migration 0003). Each has its own token (only its SHA-256
# hash is stored) and goes with its diary. ``answers`` is the self-check the person chose to share with it
# (the engine's answers as JSON), or NULL: it is stored only because they shared it, and deleted with the
# link when they stop sharing.
shares = Table(
    "diary_shares",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("diary_id", String(32), ForeignKey("diaries.id", ondelete="CASCADE"), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created", Date, nullable=False),
    Column("answers", JSON, nullable=True),
    Index("ix_diary_shares_diary_id", "diary_id"),
)

__all__ = ["NAMING_CONVENTION", "diaries", "entries", "metadata", "shares"]
