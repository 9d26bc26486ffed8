"""swfkit: client, simulator and certification checks for the DSO SWF."""

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
