"""The SKM's one view model for HR's IKM page and the report PDF (the layout offices publish): the
per-unsur table and IKM (services.skm), the period trend and the change from the previous period
(services.skm_periods), this period's follow-up plan and the previous period's follow-ups beside whether
their unsur improved (services.skm_follow_ups), and the suggestions: listed for readers with the
personal right, counted for the others."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from survey.models import Round, SkmFollowUp
from survey.services import periods, skm, skm_follow_ups, skm_periods


@dataclass(frozen=True)
class SkmDocument:
    found: skm.SkmResults
    trend: skm_periods.Trend
    labels: list[str]                     # the trend's periods as the reader reads them
    period: str                           # the round's period, read the same way ('' without one)
    follow_ups: list[SkmFollowUp]         # this period's plan
    reviews: list[skm_follow_ups.Review]  # the previous period's plan, and whether its unsur improved
    suggestions: list[str] | None         # None: the reader may only count them
    suggestion_count: int

    @property
    def weakest(self) -> skm.UnsurResult | None:
        """The unsur with the lowest NRR: the one the follow-up plan is first for."""
        return self.found.priorities[0] if self.found.priorities else None

    @property
    def has_trend(self) -> bool:
        return len(self.trend.points) > 1


def skm_document(session: Session, round_: Round, *, personal: bool, language: str) -> SkmDocument:
    """The round's SKM as its page and report show it, in ``language``'s period names."""
    found = skm.results(session, round_)
    trend = skm_periods.trend(session, round_)
    return SkmDocument(found, trend, [periods.label(p.period, language) if p.period else p.title for p in trend.points],
                       periods.label(round_.period, language) if round_.period else "",
                       skm_follow_ups.follow_ups(session, round_), skm_follow_ups.reviews(session, trend),
                       found.suggestions if personal else None, len(found.suggestions))
