"""The floor for benchmarks/site.py: a bare Flask endpoint that inserts the same judgment rows.

No forms, no CSRF, no consistency check, no templates: just parse the posted
pairs and insert them in one transaction, over the same database.
"""
import os

from flask import Flask, request
from sqlalchemy import create_engine, text


def create_app() -> Flask:
    app = Flask(__name__)
    engine = create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True)

    @app.post("/bare/<int:invitation_id>/<cluster>")
    def insert(invitation_id, cluster):
        rows = [{"invitation": invitation_id, "cluster": cluster, "row": int(key.split("_")[1]),
                 "column": int(key.split("_")[2]), "value": float(eval_fraction(value))}
                for key, value in request.form.items() if key.startswith("p_")]
        with engine.begin() as connection:
            revision = connection.execute(text("SELECT COALESCE(MAX(revision), 0) + 1 FROM judgments "
                                               "WHERE invitation_id = :i"), {"i": invitation_id}).scalar()
            connection.execute(text("INSERT INTO judgments (invitation_id, cluster, row_id, column_id, value, "
                                    "revision, created_at) VALUES (:invitation, :cluster, :row, :column, :value, "
                                    ":revision, CURRENT_TIMESTAMP)"), [dict(r, revision=revision) for r in rows])
        return "", 204

    return app


def eval_fraction(value: str) -> float:
    numerator, _, denominator = value.partition("/")
    return float(numerator) / float(denominator or 1)
