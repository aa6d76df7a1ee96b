"""Enrich: entity tagging and channel routing of parsed releases."""
