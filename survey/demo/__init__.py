"""The demo organisation `make run` loads: the SAMSAT scorecard, a weighting round in progress and the
public satisfaction survey (SKM) of its counter, already answered by some visitors.

Idempotent: a second run keeps the data and prints the same links again. It speaks the language of its
round: Indonesian names as published (``names_id``) for a round in Bahasa Indonesia, English ones otherwise;
codes stay the same in both.
"""
from __future__ import annotations

import json
import secrets
import uuid
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.ahp import parse_judgment
from survey.models import Invitation, Organisation, Person, Round, User
from survey.services import (
    accounts,
    answers,
    counters,
    mail,
    people,
    performance,
    public,
    questionnaires,
    results,
    rounds,
    scorecards,
    skm,
    tokens,
)
from survey.services.kinds import SATISFACTION, WEIGHTING

DEMO_ORGANISATION = "SAMSAT (demo)"
ADMIN_EMAIL = "admin@neraca.demo"
DATA = Path(__file__).resolve().parent / "samsat.json"
#: (email, note printed, {language: (name, work unit)}): the people keep their emails in both languages.
STAKEHOLDERS = [
    ("kepala@samsat.demo", "answers consistently",
     {"id": ("Kepala UPTD", "Pimpinan UPTD"), "en": ("Head of the UPTD", "UPTD management")}),
    ("kasi@samsat.demo", "inconsistent on the perspectives",
     {"id": ("Kepala Seksi Pelayanan", "Seksi Pelayanan"), "en": ("Head of the Service Section", "Service Section")}),
    ("ahli@samsat.demo", "has not started",
     {"id": ("Ahli Kebijakan Publik", "Mitra akademik"), "en": ("Public Policy Expert", "Academic partner")}),
    ("admin.pelayanan@samsat.demo", "has not started",
     {"id": ("Administrator Pelayanan", "Seksi Pelayanan"), "en": ("Service Administrator", "Service Section")}),
]
#: The round and the role of its people, in each language.
WORDS = {"id": {"round": "Pembobotan BSC 2010", "role": "Pemangku kepentingan", "reason": "Pendapatan tetap yang utama",
               "skm": "Survei Kepuasan Masyarakat 2010", "services": "Pembayaran PKB; Balik nama kendaraan; Mutasi",
               "counter": "Loket pembayaran PKB",
               "suggestions": ["Antrean di loket pembayaran terlalu panjang.", "Tambah kursi di ruang tunggu.",
                               "Petugas ramah dan cepat, terima kasih."]},
         "en": {"round": "BSC weighting 2010", "role": "Stakeholder", "reason": "Revenue stays what matters most",
               "skm": "Public satisfaction survey 2010", "services": "Vehicle tax payment; Change of owner; Transfer",
               "counter": "Vehicle tax payment counter",
               "suggestions": ["The queue at the payment counter is too long.", "More chairs in the waiting room.",
                               "Friendly and quick staff, thank you."]}}
#: Visitors who answered the demo's public SKM, people the counter served in the period.
SKM_VISITORS, SKM_POPULATION = 40, 1200


def samsat() -> dict:
    return json.loads(DATA.read_text())


def scorecard_rows(data: dict, language: str = "en") -> pd.DataFrame:
    """The scorecard's rows, named in ``language`` (the Indonesian names as published)."""
    named = (lambda code, english: data["names_id"][code]) if language == "id" else (lambda code, english: english)
    rows = []
    for p_code, perspective in data["hierarchy"].items():
        rows.append({"code": p_code, "kind": "perspective", "parent": "", "name": named(p_code, perspective["name"])})
        for o_code, objective in perspective["objectives"].items():
            rows.append({"code": o_code, "kind": "objective", "parent": p_code,
                         "name": named(o_code, objective["name"])})
            for k_code, name in objective["kpis"].items():
                rows.append({"code": k_code, "kind": "kpi", "parent": o_code, "name": named(k_code, name),
                             "better": data["better"][k_code]})
    return pd.DataFrame(rows)


def load(session: Session, *, secret_key: str, base_url: str, password_file: Path, language: str = "id") -> list[str]:
    """Create the demo organisation once, its round in ``language``; return lines to print (admin login,
    respondent links)."""
    organisation = session.scalar(select(Organisation).where(Organisation.name == DEMO_ORGANISATION))
    password = _password(password_file)
    if organisation is None:
        organisation = _create(session, password, secret_key, language)
    admin = session.scalar(select(User).where(User.email == ADMIN_EMAIL))
    accounts.set_password(session, admin, password)
    round_ = session.scalar(select(Round).where(Round.organisation_id == organisation.id, Round.kind == WEIGHTING.code))
    survey_ = session.scalar(select(Round).where(Round.organisation_id == organisation.id, Round.kind == SATISFACTION.code))
    base = base_url.rstrip("/")
    lines = [f"Admin login:  {base}/login  as {ADMIN_EMAIL} / {password}",
             f"Round:        {round_.title} ({base}/hr/rounds/{round_.id})",
             f"Scorecard:    {base}/hr/versions/{round_.version_id}/scorecard/2010",
             f"Public SKM:   {base}/p/{survey_.public_slug}  (anyone answers; its IKM: {base}/hr/rounds/{survey_.id}/ikm)",
             f"Counter:      {base}/k/{_counter_token(secret_key)}  (a tablet's kiosk; a TV's live screen: "
             f"{base}/k/{_counter_token(secret_key)}/live)"]
    for invitation, person in session.execute(select(Invitation, Person).join(Person)
                                              .where(Invitation.round_id == round_.id).order_by(Person.id)):
        note = next(note for email, note, _ in STAKEHOLDERS if email == person.email)
        lines.append(f"Respondent:   {tokens.link(invitation, secret_key=secret_key, base_url=base_url)}"
                     f"  ({person.name}, {note})")
    return lines


def _counter_token(secret_key: str) -> str:
    """The demo counter device's token: made from SECRET_KEY, so each run prints the same working link."""
    return tokens.token_for(secret_key, "demo", "counter")


def _password(path: Path) -> str:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(9))
        path.chmod(0o600)
    return path.read_text().strip()


def _create(session: Session, password: str, secret_key: str, language: str) -> Organisation:
    data = samsat()
    words = WORDS[language]
    organisation = accounts.create_organisation(session, DEMO_ORGANISATION)
    accounts.create_user(session, organisation.id, ADMIN_EMAIL, "Admin Demo", password, role="admin")
    version = scorecards.create_scorecard(session, organisation.id, "BSC SAMSAT", "2010")
    scorecards.import_scorecard(session, version, scorecard_rows(data, language))
    for email, _, named in STAKEHOLDERS:
        name, unit = named[language]
        people.add_person(session, organisation.id, name=name, email=email, unit=unit, role=words["role"])
    round_ = rounds.create_round(session, organisation.id, version_id=version.id, title=words["round"],
                                 period="2010", language=language, max_reasks=2)
    rounds.invite(session, round_, [p.id for p in people.people(session, organisation.id)],
                  {"SECRET_KEY": secret_key})
    mail.deliver(session, {}, round_.id)  # no SMTP in the demo: the invitations wait in the outbox
    invitations = {inv.person.email: inv for inv in session.scalars(select(Invitation)
                                                                     .where(Invitation.round_id == round_.id))}
    _answer_published(session, invitations["kepala@samsat.demo"], data)
    _answer_inconsistently(session, invitations["kasi@samsat.demo"], data, words["reason"])
    _performance_data(session, round_, version, data)
    _public_satisfaction(session, organisation, version, language, secret_key)
    return organisation


def _public_satisfaction(session: Session, organisation: Organisation, version, language: str,
                         secret_key: str) -> None:
    """The counter's SKM on its public link, answered by visitors: mostly satisfied, waiting time the weakest."""
    words = WORDS[language]
    survey_ = rounds.create_round(session, organisation.id, version_id=version.id, title=words["skm"], period="2010",
                                  kind=SATISFACTION.code, language=language)
    skm.create_questionnaire(session, survey_, words["services"])
    public.make_public(session, survey_, None, rounds.SYSTEM)
    counters.create_device(session, survey_, words["counter"], 1, rounds.SYSTEM, token=_counter_token(secret_key))
    skm.set_population(session, survey_, SKM_POPULATION)
    asked = questionnaires.questions(session, survey_)
    rng = np.random.default_rng(2010)
    settings = {"PUBLIC_ANSWERS_PER_ADDRESS": SKM_VISITORS, "PUBLIC_ADDRESS_WINDOW_MINUTES": 60,
                "SECRET_KEY": secret_key}
    for visitor in range(SKM_VISITORS):
        raw = {}
        for question in asked:
            if question.role == skm.SKM + "U3":  # waiting time: the element offices most often fall short on
                raw[question.id] = str(rng.choice(4, p=[0.1, 0.35, 0.4, 0.15]))
            elif question.role.startswith(skm.SKM):
                raw[question.id] = str(rng.choice(4, p=[0.02, 0.1, 0.55, 0.33]))
            elif question.kind == "text":
                raw[question.id] = words["suggestions"][visitor] if visitor < len(words["suggestions"]) else ""
            else:
                raw[question.id] = str(rng.integers(len(question.options)))
        public.submit(session, survey_, raw, f"demo-skm-{visitor}", client="demo", settings=settings,
                      locale=language)


def _performance_data(session: Session, round_: Round, version, data: dict) -> None:
    """Publish the round's weights so far and enter 2009-2010 data, so the 2010 scorecard can be read."""
    results.publish(session, round_)
    performance.import_measurements(session, version, pd.DataFrame(data["measurements"]), "demo")
    for kpi, anchors in data["ladders_2010"].items():
        performance.set_ladder(session, version, kpi=kpi, period="2010", anchors=anchors, entered_by="demo")


def _published(cluster, data) -> dict:
    pairwise = data["pairwise"]["perspectives" if cluster.key == "root" else cluster.parent.code]
    position = {code: i for i, code in enumerate(pairwise["order"])}
    return {(a.id, b.id): parse_judgment(pairwise["matrix"][position[a.code]][position[b.code]])
            for a, b in cluster.pairs}


def _answer_published(session: Session, invitation: Invitation, data: dict) -> None:
    answers.save_identity(session, invitation, invitation.person.name, 12)
    for cluster in answers.questionnaire(session, invitation):
        answers.submit_cluster(session, invitation, cluster, _published(cluster, data), uuid.uuid4().hex)
    answers.next_step(session, invitation)


def _answer_inconsistently(session: Session, invitation: Invitation, data: dict, reason: str) -> None:
    """Perspectives answered in circles, re-asked and kept with a reason; then stopped halfway."""
    answers.save_identity(session, invitation, invitation.person.name, 7)
    pages = answers.questionnaire(session, invitation)
    root = pages[0]
    F, C, I, L = root.members
    circular = {(F.id, C.id): 5, (F.id, I.id): 1 / 5, (F.id, L.id): 3, (C.id, I.id): 5, (C.id, L.id): 1 / 3,
                (I.id, L.id): 5}
    answers.submit_cluster(session, invitation, root, circular, uuid.uuid4().hex)
    reask = answers.open_reask(session, invitation, root.key)
    if reask is not None:
        kept = {(p["row_id"], p["column_id"]): p["current"] for p in reask.pairs_shown}
        answers.submit_reask(session, invitation, root, kept, reason, uuid.uuid4().hex)
    for cluster in pages[1:3]:
        answers.submit_cluster(session, invitation, cluster, _published(cluster, data), uuid.uuid4().hex)
