"""Users for real: disabled users, one-time set-password links, KPIs assigned to their owners.

Revision ID: 0012_users
Revises: 0011_time_zone
Create Date: 2026-11-29 20:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0012_users'
down_revision = '0011_time_zone'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('disabled_at', sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        'password_tokens',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('purpose', sa.String(length=10), nullable=False),
        sa.Column('token_nonce', sa.String(length=32), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id']),
        sa.ForeignKeyConstraint(['user_id'], ['users.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('token_hash'),
    )
    op.create_index('ix_password_tokens_organisation_id', 'password_tokens', ['organisation_id'])
    op.create_index('ix_password_tokens_user_id', 'password_tokens', ['user_id'])
    op.create_table(
        'kpi_owners',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('element_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id']),
        sa.ForeignKeyConstraint(['element_id'], ['elements.id']),
        sa.ForeignKeyConstraint(['user_id'], ['users.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('element_id', 'user_id'),
    )
    op.create_index('ix_kpi_owners_organisation_id', 'kpi_owners', ['organisation_id'])
    op.create_index('ix_kpi_owners_element_id', 'kpi_owners', ['element_id'])
    op.create_index('ix_kpi_owners_user_id', 'kpi_owners', ['user_id'])
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('password_token_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_outbox_password_token', 'password_tokens', ['password_token_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_constraint('fk_outbox_password_token', type_='foreignkey')
        batch_op.drop_column('password_token_id')
    op.drop_table('kpi_owners')
    op.drop_table('password_tokens')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('disabled_at')
