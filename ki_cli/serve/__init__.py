"""`ki serve`: the local web editor (imported only by that command)."""
