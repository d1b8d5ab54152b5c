"""Canonical indicator catalogue and matching of printed indicator names onto it."""
