"""Ingest: the HTTP API producers submit releases to, and subscription management."""
