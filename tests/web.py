"""Helpers for driving the site through Flask's test client, CSRF tokens included."""
import re
import time

from itsdangerous import TimestampSigner, URLSafeTimedSerializer

from survey.services import accounts

TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')


def hidden(page: str, name: str) -> str:
    """The value of a hidden input, e.g. a page's idempotency key."""
    return re.search(rf'name="{name}" type="hidden" value="([^"]*)"', page).group(1)


def csrf(client, url: str) -> str:
    """The form token a page at ``url`` would carry: the page is fetched for it only while the browser's
    session holds none yet; then it is signed from the session as Flask-WTF signs it (one GET a POST less,
    the site's tokens still checked as sent)."""
    raw = session_token(client)
    if raw is not None:
        return URLSafeTimedSerializer(client.application.config["SECRET_KEY"], salt="wtf-csrf-token").dumps(raw)
    page = client.get(url).get_data(as_text=True)
    match = TOKEN.search(page)
    assert match, f"no CSRF token on {url}"
    return match.group(1) or match.group(2)


def session_token(client) -> str | None:
    """The raw form token the browser's session holds, if any (cookies of the client's jar)."""
    with client.session_transaction() as cookie:
        return cookie.get("csrf_token")


def expired_token(site, browser) -> str:
    """The browser's form token as the site signed it two hours ago (tokens last one hour)."""
    class TwoHoursAgo(TimestampSigner):
        def get_timestamp(self):
            return int(time.time()) - 7200

    with browser.session_transaction() as cookie:
        raw = cookie["csrf_token"]
    return URLSafeTimedSerializer(site.config["SECRET_KEY"], salt="wtf-csrf-token", signer=TwoHoursAgo).dumps(raw)


def post(client, url: str, data: dict, page: str | None = None, **kwargs):
    """POST a form the way a browser does: with the CSRF token of the page that shows it."""
    return client.post(url, data={"csrf_token": csrf(client, page or url), **data}, **kwargs)


def sign_in(client, session, organisation_id, email="hr@example.org", role="hr", password="correct horse battery"):
    accounts.create_user(session, organisation_id, email, "HR", password, role=role)
    response = post(client, "/login", {"email": email, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)
    return response


def round_form(**values) -> dict:
    """The new-round form as a browser sends it with its defaults, overridden by ``values``."""
    return {"kind": "weighting", "title": "Bobot 2010", "language": "id", "cr_threshold": "0,10", "ri_table": "saaty",
            "max_reasks": "2", "aggregation": "aij", "priority_method": "eigen", "snap": "",
            "include_inconsistent": "y", "ask_identity": "y", **values}
