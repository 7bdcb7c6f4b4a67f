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
from survey.services.errors import N_
from survey.services.questionnaires import questions, response_table

TABLES = ("answers", "unsur")
RESPONDENT, SUGGESTION = N_("Respondent"), N_("Suggestion")
SERVICE, ALL_SERVICES = N_("Service"), N_("All services")
INDEX = N_("Community Satisfaction Index (IKM)")
UNSUR_COLUMNS = (N_("Code"), N_("Unsur"), N_("Answers"), N_("Total of the answers"), N_("NRR (1-4)"),
                 N_("Weighted NRR (NRR × 0.111)"), N_("Converted (25-100)"), N_("Grade"))


def answers_table(session: Session, round_: Round, language: str, with_suggestions: bool) -> pd.DataFrame:
    """One row per counted respondent, oldest first: the profile's answers as words, U1-U9 as 1-4 numbers
    (empty where not answered), and the suggestion only ``with_suggestions`` (the personal right)."""
    said = lambda message: gettext(language, message)  # noqa: E731
    asked = questions(session, round_)
    skm.results(session, round_)  # Invalid when the round has no SKM questionnaire
    table = response_table(session, round_)
    profile = [q for q in asked if q.role.startswith(skm.PROFILE)]
    unsur = [q for q in asked if q.role.startswith(skm.SKM)]
    texts = skm.suggestions_by_respondent(session, round_) if with_suggestions else {}
    respondents = list(table.index) if not table.empty else []
    rows = []
    for number, respondent in enumerate(respondents, start=1):
        row = {said(RESPONDENT): number}
        for question in profile:
            row[_profile_header(question, said)] = _profile_word(question, table.at[respondent, question.id]
                                                                 if question.id in table else np.nan, said)
        for question in unsur:
            value = table.at[respondent, question.id] if question.id in table else np.nan
            row[question.role[len(skm.SKM):]] = None if pd.isna(value) else int(value)
        if with_suggestions:
            row[said(SUGGESTION)] = texts.get(respondent, "")
        rows.append(row)
    columns = ([said(RESPONDENT)] + [_profile_header(q, said) for q in profile] +
               [q.role[len(skm.SKM):] for q in unsur] + ([said(SUGGESTION)] if with_suggestions else []))
    return pd.DataFrame(rows, columns=columns)


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


def _profile_word(question, value, said) -> str:
    """The chosen option's words: the annex's in the reader's language, the office's services as written."""
    if pd.isna(value):
        return ""
    index = next((k for k, option in enumerate(question.options) if option["value"] == value), None)
    if index is None:
        return ""
    labels = {k: labels for k, _name, labels in skm.PROFILE_QUESTIONS}.get(question.role[len(skm.PROFILE):])
    if labels is not None and index < len(labels):
        return said(labels[index])
    if question.role == skm.PROFILE + "service" and index == len(question.options) - 1:
        return said(skm.OTHER_SERVICE)
    return question.options[index]["label"]


def _number(value: float) -> float | None:
    return None if value is None or np.isnan(value) else float(value)
