"""Registry entries of the file and structure checks (KI0xx/KI1xx), in ``structure``.

The domain rules (KI2xx–KI6xx) are declared beside their functions in ``ki_cli/rules/``;
``ki_cli.registry`` builds the whole registry from both.
"""
