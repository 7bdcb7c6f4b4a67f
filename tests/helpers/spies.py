"""The real function, watched: a test counts how often the site called it without replacing what it does."""
from __future__ import annotations


def calls_of(monkeypatch, owner, name: str) -> list[int]:
    """A list that grows by one each time ``owner.name`` (a module's function, or a dict's entry) is called;
    the call itself runs as before."""
    calls, real = [], owner[name] if isinstance(owner, dict) else getattr(owner, name)

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)
    if isinstance(owner, dict):
        monkeypatch.setitem(owner, name, counting)
    else:
        monkeypatch.setattr(owner, name, counting)
    return calls
