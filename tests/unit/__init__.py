"""The fast tier: one module or command at a time, in process (a few seconds in all)."""
