"""Subscriptions, matching, digest rendering and the SMTP outbox."""
