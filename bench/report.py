#!/usr/bin/python3
"""Turns the measurements of bench/run.sh into bench/results.json and one table with the targets.

Usage: report.py OUT-FOLDER RESULTS-JSON
"""
import json
import os
import sys


def load(folder, name):
    path = os.path.join(folder, name + ".json")
    if not os.path.exists(path):
        return {}
    with open(path) as handle:
        return json.load(handle)


def pct(values, p):
    """The p-th percentile (nearest rank) of `values`, or None."""
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    rank = max(1, min(len(values), int(-(-p * len(values) // 100))))
    return values[rank - 1]


def summary(values):
    return {"n": len(values), "p50": pct(values, 50), "p99": pct(values, 99), "max": max(values) if values else None}


NAVIGATION = ["scroll", "page_down", "jump_to_end", "switch_screen"]
EDITING = ["filter_keystroke", "sort_change"]


def main():
    folder, results_path = sys.argv[1], sys.argv[2]
    results = {"machine": load(folder, "machine"), "seed": load(folder, "seed"), "scales": {}, "peers": {}}
    for scale in ["demo", "full"]:
        headless = load(folder, f"headless-{scale}")
        keys = load(folder, f"keys-{scale}")
        first = load(folder, f"first-{scale}")
        entry = {
            "first_frame_ms": summary(first.get("first_frame_ms", [])),
            "first_frame_bytes": first.get("first_frame_bytes"),
            "keys_headless_ms": {k: summary(v) for k, v in headless.get("keys", {}).items()},
            "keys_terminal_ms": {k: summary(v) for k, v in keys.items()},
            "registry": {k: summary(v) if isinstance(v, list) else v for k, v in headless.get("registry", {}).items()},
            "store_refresh": {k: summary(v) for k, v in headless.get("store", {}).items()},
            "approval_commit_ms": summary(headless.get("commit_ms", [])),
            "idle": load(folder, f"idle-{scale}"),
            "redraw_bytes": {size: load(folder, f"redraw-{scale}-{size}").get("redraw_bytes")
                             for size in ["80x24", "160x48"]},
        }
        for group, names in [("navigation", NAVIGATION), ("editing", EDITING)]:
            for way in ["headless", "terminal"]:
                pooled = []
                source = headless.get("keys", {}) if way == "headless" else keys
                for name in names:
                    pooled += source.get(name, [])
                entry[f"{group}_{way}_ms"] = summary(pooled)
        results["scales"][scale] = entry
    for peer in ["htop", "btop"]:
        results["peers"][peer] = {
            "idle": load(folder, f"idle-{peer}"),
            "redraw_bytes": {size: load(folder, f"redraw-{peer}-{size}").get("redraw_bytes")
                             for size in ["80x24", "160x48"]},
            # A program that ignores Ctrl-L (btop) is measured by its first complete paint instead.
            "first_paint_bytes": {size: load(folder, f"redraw-{peer}-{size}").get("startup_bytes")
                                  for size in ["80x24", "160x48"]},
        }
    with open(results_path, "w") as handle:
        json.dump(results, handle, indent=2, sort_keys=True)
    print_table(results)


def fmt(value, unit="", digits=1):
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:,.{digits}f}{unit}"
    return f"{value:,}{unit}"


def print_table(results):
    demo, full = results["scales"]["demo"], results["scales"]["full"]
    htop, btop = results["peers"]["htop"], results["peers"]["btop"]
    rows = []

    def row(figure, scale, ours, peers, target, ok):
        mark = "" if ok is None else ("PASS" if ok else "MISS")
        rows.append((figure, scale, ours, peers, target, mark))

    def p(entry, key, stat):
        return (entry.get(key) or {}).get(stat)

    for name, entry in [("demo", demo), ("full", full)]:
        first = entry["first_frame_ms"]
        target = "<= 250 ms" if name == "full" else ""
        ok = first["max"] is not None and first["max"] <= 250 if name == "full" else None
        row("1 first complete frame (p50 / max of 5)", name, f"{fmt(first['p50'])} / {fmt(first['max'])} ms", "",
            target, ok)
    for name, entry in [("demo", demo), ("full", full)]:
        for key, label in [("scroll", "scroll one line"), ("page_down", "page down"), ("jump_to_end", "jump to end"),
                           ("switch_screen", "switch screen"), ("filter_keystroke", "filter keystroke"),
                           ("sort_change", "sort change")]:
            headless = entry["keys_headless_ms"].get(key, {})
            terminal = entry["keys_terminal_ms"].get(key, {})
            limit = 16 if key in NAVIGATION else 50
            worst = max(v for v in [headless.get("p99"), terminal.get("p99")] if v is not None) \
                if headless.get("p99") is not None or terminal.get("p99") is not None else None
            ok = worst is not None and worst <= limit if name == "full" else None
            row(f"2 key->frame {label} (p50/p99 headless | terminal)", name,
                f"{fmt(headless.get('p50'), digits=2)}/{fmt(headless.get('p99'), digits=2)} | "
                f"{fmt(terminal.get('p50'), digits=2)}/{fmt(terminal.get('p99'), digits=2)} ms", "",
                f"p99 <= {limit} ms" if name == "full" else "", ok)
    for name, entry in [("demo", demo), ("full", full)]:
        registry = entry["registry"]
        row("3 registry poll + decode, new sample (p50/p99)", name,
            f"{fmt(p(registry, 'fetch_decode_ms', 'p50'))}/{fmt(p(registry, 'fetch_decode_ms', 'p99'))} ms "
            f"(decode alone {fmt(p(registry, 'decode_only_ms', 'p50'))} ms, {fmt(registry.get('nodes'))} nodes)",
            "", "", None)
        row("3 registry poll, not modified (304) (p50/p99)", name,
            f"{fmt(p(registry, 'not_modified_ms', 'p50'), digits=2)}/{fmt(p(registry, 'not_modified_ms', 'p99'), digits=2)} ms",
            "", "", None)
        store = entry["store_refresh"]
        row("3 store refresh after a change / unchanged (p50)", name,
            f"{fmt(p(store, 'changed_ms', 'p50'), digits=2)} / {fmt(p(store, 'unchanged_ms', 'p50'), digits=3)} ms",
            "", "", None)
    htop_idle, btop_idle = htop["idle"], btop["idle"]
    peers_cpu = f"htop {fmt(htop_idle.get('cpu_percent'), '%', 2)}, btop {fmt(btop_idle.get('cpu_percent'), '%', 2)}"
    for name, entry in [("demo", demo), ("full", full)]:
        idle = entry["idle"]
        cpu = idle.get("cpu_percent")
        if name == "demo":
            ok = cpu is not None and htop_idle.get("cpu_percent") is not None and cpu <= htop_idle["cpu_percent"]
            row("4 idle CPU, % of one core (60 s, 160x40)", name, fmt(cpu, "%", 2), peers_cpu, "<= htop", ok)
        else:
            row("4 idle CPU, % of one core (60 s, 160x40)", name, fmt(cpu, "%", 2), peers_cpu, "<= 2 %",
                cpu is not None and cpu <= 2)
    peers_rss = f"htop {fmt(htop_idle.get('peak_rss_kib'))} KiB, btop {fmt(btop_idle.get('peak_rss_kib'))} KiB"
    for name, entry in [("demo", demo), ("full", full)]:
        rss = entry["idle"].get("peak_rss_kib")
        row("4 peak RSS", name, f"{fmt(rss)} KiB", peers_rss, "<= 48 MB" if name == "full" else "",
            rss is not None and rss <= 48 * 1024 if name == "full" else None)
    peers_bytes = f"htop {fmt(htop_idle.get('bytes_per_second'))} B/s, btop {fmt(btop_idle.get('bytes_per_second'))} B/s"
    for name, entry in [("demo", demo), ("full", full)]:
        rate = entry["idle"].get("bytes_per_second")
        ok = None
        if name == "demo":
            ok = rate is not None and htop_idle.get("bytes_per_second") is not None and rate <= htop_idle["bytes_per_second"]
        row("5 idle bytes/s to the terminal (160x40)", name, f"{fmt(rate)} B/s", peers_bytes,
            "<= htop" if name == "demo" else "", ok)
    for size in ["80x24", "160x48"]:
        def peer_redraw(peer):
            value = peer["redraw_bytes"].get(size)
            if value:
                return f"{fmt(value)} B"
            first = peer.get("first_paint_bytes", {}).get(size)
            return f"{fmt(first)} B first paint (ignores Ctrl-L)" if first else "n/a"
        peers = f"htop {peer_redraw(htop)}, btop {peer_redraw(btop)}"
        for name, entry in [("demo", demo), ("full", full)]:
            value = entry["redraw_bytes"].get(size)
            target = "<= 4 KB" if size == "80x24" else ""
            ok = (value is not None and value <= 4096) if size == "80x24" else None
            row(f"5 one full redraw at {size}", name, f"{fmt(value)} B", peers, target, ok)
    for name, entry in [("demo", demo), ("full", full)]:
        commit = entry["approval_commit_ms"]
        row("6 approval confirm -> committed (p50/p99)", name,
            f"{fmt(commit['p50'], digits=2)}/{fmt(commit['p99'], digits=2)} ms (n={commit['n']})", "",
            "p99 <= 10 ms", commit["p99"] is not None and commit["p99"] <= 10)
    seed = results.get("seed", {})
    row("seed: 1,000,000 runs + 1,000,000 audit records", "full", f"{fmt((seed.get('seed_ms') or 0) / 1000)} s", "",
        "well under a minute", seed.get("seed_ms") is not None and seed["seed_ms"] < 45_000)

    widths = [max(len(r[i]) for r in rows + [("figure", "scale", "ours", "htop / btop", "target", "")])
              for i in range(6)]
    header = ("figure", "scale", "ours", "htop / btop", "target", "")
    machine = results.get("machine", {})
    print(f"fusion-console benchmark — {machine.get('console', '')} — {machine.get('cpu', '?')}, "
          f"{machine.get('cores', '?')} cores, {machine.get('memory_mib', '?')} MiB, load at start "
          f"{machine.get('load_at_start', '?')}")
    print(" | ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("-+-".join("-" * w for w in widths))
    for r in rows:
        print(" | ".join(c.ljust(w) for c, w in zip(r, widths)))


if __name__ == "__main__":
    main()
