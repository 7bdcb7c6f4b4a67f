"""Predikat bands and traffic-light thresholds per organisation (issue 16).

Existing organisations keep today's behaviour: no bands stored (the default preset) and lights at 4 and 8.

Revision ID: 0014_bands
Revises: 0016_given_weights
Create Date: 2026-11-29 20:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0014_bands'
down_revision = '0016_given_weights'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('predikat_bands', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('light_red_below', sa.Float(), nullable=False, server_default='4'))
        batch_op.add_column(sa.Column('light_yellow_below', sa.Float(), nullable=False, server_default='8'))


def downgrade() -> None:
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.drop_column('light_yellow_below')
        batch_op.drop_column('light_red_below')
        batch_op.drop_column('predikat_bands')
