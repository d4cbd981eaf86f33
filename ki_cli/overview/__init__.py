"""``ki overview``: the statewide view over many concept files, one row per KI.

``collect`` reads and checks every file with the pipeline of ``ki validate`` (the same findings),
groups the files by municipality (two files of the same Kommune are two periods of one KI) and
builds one ``Row`` per KI (its newest period) or per file (``--all-periods``); ``table`` lays the
rows out as columns; ``write`` gives them out as text, CSV, JSON, XLSX or HTML. Files that give no
row (structural errors) and files with errors are listed with their findings, never dropped.
"""
