#!/usr/bin/env bash
# Extract the bundled 23 Nov 2023 agenda pack and show the result.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/bootstrap.sh
mkdir -p out
.venv/bin/scorekit extract fixtures/pdf/agenda-2023-11.pdf -o out/agenda-2023-11.csv --with-text out/agenda-2023-11-text.csv
echo
echo "First rows of out/agenda-2023-11.csv:"
.venv/bin/python - <<'PY'
import pandas as pd
df = pd.read_csv("out/agenda-2023-11.csv", keep_default_na=False)
cols = ["page", "ref", "indicator", "period", "measure", "value", "value_raw", "confidence"]
with pd.option_context("display.width", 160, "display.max_colwidth", 48):
    print(df[cols].head(15).to_string(index=False))
print(f"\n{len(df)} values from {df['page'].nunique()} pages -> out/agenda-2023-11.csv")
PY
