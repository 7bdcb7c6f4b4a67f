"""API tokens remember who made them: a token stops when its maker is disabled or removed.

Tokens made before are given their maker from the audit log (the administrator who created a token of
that name in that organisation); a token whose maker cannot be found keeps working as before.

Revision ID: 0024_hardening
Revises: 0019_network
Create Date: 2026-12-06 06:40:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0024_hardening'
down_revision = '0019_network'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.add_column(sa.Column('created_by_id', sa.Integer(), nullable=True))
        batch_op.create_index('ix_api_tokens_created_by_id', ['created_by_id'])
        batch_op.create_foreign_key('fk_api_tokens_created_by_id_users', 'users', ['created_by_id'], ['id'])
    op.execute(sa.text(
        "UPDATE api_tokens SET created_by_id = ("
        " SELECT users.id FROM audit_log JOIN users ON users.email = audit_log.actor_email"
        " AND users.organisation_id = audit_log.organisation_id"
        " WHERE audit_log.action = 'api_token_created' AND audit_log.subject = api_tokens.name"
        " AND audit_log.organisation_id = api_tokens.organisation_id"
        " ORDER BY audit_log.id DESC LIMIT 1)"))


def downgrade() -> None:
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.drop_constraint('fk_api_tokens_created_by_id_users', type_='foreignkey')
        batch_op.drop_index('ix_api_tokens_created_by_id')
        batch_op.drop_column('created_by_id')
