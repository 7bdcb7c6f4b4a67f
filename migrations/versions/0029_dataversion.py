"""Each organisation's data version, and a stored document's shortcut (the cheap key of the last request that
led to it), so a document once built is served without building its view model again.

Revision ID: 0029_dataversion
Revises: 0028_docstore
Create Date: 2026-12-06 16:40:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0029_dataversion'
down_revision = '0028_docstore'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('data_version', sa.String(length=32), server_default='', nullable=False))
    with op.batch_alter_table('report_jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('shortcut', sa.String(length=64), server_default='', nullable=False))
        batch_op.create_index('ix_report_jobs_shortcut', ['organisation_id', 'shortcut'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('report_jobs', schema=None) as batch_op:
        batch_op.drop_index('ix_report_jobs_shortcut')
        batch_op.drop_column('shortcut')
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.drop_column('data_version')
