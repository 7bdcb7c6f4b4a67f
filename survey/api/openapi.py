"""The OpenAPI 3 description of the JSON API, served at /api/openapi.json."""
from survey.services.kinds import KINDS, codes

_ERROR = {"$ref": "#/components/schemas/Error"}
_NUMBER_OR_NULL = {"type": "number", "nullable": True}


def _responses(ok_schema, *errors):
    responses = {"200": {"description": "OK", "content": {"application/json": {"schema": ok_schema}}}}
    for status in ("401",) + errors:
        responses[status] = {"description": {"401": "missing or invalid token", "404": "not found in your organisation",
                                             "422": "invalid body; nothing was written"}[status],
                             "content": {"application/json": {"schema": _ERROR}}}
    return responses


def _written(properties):
    """The answers of a call that writes: 201 with ``properties``, or an error and nothing written."""
    errors = {"401": "missing or invalid token", "404": "not found in your organisation",
              "422": "invalid body; nothing was written"}
    return {"201": {"description": "written", "content": {"application/json": {"schema": {
        "type": "object", "properties": properties}}}},
        **{status: {"description": words, "content": {"application/json": {"schema": _ERROR}}}
           for status, words in errors.items()}}


def _id(name):
    return {"name": name, "in": "path", "required": True, "schema": {"type": "integer"}}


DOCUMENT = {
    "openapi": "3.0.3",
    "info": {"title": "Neraca API", "version": "1",
             "description": "Scorecards, survey rounds, participants, progress and results of one organisation. "
                            "Authenticate with 'Authorization: Bearer <token>' (HR makes tokens in the site)."},
    "security": [{"token": []}],
    "components": {
        "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
        "schemas": {
            "Error": {"type": "object", "required": ["error"],
                      "properties": {"error": {"type": "string"}, "errors": {"type": "object"}}},
            "Version": {"type": "object", "properties": {
                "id": {"type": "integer"}, "scorecard": {"type": "string"}, "label": {"type": "string"},
                "weights_round_id": {"type": "integer", "nullable": True},
                "weights_source": {"type": "string", "nullable": True, "enum": ["round", "given", None]},
                "weights_note": {"type": "string"},
                "weights_provenance": {"$ref": "#/components/schemas/WeightsProvenance"}}},
            "WeightsProvenance": {"type": "object", "description": "How the published weights were made.",
                                  "properties": {
                "source": {"type": "string", "nullable": True, "enum": ["round", "given", None]},
                "kind": {"type": "string", "nullable": True, "enum": [*codes(lambda kind: kind.gives_weights), "given", None],
                         "description": "; ".join([*(f"{code}: {kind.weights_words}" for code, kind in KINDS.items()
                                                      if kind.gives_weights), "given: by HR or a decree"])},
                "kind_words": {"type": "string"},
                "method": {"type": "array", "items": {"type": "string"},
                           "description": "e.g. geometric mean of judgments (AIJ), principal eigenvector; "
                                          "arithmetic mean of ratings, ratings from 1 to 10"},
                "respondents": {"type": "integer", "nullable": True,
                                "description": "respondents whose answers made the weights, when published"},
                "round_id": {"type": "integer", "nullable": True}, "title": {"type": "string"},
                "note": {"type": "string"},
                "published_on": {"type": "string", "format": "date", "nullable": True},
                "published_by": {"type": "string"}}},
            "Element": {"type": "object", "properties": {
                "code": {"type": "string"}, "kind": {"type": "string", "enum": ["perspective", "objective", "kpi"]},
                "parent": {"type": "string", "nullable": True}, "name": {"type": "string"}, "unit": {"type": "string"},
                "better": {"type": "string", "enum": ["higher", "lower"]}, "formula": {"type": "string"},
                "local_weight": _NUMBER_OR_NULL, "global_weight": _NUMBER_OR_NULL}},
            "Round": {"type": "object", "properties": {
                "id": {"type": "integer"}, "title": {"type": "string"},
                "kind": {"type": "string", "enum": list(KINDS)},
                "status": {"type": "string"}, "period": {"type": "string"}, "version_id": {"type": "integer"}}},
            "Measurement": {"type": "object", "required": ["kpi", "period"], "properties": {
                "kpi": {"type": "string"}, "period": {"type": "string", "description":
                    "a calendar code (2026, 2026-S1, 2026-Q2, 2026-03) or as offices write it (TW II 2026, "
                    "2026/TW2, Q2 2026), stored as the code; text the organisation stored before stays as it is"},
                "target": _NUMBER_OR_NULL, "actual": _NUMBER_OR_NULL,
                "inputs": {"type": "object", "additionalProperties": _NUMBER_OR_NULL,
                           "description": "raw inputs of a formula KPI"},
                "note": {"type": "string", "description": "why it changed"}}},
            "Participant": {"type": "object", "required": ["name"], "description": "An email, a phone, or both: "
                            "someone without email is invited without a message (HR hands them the link).",
                            "anyOf": [{"required": ["email"]}, {"required": ["phone"]}], "properties": {
                "name": {"type": "string"}, "email": {"type": "string", "format": "email"},
                "phone": {"type": "string", "description": "0812-3456-7890 or +62 812 3456 7890; kept as +6281234567890"},
                "unit": {"type": "string"},
                "role": {"type": "string"}, "kind": {"type": "string", "enum": ["stakeholder", "employee"]},
                "weight": {"type": "number", "exclusiveMinimum": True, "minimum": 0}}},
        },
    },
    "paths": {
        "/api/scorecards": {"get": {"summary": "Scorecard versions", "responses": _responses(
            {"type": "array", "items": {"$ref": "#/components/schemas/Version"}})}},
        "/api/scorecards/{version_id}": {"get": {
            "summary": "A scorecard version's tree with its published weights", "parameters": [_id("version_id")],
            "responses": _responses({"allOf": [{"$ref": "#/components/schemas/Version"}, {"type": "object", "properties": {
                "elements": {"type": "array", "items": {"$ref": "#/components/schemas/Element"}}}}]}, "404")}},
        "/api/scorecards/{version_id}/scores/{period}": {"get": {
            "summary": "The office scorecard of a period: KPI levels, lights, subtotals and the index",
            "parameters": [_id("version_id"), {"name": "period", "in": "path", "required": True,
                                              "schema": {"type": "string"}}],
            "responses": _responses({"type": "object", "properties": {
                "period": {"type": "string"},
                "index": dict(_NUMBER_OR_NULL, description="sum of the scored KPIs' values; null when none is scored"),
                "light": {"type": "string", "nullable": True, "description": "null while provisional"},
                "provisional": {"type": "boolean", "description": "some weighted KPI is not scored yet"},
                "scored": {"type": "integer"}, "weighted": {"type": "integer"},
                "gaps": {"type": "array", "items": {"type": "object", "properties": {
                    "kpi": {"type": "string"}, "missing": {"type": "array", "items": {
                        "type": "string", "enum": ["target", "actual", "ladder"]}}}}},
                "subtotals": {"type": "object", "additionalProperties": {"type": "number"}},
                "predikat": {"type": "string", "nullable": True,
                             "description": "the index's band (English words); null while provisional"},
                "kpis": {"type": "array", "items": {"type": "object", "properties": {
                    "code": {"type": "string"}, "weight": {"type": "number"}, "performance": _NUMBER_OR_NULL,
                    "level": _NUMBER_OR_NULL, "light": {"type": "string"}, "value": _NUMBER_OR_NULL,
                    "capaian": _NUMBER_OR_NULL, "predikat": {"type": "string", "nullable": True}}}},
                "unscored": {"type": "array", "description": "KPIs that cannot be scored this period, and why",
                             "items": {"type": "string"}}}}, "404")}},
        "/api/scorecards/{version_id}/measurements": {"post": {
            "summary": "Enter targets, actuals and formula inputs (all or none); an absent or null value leaves the "
                       "stored one unchanged",
            "parameters": [_id("version_id")],
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "array", "maxItems": 5000, "items": {"$ref": "#/components/schemas/Measurement"}}}}},
            "responses": _written({"changed": {"type": "integer",
                                               "description": "rows that changed a value (equal values are not "
                                                              "written again)"}})}},
        "/api/scorecards/{version_id}/measurements/clear": {"post": {
            "summary": "Clear one stored value on purpose; the reason is kept in its history",
            "parameters": [_id("version_id")],
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["kpi", "period", "value", "reason"], "properties": {
                    "kpi": {"type": "string"}, "period": {"type": "string"},
                    "value": {"type": "string", "description": "target, actual or input:<name>"},
                    "reason": {"type": "string", "minLength": 1}}}}}},
            "responses": _written({"cleared": {"type": "string"}})}},
        "/api/rounds": {"get": {"summary": "Survey rounds", "responses": _responses(
            {"type": "array", "items": {"$ref": "#/components/schemas/Round"}})}},
        "/api/rounds/{round_id}/progress": {"get": {
            "summary": "How many were invited, opened the link and completed", "parameters": [_id("round_id")],
            "responses": _responses({"type": "object", "properties": {
                "invited": {"type": "integer"}, "opened": {"type": "integer"}, "completed": {"type": "integer"},
                "response_rate": {"type": "number"}}}, "404")}},
        "/api/rounds/{round_id}/results": {"get": {
            "summary": "A round's results, as its kind gives them",
            "description": "Weighting and network rounds: clusters (one per page asked) and global_weights. Each "
                           "cluster has a state: ok (weights, cr, consensus S* with its word, relative "
                           "homogeneity), no_answers, or not_enough (the usable answers never link some element); "
                           "left_out_dont_know counts respondents whose \"don't know\" answers left an element "
                           "unlinked, and note says so. Direct-rating rounds: method, clusters (means, raters, "
                           "weights) and global_weights. Self-report rounds: people (email, total, rank). "
                           "Validation rounds: questions (question, element, relevant_share of the answers saying "
                           "relevant, answers) and verdicts (how many found the scorecard valid or not). "
                           "Satisfaction rounds: items (question, element, mean, percent, answers) and "
                           "overall_percent. A share, mean or percent nobody answered is null. A weighting round with a "
                           "feedback round also has feedback: opened_at, asked (respondents asked to review), before "
                           "(clusters and global_weights of the first round; the ones above are after it) and pages "
                           "(how many reviewed and changed each). 404 when a self-report "
                           "round cannot be scored yet (no answers).", "parameters": [_id("round_id")],
            "responses": _responses({"type": "object"}, "404")}},
        "/api/rounds/{round_id}/participants": {"post": {
            "summary": "Add people (all or none) and invite them to the round", "parameters": [_id("round_id")],
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "array", "maxItems": 5000, "items": {"$ref": "#/components/schemas/Participant"}}}}},
            "responses": _written({"added": {"type": "integer"}, "invited": {"type": "integer"}})}},
        "/api/openapi.json": {"get": {"summary": "This description", "security": [],
                                      "responses": {"200": {"description": "OK"}}}},
    },
}
