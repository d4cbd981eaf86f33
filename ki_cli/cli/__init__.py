"""The command line: the Typer app, its entry point, help and usage errors."""
