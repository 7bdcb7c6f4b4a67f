"""Periods from a calendar: the organisation's kinds of period per year, and how a KPI's longer period
follows from its parts (a year's actual as the sum, mean or last of its quarters').

Revision ID: 0024_periods
Revises: 0023_facts
Create Date: 2026-12-06 07:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0024_periods'
down_revision = '0024_cycle'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('period_calendar', sa.JSON(), nullable=True))
    with op.batch_alter_table('elements', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rollup', sa.String(length=10), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('elements', schema=None) as batch_op:
        batch_op.drop_column('rollup')
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.drop_column('period_calendar')
