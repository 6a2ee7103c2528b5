"""Benchmarks: `make bench` runs them and writes the table into bench/README.md."""
