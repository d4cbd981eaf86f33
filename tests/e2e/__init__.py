"""The end-to-end tier: real processes, real documents read back, hostile input, the wheel."""
