"""The reporting cycle: deadlines and locks of periods, KPI submissions and verifiers, owner reminders.

Revision ID: 0024_cycle
Revises: 0023_facts
Create Date: 2026-12-06 07:10:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0024_cycle'
down_revision = '0025_evidence'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'reporting_periods',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), sa.ForeignKey('organisations.id'), nullable=False),
        sa.Column('version_id', sa.Integer(), sa.ForeignKey('scorecard_versions.id'), nullable=False),
        sa.Column('period', sa.String(20), nullable=False),
        sa.Column('deadline', sa.Date(), nullable=True),
        sa.Column('locked_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('locked_by', sa.String(254), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('version_id', 'period'),
    )
    op.create_index('ix_reporting_periods_organisation_id', 'reporting_periods', ['organisation_id'])
    op.create_index('ix_reporting_periods_version_id', 'reporting_periods', ['version_id'])
    op.create_table(
        'kpi_submissions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), sa.ForeignKey('organisations.id'), nullable=False),
        sa.Column('element_id', sa.Integer(), sa.ForeignKey('elements.id'), nullable=False),
        sa.Column('period', sa.String(20), nullable=False),
        sa.Column('status', sa.String(10), nullable=False),
        sa.Column('comment', sa.Text(), nullable=False),
        sa.Column('submitted_by', sa.String(254), nullable=False),
        sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('decided_by', sa.String(254), nullable=False),
        sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('element_id', 'period'),
    )
    op.create_index('ix_kpi_submissions_organisation_id', 'kpi_submissions', ['organisation_id'])
    op.create_index('ix_kpi_submissions_element_id', 'kpi_submissions', ['element_id'])
    op.create_table(
        'kpi_verifiers',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), sa.ForeignKey('organisations.id'), nullable=False),
        sa.Column('element_id', sa.Integer(), sa.ForeignKey('elements.id'), nullable=False),
        sa.Column('user_id', sa.Integer(), sa.ForeignKey('users.id'), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('element_id'),
    )
    op.create_index('ix_kpi_verifiers_organisation_id', 'kpi_verifiers', ['organisation_id'])
    op.create_index('ix_kpi_verifiers_user_id', 'kpi_verifiers', ['user_id'])
    op.create_table(
        'owner_reminders',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), sa.ForeignKey('organisations.id'), nullable=False),
        sa.Column('version_id', sa.Integer(), sa.ForeignKey('scorecard_versions.id'), nullable=False),
        sa.Column('period', sa.String(20), nullable=False),
        sa.Column('user_id', sa.Integer(), sa.ForeignKey('users.id'), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('version_id', 'period', 'user_id', 'day'),
    )
    op.create_index('ix_owner_reminders_organisation_id', 'owner_reminders', ['organisation_id'])
    op.create_index('ix_owner_reminders_version_id', 'owner_reminders', ['version_id'])
    op.create_index('ix_owner_reminders_user_id', 'owner_reminders', ['user_id'])


def downgrade() -> None:
    for table in ('owner_reminders', 'kpi_verifiers', 'kpi_submissions', 'reporting_periods'):
        op.drop_table(table)
