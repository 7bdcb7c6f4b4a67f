"""HR's ANP network: which element is influenced by which; a network round's supermatrices and their export."""
from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from survey import db
from survey.forms import ActionForm, InfluencersForm, keeps_typed_text, message_of
from survey.hr import blueprint, field_errors, round_or_404, version_or_404
from survey.services import network, results, scorecards, supermatrix_export
from survey.services.errors import Invalid, translated
from survey.services.kinds import kind_of


@blueprint.app_template_global("message_text")
def message_text(message: str) -> str:
    """A service's message (N_ with values) in the page's language."""
    return translated(message, _)


@blueprint.get("/versions/<int:version_id>/network")
def network_page(version_id):
    session = db.session()
    version_row = version_or_404(version_id)
    the_network = network.network(session, version_row)
    tree = scorecards.tree_order(scorecards.elements(session, version_row.id))
    clusters = [kind for kind in network.CLUSTER_NAMES if any(e.kind == kind for e, _depth in tree)]
    kind_of = {element.id: element.kind for element, _depth in tree}
    counts = {(a, b): 0 for a in clusters for b in clusters}
    for source, target in network.links(session, version_row):
        counts[kind_of[source], kind_of[target]] += 1
    return render_template("hr/network.html", version=version_row, network=the_network, tree=tree,
                           clusters=clusters, counts=counts, cluster_names=network.CLUSTER_NAMES,
                           map_differences=network.map_differences(session, version_row), action=ActionForm(),
                           editable=scorecards.frozen_reason(session, version_row) is None)


CLUSTERS = "any(perspective, objective, kpi)"


@blueprint.route(f"/versions/<int:version_id>/network/<{CLUSTERS}:source>/<{CLUSTERS}:target>",
                 methods=["GET", "POST"])
def network_matrix(version_id, source, target):
    """One matrix per pair of clusters: a row's element influences the ticked columns' elements; read down a
    column, what influences that element. Saving sets exactly the ticked links between the two clusters."""
    session = db.session()
    version_row = version_or_404(version_id)
    form = ActionForm()
    status, errors = 200, []
    ticked = network.links(session, version_row)
    if request.method == "POST":  # rights.guard has checked the right to edit
        if not form.validate_on_submit():
            abort(400)
        pairs = [_pair(value) for value in request.form.getlist("link")]
        try:
            network.set_cluster_links(session, version_row, source, target, pairs)
            flash(_("Saved."), "ok")
            return redirect(url_for("hr.network_page", version_id=version_id))
        except Invalid as error:
            errors, status, ticked = [message_of(error)], 400, set(pairs)
    rows, columns = network.members(session, version_row, source), network.members(session, version_row, target)
    influenced_by = {column.id: [row.code for row in rows if (row.id, column.id) in ticked] for column in columns}
    return render_template("hr/network_matrix.html", version=version_row, source=source, target=target,
                           rows=rows, columns=columns, ticked=ticked, influenced_by=influenced_by,
                           cluster_names=network.CLUSTER_NAMES, action=form, errors=errors,
                           editable=scorecards.frozen_reason(session, version_row) is None), status


def _pair(value: str) -> tuple[int, int]:
    """'12-34' -> (12, 34); anything else names no element, and the service refuses it."""
    source, _dash, target = value.partition("-")
    return (int(source), int(target)) if source.isdigit() and target.isdigit() else (0, 0)


@blueprint.post("/versions/<int:version_id>/network/from-strategy-map")
def network_from_strategy_map(version_id):
    version_row = version_or_404(version_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        added = network.add_strategy_arrows(db.session(), version_row)
        flash(_("%(n)d links added from the strategy map.", n=added), "ok")
    except Invalid as error:
        flash(message_of(error), "error")
    return redirect(url_for("hr.network_page", version_id=version_id))


@blueprint.route("/versions/<int:version_id>/network/<int:element_id>", methods=["GET", "POST"])
@keeps_typed_text
def network_element(version_id, element_id):
    session = db.session()
    version_row = version_or_404(version_id)
    everything = [e for e, _depth in scorecards.tree_order(scorecards.elements(session, version_row.id))]
    target = next((e for e in everything if e.id == element_id), None) or abort(404)
    form = InfluencersForm()
    form.sources.choices = [(str(e.id), f"{e.code} {e.name}") for e in everything if e.id != target.id]
    if request.method == "POST":  # rights.guard has checked the right to edit
        if form.validate_on_submit():
            try:
                network.set_influencers(session, version_row, target.id,
                                        [int(v) if v.isdigit() else 0 for v in form.sources.data or []])
                flash(_("Saved."), "ok")
                return redirect(url_for("hr.network_page", version_id=version_id))
            except Invalid as error:
                field_errors(form, error)
        status = 400
    else:
        form.sources.data = [str(e.id) for e in network.network(session, version_row).influencers.get(target.id, [])]
        status = 200
    clusters = [(kind, [e for e in everything if e.kind == kind and e.id != target.id])
                for kind in network.CLUSTER_NAMES]
    return render_template("hr/network_element.html", version=version_row, target=target, form=form,
                           clusters=clusters, cluster_names=network.CLUSTER_NAMES,
                           editable=scorecards.frozen_reason(session, version_row) is None), status


@blueprint.get("/rounds/<int:round_id>/supermatrices.<fmt>")
def network_export(round_id, fmt):
    """The unweighted, weighted and limit supermatrices laid out as Super Decisions prints them."""
    round_ = round_or_404(round_id)
    if "supermatrices" not in kind_of(round_).exports or fmt not in supermatrix_export.FORMATS:
        abort(404)
    supermatrices = results.results(db.session(), round_).network
    if supermatrices.limit is None:
        abort(404)
    content = supermatrix_export.to_bytes(supermatrices, fmt, _)
    return Response(content, mimetype=supermatrix_export.FORMATS[fmt], headers={
        "Content-Disposition": f"attachment; filename=supermatrices-round-{round_.id}.{fmt}"})
