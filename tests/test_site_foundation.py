"""The site starts from the app factory, on a database its migrations built."""
from sqlalchemy import create_engine, inspect


def test_health_page_reports_the_database_reachable(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_health_page_reports_an_unreachable_database(tmp_path, monkeypatch):
    from survey import create_app
    monkeypatch.setenv("NERACA_INSTANCE", str(tmp_path))
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/missing/dir/x.db", "SECRET_KEY": "t"})
    response = app.test_client().get("/health")
    assert response.status_code == 503
    assert response.get_json()["database"] == "unreachable"


def test_migrations_put_the_schema_under_alembic_control(app, database_url):
    assert "alembic_version" in inspect(create_engine(database_url)).get_table_names()


def test_home_page_speaks_both_languages(client):
    page = client.get("/").get_data(as_text=True)
    assert "Pengukuran kinerja" in page and "performance measurement" in page


def test_settings_come_from_the_environment(monkeypatch, tmp_path):
    from survey import config
    monkeypatch.setenv("NERACA_INSTANCE", str(tmp_path))
    monkeypatch.setenv("SMTP_HOST", "mail.example.go.id")
    monkeypatch.setenv("SMTP_PORT", "587")
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u:p@db/neraca")
    settings = config.load()
    assert (settings["SMTP_HOST"], settings["SMTP_PORT"]) == ("mail.example.go.id", 587)
    assert settings["DATABASE_URL"] == "postgresql+psycopg://u:p@db/neraca"
    assert settings["SESSION_COOKIE_SECURE"] is True
    assert config.load()["SECRET_KEY"] == settings["SECRET_KEY"]  # kept in the instance folder across restarts


def test_a_database_that_does_not_answer_gets_a_try_again_page_not_a_crash(tmp_path, monkeypatch):
    from survey import create_app
    monkeypatch.setenv("NERACA_INSTANCE", str(tmp_path))
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path}/missing/dir/x.db", "SECRET_KEY": "t"})
    page = app.test_client().get("/r/some-invitation-token")
    assert page.status_code == 503 and page.headers["Retry-After"] == "5"
    assert any(words in page.get_data(as_text=True) for words in ("kirim halaman itu lagi", "send the page again"))
    api = app.test_client().get("/api/rounds", headers={"Authorization": "Bearer nrc_x"})
    assert api.status_code == 503 and "error" in api.get_json()


def test_connections_the_database_server_dropped_are_replaced_without_a_failed_request(app, client, database_url):
    """PostgreSQL restarted or a connection cut by the network: the pool's pre-ping notices and reconnects."""
    import pytest

    from tests.helpers.database import terminate_backends
    if not database_url.startswith("postgresql"):
        pytest.skip("an embedded SQLite file has no server connection to lose")
    assert client.get("/health").status_code == 200  # a pooled connection now exists
    pooled = app.extensions["neraca.engine"].pool.checkedin()
    cut = terminate_backends(database_url)
    assert pooled >= 1 and cut >= 1
    for path in ("/health", "/"):
        assert client.get(path).status_code == 200
