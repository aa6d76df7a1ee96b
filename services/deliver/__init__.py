"""Deliver: send one delivery to its subscriber and record the outcome."""
