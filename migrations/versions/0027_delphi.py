"""A feedback (Delphi) pass of a closed weighting round: when it was opened, who was asked to review, and
each page a respondent reviewed with their reason (the first pass's judgments stay as they were given).

Revision ID: 0027_delphi
Revises: 0026_arrows
Create Date: 2026-12-06 10:50:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0027_delphi'
down_revision = '0026_arrows'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('rounds', schema=None) as batch_op:
        batch_op.add_column(sa.Column('feedback_at', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('feedback_invited_at', sa.DateTime(timezone=True), nullable=True))
    op.create_table('feedback_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('invitation_id', sa.Integer(), nullable=False),
    sa.Column('cluster', sa.String(length=30), nullable=False),
    sa.Column('status_before', sa.String(length=20), nullable=False),
    sa.Column('changed', sa.JSON(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['invitation_id'], ['invitations.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('invitation_id', 'cluster', name='uq_feedback_reviews_page')
    )
    with op.batch_alter_table('feedback_reviews', schema=None) as batch_op:
        batch_op.create_index('ix_feedback_reviews_invitation_id', ['invitation_id'], unique=False)


def downgrade() -> None:
    op.drop_table('feedback_reviews')
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.drop_column('feedback_invited_at')
    with op.batch_alter_table('rounds', schema=None) as batch_op:
        batch_op.drop_column('feedback_at')
