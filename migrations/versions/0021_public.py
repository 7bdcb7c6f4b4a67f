"""Public satisfaction rounds: a round's anonymous link and daily cap, and the visits answering it.

A response belongs to an invitation or to a public visit, so responses.invitation_id becomes nullable.

Revision ID: 0021_public
Revises: 0022_contact
Create Date: 2026-11-29 22:10:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0021_public'
down_revision = '0022_contact'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('rounds', schema=None) as batch_op:
        batch_op.add_column(sa.Column('public_slug', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('public_daily_cap', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_rounds_public_slug'), ['public_slug'], unique=True)
    op.create_table(
        'public_visits',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('round_id', sa.Integer(), nullable=False),
        sa.Column('submission', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('discarded_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('discarded_by', sa.String(length=254), nullable=False),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id']),
        sa.ForeignKeyConstraint(['round_id'], ['rounds.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('submission'),
    )
    with op.batch_alter_table('public_visits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_public_visits_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_public_visits_round_id'), ['round_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_public_visits_created_at'), ['created_at'], unique=False)
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.alter_column('invitation_id', existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column('visit_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_responses_visit_id', 'public_visits', ['visit_id'], ['id'])
        batch_op.create_index(batch_op.f('ix_responses_visit_id'), ['visit_id'], unique=False)


def downgrade() -> None:
    op.execute("DELETE FROM responses WHERE visit_id IS NOT NULL")
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_responses_visit_id'))
        batch_op.drop_constraint('fk_responses_visit_id', type_='foreignkey')
        batch_op.drop_column('visit_id')
        batch_op.alter_column('invitation_id', existing_type=sa.Integer(), nullable=False)
    op.drop_table('public_visits')
    with op.batch_alter_table('rounds', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rounds_public_slug'))
        batch_op.drop_column('public_daily_cap')
        batch_op.drop_column('public_slug')
