"""SKM rounds: a question's role (an unsur of PermenPANRB 14/2017, a respondent profile item, the
suggestion box), the text of an open answer, and the population a satisfaction round serves.

Revision ID: 0020_ikm
Revises: 0013_changes
Create Date: 2026-11-29 22:30:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0020_ikm'
down_revision = '0013_changes'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('role', sa.String(length=30), nullable=False, server_default=''))
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.add_column(sa.Column('text', sa.Text(), nullable=True))
        batch_op.alter_column('value', existing_type=sa.Float(), nullable=True)
    with op.batch_alter_table('rounds', schema=None) as batch_op:
        batch_op.add_column(sa.Column('served_population', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('rounds', schema=None) as batch_op:
        batch_op.drop_column('served_population')
    op.execute("DELETE FROM responses WHERE value IS NULL")  # open answers have no number to keep
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.alter_column('value', existing_type=sa.Float(), nullable=False)
        batch_op.drop_column('text')
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.drop_column('role')
