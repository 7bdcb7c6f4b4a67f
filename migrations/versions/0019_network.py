"""Network (ANP) rounds: a judgment is unique per page, not per pair.

A network round compares the same two elements with respect to several others ("with respect to X,
which matters more, A or B?"), each on its own page: the pair (A, B) then has a revision 1 on each page.

Revision ID: 0019_network
Revises: 0021_public
Create Date: 2026-11-29 22:20:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0019_network'
down_revision = '0021_public'
branch_labels = None
depends_on = None

OLD_COLUMNS = ['invitation_id', 'row_id', 'column_id', 'revision']
NEW_COLUMNS = ['invitation_id', 'cluster', 'row_id', 'column_id', 'revision']
NEW_NAME = 'uq_judgments_page_pair_revision'


def _judgments(unique_columns, name) -> sa.Table:
    """The table as 0002 made it, with ``unique_columns``: SQLite copies it over (its constraint has no name
    to drop)."""
    return sa.Table(
        'judgments', sa.MetaData(),
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('invitation_id', sa.Integer(), nullable=False),
        sa.Column('cluster', sa.String(length=30), nullable=False),
        sa.Column('row_id', sa.Integer(), nullable=False),
        sa.Column('column_id', sa.Integer(), nullable=False),
        sa.Column('value', sa.Float(), nullable=True),
        sa.Column('revision', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['column_id'], ['elements.id']),
        sa.ForeignKeyConstraint(['invitation_id'], ['invitations.id']),
        sa.ForeignKeyConstraint(['row_id'], ['elements.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint(*unique_columns, name=name),
        sa.Index('ix_judgments_invitation_id', 'invitation_id'))


def _replace(drop_columns, add_columns, add_name) -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        with op.batch_alter_table('judgments', recreate='always', copy_from=_judgments(add_columns, add_name)):
            pass
        return
    drop_name = next(constraint['name'] for constraint in sa.inspect(bind).get_unique_constraints('judgments')
                     if constraint['column_names'] == drop_columns)
    with op.batch_alter_table('judgments', schema=None) as batch_op:
        batch_op.drop_constraint(drop_name, type_='unique')
        batch_op.create_unique_constraint(add_name, add_columns)


def upgrade() -> None:
    _replace(OLD_COLUMNS, NEW_COLUMNS, NEW_NAME)


def downgrade() -> None:
    _replace(NEW_COLUMNS, OLD_COLUMNS, 'uq_judgments_pair_revision')
