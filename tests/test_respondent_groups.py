"""Who agrees with whom, page by page, through the site: two camps of respondents with opposite judgments on
one page only (the perspectives: one camp puts Financial first, the other Learning and Growth) are two groups on
that page at the default threshold, one group on every other page, and the pairs that separate them come first."""
import uuid

import numpy as np
import pytest

from analysis.ahp import aggregate, priorities
from analysis.consensus_groups import THRESHOLD
from survey.services import answers, people, respondent_groups, rounds
from tests.helpers.weighting import invitations, launch
from tests.samsat_site import published_answers
from tests.web import sign_in

ORDER = ["F", "C", "I", "L"]
#: Financial far above the rest (CR 0.007); the other camp judges each pair the other way round.
STRONG = {("F", "C"): 3, ("F", "I"): 5, ("F", "L"): 7, ("C", "I"): 2, ("C", "L"): 3, ("I", "L"): 2}


def strong(inverse):
    matrix = np.ones((4, 4))
    for (a, b), value in STRONG.items():
        i, j = ORDER.index(a), ORDER.index(b)
        matrix[i, j] = 1 / value if inverse else value
        matrix[j, i] = 1 / matrix[i, j]
    return matrix


def on_the_perspectives(cluster, inverse):
    matrix = strong(inverse)
    return {(a.id, b.id): matrix[ORDER.index(a.code), ORDER.index(b.code)] for a, b in cluster.pairs}


def camps_on_the_perspectives(session):
    """Four respondents answering as published below the perspectives; on them, two camps."""
    organisation, version, round_ = launch(session)
    person = people.add_person(session, organisation.id, name="Keempat", email="empat@example.org", weight=1)
    rounds.invite(session, round_, [person.id], {"SECRET_KEY": "test"})
    camp = {}
    for k, invitation in enumerate(invitations(session, round_)):
        camp[invitation.person_id] = k % 2
        for cluster in answers.questionnaire(session, invitation):
            given = on_the_perspectives(cluster, camp[invitation.person_id] == 1) if cluster.key == "root" \
                else published_answers(cluster)
            outcome = answers.submit_cluster(session, invitation, cluster, given, uuid.uuid4().hex)
            assert outcome.status != "reasking"  # every matrix given is consistent
    return organisation, version, round_, camp


def test_two_camps_on_one_page_are_two_groups_there_and_the_pairs_separating_them_come_first(session):
    organisation, version, round_, camp = camps_on_the_perspectives(session)
    found = respondent_groups.respondent_groups(session, round_)
    assert found.threshold == THRESHOLD
    camps = sorted(sorted(camp[found.people[k].id] for k in group) for group in found.groups)
    by_key = {page.key: page for page in found.pages}
    root = by_key["root"]
    assert sorted(sorted(camp[found.people[k].id] for k in group) for group in root.groups) == [[0, 0], [1, 1]]
    assert all(len(page.groups) == 1 for key, page in by_key.items() if key != "root")
    assert len(by_key) == len([c for c in answers.questionnaire(session, invitations(session, round_)[0])
                               if len(c.members) > 1])

    # The separating pairs: Financial against Learning and Growth (7 against 1/7) first, then by strength.
    spreads = [abs(np.log(STRONG.get((s.first.code, s.second.code)) or 1 / STRONG[(s.second.code, s.first.code)]))
               for s in root.separations]
    first = root.separations[0]
    assert {first.first.code, first.second.code} == {"F", "L"} and spreads == sorted(spreads, reverse=True)
    financial_first = next(n for n, group in enumerate(root.groups) if camp[found.people[group[0]].id] == 0)
    f_over_l = 7 if first.first.code == "F" else 1 / 7
    assert first.judgments[financial_first] == pytest.approx(f_over_l, rel=1e-12)
    assert first.judgments[1 - financial_first] == pytest.approx(1 / f_over_l, rel=1e-12)
    # Each camp's page weights: the round's computation (AIJ, eigenvector) on its members alone.
    order = [e.code for e in root.members]
    for group, inverse in ((financial_first, False), (1 - financial_first, True)):
        matrix = strong(inverse)[np.ix_([ORDER.index(c) for c in order], [ORDER.index(c) for c in order])]
        assert root.weights[group] == pytest.approx(priorities(aggregate(np.stack([matrix, matrix]))), abs=1e-12)
    assert camps == [[0, 0], [1, 1]]  # overall too: the perspectives carry every global weight
    assert {found.separations[0].first.code, found.separations[0].second.code} == {"F", "L"}


def test_the_results_page_shows_the_groups_page_by_page_and_the_threshold_moves_them(client, session):
    organisation, version, round_, camp = camps_on_the_perspectives(session)
    sign_in(client, session, organisation.id)
    page = client.get(f"/hr/rounds/{round_.id}/results").get_data(as_text=True)
    part = page[page.index('id="agreement"'):]
    assert "Halaman demi halaman" in part and "2 kelompok" in part and "satu kelompok" in part
    assert part.count("<details") == len(respondent_groups.respondent_groups(session, round_).pages)
    assert part.count("<details") - part.count(" open>") == part.count("satu kelompok")
    # The camps agree at S* 0,51 on the perspectives: at 50 % they are one group there, every page alike.
    lenient = client.get(f"/hr/rounds/{round_.id}/results?agreement=50").get_data(as_text=True)
    part = lenient[lenient.index('id="agreement"'):]
    assert "sedikitnya 50,0%" in part and "2 kelompok" not in part and " open>" not in part
    english = client.get(f"/hr/rounds/{round_.id}/results?lang=en").get_data(as_text=True)
    assert "Page by page" in english and "one group" in english
