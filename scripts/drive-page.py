#!/usr/bin/env python3
"""Drives the volunteers' page of `classify serve` in headless Chromium, as a person would: it drops a file on the
page, waits for the verdict the page shows, and saves a screenshot.

Usage: drive-page.py URL FILE SCREENSHOT [LANG]

Chromium is steered over the DevTools protocol through --remote-debugging-pipe (file descriptors 3 and 4), so no
websocket library is needed: the standard library only. Prints one JSON object: the verdicts the page shows, the
error it shows if any, and whether the report frame was filled."""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

url, path, screenshot = sys.argv[1], sys.argv[2], sys.argv[3]
lang = sys.argv[4] if len(sys.argv) > 4 else "en"
chromium = shutil.which("chromium") or shutil.which("chromium-browser")
if not chromium:
    print(json.dumps({"skipped": "no chromium"}))
    sys.exit(0)

to_child_r, to_child_w = os.pipe()
from_child_r, from_child_w = os.pipe()


def place_pipes():
    os.dup2(to_child_r, 3)
    os.dup2(from_child_w, 4)


profile = tempfile.mkdtemp(prefix="classify-page-")
browser = subprocess.Popen(
    [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-pipe",
     f"--user-data-dir={profile}", f"--lang={lang}", "--window-size=1200,1500", "about:blank"],
    # 3 and 4 are kept too: the fds are moved there before the ones not passed are closed, or after.
    pass_fds=(3, 4, to_child_r, from_child_w), preexec_fn=place_pipes,
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(to_child_r)
os.close(from_child_w)
pending = b""
next_id = 0


def send(method, params=None, session=None):
    global next_id, pending
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    os.write(to_child_w, json.dumps(message).encode() + b"\0")
    while True:
        while b"\0" not in pending:
            chunk = os.read(from_child_r, 1 << 16)
            if not chunk:
                raise SystemExit("chromium closed the pipe")
            pending += chunk
        raw, pending = pending.split(b"\0", 1)
        answer = json.loads(raw)
        if answer.get("id") == next_id:
            if "error" in answer:
                raise SystemExit(f"{method}: {answer['error']}")
            return answer.get("result", {})


def evaluate(session, expression):
    result = send("Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True}, session)
    return result.get("result", {}).get("value")


try:
    target = send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    send("Page.enable", session=session)
    send("Emulation.setDeviceMetricsOverride", {"width": 1200, "height": 1500, "deviceScaleFactor": 1, "mobile": False}, session)
    send("Page.navigate", {"url": url}, session)
    deadline = time.time() + 20
    while time.time() < deadline and not evaluate(session, "document.readyState === 'complete' && !!document.getElementById('drop')"):
        time.sleep(0.1)
    if lang == "fr":
        evaluate(session, "(() => { const s = document.getElementById('lang'); s.value = 'fr'; s.dispatchEvent(new Event('change')); })()")
    with open(path, "rb") as handle:
        content = base64.b64encode(handle.read()).decode()
    name = os.path.basename(path)
    # A real drop event with a real File in its DataTransfer: what the page gets from a person dragging a file.
    evaluate(session, f"""(() => {{
        const bytes = Uint8Array.from(atob({json.dumps(content)}), c => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], {json.dumps(name)}, {{ type: "application/json" }}));
        const zone = document.getElementById('drop');
        zone.dispatchEvent(new DragEvent('dragover', {{ dataTransfer: transfer, bubbles: true, cancelable: true }}));
        zone.dispatchEvent(new DragEvent('drop', {{ dataTransfer: transfer, bubbles: true, cancelable: true }}));
    }})()""")
    state = {}
    deadline = time.time() + 30
    while time.time() < deadline:
        state = evaluate(session, """(() => ({
            verdicts: [...document.querySelectorAll('#results [data-verdict]')].map(n => n.dataset.verdict),
            error: (document.querySelector('#results [data-error]') || {}).textContent || null,
            report: !!(document.querySelector('#results iframe') && document.querySelector('#results iframe').srcdoc.length > 0),
            referrals: document.querySelectorAll('#results .referrals li').length,
            text: document.getElementById('results').innerText.slice(0, 2000),
            lang: document.documentElement.lang
        }))()""") or {}
        if state.get("error") or state.get("report"):
            break
        time.sleep(0.2)
    time.sleep(0.5)
    shot = send("Page.captureScreenshot", {"format": "png"}, session)
    os.makedirs(os.path.dirname(os.path.abspath(screenshot)), exist_ok=True)
    with open(screenshot, "wb") as handle:
        handle.write(base64.b64decode(shot["data"]))
    print(json.dumps(state))
finally:
    browser.kill()
    browser.wait()
    shutil.rmtree(profile, ignore_errors=True)
