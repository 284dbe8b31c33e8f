"""`python -m haelguiden` runs the command-line interface."""

from haelguiden.cli import main

main()
