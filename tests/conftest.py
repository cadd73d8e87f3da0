"""One engine for the whole test run (building one loads the paragraph model); a test module
that needs another (a model of its own) defines its own ``engine`` fixture."""
import pytest


@pytest.fixture(scope="session")
def engine():
    from nlp.engine import Engine

    return Engine()
