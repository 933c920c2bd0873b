"""Benchmarks: a deterministic data generator and a command that measures the app against its floors."""
