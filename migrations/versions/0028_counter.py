"""Counter devices (a tablet's kiosk link and live screen of a satisfaction round, only the token's hash kept),
and which device each public answer came from.

Revision ID: 0028_counter
Revises: 0028_lkjip
Create Date: 2026-12-06 13:20:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0028_counter'
down_revision = '0028_lkjip'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('counter_devices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('service', sa.Integer(), nullable=True),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=254), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_by', sa.String(length=254), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], ),
    sa.ForeignKeyConstraint(['round_id'], ['rounds.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    with op.batch_alter_table('counter_devices', schema=None) as batch_op:
        batch_op.create_index('ix_counter_devices_organisation_id', ['organisation_id'], unique=False)
        batch_op.create_index('ix_counter_devices_round_id', ['round_id'], unique=False)
    with op.batch_alter_table('public_visits', schema=None) as batch_op:
        batch_op.add_column(sa.Column('counter_device_id', sa.Integer(), nullable=True))
        batch_op.create_index('ix_public_visits_counter_device_id', ['counter_device_id'], unique=False)
        batch_op.create_foreign_key('fk_public_visits_counter_device_id', 'counter_devices',
                                    ['counter_device_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('public_visits', schema=None) as batch_op:
        batch_op.drop_constraint('fk_public_visits_counter_device_id', type_='foreignkey')
        batch_op.drop_index('ix_public_visits_counter_device_id')
        batch_op.drop_column('counter_device_id')
    op.drop_table('counter_devices')
