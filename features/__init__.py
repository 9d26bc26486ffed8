"""swfkit's Dutch conformance scenarios (pytest-bdd); see features/conftest.py."""
