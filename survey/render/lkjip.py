"""The LKjIP (chapter II's PK summary, chapter III.A and the PK as annex) as a DOCX HR can still edit in Word. It
reads the view model of services.lkjip through the cell texts below, the same ones its page and PDF
(templates/reports/lkjip.html) print, so the DOCX and the PDF hold the same words and numbers.
"""
from __future__ import annotations

import io

from docx.enum.text import WD_BREAK
from docx.shared import Pt

from survey.render import sakip
from survey.render.numbers import format_number
from survey.render.sakip import Gettext, _identity, measure, nilai_note, nilai_text, provisional_note, rupiah
from survey.services import periods
from survey.services.lkjip import Achievement, IndicatorResult, ObjectiveResult, PerformanceReport


def percent(value, language: str) -> str:
    return format_number(value, "percent", language)


def rating(achievement: Achievement | None, report: PerformanceReport, language: str, gettext: Gettext) -> str:
    """The predikat in the office's bands, or why there is no capaian."""
    if achievement is None:
        return "–"
    if achievement.predikat >= 0:
        return report.bands[achievement.predikat].label(language)
    return gettext(achievement.capaian_note) if achievement.capaian_note else "–"


def capaian_header(report: PerformanceReport, gettext: Gettext, nilai: bool = False) -> list[str]:
    """No | Indicator | Target, Realisation, Capaian, (Nilai,) Rating of the year | Realisation, Capaian of each
    past year."""
    past = [text for year in report.past_years
            for text in (gettext("Realisation %(year)s", year=year), gettext("Achievement %(year)s (%%)", year=year))]
    return [gettext("No."), gettext("Performance indicator"), gettext("Target %(year)s", year=report.year),
            gettext("Realisation %(year)s", year=report.year),
            gettext("Achievement %(year)s (%%)", year=report.year), *([gettext("Score (0–120)")] if nilai else []),
            gettext("Rating"), *past]


def indicator_name(indicator: IndicatorResult, report: PerformanceReport) -> str:
    """The indicator's name, and its code in the years it had another (the link HR stored)."""
    renamed = [f"{year}: {code}" for year, code in zip(report.past_years, indicator.past_codes)
               if code and code != indicator.code]
    return indicator.name + (f" ({'; '.join(renamed)})" if renamed else "")


def capaian_rows(objective: ObjectiveResult, report: PerformanceReport, language: str,
                 gettext: Gettext, nilai: bool = False) -> list[list[str]]:
    rows = []
    for number, indicator in enumerate(objective.indicators, 1):
        now, unit = indicator.this_year, indicator.unit
        past = [text for achievement in indicator.past
                for text in ((measure(achievement.realisation, unit, language), percent(achievement.capaian, language))
                             if achievement is not None else ("–", "–"))]
        rows.append([f"{objective.number}.{number}", indicator_name(indicator, report),
                     measure(now.target, unit, language), measure(now.realisation, unit, language),
                     percent(now.capaian, language),
                     *([nilai_text(now.capaian, now.nilai, language)] if nilai else []),
                     rating(now, report, language, gettext), *past])
    return rows


def plan_header(report: PerformanceReport, gettext: Gettext) -> list[str]:
    """Indicator | the plan's final target | the year's realisation | capaian against it | national standard."""
    final = (gettext("Final target %(first)s-%(last)s", first=report.plan_years[0], last=report.plan_years[1])
             if report.plan_years else gettext("Final target"))
    return [gettext("No."), gettext("Performance indicator"), final,
            gettext("Realisation to %(year)s", year=report.year), gettext("Achievement of the final target (%)"),
            gettext("National standard")]


def plan_rows(objective: ObjectiveResult, language: str) -> list[list[str]]:
    rows = []
    for number, indicator in enumerate(objective.indicators, 1):
        against, unit = indicator.against_plan, indicator.unit
        rows.append([f"{objective.number}.{number}", indicator.name,
                     measure(against.target if against else None, unit, language),
                     measure(indicator.this_year.realisation, unit, language),
                     percent(against.capaian if against else None, language),
                     measure(indicator.national_standard, unit, language)])
    return rows


def programme_header(gettext: Gettext) -> list[str]:
    return [gettext("No."), gettext("Programme"), gettext("Budget (Rp)"), gettext("Realisation (Rp)"),
            gettext("Budget absorbed (%)")]


def programme_rows(objective: ObjectiveResult, language: str) -> list[list[str]]:
    return [[str(number), p.name, rupiah(p.budget, language), rupiah(p.realisation, language),
             percent(p.absorbed, language)] for number, p in enumerate(objective.programmes, 1)]


def budget_rows(report: PerformanceReport, language: str, gettext: Gettext) -> list[list[str]]:
    """Chapter III.B: No | Programme | Budget | Realisation | Absorbed, per programme of the year, then the total."""
    rows = [[str(number), p.name, rupiah(p.budget, language), rupiah(p.realisation, language),
             percent(p.absorbed, language)] for number, p in enumerate(report.programmes, 1)]
    total = report.budget_total
    if rows:
        rows.append(["", gettext("Total"), rupiah(total.budget, language), rupiah(total.realisation, language),
                     percent(total.absorbed, language)])
    return rows


def narrative_lines(indicator: IndicatorResult, language: str, gettext: Gettext) -> list[str]:
    """The owners' own words, each after its period (marked when its values are not yet verified) and what it
    is: the root cause, then the action."""
    lines, unverified = [], gettext("not yet verified")
    cause, action = gettext("Root cause").lower(), gettext("Action").lower()
    for n in indicator.narrative:
        label = periods.label(n.period, language)
        if not n.verified:
            label += f" ({unverified})"
        if n.root_cause:
            lines.append(f"{label}, {cause}: {n.root_cause}")
        if n.action:
            lines.append(f"{label}, {action}: {n.action}")
    return lines


def lkjip_context(report: PerformanceReport, language: str, gettext: Gettext = _identity,
                  nilai: bool = False) -> dict:
    """What templates/reports/lkjip.html prints: the view model, the DOCX's own cell texts and the PK's;
    ``nilai`` adds the column of each capaian's nilai (0-120) to chapter III.A."""
    return {"report": report, "provisional": provisional_note(report.provisional_periods, language, gettext),
            "capaian_header": capaian_header(report, gettext, nilai), "plan_header": plan_header(report, gettext),
            "programme_header": programme_header(gettext), "rating_column": 6 if nilai else 5,
            "nilai_note": nilai_note(gettext) if nilai else "", "budget": budget_rows(report, language, gettext),
            "objectives": [{"objective": o, "capaian": capaian_rows(o, report, language, gettext, nilai),
                            "plan": plan_rows(o, language), "programmes": programme_rows(o, language),
                            "narrative": [(i, narrative_lines(i, language, gettext)) for i in o.indicators
                                          if i.narrative]}
                           for o in report.objectives],
            "pk_part": sakip.pk_context(report.agreement, language, gettext)}


def lkjip_docx(report: PerformanceReport, language: str, gettext: Gettext = _identity, nilai: bool = False) -> bytes:
    """Chapter II (the PK's tables), chapter III.A (per objective: capaian, plan, analysis, programmes),
    chapter III.B (the year's budget realisation), and the PK itself as the annex."""
    document = sakip.new_document()
    context = lkjip_context(report, language, gettext, nilai)
    sakip.centred(document, gettext("GOVERNMENT AGENCY PERFORMANCE REPORT %(year)s", year=report.year), bold=True,
                  size=13)
    sakip.centred(document, report.organisation.upper(), bold=True)
    if context["provisional"]:
        sakip.centred(document, context["provisional"], bold=True)
    document.add_heading(gettext("CHAPTER II PERFORMANCE PLANNING"), level=1)
    document.add_heading(gettext("Performance agreement %(year)s", year=report.year), level=2)
    sakip.add_pk_tables(document, report.agreement, language, gettext)
    document.add_heading(gettext("CHAPTER III PERFORMANCE ACCOUNTABILITY"), level=1)
    document.add_heading(gettext("A. Organisational performance achievement"), level=2)
    if report.plan:
        document.add_paragraph(gettext("Strategic plan: %(plan)s (%(first)s-%(last)s)", plan=report.plan,
                                       first=report.plan_years[0], last=report.plan_years[1]))
    if context["nilai_note"]:
        document.add_paragraph(context["nilai_note"]).runs[0].font.size = Pt(9)
    for part in context["objectives"]:
        objective = part["objective"]
        document.add_heading(gettext("Objective %(number)s: %(name)s", number=objective.number,
                                     name=objective.name), level=3)
        sakip.add_table(document, tuple(context["capaian_header"]), part["capaian"],
                        widths=(1.0, 5.0, *([2.0] * (len(context["capaian_header"]) - 2))))
        if report.has_plan_targets or report.has_standards:
            document.add_paragraph()
            sakip.add_table(document, tuple(context["plan_header"]), part["plan"],
                            widths=(1.0, 5.5, 2.5, 2.5, 2.5, 2.5))
        document.add_paragraph(gettext("Analysis of the achievement")).runs[0].bold = True
        for indicator, lines in part["narrative"]:
            document.add_paragraph(f"{indicator.code} {indicator.name}").runs[0].italic = True
            for line in lines:
                document.add_paragraph(line, style="List Bullet")
        if not part["narrative"]:
            document.add_paragraph(gettext("The KPI owners entered no root cause or action for this year."))
        document.add_paragraph(gettext("Supporting programmes")).runs[0].bold = True
        if part["programmes"]:
            sakip.add_table(document, tuple(context["programme_header"]), part["programmes"],
                            widths=(1.0, 7.0, 3.0, 3.0, 2.5))
        else:
            document.add_paragraph(gettext("No programme serves this objective."))
    document.add_heading(gettext("B. Budget realisation"), level=2)
    if context["budget"]:
        sakip.add_table(document, tuple(context["programme_header"]), context["budget"],
                        widths=(1.0, 7.0, 3.0, 3.0, 2.5))
    else:
        document.add_paragraph(gettext("No programme has been entered for this year."))
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    sakip.centred(document, gettext("ANNEX: PERFORMANCE AGREEMENT %(year)s", year=report.year), bold=True)
    sakip.add_pk(document, report.agreement, language, gettext)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
