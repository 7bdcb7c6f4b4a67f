"""Performance data: KPI measurements, OMAX ladders, findings; how rounds publish weights.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 20:50:28.873905
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('findings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('element_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=20), nullable=False),
    sa.Column('root_cause', sa.Text(), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['element_id'], ['elements.id'], ),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_findings_element_id'), ['element_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_findings_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('ladders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('element_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=20), nullable=False),
    sa.Column('anchors', sa.JSON(), nullable=False),
    sa.Column('entered_by', sa.String(length=254), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['element_id'], ['elements.id'], ),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('ladders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ladders_element_id'), ['element_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ladders_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('measurements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('element_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=20), nullable=False),
    sa.Column('target', sa.Float(), nullable=True),
    sa.Column('actual', sa.Float(), nullable=True),
    sa.Column('inputs', sa.JSON(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('entered_by', sa.String(length=254), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['element_id'], ['elements.id'], ),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('measurements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measurements_element_id'), ['element_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_measurements_organisation_id'), ['organisation_id'], unique=False)

    with op.batch_alter_table('rounds', schema=None) as batch_op:
        batch_op.add_column(sa.Column('priority_method', sa.String(length=12), server_default='eigen', nullable=False))
        batch_op.add_column(sa.Column('weight_decimals', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('snap', sa.String(length=15), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('rounds', schema=None) as batch_op:
        batch_op.drop_column('snap')
        batch_op.drop_column('weight_decimals')
        batch_op.drop_column('priority_method')

    with op.batch_alter_table('measurements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measurements_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_measurements_element_id'))

    op.drop_table('measurements')
    with op.batch_alter_table('ladders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ladders_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_ladders_element_id'))

    op.drop_table('ladders')
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_findings_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_findings_element_id'))

    op.drop_table('findings')
