"""Reconcile: the same indicator and month published more than once, and what to make of it."""
