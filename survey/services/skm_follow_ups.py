"""The rencana tindak lanjut of an SKM: for its weakest unsur (and any other HR chooses) the action, the
unit responsible and the due date; later its status and what was done. The next period's IKM page and
report show the previous period's follow-ups beside whether the unsur's NRR improved."""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.models import Round, SkmFollowUp
from survey.services import audit
from survey.services.errors import N_, Invalid
from survey.services.kinds import kind_of
from survey.services.skm import UNSUR_NAMES
from survey.services.skm_periods import Trend
from survey.services.text import refuse_unsafe_characters
from survey.services.transactions import in_unit_of_work

#: A follow-up's status, in the order it moves.
STATUSES = {"planned": N_("planned"), "under_way": N_("under way"), "carried_out": N_("carried out")}
MOST_TEXT = 2000
MOST_UNIT = 200  # SkmFollowUp.unit


@dataclass(frozen=True)
class Review:
    """A previous period's follow-up beside its unsur's NRR then and now."""
    follow_up: SkmFollowUp
    before: float   # the unsur's NRR (1-4) in the period the follow-up was planned in
    after: float    # ... in this period; nan without answers

    @property
    def improved(self) -> bool | None:
        """Whether the NRR rose; None when either period has no NRR for the unsur."""
        return None if math.isnan(self.before) or math.isnan(self.after) else self.after > self.before


def follow_ups(session: Session, round_: Round) -> list[SkmFollowUp]:
    return list(session.scalars(select(SkmFollowUp).where(SkmFollowUp.round_id == round_.id)
                                .order_by(SkmFollowUp.unsur, SkmFollowUp.id)))


def reviews(session: Session, trend: Trend) -> list[Review]:
    """The previous period's follow-ups with the unsur's NRR there and in the trend's current period."""
    if trend.previous is None:
        return []
    planned = session.scalars(select(SkmFollowUp).where(SkmFollowUp.round_id == trend.previous.round_id)
                              .order_by(SkmFollowUp.unsur, SkmFollowUp.id))
    return [Review(f, trend.previous.overall.nrr(f.unsur), trend.current.overall.nrr(f.unsur)) for f in planned]


@in_unit_of_work
def add_follow_up(session: Session, round_: Round, *, unsur: str, action: str, unit: str, due: date | None,
                  actor: str) -> SkmFollowUp:
    """A follow-up of the round's IKM for one unsur, audited; Invalid names each field at fault."""
    action, unit = (action or "").strip(), (unit or "").strip()
    refuse_unsafe_characters(action=action, unit=unit)
    errors = {}
    if not kind_of(round_).ikm:
        errors[""] = N_("Only a satisfaction round has follow-ups of its IKM.")
    if unsur not in UNSUR_NAMES:
        errors["unsur"] = N_("Choose one of the unsur U1-U9.")
    if not action:
        errors["action"] = N_("Say what will be done.")
    if not unit:
        errors["unit"] = N_("Name the unit responsible.")
    if due is None:
        errors["due"] = N_("Give the due date, such as 2026-12-31.")
    elif not 2000 <= due.year <= 2100:
        errors["due"] = N_("The due date lies between the years 2000 and 2100.")
    if len(action) > MOST_TEXT:
        errors["action"] = N_("Say what will be done in at most %(limit)d characters.", limit=MOST_TEXT)
    if len(unit) > MOST_UNIT:
        errors["unit"] = N_("Name the unit responsible in at most %(limit)d characters.", limit=MOST_UNIT)
    if errors:
        raise Invalid(errors)
    follow_up = SkmFollowUp(organisation_id=round_.organisation_id, round_id=round_.id, unsur=unsur, action=action,
                            unit=unit, due=due, status="planned", done="")
    session.add(follow_up)
    session.flush()
    audit.record(session, round_.organisation_id, actor, "skm_follow_up_added", round_.title,
                 {"round": round_.id, "follow_up": follow_up.id, "unsur": unsur, "plan": action, "unit": unit,
                  "due": due.isoformat()})
    return follow_up


@in_unit_of_work
def record_progress(session: Session, round_: Round, follow_up_id: int, *, status: str, done: str,
                    actor: str) -> SkmFollowUp:
    """A follow-up's status and what was done, audited; carried out needs what was done."""
    done = (done or "").strip()
    refuse_unsafe_characters(done=done)
    follow_up = session.scalar(select(SkmFollowUp).where(SkmFollowUp.id == follow_up_id,
                                                         SkmFollowUp.round_id == round_.id))
    errors = {}
    if follow_up is None:
        errors[""] = N_("This follow-up is not one of this survey's.")
    if status not in STATUSES:
        errors["status"] = N_("Choose the status: planned, under way or carried out.")
    elif status == "carried_out" and not done:
        errors["done"] = N_("Say what was done before marking the follow-up as carried out.")
    if len(done) > MOST_TEXT:
        errors["done"] = N_("Say what was done in at most %(limit)d characters.", limit=MOST_TEXT)
    if errors:
        raise Invalid(errors)
    audit.record(session, round_.organisation_id, actor, "skm_follow_up_updated", round_.title,
                 {"round": round_.id, "follow_up": follow_up.id, "unsur": follow_up.unsur,
                  "status": f"{follow_up.status} → {status}", "done": done})
    follow_up.status, follow_up.done = status, done
    return follow_up

