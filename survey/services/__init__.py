"""Use cases, one function each. They take plain values and a session, own the
transaction, and are what views, the CLI and tests call."""
