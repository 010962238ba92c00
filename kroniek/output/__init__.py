"""Outputs: the JSON Lines files of `kroniek extract` and the exports."""
