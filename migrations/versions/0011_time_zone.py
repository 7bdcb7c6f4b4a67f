"""Organisation time zone: round times are entered and shown on the office's wall clock.

Rounds already stored keep their instants: nothing tells how each was entered.

Revision ID: 0011_time_zone
Revises: 0009_outbox_retries
Create Date: 2026-11-29 19:20:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0011_time_zone'
down_revision = '0009_outbox_retries'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('time_zone', sa.String(length=64), nullable=False,
                                      server_default='Asia/Jakarta'))


def downgrade() -> None:
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.drop_column('time_zone')
