"""The Perjanjian Kinerja's two signatories per organisation, and each scorecard version's programmes with
their budget (anggaran, rupiah) linked to the objectives (sasaran) they serve.

Revision ID: 0027_pk
Revises: 0027_delphi
Create Date: 2026-12-06 10:50:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0027_pk'
down_revision = '0027_delphi'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pk_signatories', sa.JSON(), nullable=True))
    op.create_table('programmes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('budget', sa.Float(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], ),
    sa.ForeignKeyConstraint(['version_id'], ['scorecard_versions.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('version_id', 'code')
    )
    with op.batch_alter_table('programmes', schema=None) as batch_op:
        batch_op.create_index('ix_programmes_organisation_id', ['organisation_id'], unique=False)
        batch_op.create_index('ix_programmes_version_id', ['version_id'], unique=False)
    op.create_table('programme_objectives',
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('element_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], ),
    sa.ForeignKeyConstraint(['element_id'], ['elements.id'], ),
    sa.PrimaryKeyConstraint('programme_id', 'element_id')
    )


def downgrade() -> None:
    op.drop_table('programme_objectives')
    op.drop_table('programmes')
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.drop_column('pk_signatories')
