"""The vignette harness: run the real interview against simulated patients."""
