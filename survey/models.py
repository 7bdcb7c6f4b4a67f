"""SQLAlchemy 2.x models (typed Mapped[...] columns).

Everything an organisation owns carries ``organisation_id`` so that every query
can be scoped to the signed-in user's organisation.
"""
from __future__ import annotations

import secrets
from datetime import date, datetime, timezone
from typing import Optional

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey.db import Base
from survey.services.kinds import DEFAULT as DEFAULT_KIND

#: What each may do is in survey/rights.py (one table), and in README "Roles".
ROLES = ("admin", "hr", "kpi_owner", "viewer")
ELEMENT_KINDS = ("perspective", "objective", "kpi")
ROOT_CLUSTER = "root"
#: Deadlines are entered and shown on this wall clock unless the organisation chose another (WIB).
DEFAULT_TIME_ZONE = "Asia/Jakarta"


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Organisation(Base):
    __tablename__ = "organisations"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    #: IANA name of the office's time zone: round times are entered and shown in it, stored in UTC.
    time_zone: Mapped[str] = mapped_column(String(64), default=DEFAULT_TIME_ZONE, server_default=DEFAULT_TIME_ZONE)
    #: Predikat bands [{"lower", "label_id", "label_en"}, ...] best first; None: the default preset
    #: (analysis.predikat). Traffic lights: red below the first level, yellow below the second.
    predikat_bands: Mapped[Optional[list]] = mapped_column(JSON, nullable=True)
    light_red_below: Mapped[float] = mapped_column(Float, default=4.0, server_default="4")
    light_yellow_below: Mapped[float] = mapped_column(Float, default=8.0, server_default="8")
    #: The periods the organisation reports in, per year: {"": kinds of every year, "2026": that year's};
    #: kinds among services.periods.KINDS. None: services.calendar.DEFAULT_KINDS.
    period_calendar: Mapped[Optional[dict]] = mapped_column(JSON, nullable=True)
    #: Who signs the Perjanjian Kinerja and where: {"place", "first": {"name", "position", "nip"}, "second": {...}}
    #: (the unit's head, then the superior); None until HR sets it (services.programmes).
    pk_signatories: Mapped[Optional[dict]] = mapped_column(JSON, nullable=True)
    #: A new random token with every commit that writes the organisation's rows (survey/services/data_versions.py):
    #: what is built from them (a stored document, a computed page) is found again by it without being rebuilt.
    data_version: Mapped[str] = mapped_column(String(32), default="", server_default="")


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default="hr")
    # Part of every session's id: changed on sign-out and password change, which ends every session
    # and remember-me cookie made before, however they were copied.
    session_nonce: Mapped[str] = mapped_column(String(32), default=lambda: secrets.token_hex(16), server_default="")
    #: Set when an administrator disables the user: no sign-in, every session ended; cleared on re-enabling.
    disabled_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    organisation: Mapped[Organisation] = relationship()

    # Flask-Login's user protocol
    is_authenticated = True
    is_anonymous = False

    @property
    def is_active(self) -> bool:
        return self.disabled_at is None

    def get_id(self) -> str:
        """The id Flask-Login keeps in the signed session cookie: the user's and the current nonce."""
        return f"{self.id}:{self.session_nonce}"


class PasswordToken(Base):
    """A one-time set-password link (an invitation to the site, or a forgotten password).

    Like survey invitations, only the nonce and the token's SHA-256 are stored; the token is
    HMAC(SECRET_KEY, nonce), made when the email is sent. Used once, and not after ``expires_at``."""
    __tablename__ = "password_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(10))  # invite | reset
    token_nonce: Mapped[str] = mapped_column(String(32))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))


class KpiOwner(Base):
    """A KPI assigned to a user with the kpi_owner role: they enter its targets, actuals and root causes."""
    __tablename__ = "kpi_owners"
    __table_args__ = (UniqueConstraint("element_id", "user_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    element_id: Mapped[int] = mapped_column(ForeignKey("elements.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)


class LoginAttempt(Base):
    """Failed logins and bad tokens, kept in the database so every worker and machine sees them."""
    __tablename__ = "login_attempts"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class Scorecard(Base):
    __tablename__ = "scorecards"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    versions: Mapped[list["ScorecardVersion"]] = relationship(back_populates="scorecard",
                                                              order_by="ScorecardVersion.id")


class ScorecardVersion(Base):
    """One year's scorecard; revising it for a new year copies it into a new version."""
    __tablename__ = "scorecard_versions"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    scorecard_id: Mapped[int] = mapped_column(ForeignKey("scorecards.id"), index=True)
    label: Mapped[str] = mapped_column(String(100))
    copied_from_id: Mapped[Optional[int]] = mapped_column(ForeignKey("scorecard_versions.id"))
    # The round whose group weights were published here (no FK: rounds refer to versions already).
    weights_round_id: Mapped[Optional[int]] = mapped_column(Integer)
    # Where the published weights came from: "round" (weights_round_id) or "given" (by HR or a decree,
    # weights_note says which), who published them and when.
    weights_source: Mapped[Optional[str]] = mapped_column(String(10))
    weights_note: Mapped[str] = mapped_column(String(300), default="")
    weights_published_by: Mapped[str] = mapped_column(String(254), default="")
    weights_published_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    # Which elements a weighting round compares together (survey/services/groups.py): objectives by
    # "perspective" or "all"; KPIs by "objective", "perspective" or "all". Fixed once a launched round asks them.
    objective_groups: Mapped[str] = mapped_column(String(20), default="perspective", server_default="perspective")
    kpi_groups: Mapped[str] = mapped_column(String(20), default="objective", server_default="objective")
    #: How many respondents' answers made a round's published weights, counted when they were published.
    weights_respondents: Mapped[Optional[int]] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: The medium-term plan (Renstra) this year's version serves: its KPIs' final targets.
    plan_id: Mapped[Optional[int]] = mapped_column(ForeignKey("plans.id"), index=True)
    scorecard: Mapped[Scorecard] = relationship(back_populates="versions")
    elements: Mapped[list["Element"]] = relationship(back_populates="version", order_by="Element.position",
                                                     foreign_keys="Element.version_id")


class Element(Base):
    """A perspective, objective or KPI; KPIs carry their record sheet (DOMAIN.md §1)."""
    __tablename__ = "elements"
    __table_args__ = (UniqueConstraint("version_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("scorecard_versions.id"), index=True)
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("elements.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    code: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text, default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(String(50), default="")
    formula: Mapped[str] = mapped_column(String(300), default="")
    better: Mapped[str] = mapped_column(String(10), default="higher")
    data_source: Mapped[str] = mapped_column(String(300), default="")
    measured_by: Mapped[str] = mapped_column(String(200), default="")
    #: How a longer period's actual follows from its parts' actuals when it has none of its own
    #: (a year's from its quarters): "sum", "mean" or "last"; "" not at all (services.performance).
    rollup: Mapped[str] = mapped_column(String(10), default="", server_default="")
    measurement_frequency: Mapped[str] = mapped_column(String(50), default="")
    review_frequency: Mapped[str] = mapped_column(String(50), default="")
    local_weight: Mapped[Optional[float]] = mapped_column(Float)
    global_weight: Mapped[Optional[float]] = mapped_column(Float)
    given_weight: Mapped[Optional[float]] = mapped_column(Float)  # the number HR gave, before normalising
    version: Mapped[ScorecardVersion] = relationship(back_populates="elements", foreign_keys=[version_id])


programme_objectives = Table(
    "programme_objectives", Base.metadata,
    Column("programme_id", ForeignKey("programmes.id"), primary_key=True),
    Column("element_id", ForeignKey("elements.id"), primary_key=True),
)


class Programme(Base):
    """A programme of a year's scorecard with its budget (anggaran, rupiah), serving some objectives
    (sasaran): the Perjanjian Kinerja's second annex table (PermenPANRB 53/2014)."""
    __tablename__ = "programmes"
    __table_args__ = (UniqueConstraint("version_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("scorecard_versions.id"), index=True)
    code: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(300))
    budget: Mapped[Optional[float]] = mapped_column(Float)
    #: The rupiah spent by the year's end (realisasi anggaran): beside the budget, the LKjIP's efficiency.
    realisation: Mapped[Optional[float]] = mapped_column(Float)
    position: Mapped[int] = mapped_column(Integer, default=0)
    objectives: Mapped[list[Element]] = relationship(secondary=programme_objectives, order_by="Element.position")


class Plan(Base):
    """A medium-term plan (Renstra) above the years, e.g. 2025-2029: its KPIs' final targets (PlanTarget)."""
    __tablename__ = "plans"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    first_year: Mapped[int] = mapped_column(Integer)
    last_year: Mapped[int] = mapped_column(Integer)


class PlanTarget(Base):
    """A KPI's final target in a plan (by the KPI's code), and the national standard where HR gives one."""
    __tablename__ = "plan_targets"
    __table_args__ = (UniqueConstraint("plan_id", "kpi_code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    kpi_code: Mapped[str] = mapped_column(String(30))
    final_target: Mapped[Optional[float]] = mapped_column(Float)
    national_standard: Mapped[Optional[float]] = mapped_column(Float)


class KpiLink(Base):
    """KPI ``element`` continues KPI ``previous`` of an earlier year's version under another code or name:
    the year-on-year comparison follows it where codes differ."""
    __tablename__ = "kpi_links"
    element_id: Mapped[int] = mapped_column(ForeignKey("elements.id"), primary_key=True)
    previous_id: Mapped[int] = mapped_column(ForeignKey("elements.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)


class Influence(Base):
    """An ANP link: ``source`` influences ``target``. A network round's answers refer to these links."""
    __tablename__ = "influences"
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("scorecard_versions.id"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("elements.id"))
    target_id: Mapped[int] = mapped_column(ForeignKey("elements.id"))


class StrategyArrow(Base):
    """A strategy map's arrow: objective ``cause`` drives objective ``effect``. Kept apart from the ANP
    network's links: no answer refers to an arrow, so the map stays editable while rounds use the version."""
    __tablename__ = "strategy_arrows"
    __table_args__ = (UniqueConstraint("version_id", "cause_id", "effect_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("scorecard_versions.id"), index=True)
    cause_id: Mapped[int] = mapped_column(ForeignKey("elements.id"))
    effect_id: Mapped[int] = mapped_column(ForeignKey("elements.id"))


class Person(Base):
    """A stakeholder or employee who can be invited to rounds."""
    __tablename__ = "people"
    __table_args__ = (UniqueConstraint("organisation_id", "email"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    #: None for someone reached by phone or on paper; a present email is unique in the organisation.
    email: Mapped[Optional[str]] = mapped_column(String(254))
    #: International form (+6281234567890, survey.services.phones), for WhatsApp links; None without one.
    phone: Mapped[Optional[str]] = mapped_column(String(20))
    unit: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(20), default="stakeholder")
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    #: When HR deactivated them: kept for the rounds they were in, no longer offered for invitations.
    deactivated_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))


class Round(Base):
    """A survey round: who is asked what, until when, and how answers are combined."""
    __tablename__ = "rounds"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("scorecard_versions.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default=DEFAULT_KIND.code)  # services/kinds.py
    title: Mapped[str] = mapped_column(String(200))
    period: Mapped[str] = mapped_column(String(50), default="")
    opens_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    closes_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    language: Mapped[str] = mapped_column(String(5), default="id")
    cr_threshold: Mapped[float] = mapped_column(Float, default=0.10)
    ri_table: Mapped[str] = mapped_column(String(30), default="saaty")
    max_reasks: Mapped[int] = mapped_column(Integer, default=2)
    aggregation: Mapped[str] = mapped_column(String(10), default="aij")
    include_inconsistent: Mapped[bool] = mapped_column(Boolean, default=True)
    allow_dont_know: Mapped[bool] = mapped_column(Boolean, default=False)
    ask_identity: Mapped[bool] = mapped_column(Boolean, default=True)
    # How group judgments become weights, and how many decimals the published global weights keep
    # (offices often publish them rounded to 2 and score with the rounded values).
    priority_method: Mapped[str] = mapped_column(String(12), default="eigen", server_default="eigen")
    weight_decimals: Mapped[Optional[int]] = mapped_column(Integer)
    # Personal scorecards from self-report rounds: whole levels or fractions.
    snap: Mapped[Optional[str]] = mapped_column(String(15))
    # Direct-rating rounds: the scale's top value (10 or 100) and the mean that combines the ratings.
    rating_scale: Mapped[Optional[int]] = mapped_column(Integer)
    rating_mean: Mapped[Optional[str]] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10), default="open")
    #: A satisfaction round: how many people the unit served in the period (for the minimum sample).
    served_population: Mapped[Optional[int]] = mapped_column(Integer)
    #: A public satisfaction round's link is /p/<public_slug> (anyone may answer, anonymously); None: not public.
    public_slug: Mapped[Optional[str]] = mapped_column(String(16), unique=True, index=True)
    #: At most this many public answers kept per day on the office's calendar (None: no cap).
    public_daily_cap: Mapped[Optional[int]] = mapped_column(Integer)
    #: When HR opened its feedback (Delphi) pass: judgments given before it are the first pass's.
    feedback_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    version: Mapped[ScorecardVersion] = relationship(foreign_keys=[version_id])
    organisation: Mapped[Organisation] = relationship()


class Invitation(Base):
    """A person's place in a round. The link token is never stored, only its SHA-256."""
    __tablename__ = "invitations"
    __table_args__ = (UniqueConstraint("round_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    token_nonce: Mapped[str] = mapped_column(String(32))
    sent_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    reminded_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    reminders: Mapped[int] = mapped_column(Integer, default=0)
    opened_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    completed_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    language: Mapped[Optional[str]] = mapped_column(String(5))
    identity: Mapped[dict] = mapped_column(JSON, default=dict)
    #: When HR removed them from the round: their answers stay on record but leave results and reminders.
    removed_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    #: Asked to review their answers in the round's feedback pass (they had finished the first pass).
    feedback_invited_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    round: Mapped[Round] = relationship()
    person: Mapped[Person] = relationship()
    #: Its questionnaire pages' states; written only through ClusterAnswer rows, read with the invitation.
    pages: Mapped[list["ClusterAnswer"]] = relationship(viewonly=True)


class Judgment(Base):
    """One pairwise judgment as given: a_ij for row i, column j (i before j in the cluster).

    Never updated: a change adds a row with the next revision. ``value`` NULL = "don't know".
    """
    __tablename__ = "judgments"
    # Per page: a network round asks the same pair on several pages (with respect to different elements).
    __table_args__ = (UniqueConstraint("invitation_id", "cluster", "row_id", "column_id", "revision",
                                       name="uq_judgments_page_pair_revision"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    invitation_id: Mapped[int] = mapped_column(ForeignKey("invitations.id"), index=True)
    cluster: Mapped[str] = mapped_column(String(30))
    row_id: Mapped[int] = mapped_column(ForeignKey("elements.id"))
    column_id: Mapped[int] = mapped_column(ForeignKey("elements.id"))
    value: Mapped[Optional[float]] = mapped_column(Float)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Rating(Base):
    """One element's rating in a direct-rating round, as given. Never updated: a change adds a row
    with the next revision. ``value`` NULL = "don't know"."""
    __tablename__ = "ratings"
    __table_args__ = (UniqueConstraint("invitation_id", "element_id", "revision"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    invitation_id: Mapped[int] = mapped_column(ForeignKey("invitations.id"), index=True)
    cluster: Mapped[str] = mapped_column(String(30))
    element_id: Mapped[int] = mapped_column(ForeignKey("elements.id"))
    value: Mapped[Optional[float]] = mapped_column(Float)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ClusterAnswer(Base):
    """A respondent's progress on one cluster page, with the CR of their current answers."""
    __tablename__ = "cluster_answers"
    __table_args__ = (UniqueConstraint("invitation_id", "cluster"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    invitation_id: Mapped[int] = mapped_column(ForeignKey("invitations.id"), index=True)
    cluster: Mapped[str] = mapped_column(String(30))
    cr: Mapped[Optional[float]] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(20))  # reasking | accepted | kept_inconsistent
    reasks: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Reask(Base):
    """One re-ask: the pairs shown, CR before and after, what changed or was kept and why."""
    __tablename__ = "reasks"
    id: Mapped[int] = mapped_column(primary_key=True)
    invitation_id: Mapped[int] = mapped_column(ForeignKey("invitations.id"), index=True)
    cluster: Mapped[str] = mapped_column(String(30))
    cr_before: Mapped[float] = mapped_column(Float)
    cr_after: Mapped[Optional[float]] = mapped_column(Float)
    pairs_shown: Mapped[list] = mapped_column(JSON, default=list)
    changed: Mapped[list] = mapped_column(JSON, default=list)
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    answered_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))


class FeedbackReview(Base):
    """A page reviewed in a feedback pass, once: what changed (row, column, before, after), why, and the page's
    state before (so the first pass's results can be made again)."""
    __tablename__ = "feedback_reviews"
    __table_args__ = (UniqueConstraint("invitation_id", "cluster", name="uq_feedback_reviews_page"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    invitation_id: Mapped[int] = mapped_column(ForeignKey("invitations.id"), index=True)
    cluster: Mapped[str] = mapped_column(String(30))
    status_before: Mapped[str] = mapped_column(String(20))
    changed: Mapped[list] = mapped_column(JSON, default=list)
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Submission(Base):
    """Form submissions already applied, so a double submit stores nothing twice."""
    __tablename__ = "submissions"
    id: Mapped[int] = mapped_column(primary_key=True)
    invitation_id: Mapped[int] = mapped_column(ForeignKey("invitations.id"), index=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class OutboxMessage(Base):
    """Every email Neraca sends; with no SMTP configured it stays here for HR to read.

    An invitation's ``body`` holds ``mail.LINK`` where its link goes: the link is made when the
    message is sent, so no working link is ever stored."""
    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    round_id: Mapped[Optional[int]] = mapped_column(ForeignKey("rounds.id"), index=True)
    invitation_id: Mapped[Optional[int]] = mapped_column(ForeignKey("invitations.id"))
    #: A set-password email: its link is made from this token's nonce when sent, like an invitation's.
    password_token_id: Mapped[Optional[int]] = mapped_column(ForeignKey("password_tokens.id"))
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    # queued | sending | sent | failed | kept
    status: Mapped[str] = mapped_column(String(10), default="queued", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: When a sender took the message: one still "sending" long after, died with its sender.
    claimed_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    #: After a failed attempt, when to try again (null: as soon as possible).
    next_attempt_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    sent_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))


class Measurement(Base):
    """An entry of a KPI's target, actual and/or formula inputs in a period.

    Never updated: each value is a fact of its own whose current value is the newest row that gives
    it (a blank leaves it unchanged) or clears it (``cleared``: "target", "actual", "input:<name>");
    the rows are its history (services.kpi_values).
    """
    __tablename__ = "measurements"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    element_id: Mapped[int] = mapped_column(ForeignKey("elements.id"), index=True)
    period: Mapped[str] = mapped_column(String(20))
    target: Mapped[Optional[float]] = mapped_column(Float)
    actual: Mapped[Optional[float]] = mapped_column(Float)
    inputs: Mapped[dict] = mapped_column(JSON, default=dict)
    cleared: Mapped[list] = mapped_column(JSON, default=list, server_default=text("'[]'"))
    note: Mapped[str] = mapped_column(Text, default="")
    entered_by: Mapped[str] = mapped_column(String(254), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    __table_args__ = (Index("ix_measurements_element_period", "element_id", "period"),)


class LadderSetting(Base):
    """The OMAX anchors HR set for a KPI in a period ({level: value}); the newest row counts."""
    __tablename__ = "ladders"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    element_id: Mapped[int] = mapped_column(ForeignKey("elements.id"), index=True)
    period: Mapped[str] = mapped_column(String(20))
    anchors: Mapped[dict] = mapped_column(JSON)
    entered_by: Mapped[str] = mapped_column(String(254), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Evidence(Base):
    """A file a KPI owner attaches to a KPI's period as evidence of its values or narrative; kept in the
    database so every app machine serves it, and only ever served as a download."""
    __tablename__ = "evidence"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    element_id: Mapped[int] = mapped_column(ForeignKey("elements.id"))
    period: Mapped[str] = mapped_column(String(20))
    filename: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded_by: Mapped[str] = mapped_column(String(254), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    __table_args__ = (Index("ix_evidence_element_period", "element_id", "period"),)


class Finding(Base):
    """Why a red or yellow KPI missed, and what to do about it (entered by HR for the report)."""
    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    element_id: Mapped[int] = mapped_column(ForeignKey("elements.id"), index=True)
    period: Mapped[str] = mapped_column(String(20))
    root_cause: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ReportingPeriod(Base):
    """A period of a scorecard version in the reporting cycle: its deadline (HR's) and its lock.

    A locked period's values, ladders and findings refuse every change (services.period_locks);
    only an administrator unlocks it."""
    __tablename__ = "reporting_periods"
    __table_args__ = (UniqueConstraint("version_id", "period"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("scorecard_versions.id"), index=True)
    period: Mapped[str] = mapped_column(String(20))
    #: The last day (on the office's calendar) to enter the period's values; missing after it is late.
    deadline: Mapped[Optional[date]] = mapped_column(Date)
    locked_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    locked_by: Mapped[str] = mapped_column(String(254), default="")


class KpiSubmission(Base):
    """Where a KPI's values of a period stand: submitted by its owner, then verified or returned
    (with a comment the owner reads); the audit log keeps every step."""
    __tablename__ = "kpi_submissions"
    __table_args__ = (UniqueConstraint("element_id", "period"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    element_id: Mapped[int] = mapped_column(ForeignKey("elements.id"), index=True)
    period: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(10))  # submitted | verified | returned
    comment: Mapped[str] = mapped_column(Text, default="")
    submitted_by: Mapped[str] = mapped_column(String(254), default="")
    submitted_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    decided_by: Mapped[str] = mapped_column(String(254), default="")
    decided_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))


class KpiVerifier(Base):
    """The user named to verify a KPI's submitted values (besides HR), e.g. the owner's superior."""
    __tablename__ = "kpi_verifiers"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    element_id: Mapped[int] = mapped_column(ForeignKey("elements.id"), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)


class OwnerReminder(Base):
    """A reminder to a KPI owner about a period's missing values: at most one a day (the unique key)."""
    __tablename__ = "owner_reminders"
    __table_args__ = (UniqueConstraint("version_id", "period", "user_id", "day"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("scorecard_versions.id"), index=True)
    period: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    #: The office's calendar day of the reminder.
    day: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


QUESTION_KINDS = ("number", "choice", "likert", "yesno", "verdict", "text")


class Question(Base):
    """A question of a self-report, validation or satisfaction round.

    number: a value with unit and range; choice: options [{"label", "value"}] mapped to numbers;
    likert: 1-5; yesno: 1 yes / 0 no (is this element relevant?); verdict: 1 valid / 0 not valid;
    text: an open answer (a suggestion), optional, stored as text and never scored.
    ``role`` marks the SKM template's questions: "skm:U1" ... "skm:U9" (an unsur of PermenPANRB 14/2017,
    scored into the IKM), "profile:age" etc. (counted for the respondents' profile), "suggestion".
    """
    __tablename__ = "questions"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"), index=True)
    element_id: Mapped[Optional[int]] = mapped_column(ForeignKey("elements.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(50), default="")
    minimum: Mapped[Optional[float]] = mapped_column(Float)
    maximum: Mapped[Optional[float]] = mapped_column(Float)
    options: Mapped[list] = mapped_column(JSON, default=list)
    role: Mapped[str] = mapped_column(String(30), default="", server_default="")


class PublicVisit(Base):
    """One anonymous answer to a public round's link: it owns its Response rows and keeps its time, so
    HR can discard a burst; a discarded visit leaves the results and stays on record with who and when."""
    __tablename__ = "public_visits"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"), index=True)
    #: The form's submission key: the same page sent twice is stored once.
    submission: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    discarded_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    discarded_by: Mapped[str] = mapped_column(String(254), default="")
    #: The counter's tablet (kiosk) it was given on; None: the public link, from the visitor's own device.
    counter_device_id: Mapped[Optional[int]] = mapped_column(ForeignKey("counter_devices.id"), index=True)


class CounterDevice(Base):
    """A tablet at a service counter answering a satisfaction round (kiosk), and a live screen of its IKM.

    Its link ``/k/<token>`` is shown once when made; only the token's SHA-256 is stored. HR revokes it."""
    __tablename__ = "counter_devices"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    #: The SKM profile's service it pre-fills (its place in the list, from 1); None: the visitor chooses.
    service: Mapped[Optional[int]] = mapped_column(Integer)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(254), default="")
    revoked_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    revoked_by: Mapped[str] = mapped_column(String(254), default="")


class Response(Base):
    """An answer, never updated: a change or an HR correction adds a row; the newest counts.

    Either an invitation's or a public visit's (anonymous)."""
    __tablename__ = "responses"
    id: Mapped[int] = mapped_column(primary_key=True)
    invitation_id: Mapped[Optional[int]] = mapped_column(ForeignKey("invitations.id"), index=True)
    visit_id: Mapped[Optional[int]] = mapped_column(ForeignKey("public_visits.id"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id"), index=True)
    value: Mapped[Optional[float]] = mapped_column(Float)  # None for an open answer (its text)
    text: Mapped[Optional[str]] = mapped_column(Text)
    corrected_by: Mapped[str] = mapped_column(String(254), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SkmFollowUp(Base):
    """A rencana tindak lanjut of a satisfaction round: what HR will do about an unsur (the weakest, or
    another HR chose), who does it and by when; later what was done. The next period's IKM shows it."""
    __tablename__ = "skm_follow_ups"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"), index=True)
    unsur: Mapped[str] = mapped_column(String(4))        # U1-U9
    action: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(200))        # the unit responsible
    due: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="planned")  # services/skm_follow_ups.STATUSES
    done: Mapped[str] = mapped_column(Text, default="")   # what was done
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ReportJob(Base):
    """A long report made in the background; the finished PDF is kept here so any machine can serve it."""
    __tablename__ = "report_jobs"
    __table_args__ = (Index("ix_report_jobs_document", "organisation_id", "document", "key"),
                      Index("ix_report_jobs_shortcut", "organisation_id", "shortcut"))
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    round_id: Mapped[Optional[int]] = mapped_column(ForeignKey("rounds.id"))
    language: Mapped[str] = mapped_column(String(5), default="id")
    status: Mapped[str] = mapped_column(String(10), default="queued")  # queued | running | done | failed
    done: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[Optional[bytes]] = mapped_column(LargeBinary)
    #: A stored document (kind "document", survey/services/documents.py): which one (its template and name),
    #: the fingerprint of what it was built from, and its HTML until the PDF is made.
    document: Mapped[str] = mapped_column(String(200), default="", server_default="")
    key: Mapped[str] = mapped_column(String(64), default="", server_default="")
    #: The last request's cheap key that led to this build (the organisation's data version, the address, the
    #: language, the reader's rights): the next equal request is served without building the view model.
    shortcut: Mapped[str] = mapped_column(String(64), default="", server_default="")
    source: Mapped[Optional[str]] = mapped_column(Text)
    requested_by: Mapped[str] = mapped_column(String(254), default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: Written with each part made: a job "running" with an old heartbeat died with its worker.
    heartbeat_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))


class ApiToken(Base):
    """A token an HR system uses for the JSON API; only its SHA-256 is stored."""
    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    #: The administrator who made it: the token stops when they are disabled or removed. None for a token
    #: made before makers were kept whose maker the audit log did not tell (it keeps working).
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"), index=True)


class AuditEntry(Base):
    """Who did what, when: written in the same transaction as the change, never updated or deleted."""
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor_email: Mapped[str] = mapped_column(String(254), index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    subject: Mapped[str] = mapped_column(String(300))
    details: Mapped[dict] = mapped_column(JSON, default=dict)
