"""Stored documents (a report job of kind "document": which document, the fingerprint of what it was built
from, its HTML until printed) and indexes that keep a round's answers read within the round.

Revision ID: 0028_docstore
Revises: 0028_skmtrend
Create Date: 2026-12-06 13:20:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0028_docstore'
down_revision = '0028_skmtrend'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('report_jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('document', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('key', sa.String(length=64), server_default='', nullable=False))
        batch_op.add_column(sa.Column('source', sa.Text(), nullable=True))
        batch_op.create_index('ix_report_jobs_document', ['organisation_id', 'document', 'key'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('report_jobs', schema=None) as batch_op:
        batch_op.drop_index('ix_report_jobs_document')
        batch_op.drop_column('source')
        batch_op.drop_column('key')
        batch_op.drop_column('document')
