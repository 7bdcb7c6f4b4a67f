"""HR's ANP network: which element is influenced by which; a network round's supermatrices and their export."""
from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from survey import db
from survey.forms import ActionForm, InfluencersForm, keeps_typed_text
from survey.hr import blueprint, field_errors, round_or_404, version_or_404
from survey.services import network, results, scorecards, supermatrix_export
from survey.services.errors import Invalid, translated




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
    return render_template("hr/network.html", version=version_row, network=the_network, tree=tree,
                           editable=scorecards.frozen_reason(session, version_row) is None)


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


def network_round_results(round_):
    """A network round's results page (from hr.round_results): CR per comparison, supermatrices, weights."""
    session = db.session()
    outcome = results.round_results(session, round_)
    return render_template("hr/network_results.html", round=round_, outcome=outcome,
                           cluster_names=network.CLUSTER_NAMES, action=ActionForm(),
                           tree=scorecards.tree_order(scorecards.elements(session, round_.version_id)))


@blueprint.get("/rounds/<int:round_id>/supermatrices.<fmt>")
def network_export(round_id, fmt):
    """The unweighted, weighted and limit supermatrices laid out as Super Decisions prints them."""
    round_ = round_or_404(round_id)
    if round_.kind != "network" or fmt not in supermatrix_export.FORMATS:
        abort(404)
    outcome = results.round_results(db.session(), round_)
    if outcome.limit is None:
        abort(404)
    content = supermatrix_export.to_bytes(outcome, fmt, _)
    return Response(content, mimetype=supermatrix_export.FORMATS[fmt], headers={
        "Content-Disposition": f"attachment; filename=supermatrices-round-{round_.id}.{fmt}"})
