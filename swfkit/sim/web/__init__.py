"""The simulator's web layer: Flask app, identity, validation, routes."""
