"""Words for the codes the database keeps (an outbox status, a question's kind, an RI table):
pages and reports show these, never the code itself. The words are catalog messages in English;
the site's ``label`` filter translates them for a page, a report's own gettext translates them in a PDF."""
from __future__ import annotations

from survey.services.errors import N_
from survey.services.kinds import KINDS

LABELS = {
    "ri_table": {"saaty": N_("Saaty (1980)"), "alonso_lamata": N_("Alonso & Lamata (2006)"),
                 "donegan_dodd": N_("Donegan & Dodd (1991)")},
    "priority_method": {"eigen": N_("principal eigenvector"), "geometric": N_("row geometric mean"),
                        "approximate": N_("approximate method")},
    "aggregation": {"aij": N_("geometric mean of judgments (AIJ)"), "aip": N_("mean of individual priorities (AIP)")},
    "rating_mean": {"arithmetic": N_("arithmetic mean of ratings"), "geometric": N_("geometric mean of ratings")},
    "rating_scale": {"1-10": N_("ratings from 1 to 10"), "0-100": N_("ratings from 0 to 100"),
                     "1-100": N_("ratings from 1 to 100")},
    # How a version's published weights were made (reports.weights_provenance).
    "weights_kind": {**{code: kind.weights_words for code, kind in KINDS.items() if kind.gives_weights},
                     "given": N_("given")},
    "outbox": {"queued": N_("waiting to be sent"), "sending": N_("being sent"), "sent": N_("sent"),
               "retrying": N_("waiting to be tried again"), "failed": N_("failed"),
               "kept": N_("kept here (no mail server)"), "cancelled": N_("not sent: the participant was removed")},
    # Saaty's verbal scale, each strength as a respondent reads it after an element's name ("Keuangan jauh
    # lebih penting"): Saaty, "Decision making with the AHP", Int. J. Services Sciences 1(1), 2008, table 1
    # (equal, moderate, strong, very strong, extreme; 2, 4, 6, 8 between their neighbours). The Indonesian
    # words are the ones Indonesian AHP questionnaires use; they live in the catalog with the others.
    "saaty": {"1": N_("equally important"),
              "2": N_("between equally and moderately more important"),
              "3": N_("moderately more important"),
              "4": N_("between moderately and strongly more important"),
              "5": N_("strongly more important"),
              "6": N_("between strongly and very strongly more important"),
              "7": N_("very strongly more important"),
              "8": N_("between very strongly and extremely more important"),
              "9": N_("extremely more important")},
    # The same strengths in one word, under the odd numbers of the wide two-sided row.
    "saaty_short": {"1": N_("equally"), "3": N_("moderately"), "5": N_("strongly"), "7": N_("very strongly"),
                    "9": N_("extremely")},
    "question": {"number": N_("number"), "choice": N_("choice over ranges"), "likert": N_("Likert 1-5"),
                 "yesno": N_("yes / no"), "verdict": N_("overall verdict"),
                 "text": N_("open answer (not scored)")},
}


def words(code: str, group: str) -> str:
    """The English words for ``code`` among ``group``'s codes (an unknown code as it is)."""
    return LABELS[group].get(code, code)

