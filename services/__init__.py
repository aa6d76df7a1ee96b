"""pressroom's services: one package per pipeline stage, plus the operator CLI.

Each stage package has the same shape: pure modules (text in, models out; no
Redis, Celery, clock or environment) and ``tasks.py``, the thin Celery adapter
that loads from the store, calls the core, saves, and sends the next task by
name. Stages never import one another (import-linter holds this rule); only
the CLI, the operator's tool, composes them.
"""
