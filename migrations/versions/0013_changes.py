"""Changing one's mind: an audit log, participants removed from a round, people deactivated.

Revision ID: 0013_changes
Revises: 0014_bands
Create Date: 2026-11-29 20:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0013_changes'
down_revision = '0014_bands'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'audit_log',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('actor_email', sa.String(length=254), nullable=False),
        sa.Column('action', sa.String(length=40), nullable=False),
        sa.Column('subject', sa.String(length=300), nullable=False),
        sa.Column('details', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id']),
        sa.PrimaryKeyConstraint('id'))
    for column in ('organisation_id', 'created_at', 'actor_email', 'action'):
        op.create_index(f'ix_audit_log_{column}', 'audit_log', [column])
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('removed_at', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deactivated_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_column('deactivated_at')
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.drop_column('removed_at')
    for column in ('organisation_id', 'created_at', 'actor_email', 'action'):
        op.drop_index(f'ix_audit_log_{column}', 'audit_log')
    op.drop_table('audit_log')
