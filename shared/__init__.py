"""Contracts and plumbing shared by every pressroom service.

Nothing here knows what a stage does: only the documents that cross queues
(``models``), the map of queues and task names (``topology``), settings,
logging, the Celery app factory, the Redis store and the error tree.
"""
