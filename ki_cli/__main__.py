"""Allow ``python -m ki_cli``."""

from ki_cli.cli.entry import main

if __name__ == "__main__":
    main()
