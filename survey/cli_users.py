"""Console commands for setting up for real: ``neraca init``, ``neraca org create``,
``neraca user create|disable|enable|reset-password`` (for whoever hosts one or several offices).

Passwords never go on the command line (shell history, the process list): they come from
``--password-stdin``, the ``NERACA_PASSWORD`` variable, or a prompt. Without one, a command prints a
one-time set-password link instead (made from PUBLIC_URL, or --base-url).
"""
from __future__ import annotations

import getpass
import os
import sys

from sqlalchemy import func, select

from survey.models import ROLES, User
from survey.services import accounts, users
from survey.services.errors import Invalid
from survey.services.transactions import unit_of_work
from survey.services.zones import DEFAULT_TIME_ZONE


class Refused(Exception):
    """What the person at the console must fix; printed, exit status 2, nothing written."""


def add_commands(commands) -> None:
    init = commands.add_parser("init", help="create the organisation and its first administrator")
    init.add_argument("--org", help="the organisation's name")
    init.add_argument("--email", help="the administrator's email")
    init.add_argument("--name", help="the administrator's name")
    init.add_argument("--time-zone", default=DEFAULT_TIME_ZONE)
    init.add_argument("--force-new-org", action="store_true",
                      help="add one more organisation although users exist (a host of several offices)")
    _password_options(init)
    org = commands.add_parser("org", help="organisations").add_subparsers(dest="action", required=True)
    create_org = org.add_parser("create", help="create an organisation and print its id")
    create_org.add_argument("name")
    create_org.add_argument("--time-zone", default=DEFAULT_TIME_ZONE)
    user = commands.add_parser("user", help="users who sign in").add_subparsers(dest="action", required=True)
    create = user.add_parser("create", help="add a user to an organisation")
    create.add_argument("--org", type=int, required=True, help="the organisation's id")
    create.add_argument("--email", required=True)
    create.add_argument("--name", required=True)
    create.add_argument("--role", choices=ROLES, default="hr")
    _password_options(create)
    for action, text in (("disable", "end the user's sessions and refuse their sign-in"),
                         ("enable", "let a disabled user sign in again")):
        user.add_parser(action, help=text).add_argument("email")
    reset = user.add_parser("reset-password", help="print a one-time set-password link, or set it from stdin")
    reset.add_argument("email")
    _password_options(reset)


def _password_options(parser) -> None:
    parser.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    parser.add_argument("--base-url", help="the site's address for a printed link (default: PUBLIC_URL)")


def run(arguments, app) -> int:
    """Run one of these commands in ``app``'s database; 2 with a message when refused."""
    command = arguments.command if arguments.command == "init" else f"{arguments.command} {arguments.action}"
    with app.app_context(), app.extensions["neraca.sessionmaker"]() as session:
        try:
            with unit_of_work(session):  # a refused command writes nothing
                lines = COMMANDS[command](session, arguments, app.config)
        except (Invalid, Refused) as error:
            print(f"neraca {command}: {error}", file=sys.stderr)
            return 2
    print("\n".join(lines))
    return 0


def init(session, arguments, config) -> list[str]:
    if session.scalar(select(func.count()).select_from(User)) and not arguments.force_new_org:
        raise Refused("users exist already: this database is set up. To host one more organisation in it, "
                      "add --force-new-org (or use `neraca org create` and `neraca user create`).")
    name = arguments.org or _ask("Organisation name")
    email = arguments.email or _ask("Administrator's email")
    person = arguments.name or _ask("Administrator's name")
    password = _password(arguments, required=True)
    # All or nothing: no organisation without its administrator.
    organisation = accounts.new_organisation(session, name, arguments.time_zone)
    user = accounts.new_user(session, organisation.id, email, person, password, role="admin")
    return [f"Organisation {organisation.id}: {organisation.name} ({organisation.time_zone})",
            f"Administrator: {user.name} <{user.email}>",
            f"Sign in at {_base_url(arguments, config, required=False) or 'the site'}/login"]


def org_create(session, arguments, config) -> list[str]:
    organisation = accounts.create_organisation(session, arguments.name, arguments.time_zone)
    return [f"Organisation {organisation.id}: {organisation.name} ({organisation.time_zone})"]


def user_create(session, arguments, config) -> list[str]:
    password = _password(arguments, required=False)
    base_url = None if password else _base_url(arguments, config)
    user = accounts.new_user(session, arguments.org, arguments.email, arguments.name, password, arguments.role)
    made = f"User {user.email} ({user.role}) in organisation {user.organisation_id}"
    if password:
        return [made]
    return [made, "They choose their password with this link (once, within "
            f"{users.INVITE_VALID.total_seconds() / 3600:.0f} hours):", _link(session, user, "invite", base_url, config)]


def user_disable(session, arguments, config) -> list[str]:
    user = users.by_email(session, arguments.email)
    users.disable(session, user.organisation_id, user.id)
    return [f"{user.email} is disabled and signed out everywhere."]


def user_enable(session, arguments, config) -> list[str]:
    user = users.by_email(session, arguments.email)
    users.enable(session, user.organisation_id, user.id)
    return [f"{user.email} can sign in again."]


def user_reset_password(session, arguments, config) -> list[str]:
    user = users.by_email(session, arguments.email)
    password = _password(arguments, required=False)
    if password:
        if problem := accounts.password_problem(password):
            raise Invalid({"password": problem})
        accounts.set_password(session, user, password)
        return [f"The password of {user.email} is set; their other sessions are ended."]
    base_url = _base_url(arguments, config)
    return [f"{user.email} chooses a new password with this link (once, within "
            f"{users.RESET_VALID.total_seconds() / 3600:.0f} hours):", _link(session, user, "reset", base_url, config)]


COMMANDS = {"init": init, "org create": org_create, "user create": user_create, "user disable": user_disable,
            "user enable": user_enable, "user reset-password": user_reset_password}


def _link(session, user, purpose: str, base_url: str, config) -> str:
    token = users.new_link_token(session, user, purpose, secret_key=config["SECRET_KEY"])
    return f"{base_url.rstrip('/')}/password/{token}"


def _base_url(arguments, config, required: bool = True) -> str:
    base_url = arguments.base_url or config.get("PUBLIC_URL") or ""
    if required and not base_url:
        raise Refused("the link needs the site's address: set PUBLIC_URL or give --base-url")
    return base_url


def _password(arguments, *, required: bool) -> str | None:
    """From --password-stdin, NERACA_PASSWORD or a prompt (when a person is at the console)."""
    if arguments.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if os.environ.get("NERACA_PASSWORD"):
        return os.environ["NERACA_PASSWORD"]
    if not required:
        return None
    if not sys.stdin.isatty():
        raise Refused("no password: give it with --password-stdin or NERACA_PASSWORD")
    password = getpass.getpass("Password (at least 10 characters): ")
    if getpass.getpass("The password again: ") != password:
        raise Refused("the two passwords differ")
    return password


def _ask(question: str) -> str:
    if not sys.stdin.isatty():
        raise Refused(f"missing: {question.lower()} (give it as an option)")
    return input(f"{question}: ").strip()
