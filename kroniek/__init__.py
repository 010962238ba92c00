"""kroniek: Dutch news articles in, coded and time-anchored political events out."""

__version__ = "0.1.0"
