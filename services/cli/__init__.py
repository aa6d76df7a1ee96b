"""The ``pressroom`` command line: run, operate and inspect the system."""
