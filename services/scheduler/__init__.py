"""Scheduler: the periodic sweeps that replace long Celery ETAs (stuck releases, due retries)."""
