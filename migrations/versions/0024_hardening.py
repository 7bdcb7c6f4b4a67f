"""API tokens remember who made them: a token stops when its maker is disabled or removed; and one-line
texts saved with a line break before they were refused are put on one line.

Tokens made before are given their maker from the audit log (the administrator who created a token of
that name in that organisation); a token whose maker cannot be found keeps working as before.

Revision ID: 0024_hardening
Revises: 0019_network
Create Date: 2026-12-06 06:40:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0024_hardening'
down_revision = '0024_periods'
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
    _one_line_texts()


def _one_line_texts() -> None:
    """CR and LF in every VARCHAR column (the models' String: names, titles, codes) become spaces: the site
    now refuses to save them, and a row holding one could otherwise not be copied or edited."""
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    for table in inspector.get_table_names():
        if table == 'alembic_version':
            continue
        for column in inspector.get_columns(table):
            if not isinstance(column['type'], sa.String) or isinstance(column['type'], sa.Text):
                continue
            name = bind.dialect.identifier_preparer.quote(column['name'])
            quoted = bind.dialect.identifier_preparer.quote(table)
            bind.execute(sa.text(
                f"UPDATE {quoted} SET {name} = replace(replace(replace({name}, :crlf, ' '), :cr, ' '), :lf, ' ')"
                f" WHERE {name} LIKE :has_cr OR {name} LIKE :has_lf"),
                {"crlf": "\r\n", "cr": "\r", "lf": "\n", "has_cr": "%\r%", "has_lf": "%\n%"})


def downgrade() -> None:
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.drop_constraint('fk_api_tokens_created_by_id_users', type_='foreignkey')
        batch_op.drop_index('ix_api_tokens_created_by_id')
        batch_op.drop_column('created_by_id')
