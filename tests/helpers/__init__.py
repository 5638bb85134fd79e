"""Helpers shared by the unit and command-line tests."""
