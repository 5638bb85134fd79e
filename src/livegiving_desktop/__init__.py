"""LiveGiving Desktop: the control room for live fundraisers and paid live events."""

__version__ = "0.1.0"
