"""The check pipeline: load (bytes → data + source map), structure, rules, findings, report."""
