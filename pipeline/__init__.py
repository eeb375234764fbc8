"""Multilingual extraction of events and agreements from development-cooperation news."""
__version__ = "0.1.0"
