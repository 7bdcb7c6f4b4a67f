"""Invitations without email: a person's email becomes optional, and a phone number is kept.

Revision ID: 0022_contact
Revises: 0017_rating
Create Date: 2026-11-29 22:10:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0022_contact'
down_revision = '0017_rating'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The unique (organisation_id, email) constraint stays: NULLs never collide in SQLite nor PostgreSQL.
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.alter_column('email', existing_type=sa.String(length=254), nullable=True)
        batch_op.add_column(sa.Column('phone', sa.String(length=20), nullable=True))


def downgrade() -> None:
    # People without email cannot go back to a table that requires one: refuse rather than invent addresses.
    connection = op.get_bind()
    if connection.execute(sa.text("SELECT COUNT(*) FROM people WHERE email IS NULL")).scalar():
        raise RuntimeError("some people have no email: give them one before downgrading below 0022_contact")
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_column('phone')
        batch_op.alter_column('email', existing_type=sa.String(length=254), nullable=False)
