"""Measurements as separate facts: a row says which values it clears, blank ones are unchanged.

Target, actual and each formula input are facts of their own: the current value of each is the newest
row that gives or clears it. ``cleared`` lists the facts a row clears on purpose ("target", "actual",
"input:<name>"); before this, the newest row won whole and a blank erased a stored value.

Revision ID: 0023_facts
Revises: 0019_network
Create Date: 2026-12-06 06:30:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0023_facts'
down_revision = '0019_network'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('measurements', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cleared', sa.JSON(), server_default=sa.text("'[]'"), nullable=False))
        batch_op.create_index('ix_measurements_element_period', ['element_id', 'period'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('measurements', schema=None) as batch_op:
        batch_op.drop_index('ix_measurements_element_period')
        batch_op.drop_column('cleared')
