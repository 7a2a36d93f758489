// Figures, not a test: time from launch to the first screen ready (ホーム rendered from real
// data), and the memory (RSS) of the app and of its whole process tree (WebKit's web and network
// processes included) once ready. Run under Xvfb by scripts/bench-startup.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Session, startDriver, stopDriver } from "./webdriver.mjs";

const root = resolve(import.meta.dirname, "../..");
const app = process.env.ONSHI_NAVI_BIN ?? join(root, "target/release/onshi-navi");
const runs = Number(process.env.RUNS ?? 7);

function rssKiB(pid) {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) : 0;
}

/** Proportional set size: a page shared by n processes counts 1/n in each, so the processes'
 *  sum is the memory they really take (RSS counts each shared library once per process). */
function pssKiB(pid) {
  const m = /^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
  return m ? Number(m[1]) : 0;
}

function children(pid) {
  const out = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

function tree(pid) {
  return [pid, ...children(pid).flatMap(tree)];
}

function findApp(driverPid) {
  return tree(driverPid).find((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0] === app;
    } catch {
      return false;
    }
  });
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `min ${s[0]}  median ${s[Math.floor(s.length / 2)]}  max ${s[s.length - 1]}`;
};

const home = mkdtempSync(join(tmpdir(), "onshi-bench-"));
const driver = await startDriver({
  kind: "webkit",
  port: 4470,
  env: { ...process.env, TAURI_WEBVIEW_AUTOMATION: "true", ONSHI_NAVI_DATA_DIR: join(home, "data") },
});
const ready = [];
const appRss = [];
const treeRss = [];
const appPss = [];
const treePss = [];
try {
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const session = await Session.create(driver.base, app);
    await session.waitForPage("home");
    ready.push(Math.round(performance.now() - t0));
    const pid = findApp(driver.proc.pid);
    if (pid) {
      appRss.push(Math.round(rssKiB(pid) / 1024));
      treeRss.push(Math.round(tree(pid).reduce((sum, p) => sum + rssKiB(p), 0) / 1024));
      appPss.push(Math.round(pssKiB(pid) / 1024));
      treePss.push(Math.round(tree(pid).reduce((sum, p) => sum + pssKiB(p), 0) / 1024));
    }
    await session.quit();
  }
} finally {
  await stopDriver(driver);
  rmSync(home, { recursive: true, force: true });
}
console.log(`binary: ${app}`);
console.log(`launch to first screen ready (ms, ${runs} runs, WebDriver session start included): ${stats(ready)}`);
console.log(`RSS of the app process (MB): ${stats(appRss)}`);
console.log(`RSS of the app with its WebKit processes (MB): ${stats(treeRss)}`);
console.log(`PSS of the app process (MB): ${stats(appPss)}`);
console.log(`PSS of the app with its WebKit processes (MB): ${stats(treePss)}`);
