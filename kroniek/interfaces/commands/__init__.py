"""Command modules. Each module here defines `register(app)` and adds its commands to the CLI."""
