"""Tests of the HTTP service (nlp/service)."""
