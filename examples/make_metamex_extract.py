"""Make data/overlay/metamex_acute_timeline.csv from MetaMEx's acute-exercise timeline.

MetaMEx (Pillon et al. 2020, Nat Commun 11:470, doi:10.1038/s41467-019-13869-w) publishes
its statistics in the GitHub repository NicoPillon/MetaMEx. Its file
``data/timeline/timeline_acute_stats.feather`` holds, per gene (``SYMBOL``), the
meta-analysed log fold change of human skeletal-muscle transcripts against the
pre-exercise biopsy at each time after one bout (``TTest.<time>.logFC``), its p value
(``TTest.<time>.P.Value``) and the Benjamini-Hochberg FDR (``TTest.<time>.adj.P.Val``),
with the number of post-exercise samples (``n.<time>``).

This script keeps the rows of the genes that name a node of the bundled graph (matched
as :func:`metagraph.overlay.overlay` matches them) and writes them in long form, one
row per gene and time point: ``symbol, time, log_fc, p_value, fdr, n, source``. Time
points where MetaMEx gives no statistic (the gene was not measured there) are left out.

Usage (from the repository root, with pandas and pyarrow installed)::

    git -C <MetaMEx clone> show HEAD:data/timeline/timeline_acute_stats.feather > /tmp/acute.feather
    python examples/make_metamex_extract.py /tmp/acute.feather --commit <MetaMEx commit>

It prints which of the graph's gene symbols MetaMEx does not hold.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from pathlib import Path

import pandas as pd

import metagraph
from metagraph.overlay import _Matcher, metamex_path

#: MetaMEx's column infix for each time point → how the extract writes it.
TIMES = {"0_1": "0-1 h", "2_3": "2-3 h", "4_6": "4-6 h", "24": "24 h", "48": "48 h"}
#: The sample-count column of each time point.
COUNTS = {"0_1": "n.0_1h", "2_3": "n.2_3h", "4_6": "n.4_6h", "24": "n.24h", "48": "n.48h"}
SOURCE = "MetaMEx acute exercise (Pillon et al. 2020)"


def extract(stats: pd.DataFrame, kg: metagraph.MetaGraph) -> list[dict[str, object]]:
    """Return the long-form rows of the genes of ``stats`` that name a node of ``kg``."""
    matcher = _Matcher(kg)
    out: list[dict[str, object]] = []
    for record in stats.to_dict("records"):
        symbol = str(record["SYMBOL"])
        if not matcher.match(symbol):
            continue
        for infix, label in TIMES.items():
            log_fc = record[f"TTest.{infix}.logFC"]
            fdr = record[f"TTest.{infix}.adj.P.Val"]
            if any(v is None or (isinstance(v, float) and math.isnan(v)) for v in (log_fc, fdr)):
                continue
            out.append(
                {
                    "symbol": symbol,
                    "time": label,
                    "log_fc": f"{float(log_fc):.6g}",
                    "p_value": f"{float(record[f'TTest.{infix}.P.Value']):.6g}",
                    "fdr": f"{float(fdr):.6g}",
                    "n": int(record[COUNTS[infix]]),
                    "source": SOURCE,
                }
            )
    return sorted(out, key=lambda r: (str(r["symbol"]), list(TIMES.values()).index(str(r["time"]))))


def main(argv: list[str] | None = None) -> int:
    """Read the Feather file, write the extract, report what the graph asks for but MetaMEx lacks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("feather", type=Path, help="timeline_acute_stats.feather from NicoPillon/MetaMEx")
    parser.add_argument("--out", type=Path, default=metamex_path(), help="the CSV to write")
    args = parser.parse_args(argv)
    stats = pd.read_feather(args.feather)
    kg = metagraph.load()
    rows = extract(stats, kg)
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["symbol", "time", "log_fc", "p_value", "fdr", "n", "source"])
        writer.writeheader()
        writer.writerows(rows)
    genes = sorted({str(r["symbol"]) for r in rows})
    print(f"wrote {len(rows)} rows for {len(genes)} genes to {args.out}: {', '.join(genes)}")
    held = {s.casefold() for s in stats["SYMBOL"].astype(str)}
    wanted = sorted({s for n in kg for s in n.names[1:] if s.isupper() and s.isalnum() and len(s) > 2})
    missing = [s for s in wanted if s.casefold() not in held]
    print(f"graph names that look like gene symbols but are not in MetaMEx's acute timeline: {', '.join(missing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
