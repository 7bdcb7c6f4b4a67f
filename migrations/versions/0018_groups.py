"""Comparison groups: per scorecard version, which elements a weighting round compares together.

Objectives by perspective (default) or all together; KPIs by objective (default), by perspective or
all together (survey/services/groups.py says how their weights make the global weights).

Revision ID: 0018_groups
Revises: 0020_ikm
Create Date: 2026-11-29 22:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0018_groups'
down_revision = '0020_ikm'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('scorecard_versions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('objective_groups', sa.String(length=20), nullable=False,
                                      server_default='perspective'))
        batch_op.add_column(sa.Column('kpi_groups', sa.String(length=20), nullable=False, server_default='objective'))


def downgrade() -> None:
    with op.batch_alter_table('scorecard_versions', schema=None) as batch_op:
        batch_op.drop_column('kpi_groups')
        batch_op.drop_column('objective_groups')
