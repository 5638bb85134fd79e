"""Bundled data: the nonprofit catalog, word lists, the simulated audience, theme and translations."""
