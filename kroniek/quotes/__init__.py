"""Quotes and attribution: who said what, linked to the events it claims."""
