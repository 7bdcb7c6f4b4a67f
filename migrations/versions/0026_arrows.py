"""Strategy-map arrows apart from the ANP network's links: each existing link between two objectives is
copied as an arrow, so every map keeps its arrows and every network its links.

Revision ID: 0026_arrows
Revises: 0024_hardening
Create Date: 2026-12-06 10:10:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0026_arrows'
down_revision = '0024_hardening'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('strategy_arrows',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('cause_id', sa.Integer(), nullable=False),
    sa.Column('effect_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['cause_id'], ['elements.id'], ),
    sa.ForeignKeyConstraint(['effect_id'], ['elements.id'], ),
    sa.ForeignKeyConstraint(['version_id'], ['scorecard_versions.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('version_id', 'cause_id', 'effect_id')
    )
    with op.batch_alter_table('strategy_arrows', schema=None) as batch_op:
        batch_op.create_index('ix_strategy_arrows_version_id', ['version_id'], unique=False)
    op.execute(
        "INSERT INTO strategy_arrows (version_id, cause_id, effect_id) "
        "SELECT DISTINCT i.version_id, i.source_id, i.target_id FROM influences i "
        "JOIN elements s ON s.id = i.source_id JOIN elements t ON t.id = i.target_id "
        "WHERE s.kind = 'objective' AND t.kind = 'objective'")


def downgrade() -> None:
    op.drop_table('strategy_arrows')
