"""Given weights: the number HR (or a decree) gave each element, and where a version's weights came from.

Versions whose weights a round published are marked as such.

Revision ID: 0016_given_weights
Revises: 0012_users
Create Date: 2026-11-29 20:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0016_given_weights'
down_revision = '0012_users'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('elements', schema=None) as batch_op:
        batch_op.add_column(sa.Column('given_weight', sa.Float(), nullable=True))
    with op.batch_alter_table('scorecard_versions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('weights_source', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('weights_note', sa.String(length=300), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('weights_published_by', sa.String(length=254), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('weights_published_at', sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE scorecard_versions SET weights_source = 'round' WHERE weights_round_id IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table('scorecard_versions', schema=None) as batch_op:
        for column in ('weights_published_at', 'weights_published_by', 'weights_note', 'weights_source'):
            batch_op.drop_column(column)
    with op.batch_alter_table('elements', schema=None) as batch_op:
        batch_op.drop_column('given_weight')
