"""The I/O edge that turns the knowledge files into engine objects, with precise error messages."""
