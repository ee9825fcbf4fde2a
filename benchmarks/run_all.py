"""Run every benchmark in this folder, each in a fresh process, and print its report.

    python3 course.py bench          # the same, from the course folder

Each script prints ratios against a reference measured in the same run and asserts nothing.
"""
import subprocess
import sys
from pathlib import Path

for script in sorted(Path(__file__).resolve().parent.glob("bench_*.py")):
    print(f"\n=== {script.name} ===", flush=True)
    # A fresh process each: one benchmark's thread pools and allocations do not skew the next.
    subprocess.run([sys.executable, str(script)], check=True)
