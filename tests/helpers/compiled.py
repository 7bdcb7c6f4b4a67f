"""What every test's app compiles again, compiled once per test session: templates, URL builders and SQL.

Every test builds its own app (its own database), so its own Jinja environment, which lexed, parsed and
compiled each template it rendered again, and its own URL map, whose 129 rules each generated and compiled
Python for their URL builders (0.15 s of each app's creation); the PDF reports make a new Jinja environment
per document too. Both are deterministic functions of their inputs, so the session keeps their compiled
code and hands it back, keyed by everything the code depends on:

- templates: Jinja's own bytecode cache (as FileSystemBytecodeCache, kept in memory), reused only for the
  same source text (Jinja compares a checksum), template name and file, and an environment configured alike;
- URL builders: werkzeug's generated function for the same rule text, host or subdomain, defaults and
  converters; each app's rule still binds it to itself (the function takes the rule as ``.self``);
- SQL: SQLAlchemy keeps each statement's compiled SQL in its engine, so a test's new engine compiled every
  query its pages ran again (SQLCompiler was 5 % of the suite's CPU). A finished test's engine, its pool
  emptied, is handed to the next app made on the same database with the same settings; two live apps
  never share one.

What is rendered or built is exactly what a fresh compilation would give."""
from __future__ import annotations

import hashlib
import weakref

import jinja2
from jinja2.bccache import Bucket
from werkzeug.routing import Rule


class SessionBytecodeCache(jinja2.BytecodeCache):
    def __init__(self):
        self.codes: dict[str, bytes] = {}

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        key = hashlib.sha1(f"{self.get_cache_key(name, filename)}|{configuration(environment)}".encode()).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.codes.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # dropped again if the source's checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()


def configuration(environment) -> str:
    """What of an environment the compiled code depends on (syntax, extensions, autoescaping, gettext)."""
    autoescape = environment.autoescape
    return repr((type(environment).__module__, type(environment).__qualname__, environment.block_start_string,
                 environment.block_end_string, environment.variable_start_string,
                 environment.variable_end_string, environment.comment_start_string,
                 environment.comment_end_string, environment.line_statement_prefix,
                 environment.line_comment_prefix, environment.trim_blocks, environment.lstrip_blocks,
                 environment.newline_sequence, environment.keep_trailing_newline, environment.optimized,
                 environment.finalize is not None, environment.is_async, sorted(environment.extensions),
                 getattr(environment, "newstyle_gettext", None),
                 autoescape if isinstance(autoescape, bool) else
                 (getattr(autoescape, "__qualname__", autoescape),  # select_autoescape's closure: its choices too
                  [cell.cell_contents for cell in getattr(autoescape, "__closure__", None) or ()])))


def share_compiled_templates(monkeypatch) -> SessionBytecodeCache:
    """Every Jinja environment made from now on (the apps', the reports') uses one session cache."""
    cache = SessionBytecodeCache()
    made = jinja2.Environment.__init__

    def with_cache(self, *args, **kwargs):
        made(self, *args, **kwargs)
        if self.bytecode_cache is None:
            self.bytecode_cache = cache

    monkeypatch.setattr(jinja2.Environment, "__init__", with_cache)
    return cache


def share_url_builders(monkeypatch) -> dict:
    """Every URL rule bound from now on reuses the builder an identical rule compiled earlier."""
    builders: dict = {}
    compile_builder = Rule._compile_builder

    def shared(self, *args, **kwargs):
        # The converter classes themselves (the same objects in every app of the process), in the map's order.
        converters = tuple(self.map.converters.items()) if self.map is not None else ()
        key = (type(self), self.rule, self.host, self.subdomain, self.merge_slashes,
               self.map.host_matching if self.map is not None else None,
               tuple(sorted((name, repr(value)) for name, value in (self.defaults or {}).items())),
               converters, args, tuple(sorted(kwargs.items())))
        if key not in builders:
            builders[key] = compile_builder(self, *args, **kwargs)
        return builders[key]

    monkeypatch.setattr(Rule, "_compile_builder", shared)
    return builders


class ReusedEngines:
    """The engines of finished tests' apps, by the arguments they were made with (survey.db.make_engine)."""

    def __init__(self, make_engine):
        self.make_engine = make_engine
        # engine -> its arguments, for the engines made here; weakly held: an engine of an app a test made itself,
        # never released, is collected with its pool as before (a strong hold kept its connections open)
        self.keys: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self.free: dict[tuple, list] = {}

    def __call__(self, url, *args, **kwargs):
        key = (str(url), args, tuple(sorted(kwargs.items())))
        if self.free.get(key):
            return self.free[key].pop()
        engine = self.make_engine(url, *args, **kwargs)
        self.keys[engine] = key
        return engine

    def release(self, engine) -> None:
        """``engine``'s app is done: its connections are closed and the engine waits for the next app."""
        engine.dispose()
        key = self.keys.get(engine)
        if key is not None:
            self.free.setdefault(key, []).append(engine)


def reuse_engines(monkeypatch) -> ReusedEngines:
    """Apps made from now on take a released engine of the same database and settings when one waits."""
    from survey import db

    engines = ReusedEngines(db.make_engine)
    monkeypatch.setattr(db, "make_engine", engines)
    return engines


#: werkzeug's own choice, what the site stores (scrypt with n = 2**15: 0.1-0.2 s of CPU per hash or check).
PASSWORD_HASH = "scrypt"
#: The tests' choice: the same scrypt, salt and check with n = 2**10, 32 times less work. Some 200 tests sign
#: in (a hash and a check each) and the demo creates accounts: a minute of the suite's CPU at full cost.
TEST_PASSWORD_HASH = "scrypt:1024:8:1"


def cheaper_password_hashes(monkeypatch) -> None:
    """Passwords hashed from now on use TEST_PASSWORD_HASH; checks read the cost from each stored hash.
    tests/test_suite_shortcuts.py shows the site itself hashes at werkzeug's full cost."""
    from werkzeug.security import generate_password_hash

    assert generate_password_hash.__defaults__[0] == PASSWORD_HASH, generate_password_hash.__defaults__
    monkeypatch.setattr(generate_password_hash, "__defaults__",
                        (TEST_PASSWORD_HASH, *generate_password_hash.__defaults__[1:]))
