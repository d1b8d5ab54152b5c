"""The review page in a real headless Chromium (Debian's `chromium`), and the xlsx twin."""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest
import typer
from typer.testing import CliRunner

from scorekit.reconcile import decisions as decmod
from scorekit.reconcile.resolve import apply_decisions
from scorekit.report.commands import register
from scorekit.report.crops import Cropper
from scorekit.report.html import build

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def review(result_all, tmp_path_factory):
    apply_decisions(result_all, decmod.Decisions())
    page = build(result_all, Cropper(), max_cells=12)
    path = tmp_path_factory.mktemp("report") / "review.html"
    path.write_text(page, encoding="utf-8")
    return path


def test_page_is_self_contained(review, result_all):
    text = review.read_text(encoding="utf-8")
    refs = re.findall(r'(?:src|href)="([^"]*)"', text)
    assert refs and all(r.startswith("data:") for r in refs)
    assert "http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in text
    assert text.count('class="finding"') == len(result_all.conflicts)
    assert text.count("data:image/png;base64,") >= len(result_all.conflicts)
    assert text.count("<svg") == len(result_all.conflicts)
    assert "scorekit archive decide" in text


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class CDP:
    """The little of the DevTools protocol the test needs, over websocket-client."""

    def __init__(self, url: str) -> None:
        import websocket

        self.ws = websocket.create_connection(url, timeout=30)
        self.n = 0
        self.events: list[dict] = []

    def call(self, method: str, **params):
        self.n += 1
        self.ws.send(json.dumps({"id": self.n, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.n:
                if "error" in msg:
                    raise RuntimeError(msg["error"])
                return msg.get("result", {})
            self.events.append(msg)

    def drain(self, seconds: float) -> None:
        """Keep the events that arrive until `seconds` pass without one."""
        import websocket

        self.ws.settimeout(seconds)
        try:
            while True:
                self.events.append(json.loads(self.ws.recv()))
        except websocket.WebSocketTimeoutException:
            self.ws.settimeout(30)


def test_page_loads_in_chromium_without_console_errors(review, tmp_path):
    assert CHROMIUM is not None, "chromium is missing: scripts/bootstrap.sh installs it"
    port = _free_port()
    profile = tmp_path / "profile"
    profile.mkdir()
    proc = subprocess.Popen(
        [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--remote-debugging-port={port}",
            "--window-size=1280,1600",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        targets = None
        for _ in range(150):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2) as r:
                    targets = [t for t in json.load(r) if t.get("type") == "page"]
                if targets:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        assert targets, "chromium did not start"
        cdp = CDP(targets[0]["webSocketDebuggerUrl"])
        cdp.call("Runtime.enable")
        cdp.call("Log.enable")
        cdp.call("Page.enable")
        cdp.call("Page.navigate", url=review.as_uri())
        for _ in range(300):
            state = cdp.call("Runtime.evaluate", expression="document.readyState")["result"]["value"]
            if state == "complete":
                break
            time.sleep(0.1)
        cdp.drain(1.0)
        n = cdp.call("Runtime.evaluate", expression="document.querySelectorAll('section.finding').length")
        assert n["result"]["value"] > 100
        classes = cdp.call(
            "Runtime.evaluate",
            returnByValue=True,
            expression=(
                "Array.from(new Set(Array.from(document.querySelectorAll('section.finding')).map(s=>s.dataset.class)))"
            ),
        )
        assert set(classes["result"]["value"]) == {"shifted_series", "revision", "contradiction"}
        broken = cdp.call(
            "Runtime.evaluate",
            expression=("Array.from(document.images).filter(i=>!(i.complete && i.naturalWidth>0)).length"),
        )
        assert broken["result"]["value"] == 0
        # the filter chips work
        cdp.call("Runtime.evaluate", expression="document.querySelector('span[data-class=revision]').click()")
        hidden = cdp.call("Runtime.evaluate", expression="document.querySelectorAll('section.finding.hidden').length")
        assert hidden["result"]["value"] > 0
        cdp.call("Runtime.evaluate", expression="document.querySelector('span[data-class=all]').click()")
        shot = cdp.call("Page.captureScreenshot", format="png")["data"]
        cdp.drain(0.5)
        errors = [
            e
            for e in cdp.events
            if (e.get("method") == "Runtime.consoleAPICalled" and e["params"]["type"] in ("error", "assert"))
            or e.get("method") == "Runtime.exceptionThrown"
            or (e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error")
        ]
        assert not errors, errors
    finally:
        proc.kill()
        proc.wait(timeout=30)
    import base64
    import io

    from PIL import Image

    img = Image.open(io.BytesIO(base64.b64decode(shot))).convert("RGB")
    (tmp_path / "shot.png").write_bytes(base64.b64decode(shot))
    colours = img.getcolors(maxcolors=1 << 20)
    assert img.width >= 800 and len(colours) > 50
    dominant = max(colours)[0] / (img.width * img.height)
    assert dominant < 0.9


def test_report_command_writes_html_and_xlsx(matched_all, tmp_path, result_all):
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        pass

    register(app)
    src = tmp_path / "m.parquet"
    matched_all[matched_all.source == "agenda-2023-11.pdf"].to_parquet(src)
    runner = CliRunner()
    html = tmp_path / "review.html"
    res = runner.invoke(
        app, ["report", "conflicts", str(src), "-o", str(html), "-d", str(tmp_path / "d.csv"), "--max-cells", "4"]
    )
    assert res.exit_code == 0, res.output
    assert html.read_text().count('class="finding"') > 100
    xlsx = tmp_path / "review.xlsx"
    res = runner.invoke(app, ["report", "conflicts", str(src), "-o", str(xlsx), "-d", str(tmp_path / "d.csv")])
    assert res.exit_code == 0, res.output
    from openpyxl import load_workbook

    wb = load_workbook(xlsx, read_only=True)
    assert wb.sheetnames == ["findings", "sources"]
    rows = list(wb["findings"].iter_rows(values_only=True))
    assert "class" in rows[0] and "decision_value" in rows[0]
    assert {r[rows[0].index("class")] for r in rows[1:]} >= {"equivalent", "duplicate_copy", "shifted_series"}
    res = runner.invoke(app, ["report", "conflicts", str(src), "-o", str(tmp_path / "r.txt")])
    assert res.exit_code == 2 and len(res.output.strip().splitlines()) == 1


def test_an_areas_finding_names_the_area_and_charts_its_own_series(tmp_path):
    from scorekit.reconcile.engine import reconcile
    from tests.reconcile.test_units import obs

    rows = [
        ("sep.pdf", 1, 1, 1, "x", "2023-08", "40"),
        ("sep.pdf", 1, 1, 1, "x", "2023-07", "39"),
        ("sep.pdf", 2, 1, 1, "x", "2023-08", "55"),
        ("oct.pdf", 1, 1, 1, "x", "2023-09", "41"),
        ("oct.pdf", 2, 1, 1, "x", "2023-08", "57"),
    ]
    result = reconcile(obs(rows).assign(area=["", "", "England", "", "England"]))
    apply_decisions(result, decmod.Decisions())
    page = build(result, Cropper())
    assert page.count('class="finding"') == 1
    header = re.search(r'<section class="finding".*?</div>', page).group(0)
    assert "x · England · value · 2023-08" in header
    chart = re.search(r"<svg.*?</svg>", page).group(0)
    assert 'aria-label="x England value"' in chart
    # the chart draws England's printed rows only: two points, none of the publisher's own 39-41
    assert chart.count("<circle cx=") == 2 and ": 39<" not in chart
