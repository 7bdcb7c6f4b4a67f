"""Direct-rating rounds: the round's scale and mean, the ratings, and how many respondents made published weights.

Revision ID: 0017_rating
Revises: 0018_groups
Create Date: 2026-11-29 22:10:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0017_rating'
down_revision = '0018_groups'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'ratings',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('invitation_id', sa.Integer(), nullable=False),
        sa.Column('cluster', sa.String(length=30), nullable=False),
        sa.Column('element_id', sa.Integer(), nullable=False),
        sa.Column('value', sa.Float(), nullable=True),
        sa.Column('revision', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['invitation_id'], ['invitations.id']),
        sa.ForeignKeyConstraint(['element_id'], ['elements.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('invitation_id', 'element_id', 'revision'))
    op.create_index('ix_ratings_invitation_id', 'ratings', ['invitation_id'])
    with op.batch_alter_table('rounds', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rating_scale', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('rating_mean', sa.String(length=10), nullable=True))
    with op.batch_alter_table('scorecard_versions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('weights_respondents', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('scorecard_versions', schema=None) as batch_op:
        batch_op.drop_column('weights_respondents')
    with op.batch_alter_table('rounds', schema=None) as batch_op:
        batch_op.drop_column('rating_mean')
        batch_op.drop_column('rating_scale')
    op.drop_index('ix_ratings_invitation_id', table_name='ratings')
    op.drop_table('ratings')
