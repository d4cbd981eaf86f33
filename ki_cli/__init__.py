"""ki – a command-line toolkit for the Kommunale Integrationszentren (KI) in NRW."""

__version__ = "0.2.0"
