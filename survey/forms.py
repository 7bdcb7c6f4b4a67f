"""WTForms forms: every field's validation lives here, views only call validate_on_submit().

One exception, the survey's hot path: a pairwise page's POST is read by posted_judgments and checked
by answers.submit_cluster, which checks every answer whoever calls it; its form is built to show errors.
"""
from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache, wraps

import wtforms
from flask import current_app, g, make_response, request
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm as FlaskWtfForm
from flask_wtf.csrf import CSRFError, generate_csrf
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    EmailField,
    FieldList,
    FormField,
    HiddenField,
    IntegerField,
    PasswordField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional, ValidationError
from wtforms.validators import NumberRange as PlainNumberRange

from analysis.ahp import RANDOM_INDEX, SAATY_SCALE, scale_label
from survey.render.numbers import format_number
from survey import db
from survey.form_messages import CATALOG
from survey.labels import words

#: The largest id an INTEGER column holds: a larger one in an address or a form names no row, and must not
#: reach the database driver (an overflow there is a 500).
LARGEST_ID = 2**31 - 1


def ticked_ids(name: str) -> list[int]:
    """The row ids a form's checkboxes ``name`` sent, in order; a value that is not one (text, a 30-digit
    number) names no row and is left out, so the service finds fewer of what was ticked and says so."""
    return [int(value) for value in request.form.getlist(name) if value.isdigit() and int(value) <= LARGEST_ID]
from survey.models import (
    Element,
    LadderSetting,
    Measurement,
    Organisation,
    Person,
    Question,
    Round,
    Scorecard,
    ScorecardVersion,
)
from survey.services import calendar
from survey.services.addresses import normal_email
from survey.services.bands import MAX_BANDS, MAX_LABEL
from survey.services.errors import translated
from survey.services.kinds import KINDS, codes
from survey.services.numbers import LARGEST, LARGEST_WEIGHT, NUMBER_FORMATS, NumberError, parse_number
from survey.services.phones import MAX_TEXT as MAX_PHONE_TEXT
from survey.services.phones import normal_phone
from survey.services.questionnaires import check_answer
from survey.services.tables import split_pairs
from survey.services.text import LINE_BREAK

#: The two-sided scale as radio values: A's side 9..2, equal, B's side 2..9 (a_AB = 1/v).
SCALE_VALUES = [scale_label(v) for v in SAATY_SCALE[::-1]]
DONT_KNOW = "dk"


class FlaskForm(FlaskWtfForm):
    """Flask-WTF's form with WTForms' own messages ("This field is required.") in the page's language.
    It keeps the library's name so that every form of this module, and any added later, has them."""

    class Meta:
        def get_translations(self, form):
            return CATALOG

    def validate(self, extra_validators=None):
        """WTForms' checks, and a line break refused in every one-line text field (a name, a title), so
        that it never reaches a mail subject or a line of a mail body. Every form of the site gets it."""
        valid = super().validate(extra_validators)
        return _one_line_fields_valid(self) and valid


def _one_line_fields_valid(form) -> bool:
    valid = True
    for field in form:
        if isinstance(field, FormField):
            valid = _one_line_fields_valid(field.form) and valid
        elif isinstance(field, FieldList):
            valid = _one_line_fields_valid(field.entries) and valid
        elif (is_one_line(field) and isinstance(field.data, str) and LINE_BREAK.search(field.data)):
            field.errors = [*field.errors, _("This field must be one line: remove the line break.")]
            valid = False
    if hasattr(form, "_errors"):
        form._errors = None  # WTForms caches a form's errors: let them be read again
    return valid


def is_one_line(field) -> bool:
    """A text input (not a text area, nor a password, which is never saved as text)."""
    return isinstance(field, StringField) and not isinstance(field, (TextAreaField, PasswordField))


def page_locale() -> str:
    return str(get_locale() or "id")


class NumberRange(PlainNumberRange):
    """WTForms' NumberRange, its bounds written in the page's language ("0,01", not "0.01")."""

    def __call__(self, form, field):
        data = field.data
        if data is not None and (self.min is None or data >= self.min) and (self.max is None or data <= self.max):
            return
        bounds = {name: format_number(value, "exact", page_locale()) for name, value in
                  (("min", self.min), ("max", self.max)) if value is not None}
        if self.message:
            raise ValidationError(self.message)
        if len(bounds) == 2:
            raise ValidationError(_("Number must be between %(min)s and %(max)s.", **bounds))
        if "min" in bounds:
            raise ValidationError(_("Number must be at least %(min)s.", **bounds))
        raise ValidationError(_("Number must be at most %(max)s.", **bounds))


class NumberField(StringField):
    """A text input for a number in the page's language: read strictly, shown back as it was read.

    ``kind`` says how a stored value is shown when the form is filled from data (see survey.render.numbers);
    ``largest`` bounds it either side of zero (services.numbers.LARGEST unless the field says less).
    """

    def __init__(self, label=None, validators=None, kind: str = "measure", largest: float = LARGEST, **kwargs):
        render_kw = {"inputmode": "decimal", "autocomplete": "off", **(kwargs.pop("render_kw", None) or {})}
        super().__init__(label, validators, render_kw=render_kw, **kwargs)
        self.kind, self.largest = kind, largest

    def process_formdata(self, valuelist):
        self.raw_text = valuelist[0] if valuelist else ""
        self.data = None
        if self.raw_text.strip():
            try:
                self.data = parse_number(self.raw_text, page_locale(), self.largest)
            except NumberError as error:
                raise ValueError(translated(error.message, _)) from None

    def _value(self):
        if getattr(self, "raw_text", None) is not None and self.data is None:
            return self.raw_text  # refused: show what was typed, with the message
        if self.data is None:
            return ""
        return format_number(self.data, "exact" if self.kind == "measure" else self.kind, page_locale())


#: The reply header that says a posted form's token was refused, and holds a fresh one (keeps_typed_text).
FRESH_TOKEN = "X-Fresh-Form-Token"


def keeps_typed_text(view):
    """For a page people type into: a POST whose CSRF token is refused (expired after an hour, or lost
    with the session) still reaches the view with ``token_refused()`` true, instead of a bare 400 page
    that loses what was typed. The view's FlaskForm fails validation on that same token, so nothing is
    saved: the page comes back with the posted values, a fresh token and a "press save again" line
    (base.html), answered 400; a view that redirects instead gets the "form expired" page. create_app exempts these views from the global check this one replaces.
    The shown form's fresh token also goes in the FRESH_TOKEN header: an answer kept on a device while its
    token expired (static/offline.js) is sent again with it, unchanged, without a page to read it from."""
    @wraps(view)
    def checked(*args, **kwargs):
        refusal = None
        if request.method == "POST":
            try:
                current_app.extensions["csrf"].protect()
            except CSRFError as error:
                refusal = error
        g.token_refused = refusal is not None
        response = make_response(view(*args, **kwargs))
        if refusal and response.status_code < 400:
            if response.status_code >= 300:
                raise refusal  # the view moved on without showing a form: the plain "form expired" page
            response.status_code = 400
        if refusal:
            response.headers[FRESH_TOKEN] = generate_csrf()
        return response
    checked.keeps_typed_text = True
    return checked


def token_refused() -> bool:
    """True in a keeps_typed_text view whose posted form carried a refused CSRF token."""
    return g.get("token_refused", False)


def mail_address(form, field) -> None:
    """The address rule people, users and the API share (services.addresses), so no form lets
    in an address another path would refuse."""
    if field.data and normal_email(field.data) is None:
        raise ValidationError(_("Enter a valid email address."))


def phone_number(form, field) -> None:
    """The phone rule of people (services.phones): an Indonesian or international number."""
    if field.data and normal_phone(field.data) is None:
        raise ValidationError(_("Enter a phone number such as 0812-3456-7890 or +62 812 3456 7890."))


class LoginForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[InputRequired(), mail_address])
    password = PasswordField(_l("Password"), validators=[InputRequired()])


def fits(column) -> Length:
    """At most what the column holds: the model is the one place a text's limit is written."""
    return Length(max=column.type.length)


class ScorecardForm(FlaskForm):
    name = StringField(_l("Scorecard name"), validators=[InputRequired(), fits(Scorecard.name)])
    label = StringField(_l("Version (e.g. the year)"), validators=[InputRequired(), fits(ScorecardVersion.label)])


class CopyVersionForm(FlaskForm):
    label = StringField(_l("New version label"), validators=[InputRequired(), fits(ScorecardVersion.label)])


class ElementEditForm(FlaskForm):
    """An element's code, name and record sheet: what can change once it is in the tree."""
    code = StringField(_l("Code"), validators=[InputRequired(), fits(Element.code)])
    name = StringField(_l("Name"), validators=[InputRequired(), fits(Element.name)])
    unit = StringField(_l("Unit"), validators=[Optional(), fits(Element.unit)])
    better = SelectField(_l("Better when"), choices=[("higher", _l("higher")), ("lower", _l("lower"))])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=2000)])
    formula = StringField(_l("Formula"), validators=[Optional(), fits(Element.formula)])
    data_source = StringField(_l("Data source"), validators=[Optional(), fits(Element.data_source)])
    measured_by = StringField(_l("Measured by"), validators=[Optional(), fits(Element.measured_by)])
    rollup = SelectField(_l("A year's actual from its quarters or months"), default="", choices=[
        ("", _l("not derived: enter it")), ("sum", _l("their sum (cumulative)")), ("mean", _l("their average")),
        ("last", _l("the last of them"))])


class RollupForm(FlaskForm):
    rollup = ElementEditForm.rollup


class ElementForm(ElementEditForm):
    kind = SelectField(_l("Kind"), choices=[("perspective", _l("Perspective")), ("objective", _l("Objective")),
                                            ("kpi", _l("KPI"))])
    parent_code = StringField(_l("Parent code"), validators=[Optional(), fits(Element.code)])


class UploadForm(FlaskForm):
    file = FileField(_l("CSV or XLSX file"), validators=[FileRequired(), FileAllowed(["csv", "xlsx"],
                                                                                    _l("Upload a .csv or .xlsx file."))])
    # XLSX number cells are numbers already; numbers written as text are read the way this says.
    number_format = SelectField(_l("Numbers written as text in the file look like"),
                                choices=[(code, format_number(1250000.5, "measure", code)) for code in NUMBER_FORMATS],
                                default=page_locale)


class PersonForm(FlaskForm):
    name = StringField(_l("Name"), validators=[InputRequired(), fits(Person.name)])
    email = EmailField(_l("Email"), validators=[Optional(), mail_address, fits(Person.email)])
    phone = StringField(_l("Phone (WhatsApp)"), validators=[Optional(), Length(max=MAX_PHONE_TEXT), phone_number])
    unit = StringField(_l("Work unit"), validators=[Optional(), fits(Person.unit)])
    role = StringField(_l("Role"), validators=[Optional(), fits(Person.role)])
    kind = SelectField(_l("Kind"), choices=[("stakeholder", _l("Stakeholder")), ("employee", _l("Employee"))])
    weight = NumberField(_l("Weight in the group"), default=1.0, kind="exact", largest=LARGEST_WEIGHT,
                         validators=[InputRequired(), NumberRange(min=0.01)])

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if not (self.phone.data or "").strip() and not (self.email.data or "").strip():
            # Optional() ends a field's checks when it is empty: this rule spans two fields.
            self.phone.errors = [*self.phone.errors, _("Give an email address or a phone number.")]
            return False
        return valid


class PeriodField(SelectField):
    """A period chosen from the organisation's calendar (services.calendar): last, this and next year's
    periods and those its data already names, labelled in the page's language; a period stored before
    the calendar stays offered. The service reads the value (services.periods.normalised)."""

    def __init__(self, label=None, validators=None, blank: bool = False, **kwargs):
        super().__init__(label, validators, choices=self._calendar_choices, validate_choice=False,
                         default=None if blank else _current_period, **kwargs)
        self.blank = blank

    def _calendar_choices(self):
        found = calendar.choices(db.session(), current_user.organisation, _today().year, page_locale(),
                                 keep=str(self.data or ""))
        return [("", "–")] + found if self.blank else found


def _today():
    return datetime.now(timezone.utc)


def _current_period() -> str:
    """The period of the calendar's shortest kind holding today: what a form offers first."""
    organisation = getattr(current_user, "organisation", None)  # nobody signed in: no calendar to offer from
    if organisation is None:
        return ""
    today = _today()
    return calendar.current(organisation, today.year, today.month)


class RoundForm(FlaskForm):
    kind = SelectField(_l("Kind of round"), choices=[(code, _l(kind.label)) for code, kind in KINDS.items()])
    title = StringField(_l("Title"), validators=[InputRequired(), fits(Round.title)])
    version_id = SelectField(_l("Scorecard version"), coerce=int)
    period = PeriodField(_l("Period"), validators=[Optional(), fits(Round.period)], blank=True)
    opens_at = DateTimeLocalField(_l("Opens"), validators=[Optional()])
    closes_at = DateTimeLocalField(_l("Closes"), validators=[Optional()])
    language = SelectField(_l("Language"), choices=[("id", "Bahasa Indonesia"), ("en", "English")])
    cr_threshold = NumberField(_l("CR threshold"), default=0.10, kind="ratio",
                               validators=[InputRequired(), NumberRange(0.01, 0.3)])
    ri_table = SelectField(_l("Random index table"), choices=[(name, _l(words(name, "ri_table"))) for name in RANDOM_INDEX])
    max_reasks = IntegerField(_l("Re-asks at most"), default=2, validators=[InputRequired(), NumberRange(0, 5)])
    aggregation = SelectField(_l("Aggregation"), choices=[("aij", _l("Geometric mean of judgments (AIJ)")),
                                                          ("aip", _l("Mean of individual priorities (AIP)"))])
    priority_method = SelectField(_l("Priorities"), choices=[
        ("eigen", _l("Principal eigenvector (standard)")), ("geometric", _l("Row geometric mean")),
        ("approximate", _l("Approximate (normalised columns, row averages)"))])
    weight_decimals = IntegerField(_l("Round published global weights to decimals"),
                                   validators=[Optional(), NumberRange(1, 6)])
    # Checked by rounds._checked_settings, for a direct-rating round only: another kind's draft keeps none.
    rating_scale = SelectField(_l("Rating scale (direct rating)"), coerce=int, default=10, validate_choice=False,
                               choices=[(10, _l("1 to 10")), (100, _l("0 to 100 (1 to 100 with a geometric mean)"))])
    rating_mean = SelectField(_l("Group rating (direct rating)"), default="arithmetic", validate_choice=False, choices=[
        ("arithmetic", _l("Arithmetic mean of ratings")), ("geometric", _l("Geometric mean of ratings"))])
    snap = SelectField(_l("Personal scorecard levels"), choices=[
        ("", _l("Fractional")), ("round_half_up", _l("Whole, rounded half up")), ("floor", _l("Whole, rounded down")),
        ("ceil", _l("Whole, rounded up"))])
    include_inconsistent = BooleanField(_l("Count respondents who stayed inconsistent"), default=True)
    allow_dont_know = BooleanField(_l("Allow \"don't know\""))
    ask_identity = BooleanField(_l("Ask role and years of service"), default=True)
    draft = BooleanField(_l("Keep it as a draft: settings stay editable and nothing is sent until you launch it"))

    def validate_closes_at(self, field):
        if field.data and self.opens_at.data and field.data <= self.opens_at.data:
            raise ValidationError(_l("The round must close after it opens."))


#: The new-round form's options by the kinds of round that use them (the others ask for them in every kind):
#: (heading, kinds, fields), the kinds those whose settings name the fields. The page groups them so; with
#: JavaScript only the chosen kind's are shown.
ROUND_OPTION_GROUPS = tuple(
    (heading, codes(lambda kind, fields=fields: set(fields) <= set(kind.settings)), fields) for heading, fields in (
        (_l("Pairwise comparisons"),
         ("cr_threshold", "ri_table", "max_reasks", "aggregation", "priority_method", "include_inconsistent")),
        (_l("Direct rating"), ("rating_scale", "rating_mean")),
        (_l("Published weights"), ("weight_decimals", "allow_dont_know")),
        (_l("Personal scorecards"), ("snap",))))


class ClosingForm(FlaskForm):
    closes_at = DateTimeLocalField(_l("Closes"), validators=[Optional()])


class SettingsForm(FlaskForm):
    time_zone = StringField(_l("Time zone"), validators=[InputRequired(), fits(Organisation.time_zone)])


class CalendarForm(FlaskForm):
    """The kinds of period the organisation reports in, for every year or for one year."""
    year = IntegerField(_l("Year (blank: every year)"), validators=[Optional(), NumberRange(1900, 2999)])
    # Checked by the service, whose message is in the page's language.
    kinds = SelectMultipleField(_l("Periods"), choices=[("year", _l("Year")), ("semester", _l("Semesters I-II")),
                                                        ("quarter", _l("Quarters (triwulan) I-IV")),
                                                        ("month", _l("Months"))], validate_choice=False,
                                widget=wtforms.widgets.ListWidget(prefix_label=False),
                                option_widget=wtforms.widgets.CheckboxInput())


class BandRowForm(wtforms.Form):
    """One predikat band: from which capaian (%) it starts, and its name in both languages."""

    class Meta:
        def get_translations(self, form):
            return CATALOG

    lower = NumberField(_l("From (percent)"), kind="exact", validators=[Optional()])
    label_id = StringField(_l("Name in Indonesian"), validators=[Optional(), Length(max=MAX_LABEL)])
    label_en = StringField(_l("Name in English"), validators=[Optional(), Length(max=MAX_LABEL)])


class BandsForm(FlaskForm):
    bands = FieldList(FormField(BandRowForm), min_entries=MAX_BANDS, max_entries=MAX_BANDS)


class PresetForm(FlaskForm):
    preset = SelectField(_l("Preset"), choices=[
        ("lkjip_district", _l("LKjIP district: 91 Sangat Baik, 76 Baik, 66 Cukup, 51 Kurang, else Sangat Kurang")),
        ("permenpanrb_6_2022", _l("PermenPANRB 6/2022 appraisal: 91 Sangat Baik, 76 Baik, 61 Butuh Perbaikan, "
                                  "51 Kurang, else Sangat Kurang"))])


class LightsForm(FlaskForm):
    red_below = NumberField(_l("Red below level"), kind="exact", validators=[InputRequired(), NumberRange(0, 10)])
    yellow_below = NumberField(_l("Yellow below level"), kind="exact",
                               validators=[InputRequired(), NumberRange(0, 10)])


class InviteForm(FlaskForm):
    people = HiddenField()


class ActionForm(FlaskForm):
    """A button that only needs CSRF protection."""


class IdentityForm(FlaskForm):
    role = StringField(_l("Your position"), validators=[InputRequired(), Length(max=200)])
    years_of_service = IntegerField(_l("Years of service"), validators=[Optional(), NumberRange(0, 60)])


def pairwise_form(pairs, allow_dont_know: bool, formdata=None, data=None) -> FlaskForm:
    """A form with one two-sided radio group per pair, named p_<row id>_<column id>."""
    form_class = _pairwise_form_class(tuple((a.id, a.name, b.id, b.name) for a, b in pairs), allow_dont_know)
    return form_class(formdata=formdata, data=data) if formdata is not None else form_class(data=data)


@lru_cache(maxsize=512)
def _pairwise_form_class(pairs: tuple, allow_dont_know: bool) -> type:
    """Form classes are built once per page layout; building one per request costs more than the request."""
    choices = [(value, value) for value in SCALE_VALUES] + ([(DONT_KNOW, _l("Don't know"))] if allow_dont_know else [])

    class PairwiseForm(FlaskForm):
        submission = HiddenField()
        revision = HiddenField()  # the page's stored answers the form was shown with (two windows)

    for a_id, a_name, b_id, b_name in pairs:
        setattr(PairwiseForm, f"p_{a_id}_{b_id}", RadioField(
            f"{a_name} – {b_name}", choices=choices,
            validators=[InputRequired(message=_l("Choose a value for this pair."))]))
    return PairwiseForm


def review_form(pairs, allow_dont_know: bool, formdata=None, data=None) -> FlaskForm:
    """A page of the feedback round: the pairwise page's radios and one reason for the page."""
    form_class = _review_form_class(tuple((a.id, a.name, b.id, b.name) for a, b in pairs), allow_dont_know)
    return form_class(formdata=formdata, data=data) if formdata is not None else form_class(data=data)


@lru_cache(maxsize=256)
def _review_form_class(pairs: tuple, allow_dont_know: bool) -> type:
    class ReviewForm(_pairwise_form_class(pairs, allow_dont_know)):
        reason = TextAreaField(_l("If you changed an answer, why?"), validators=[Optional(), Length(max=2000)])
    return ReviewForm


#: Each radio value as the judgment a_AB it stands for.
SCALE_JUDGMENTS = {label: float(value) for label, value in zip(SCALE_VALUES, SAATY_SCALE[::-1])}


def posted_judgments(pairs, formdata) -> dict[tuple[int, int], float | None]:
    """A pairwise page's answers read straight from the posted data, for the service to check:
    no pair when none was chosen, None for "don't know", NaN for a value off the scale."""
    given = {}
    for a, b in pairs:
        choice = formdata.get(f"p_{a.id}_{b.id}")
        if choice:
            given[(a.id, b.id)] = None if choice == DONT_KNOW else SCALE_JUDGMENTS.get(choice, float("nan"))
    return given


def rating_form(members, allow_dont_know: bool, formdata=None, data=None) -> FlaskForm:
    """A direct-rating page: a number per element, r_<id>, read in the page's language (the service
    checks the round's scale), and a "don't know" box dk_<id> when the round allows it."""
    class RatingForm(FlaskForm):
        submission = HiddenField()
        revision = HiddenField()  # the page's stored ratings the form was shown with (two windows)

        def validate(self, extra_validators=None) -> bool:
            # A number typed with "don't know" ticked is a contradiction: keeping either would drop the other.
            valid = super().validate(extra_validators)
            for element in members:
                dont_know, number = getattr(self, f"dk_{element.id}", None), self[f"r_{element.id}"]
                if dont_know is not None and dont_know.data and number.data is not None:
                    number.errors = [*number.errors, _l("You typed a rating and ticked \"don't know\": clear the "
                                                          "number or untick the box.")]
                    valid = False
            return valid

    for element in members:
        setattr(RatingForm, f"r_{element.id}", NumberField(element.name, kind="exact", validators=[Optional()]))
        if allow_dont_know:
            setattr(RatingForm, f"dk_{element.id}", BooleanField(_l("Don't know")))
    return RatingForm(formdata=formdata, data=data) if formdata is not None else RatingForm(data=data)


def shown_ratings(current: dict[int, float | None]) -> dict:
    """Stored ratings as a rating page's data: the number in its field, or its "don't know" box ticked."""
    data = {}
    for element_id, value in current.items():
        if value is None:
            data[f"dk_{element_id}"] = True
        else:
            data[f"r_{element_id}"] = value
    return data


def posted_ratings(form, members) -> dict[int, float | None]:
    """A rating page's answers for the service: None for "don't know", nothing for an element left empty."""
    given = {}
    for element in members:
        dont_know = getattr(form, f"dk_{element.id}", None)
        value = getattr(form, f"r_{element.id}").data
        if dont_know is not None and dont_know.data:
            given[element.id] = None
        elif value is not None:
            given[element.id] = value
    return given


def reask_form(pairs, formdata=None, data=None) -> FlaskForm:
    class ReaskForm(FlaskForm):
        submission = HiddenField()
        revision = HiddenField()  # the re-ask the form answers (two windows)
        reason = TextAreaField(_l("If you keep your answers, why?"), validators=[Optional(), Length(max=2000)])

    for row_id, column_id in pairs:
        setattr(ReaskForm, f"p_{row_id}_{column_id}", RadioField(
            choices=[(value, value) for value in SCALE_VALUES],
            validators=[InputRequired(message=_l("Choose a value for this pair."))]))
    return ReaskForm(formdata=formdata, data=data) if formdata is not None else ReaskForm(data=data)


class MeasurementForm(FlaskForm):
    kpi = SelectField(_l("KPI"))
    period = PeriodField(_l("Period"), validators=[InputRequired(), fits(Measurement.period)])
    target = NumberField(_l("Target"), validators=[Optional()])
    actual = NumberField(_l("Actual"), validators=[Optional()])
    inputs = StringField(_l("Inputs of a formula KPI (name = value; ...)"), validators=[Optional(), Length(max=1000)])
    note = StringField(_l("Note (why it changed)"), validators=[Optional(), Length(max=2000)])

    def validate_inputs(self, field):
        try:
            field.parsed = parse_inputs(field.data or "")
        except NumberError as error:
            raise ValidationError(translated(error.message, _)) from None
        except ValueError:
            raise ValidationError(_l("Write inputs as name = value pairs separated by ';', e.g. trained = 12; staff = 16."))


class LadderForm(FlaskForm):
    kpi = SelectField(_l("KPI"))
    period = PeriodField(_l("Period"), validators=[InputRequired(), fits(LadderSetting.period)])
    anchors = StringField(_l("Anchors (level: value; ...), e.g. 0: 50; 3: 70; 10: 100"),
                          validators=[InputRequired(), Length(max=500)])

    def validate_anchors(self, field):
        try:
            field.parsed = parse_anchors(field.data)
        except NumberError as error:
            raise ValidationError(translated(error.message, _)) from None
        except ValueError:
            raise ValidationError(_l("Write anchors as level: value pairs separated by ';', e.g. 0: 50; 3: 70; 10: 100."))


#: The roles as people read them (survey/rights.py says what each may do).
ROLE_NAMES = {"admin": _l("Administrator"), "hr": _l("HR"), "kpi_owner": _l("KPI owner"), "viewer": _l("Viewer")}


class UserForm(FlaskForm):
    """An administrator invites a colleague: they get an email with a link to choose their password."""
    name = StringField(_l("Name"), validators=[InputRequired(), Length(max=200)])
    email = EmailField(_l("Email"), validators=[InputRequired(), mail_address])
    role = SelectField(_l("Role in Neraca"), choices=list(ROLE_NAMES.items()), default="hr")


class RoleForm(FlaskForm):
    role = SelectField(_l("Role in Neraca"), choices=list(ROLE_NAMES.items()))


class NewPasswordForm(FlaskForm):
    password = PasswordField(_l("New password (at least 10 characters)"), validators=[InputRequired()])
    repeat = PasswordField(_l("The new password again"), validators=[InputRequired()])

    def validate_repeat(self, field):
        if field.data != self.password.data:
            raise ValidationError(_("The two passwords differ."))


class ChangePasswordForm(NewPasswordForm):
    current = PasswordField(_l("Current password"), validators=[InputRequired()])


class ForgottenPasswordForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[InputRequired(), mail_address])


class KpiOwnerForm(FlaskForm):
    kpi = SelectField(_l("KPI"))
    owner = SelectField(_l("Owner"), validate_choice=True)


class FindingForm(FlaskForm):
    kpi = HiddenField()
    root_cause = TextAreaField(_l("Root cause"), validators=[Optional(), Length(max=2000)])
    action = TextAreaField(_l("Recommended action"), validators=[Optional(), Length(max=2000)])


def attach_errors(form, error) -> list[tuple[str, str]]:
    """Put a service's Invalid messages at the fields they name (fixed messages translated);
    return (name, message) for those no field takes, for the page to show at the top."""
    left = []
    for name, message in error.errors.items():
        message = translated(message, _)
        field = getattr(form, name, None) if name else None
        if field is not None and hasattr(field, "errors"):
            field.errors = list(field.errors) + [message]
        else:
            left.append((translated(name, _), message))  # a row of a file: "row 3" in the page's language
    return left


def message_of(error) -> str:
    """A service's messages as one line in the page's language, for a flash or an error page."""
    return "; ".join(translated(message, _) for message in error.errors.values())


def parse_anchors(text: str) -> dict[int, float]:
    """'0: 50; 3: 70; 10: 100' -> {0: 50.0, 3: 70.0, 10: 100.0}, values in the page's language;
    ValueError when malformed (a NumberError saying how numbers are written, for a value)."""
    anchors = {int(level): parse_number(value, page_locale()) for level, value in split_pairs(text, ":")}
    if not anchors:
        raise ValueError(text)
    return anchors


class QuestionForm(FlaskForm):
    kind = SelectField(_l("Kind"), choices=[("number", _l("Number")), ("choice", _l("Choice over ranges")),
                                            ("likert", _l("Likert 1-5")), ("yesno", _l("Yes / no")),
                                            ("verdict", _l("Overall verdict")),
                                            ("text", _l("Open answer (not scored)"))])
    text = StringField(_l("Question"), validators=[InputRequired(), Length(max=500)])
    kpi = StringField(_l("KPI or element code"), validators=[Optional(), fits(Element.code)])
    unit = StringField(_l("Unit"), validators=[Optional(), fits(Question.unit)])
    minimum = NumberField(_l("Minimum"), validators=[Optional()])
    maximum = NumberField(_l("Maximum"), validators=[Optional()])
    options = StringField(_l("Options (label = value; ...)"), validators=[Optional(), Length(max=1000)])


class CorrectionForm(FlaskForm):
    invitation = HiddenField()
    question = HiddenField()
    value = StringField(_l("Corrected answer"), validators=[InputRequired(), Length(max=50)])
    reason = StringField(_l("Reason"), validators=[InputRequired(), Length(max=2000)])


class SkmQuestionnaireForm(FlaskForm):
    """The SKM questionnaire of PermenPANRB 14/2017 in one click; the unit's services for the profile."""
    services = StringField(_l("Services the unit offers (separated by ;)"),
                           validators=[InputRequired(), Length(max=3000)])


class EvidenceForm(FlaskForm):
    file = FileField(_l("File (PDF, PNG, JPEG, XLSX or CSV)"), validators=[FileRequired()])


class ClearValueForm(FlaskForm):
    """Erasing one stored value is its own act: confirmed, with a reason the history keeps."""
    fact = HiddenField()
    reason = StringField(_l("Why is it cleared?"), validators=[InputRequired(), Length(max=2000)])
    confirm = BooleanField(_l("Yes, clear this value"), validators=[InputRequired(
        message=_l("Tick the box to confirm that the value is cleared."))])


class ServedPopulationForm(FlaskForm):
    population = NumberField(_l("People served in the period"), validators=[Optional()], kind="count")


class IkmToKpiForm(FlaskForm):
    kpi = SelectField(_l("KPI"), choices=[])
    period = PeriodField(_l("Period"), validators=[InputRequired(), fits(Measurement.period)])


class SkmPeriodForm(FlaskForm):
    """The year, semester or quarter a satisfaction survey covers (services.skm_periods.set_period)."""
    period = PeriodField(_l("Period of the survey"), validators=[InputRequired(), fits(Round.period)])


class SkmFollowUpForm(FlaskForm):
    """A follow-up (rencana tindak lanjut) of an unsur; the service checks every field."""
    unsur = SelectField(_l("Unsur"), choices=[], validate_choice=False)
    action = TextAreaField(_l("Action"))
    unit = StringField(_l("Unit responsible"))
    due = DateField(_l("Due date"), validators=[Optional()])


class SkmProgressForm(FlaskForm):
    """What became of a follow-up: its status and what was done."""
    status = SelectField(_l("Status"), choices=[], validate_choice=False)
    done = TextAreaField(_l("What was done"))


class SatisfactionToKpiForm(FlaskForm):
    kpi = StringField(_l("KPI code"), validators=[InputRequired(), fits(Element.code)])
    period = PeriodField(_l("Period"), validators=[InputRequired(), fits(Measurement.period)])


def answers_form(asked, formdata=None, data=None) -> FlaskForm:
    """One field per question; each value is checked by the question's own rule."""
    class AnswersForm(FlaskForm):
        submission = HiddenField()
        revision = HiddenField()  # the stored answers' revision the page was shown with

    def rule(question):
        def check(_form, field):
            _value, problem = check_answer(question, field.data, page_locale())
            if problem:
                raise ValidationError(translated(problem, _))
        return check

    for question in asked:
        name = f"q_{question.id}"
        if question.kind in ("number", "text"):
            field = StringField(question.text, validators=[rule(question)])
        else:
            if question.kind == "choice":
                choices = [(str(i), option["label"]) for i, option in enumerate(question.options)]
            elif question.kind == "likert":
                choices = [(str(v), str(v)) for v in (1, 2, 3, 4, 5)]
            else:
                choices = [("1", _l("Yes")), ("0", _l("No"))]
            field = RadioField(question.text, choices=choices, validators=[rule(question)], validate_choice=False)
        setattr(AnswersForm, name, field)
    return AnswersForm(formdata=formdata, data=data) if formdata is not None else AnswersForm(data=data)


#: Why a form with an answer off its question's scale is refused (off_scale), on the public and kiosk pages.
OFF_SCALE = _l("One of the answers is not on the question's scale, so nothing was saved. Open the survey again "
               "and choose among the options shown.")


def off_scale(form) -> bool:
    """A picked answer that is none of the options shown: no browser sends it from our page."""
    return any(field.data and field.data not in {value for value, _label in field.choices}
               for field in form if isinstance(field, RadioField))


def parse_inputs(text: str) -> dict[str, float]:
    """'trained = 12; staff = 1.600' -> {'trained': 12.0, 'staff': 1600.0}, values in the page's language;
    ValueError when malformed (a NumberError saying how numbers are written, for a value)."""
    inputs = dict(split_pairs(text, "="))
    if not all(name.isidentifier() for name in inputs):
        raise ValueError(text)
    return {name: parse_number(value, page_locale()) for name, value in inputs.items()}


class GivenWeightsForm(FlaskForm):
    """The settings of weights given by HR or a decree; each element's weight is an input w_<code>,
    read in the view with parse_number (there is one per element of the version)."""
    level = SelectField(_l("The weights are"), choices=[("local", _l("local weights per cluster (shared among siblings)")),
                                                      ("global", _l("global weights per KPI"))])
    note = StringField(_l("Given by (e.g. the decree's number)"), validators=[Optional(), Length(max=300)])
    decimals = IntegerField(_l("Round published global weights to decimals"),
                            validators=[Optional(), NumberRange(1, 6)])


class ComparisonGroupsForm(FlaskForm):
    """Which elements a weighting round compares together (survey/services/groups.py checks the choice)."""
    objectives = SelectField(_l("Objectives are compared"), validate_choice=False,
                             choices=[("perspective", _l("by perspective (the objectives of each perspective)")),
                                      ("all", _l("all together, on one page"))])
    kpis = SelectField(_l("KPIs are compared"), validate_choice=False,
                       choices=[("objective", _l("by objective (the KPIs of each objective)")),
                                ("perspective", _l("by perspective (the KPIs of each perspective)")),
                                ("all", _l("all together, on one page"))])


class InfluenceForm(FlaskForm):
    """A cause-and-effect arrow of the strategy map: one objective drives another."""
    cause = SelectField(_l("Objective that drives"), choices=[])
    effect = SelectField(_l("Objective it drives"), choices=[])


class PublicForm(FlaskForm):
    """A satisfaction round's public link and its daily cap (empty: no cap)."""
    daily_cap = IntegerField(_l("Answers kept per day at most"), validators=[Optional(), NumberRange(1, 1_000_000)])


class CounterDeviceForm(FlaskForm):
    """A counter's tablet for a satisfaction round: its name and the service its form pre-fills."""
    name = StringField(_l("Name of the counter"), validators=[Length(max=200)])  # a missing one: the service says
    service = SelectField(_l("Service filled in"), choices=[], validate_choice=False)


class WindowForm(FlaskForm):
    """A time window on the office's clock: the public answers received in it, e.g. a burst to discard."""
    start = DateTimeLocalField(_l("From"), validators=[Optional()])
    end = DateTimeLocalField(_l("Until"), validators=[Optional()])


class InfluencersForm(FlaskForm):
    """The elements that influence one element of the ANP network: its column of the supermatrix."""
    # Checked by the service, whose message is in the page's language (WTForms' own choice message is not).
    sources = SelectMultipleField(_l("Influenced by"), choices=[], validate_choice=False)


class GridForm(FlaskForm):
    """A period's grid: its cells are read by services.grid (one input per KPI value, named by the cell);
    ``shown`` carries the values the page was rendered with, to tell a colleague's newer value apart."""
    shown = HiddenField()
    note = StringField(_l("Note (why it changed)"), validators=[Optional(), Length(max=2000)])


class SignatoriesForm(FlaskForm):
    """Who signs the Perjanjian Kinerja: the unit's head and the superior (checked by services.programmes)."""
    place = StringField(_l("Place of signing (city)"), validators=[Optional(), Length(max=200)])
    first_name = StringField(_l("Unit head's name"), validators=[Optional(), Length(max=200)])
    first_position = StringField(_l("Unit head's position"), validators=[Optional(), Length(max=200)])
    first_nip = StringField(_l("Unit head's NIP (optional)"), validators=[Optional(), Length(max=200)])
    second_name = StringField(_l("Superior's name"), validators=[Optional(), Length(max=200)])
    second_position = StringField(_l("Superior's position"), validators=[Optional(), Length(max=200)])
    second_nip = StringField(_l("Superior's NIP (optional)"), validators=[Optional(), Length(max=200)])


class ProgrammeForm(FlaskForm):
    """One programme of the year and its budget; the budget is read in the page's number format by the service."""
    code = StringField(_l("Code"), validators=[Optional(), Length(max=30)])
    name = StringField(_l("Programme"), validators=[Optional(), Length(max=300)])
    budget = StringField(_l("Budget (Rp)"), validators=[Optional(), Length(max=40)])
    objectives = StringField(_l("Objectives served (codes, separated by commas)"),
                             validators=[Optional(), Length(max=300)])
    realisation = StringField(_l("Realisation (Rp)"), validators=[Optional(), Length(max=40)])


class PlanForm(FlaskForm):
    """A plan above the years (Renstra); the service checks the years."""
    name = StringField(_l("Name"), validators=[Optional(), Length(max=200)])
    first_year = StringField(_l("First year"), validators=[Optional(), Length(max=10)])
    last_year = StringField(_l("Last year"), validators=[Optional(), Length(max=10)])


class PlanTargetForm(FlaskForm):
    """A KPI's final target in a plan and its national standard; numbers read in the page's format."""
    plan = SelectField(_l("Plan"), choices=[], validate_choice=False)
    kpi_code = StringField(_l("KPI code"), validators=[Optional(), Length(max=30)])
    final_target = StringField(_l("Final target"), validators=[Optional(), Length(max=40)])
    national_standard = StringField(_l("National standard (optional)"), validators=[Optional(), Length(max=40)])


class VersionPlanForm(FlaskForm):
    plan = SelectField(_l("Plan (Renstra)"), choices=[], validate_choice=False)


class KpiLinkForm(FlaskForm):
    """This year's KPI continues one of an earlier year's version; a blank earlier code removes the link."""
    kpi_code = StringField(_l("KPI code this year"), validators=[Optional(), Length(max=30)])
    earlier_version = SelectField(_l("Earlier year"), choices=[], validate_choice=False)
    earlier_code = StringField(_l("Its code that year (blank: remove the link)"),
                               validators=[Optional(), Length(max=30)])
