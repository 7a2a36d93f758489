// A minimal W3C WebDriver client over fetch, and the driver process it talks to: enough to drive
// the real オン資ナビ window through tauri-driver (or WebKitWebDriver directly) with no npm package.
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export class WebDriverError extends Error {}

/** Starts the driver and waits until it answers /status. */
export async function startDriver({ kind, port, env }) {
  const cmd =
    kind === "tauri-driver"
      ? ["tauri-driver", ["--port", String(port), "--native-port", String(port + 1), "--native-driver", "/usr/bin/WebKitWebDriver"]]
      : ["WebKitWebDriver", [`--port=${port}`, "--host=127.0.0.1"]];
  // Its own process group, so stopping it also stops what it started (WebKitWebDriver, the app):
  // a survivor would keep the output pipes open and the test run from ending.
  const proc = spawn(cmd[0], cmd[1], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  proc.stdout.on("data", (d) => (output += d));
  proc.stderr.on("data", (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (proc.exitCode !== null) throw new WebDriverError(`${cmd[0]} exited: ${output}`);
    try {
      const r = await fetch(`${base}/status`);
      if (r.ok) return { base, proc, output: () => output };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  proc.kill();
  throw new WebDriverError(`${cmd[0]} did not start: ${output}`);
}

export async function stopDriver(driver) {
  if (!driver) return;
  const group = (signal) => {
    try {
      process.kill(-driver.proc.pid, signal);
    } catch {
      // the group is gone already
    }
  };
  group("SIGTERM");
  if (driver.proc.exitCode === null) await Promise.race([new Promise((r) => driver.proc.once("exit", r)), sleep(3000)]);
  await sleep(200);
  group("SIGKILL");
  driver.proc.stdout.destroy();
  driver.proc.stderr.destroy();
  driver.proc.unref();
}

async function call(base, method, path, body) {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json().catch(() => ({}));
  if (!r.ok) throw new WebDriverError(`${method} ${path}: ${r.status} ${JSON.stringify(json.value ?? json)}`);
  return json.value;
}

/** A session on the app. Creating one launches the app; deleting it quits the app. */
export class Session {
  static async create(base, application) {
    const caps = {
      capabilities: {
        alwaysMatch: {
          "tauri:options": { application },
          "webkitgtk:browserOptions": { binary: application, args: [] },
        },
      },
    };
    const value = await call(base, "POST", "/session", caps);
    return new Session(base, value.sessionId);
  }

  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  async quit() {
    await this.cmd("DELETE", "");
  }

  async find(css) {
    const v = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return v[ELEMENT];
  }

  async findAll(css) {
    const v = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return v.map((e) => e[ELEMENT]);
  }

  async click(css) {
    await this.cmd("POST", `/element/${await this.find(css)}/click`, {});
  }

  /** Clears a text field and types into it, as a person would. */
  async type(css, text) {
    const id = await this.find(css);
    await this.cmd("POST", `/element/${id}/clear`, {});
    await this.cmd("POST", `/element/${id}/value`, { text });
  }

  /** Replaces what is in a text field as typing over it does (no moment when it is empty, which
   *  WebDriver's clear would make), then sends `keys` (Enter, say). */
  async typeOver(css, text, keys = "") {
    await this.exec(
      "const e = document.querySelector(arguments[0]); e.focus(); e.value = arguments[1]; e.dispatchEvent(new Event('input', { bubbles: true }));",
      [css, text],
    );
    if (keys) await this.cmd("POST", `/element/${await this.find(css)}/value`, { text: keys });
  }

  async text(css) {
    return this.cmd("GET", `/element/${await this.find(css)}/text`);
  }

  async attr(css, name) {
    return this.cmd("GET", `/element/${await this.find(css)}/attribute/${name}`);
  }

  async prop(css, name) {
    return this.cmd("GET", `/element/${await this.find(css)}/property/${name}`);
  }

  exec(script, args = []) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  async screenshot() {
    // Let the last render reach the screen: WebKit grabs the last composited frame.
    await this.cmd("POST", "/execute/async", {
      script: "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
      args: [],
    });
    return Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
  }

  /** Polls `check` until it returns something truthy; fails with `what` after `ms`. */
  async waitFor(what, check, ms = 10000) {
    const until = Date.now() + ms;
    let last;
    while (Date.now() < until) {
      try {
        last = await check();
        if (last) return last;
      } catch (e) {
        last = e;
      }
      await sleep(100);
    }
    // What the window showed when the wait gave up, for whoever reads the failure.
    await this.onTimeout?.(what).catch(() => {});
    throw new WebDriverError(`timed out waiting for ${what} (last: ${last})`);
  }

  /** Waits until the page in <main> has finished loading. */
  waitForPage(name) {
    return this.waitFor(`page ${name}`, () =>
      this.exec(
        `const m = document.getElementById('main'); return !!m && m.dataset.page === arguments[0] && m.dataset.ready === 'true';`,
        [name],
      ),
    );
  }
}
