"""The follow-up plan (rencana tindak lanjut) of a satisfaction round: per unsur the action, the unit
responsible, the due date, and later its status and what was done. A satisfaction round's period is the
round's existing period code (2026, 2026-S1, 2026-Q2), checked to be a year, semester or quarter.

Revision ID: 0028_skmtrend
Revises: 0028_counter
Create Date: 2026-12-06 13:15:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0028_skmtrend'
down_revision = '0028_counter'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('skm_follow_ups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('unsur', sa.String(length=4), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('unit', sa.String(length=200), nullable=False),
    sa.Column('due', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('done', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], ),
    sa.ForeignKeyConstraint(['round_id'], ['rounds.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('skm_follow_ups', schema=None) as batch_op:
        batch_op.create_index('ix_skm_follow_ups_organisation_id', ['organisation_id'], unique=False)
        batch_op.create_index('ix_skm_follow_ups_round_id', ['round_id'], unique=False)


def downgrade() -> None:
    op.drop_table('skm_follow_ups')
