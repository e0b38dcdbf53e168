"""Web page timings: ``plkg serve`` pages over HTTP on a real store.

``python -m bench.bench_web STORE [--requests 20] [--json OUT] [--screenshots DIR]``

Serves the store with uvicorn on a loopback port (as ``plkg serve`` does) and
times, with an HTTP client, the department page of the department with the
most items, the item page of the item with the most citations and the article
page of the article the most items rest on: the median (and max) of
``--requests`` requests each, after one warm-up request.  The time to open the
store and to build the web index (the findings of every government, once per
store state) is reported apart.  With ``--screenshots`` headless Chromium
saves a PNG of each of the three pages there.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Sequence
from urllib.parse import urlencode


def pick_pages(index: Any) -> dict[str, str]:
    """The heaviest department, item and article of the store, as page URLs."""
    dept = max(index.items_of_department, key=lambda d: len(index.items_of_department[d]))
    item = max(index.bases, key=lambda i: (len(index.bases[i].citations), i))
    article = max(index.resting_on, key=lambda a: (len(index.resting_on[a]), a))
    return {"department": "/department?" + urlencode({"id": dept}), "item": "/item?" + urlencode({"id": item}),
            "article": "/article?" + urlencode({"id": article})}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--screenshots", type=Path)
    args = parser.parse_args(argv)

    import httpx

    from kg.embedded import EmbeddedStore
    from plkg.web import create_app

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.browser import chromium, running

    started = time.perf_counter()
    store = EmbeddedStore(args.store, create=False)
    store.count("PowerItem")  # reads the graph
    opened = time.perf_counter() - started
    app = create_app(store)
    started = time.perf_counter()
    index = app.state.web.index()
    built = time.perf_counter() - started
    pages = pick_pages(index)
    result: dict[str, Any] = {
        "store": str(args.store), "open_seconds": round(opened, 2), "index_seconds": round(built, 2),
        "findings": len(index.findings), "items": len(index.bases), "requests": args.requests, "pages": {},
    }
    with running(app) as base, httpx.Client(base_url=base, timeout=60) as client:
        for name, url in pages.items():
            assert client.get(url).status_code == 200, url  # warm-up
            times = []
            for _ in range(args.requests):
                t = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - t) * 1000)
                assert response.status_code == 200
            result["pages"][name] = {"url": url, "median_ms": round(statistics.median(times), 1),
                                     "max_ms": round(max(times), 1), "bytes": len(response.content)}
            print(f"{name:<10} median {statistics.median(times):7.1f} ms  max {max(times):7.1f} ms  "
                  f"{len(response.content):>8,} bytes  {url[:90]}")
        if args.screenshots:
            args.screenshots.mkdir(parents=True, exist_ok=True)
            with chromium() as browser:
                for name, url in pages.items():
                    browser.get(base + url)
                    height = browser.execute_script("return document.body.scrollHeight")
                    browser.set_window_size(1280, min(max(height, 800), 2400))
                    browser.save_screenshot(str(args.screenshots / f"web-{name}.png"))
    print(f"open {opened:.1f} s, index {built:.1f} s ({len(index.findings):,} findings, {len(index.bases):,} items)")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
