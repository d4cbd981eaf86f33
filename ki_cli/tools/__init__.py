"""Developer tools (not used by the command line at run time)."""
