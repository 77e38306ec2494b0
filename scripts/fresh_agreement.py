#!/usr/bin/env python3
"""Agreement between the engine and a coach's labels on scenarios written by a trainer from the docs alone.

tests/data/fresh/ holds six scenarios authored from docs/scenario-format.md only (with the author's
notes on what the manual left unclear) and labelled answers written and labelled by a separate labeller
who never saw the engine's output. Prints Cohen's kappa per criterion kind and overall, using
`followthrough score --json` exactly as a trainer would.
Usage: python3 scripts/fresh_agreement.py [path/to/followthrough] [-v] [--by-detector] [--dir tests/data/fresh2]
(default binary target/debug/followthrough, default set tests/data/fresh; -v prints each disagreement,
--by-detector each criterion kind's kappa, false alarms and misses per built-in detector it names)
"""
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "fresh")
if "--dir" in sys.argv:
    ROOT = sys.argv[sys.argv.index("--dir") + 1]


def kappa(pairs):
    n = len(pairs)
    if n == 0:
        return float("nan"), float("nan")
    po = sum(a == b for a, b in pairs) / n
    pa, pb = sum(a for a, _ in pairs) / n, sum(b for _, b in pairs) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return ((po - pe) / (1 - pe) if pe < 1 else 1.0), po


def scenario_files():
    files = {}
    for path in glob.glob(os.path.join(ROOT, "scenarios", "*.ron")):
        text = open(path, encoding="utf-8").read()
        m = re.search(r'\bid:\s*"([^"]+)"', text)
        if m and "turns" in text:
            files[m.group(1)] = path
    return files


def criterion_detectors(files):
    """(scenario, criterion id) -> the built-in detectors a criterion names, e.g. "blame" ("phrases" if none)."""
    out = {}
    for scenario, path in files.items():
        chunks = open(path, encoding="utf-8").read().split('id: "')[1:]
        for chunk in chunks:
            cid = chunk.split('"')[0]
            if "kind: Forbidden" in chunk or "kind: Required" in chunk:
                dets = re.findall(r'Detector\("([^"]+)"\)', chunk)
                out[(scenario, cid)] = "+".join(sorted(set(dets))) or "phrases"
    return out


def main():
    args = [a for i, a in enumerate(sys.argv[1:], 1) if not a.startswith("-") and sys.argv[i - 1] != "--dir"]
    binary = args[0] if args else "target/debug/followthrough"
    files = scenario_files()
    pairs, by_kind, misses = [], {"required": [], "forbidden": []}, []
    detectors, by_detector = criterion_detectors(files), {}
    with open(os.path.join(ROOT, "labelled.jsonl"), encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    for row in rows:
        out = subprocess.run([binary, "score", "--scenario", files[row["scenario"]], "--turn", row["turn"], "--json",
                              "--scenarios", os.path.join(ROOT, "scenarios")],
                             input=row["response"], capture_output=True, text=True, check=True)
        card = json.loads(out.stdout)
        for c in card["criteria"]:
            human = row["labels"][c["id"]]
            engine = c["met"]
            pairs.append((engine, human))
            by_kind.setdefault(c["kind"], []).append((engine, human))
            name = detectors.get((row["scenario"], c["id"]), "?")
            by_detector.setdefault((c["kind"], name), []).append((engine, human))
            if engine != human:
                misses.append((row["scenario"], row["turn"], c["id"], "FALSE" if engine else "MISSED", row["response"]))
    if "-v" in sys.argv:
        for m in misses:
            print("\t".join(m))
    for kind, p in by_kind.items():
        k, po = kappa(p)
        print(f"{kind:10s} kappa {k:.2f} agreement {100 * po:.1f}% ({len(p)} judgements)")
    if "--by-detector" in sys.argv:
        for (kind, name), p in sorted(by_detector.items()):
            k, po = kappa(p)
            false = sum(e and not h for e, h in p) / max(1, sum(not h for _, h in p))
            missed = sum(h and not e for e, h in p) / max(1, sum(h for _, h in p))
            print(f"  {kind:9s} {name:28s} kappa {k:.2f} false alarms {100 * false:.1f}% "
                  f"missed {100 * missed:.1f}% ({len(p)} judgements)")
    k, po = kappa(pairs)
    fp = [e for e, h in by_kind.get("forbidden", []) if e and not h]
    neg = [h for _, h in by_kind.get("forbidden", []) if not h]
    print(f"all        kappa {k:.2f} agreement {100 * po:.1f}% over {len(rows)} answers; "
          f"forbidden false alarms {100 * len(fp) / max(1, len(neg)):.1f}%")


if __name__ == "__main__":
    main()
