"""Evidence: files attached to a KPI's period (PDF, images, spreadsheets), kept in the database.

Revision ID: 0025_evidence
Revises: 0023_facts
Create Date: 2026-12-06 07:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0025_evidence'
down_revision = '0023_facts'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('element_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=20), nullable=False),
    sa.Column('filename', sa.String(length=200), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('uploaded_by', sa.String(length=254), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['element_id'], ['elements.id'], ),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index('ix_evidence_organisation_id', ['organisation_id'], unique=False)
        batch_op.create_index('ix_evidence_element_period', ['element_id', 'period'], unique=False)


def downgrade() -> None:
    op.drop_table('evidence')
