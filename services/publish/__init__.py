"""Publish: match an enriched release to subscriptions and create one delivery per match."""
