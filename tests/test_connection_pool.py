"""Each process keeps a bounded number of database connections, set by the deployment (README)."""
from survey import create_app


def test_the_pool_size_and_overflow_come_from_the_settings(database_url, monkeypatch, tmp_path):
    monkeypatch.setenv("NERACA_INSTANCE", str(tmp_path))
    monkeypatch.setenv("NERACA_DB_POOL_SIZE", "3")
    monkeypatch.setenv("NERACA_DB_MAX_OVERFLOW", "2")
    app = create_app({"DATABASE_URL": database_url})
    engine = app.extensions["neraca.engine"]
    try:
        assert engine.pool.size() == 3 and engine.pool._max_overflow == 2
    finally:
        engine.dispose()
