"""A feedback round's before and after in the weights export, and a feedback round opened once: a respondent
changes one judgment on the perspectives, the export's first-pass and new weights and S* are the matrices'
own, recomputed here; a second request to open the pass is refused and writes nothing."""
import io

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import func, select

from survey.models import OutboxMessage, Round
from survey.services import answers, feedback
from tests.test_feedback_round import SETTINGS, by_hand, closed_round, review_every_page
from tests.web import post, sign_in


def test_the_weights_export_puts_the_first_pass_beside_the_feedback_pass(client, session):
    round_, people = closed_round(session)
    feedback.open_feedback(session, round_, SETTINGS)
    page = answers.questionnaire(session, people[0])[0]
    pair = (page.pairs[0][0].id, page.pairs[0][1].id)
    before_value = answers.current_answers(session, people[0], page.key)[pair]
    review_every_page(session, people[0], (page.key, pair, 5.0 if before_value < 2 else 1 / 5), "Yakin")
    session.expire_all()
    round_ = session.get(Round, round_.id)
    sign_in(client, session, round_.organisation_id)
    for fmt, read in (("csv", pd.read_csv), ("xlsx", pd.read_excel)):
        table = read(io.BytesIO(client.get(f"/hr/reports/weighting/{round_.id}/weights.{fmt}").data))
        rows = table.set_index("code")
        _, weights_before, s_before = by_hand(session, round_, people, page, until_feedback=True)
        _, weights_after, s_after = by_hand(session, round_, people, page)
        codes = [member.code for member in page.members]
        assert rows.loc[codes, "local_before_feedback"].to_numpy() == pytest.approx(weights_before, abs=1e-12)
        assert rows.loc[codes, "local"].to_numpy() == pytest.approx(weights_after, abs=1e-12)
        assert rows.loc[codes, "consensus_before_feedback"].to_numpy() == pytest.approx([s_before] * len(codes),
                                                                                         abs=1e-12)
        assert rows.loc[codes, "consensus"].to_numpy() == pytest.approx([s_after] * len(codes), abs=1e-12)
        assert not np.allclose(weights_before, weights_after)
        first = feedback.first_pass(session, round_)
        kpi = next(e for e in round_.version.elements if e.kind == "kpi")
        assert rows.loc[kpi.code, "global_before_feedback"] == pytest.approx(first.global_weights[kpi.id], abs=1e-12)


def test_a_second_feedback_round_is_refused_with_a_message_and_writes_nothing(client, session):
    round_, _people = closed_round(session)
    sign_in(client, session, round_.organisation_id)
    page_url = f"/hr/rounds/{round_.id}"
    assert post(client, f"{page_url}/feedback", {}, page=page_url).status_code == 302
    session.expire_all()
    opened = session.get(Round, round_.id).feedback_at
    mails = session.scalar(select(func.count(OutboxMessage.id)))
    again = post(client, f"{page_url}/feedback", {}, page=page_url, follow_redirects=True,
                 headers={"Accept-Language": "id"}).get_data(as_text=True)
    assert "Putaran umpan balik untuk putaran ini sudah dibuka." in again
    session.expire_all()
    assert session.get(Round, round_.id).feedback_at == opened
    assert session.scalar(select(func.count(OutboxMessage.id))) == mails
