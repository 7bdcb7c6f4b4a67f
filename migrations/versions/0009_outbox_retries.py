"""Outbox retries and links kept out of the database: messages record when to try again, and the
invitation links already stored in message bodies are replaced by the placeholder the sender fills.

Revision ID: 0009_outbox_retries
Revises: 0008_sessions
Create Date: 2026-11-30 10:00:00.000000
"""
import re

from alembic import op
import sqlalchemy as sa


revision = '0009_outbox_retries'
down_revision = '0008_sessions'
branch_labels = None
depends_on = None

#: survey.services.mail.LINK as of this revision (a migration does not import the app's code).
LINK = "[invitation-link]"
STORED_LINK = re.compile(r"\S*/r/[A-Za-z0-9_-]+")


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=True))

    connection = op.get_bind()
    outbox = sa.table('outbox', sa.column('id', sa.Integer), sa.column('body', sa.Text))
    for message_id, body in connection.execute(sa.select(outbox.c.id, outbox.c.body)
                                               .where(outbox.c.body.like('%/r/%'))).all():
        connection.execute(outbox.update().where(outbox.c.id == message_id)
                           .values(body=STORED_LINK.sub(LINK, body)))


def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('next_attempt_at')
