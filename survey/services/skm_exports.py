"""An SKM round's tables for a spreadsheet: the raw answers (one row per respondent: profile, U1-U9 and,
for those who may read them, the suggestion) and the per-unsur table offices publish (jumlah nilai, NRR,
NRR tertimbang, converted) for all services and each, headed in the reader's language (en or id).
Numbers stay numbers: survey.services.tables.to_bytes writes them as XLSX numbers, or exactly in CSV."""
from __future__ import annotations

import numpy as np
import pandas as pd
from sqlalchemy.orm import Session

from survey.i18n import gettext
from survey.models import Round
from survey.services import skm
from survey.services.errors import N_, Invalid
from survey.services.questionnaires import questions, response_table

TABLES = ("answers", "unsur")
RESPONDENT, SUGGESTION = N_("Respondent"), N_("Suggestion")
SERVICE, ALL_SERVICES = N_("Service"), N_("All services")
INDEX = N_("Community Satisfaction Index (IKM)")
UNSUR_COLUMNS = (N_("Code"), N_("Unsur"), N_("Answers"), N_("Total of the answers"), N_("NRR (1-4)"),
                 N_("Weighted NRR (NRR × 0.111)"), N_("Converted (25-100)"), N_("Grade"))


def answers_table(session: Session, round_: Round, language: str, with_suggestions: bool) -> pd.DataFrame:
    """One row per counted respondent (invited people, then public visitors), numbered from 1: the profile's
    answers as words, U1-U9 as 1-4 numbers (empty where not answered), and the suggestion only
    ``with_suggestions`` (the personal right)."""
    said = lambda message: gettext(language, message)  # noqa: E731
    if not skm.has_questionnaire(session, round_):
        raise Invalid({"": N_("This round has no SKM questionnaire: create it on the round's page.")})
    asked = questions(session, round_)
    profile = [q for q in asked if q.role.startswith(skm.PROFILE)]
    unsur = [q for q in asked if q.role.startswith(skm.SKM)]
    table = response_table(session, round_)
    table = table.reindex(columns=[q.id for q in profile + unsur]) if not table.empty else \
        pd.DataFrame(columns=[q.id for q in profile + unsur], dtype=float)
    # Invited respondents by invitation, then public visitors by visit (their respondent is minus the visit).
    table = table.loc[sorted(table.index, key=lambda respondent: (respondent < 0, abs(respondent)))]
    exported = pd.DataFrame({said(RESPONDENT): range(1, len(table) + 1)})
    for question in profile:
        words = _profile_words(question, said)
        exported[_profile_header(question, said)] = [words.get(value, "") for value in table[question.id]]
    for question in unsur:
        exported[question.role[len(skm.SKM):]] = pd.Series(
            [None if pd.isna(value) else int(value) for value in table[question.id]], dtype=object)
    if with_suggestions:
        texts = skm.suggestions_by_respondent(session, round_)
        exported[said(SUGGESTION)] = [texts.get(respondent, "") for respondent in table.index]
    return exported


def unsur_table(session: Session, round_: Round, language: str) -> pd.DataFrame:
    """Per service (all services first) its nine unsur rows and an IKM row: answers, jumlah nilai, NRR,
    NRR x 0,111, x 25; the IKM row holds the IKM on 1-4, the printed column's sum, the IKM and its grade."""
    said = lambda message: gettext(language, message)  # noqa: E731
    found = skm.results(session, round_)
    groups = [(said(ALL_SERVICES), found.unsur, found.result)]
    groups += [(service.name if service.number < len(found.services) else said(skm.OTHER_SERVICE),
                service.unsur, service.result) for service in found.services]
    rows = []
    for name, unsur, result in groups:
        for u in unsur:
            rows.append([name, u.code, said(u.name), u.answers, u.total, _number(u.nrr), _number(u.weighted),
                         _number(u.converted), ""])
        if result is None:
            rows.append([name, "IKM", said(INDEX), 0, None, None, None, None, ""])
        else:
            rows.append([name, "IKM", said(INDEX), result.respondents, None, result.index,
                         sum(u.weighted for u in unsur), result.converted, result.grade])
    return pd.DataFrame(rows, columns=[said(SERVICE)] + [said(column) for column in UNSUR_COLUMNS])


def _profile_header(question, said) -> str:
    key = question.role[len(skm.PROFILE):]
    names = {k: name for k, name, _labels in skm.PROFILE_QUESTIONS}
    return said(names[key]) if key in names else said(skm.SERVICE_QUESTION) if key == "service" else question.text


def _profile_words(question, said) -> dict[float, str]:
    """Each option's stored value -> its words: the annex's in the reader's language, the office's services
    as written (the last, "other service", in the reader's language too)."""
    labels = {k: labels for k, _name, labels in skm.PROFILE_QUESTIONS}.get(question.role[len(skm.PROFILE):])
    words = {}
    for index, option in enumerate(question.options):
        if labels is not None and index < len(labels):
            words[option["value"]] = said(labels[index])
        elif question.role == skm.PROFILE + "service" and index == len(question.options) - 1:
            words[option["value"]] = said(skm.OTHER_SERVICE)
        else:
            words[option["value"]] = option["label"]
    return words


def _number(value: float) -> float | None:
    return None if value is None or np.isnan(value) else float(value)
