"""Ingest sources besides the HTTP API: drop directories and producers' newsroom feeds.

``config`` (the sources file), ``dropdir`` (claim, submit, file away), ``feeds``
(conditional GET, entries to submissions), ``submit`` (the API's store-then-queue
path), ``runner`` (the ``pressroom sources run`` loop).
"""
