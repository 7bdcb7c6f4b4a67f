"""The plan above the years (Renstra) with its KPIs' final targets and national standards, each version's plan,
links between a KPI and the one it continues in an earlier year, and a programme's budget realisation.

Revision ID: 0028_lkjip
Revises: 0027_pk
Create Date: 2026-12-06 13:30:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0028_lkjip'
down_revision = '0027_pk'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('plans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('first_year', sa.Integer(), nullable=False),
    sa.Column('last_year', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.create_index('ix_plans_organisation_id', ['organisation_id'], unique=False)
    op.create_table('plan_targets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('kpi_code', sa.String(length=30), nullable=False),
    sa.Column('final_target', sa.Float(), nullable=True),
    sa.Column('national_standard', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('plan_id', 'kpi_code')
    )
    with op.batch_alter_table('plan_targets', schema=None) as batch_op:
        batch_op.create_index('ix_plan_targets_plan_id', ['plan_id'], unique=False)
    op.create_table('kpi_links',
    sa.Column('element_id', sa.Integer(), nullable=False),
    sa.Column('previous_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['element_id'], ['elements.id'], ),
    sa.ForeignKeyConstraint(['previous_id'], ['elements.id'], ),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], ),
    sa.PrimaryKeyConstraint('element_id')
    )
    with op.batch_alter_table('kpi_links', schema=None) as batch_op:
        batch_op.create_index('ix_kpi_links_previous_id', ['previous_id'], unique=False)
        batch_op.create_index('ix_kpi_links_organisation_id', ['organisation_id'], unique=False)
    with op.batch_alter_table('scorecard_versions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('plan_id', sa.Integer(), nullable=True))
        batch_op.create_index('ix_scorecard_versions_plan_id', ['plan_id'], unique=False)
        batch_op.create_foreign_key('fk_scorecard_versions_plan_id', 'plans', ['plan_id'], ['id'])
    with op.batch_alter_table('programmes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('realisation', sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('programmes', schema=None) as batch_op:
        batch_op.drop_column('realisation')
    with op.batch_alter_table('scorecard_versions', schema=None) as batch_op:
        batch_op.drop_constraint('fk_scorecard_versions_plan_id', type_='foreignkey')
        batch_op.drop_index('ix_scorecard_versions_plan_id')
        batch_op.drop_column('plan_id')
    op.drop_table('kpi_links')
    op.drop_table('plan_targets')
    op.drop_table('plans')
