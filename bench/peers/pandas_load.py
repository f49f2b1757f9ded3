# W1 for pandas: reads every main table of a release folder into DataFrames (all text, no NA guessing, no quoting),
# as a script would before any analysis, and prints the row count of each table as JSON.
# Usage: /usr/bin/python3 pandas_load.py RELEASE_DIR TABLE...
import csv
import json
import os
import sys

import pandas as pd

release, tables = sys.argv[1], sys.argv[2:]
paths = {}
for root, _, files in os.walk(release):
    for f in files:
        paths[f.lower()] = os.path.join(root, f)
counts, frames = {}, {}
for t in tables:
    frames[t] = pd.read_csv(paths[t.lower() + ".csv"], sep="\t", dtype=str, quoting=csv.QUOTE_NONE,
                            keep_default_na=False, encoding="cp1252", engine="c")
    counts[t] = len(frames[t])
print(json.dumps(counts))
