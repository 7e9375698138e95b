/**
 * The client section of `npm run bench`: frame times in headless Chromium at 1280×800, first of a blank
 * Phaser scene (scripts/bench-client, built apart from the game, with the same Phaser, and never shipped), then of the game in
 * a solo match of the given scenario at 4×, driven through the menu like a player; and how long the page
 * takes from navigation to its first frame with the map drawn: its own time, less the time it stood with a
 * button on screen waiting for the script to click it (reported beside it, with the total), and straight
 * into a match on a reload.
 *
 * Both pages pick their renderer as the game does (client/render/gameConfig.ts: Canvas 2D where WebGL is
 * software, as in headless Chromium here); BENCH_RENDERER=webgl or =canvas forces one on both pages.
 * Phaser sets no frame cap of its own (fps.limit 0): it draws on requestAnimationFrame, which headless
 * Chromium runs at 60 Hz, so 16.7 ms is the shortest frame either page can show.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import type { Browser, CDPSession, Page } from "playwright-core";
import { build } from "vite";
import { phaserSubset } from "../vite.config";
import { repoRoot } from "../server/config";
import { findFreePort } from "../server/portCheck";
import { launchChromium, chromiumAvailable } from "../test/support/chromium";
import { startServerProcess } from "../test/support/serverProcess";

type Report = (line: Record<string, unknown>) => void;

export const VIEWPORT = { width: 1280, height: 800 };
/** Each page's frames are counted over this long, after WARM_UP_MS of letting it settle. */
const MEASURE_MS = Number(process.env.BENCH_CLIENT_SECONDS ?? 10) * 1000;
const WARM_UP_MS = 2000;
const SPEED = 4;
/** A frame later than this (1.5 refreshes at 60 Hz) missed a refresh. Timestamps are coarsened to 0.1 ms, so on-time frames read 16.6 to 16.8. */
const LATE_FRAME_MS = 25;
/** The Maquis seat: its view carries the sensor picture too, so it draws the most. */
const SEAT = "cell-1";
const STEP_TIMEOUT = 45_000;
const RENDERER_QUERY = process.env.BENCH_RENDERER ? `?renderer=${encodeURIComponent(process.env.BENCH_RENDERER)}` : "";

const clientSource = join(repoRoot, "client");
const blankSource = join(repoRoot, "scripts", "bench-client");
const blankOut = join(repoRoot, ".test-results", "bench-blank");
const distDir = join(repoRoot, "dist");

/** The newest modification time of any file under these paths (folders walked), in ms. */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stats = statSync(path);
    if (stats.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stats.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

/**
 * Builds with Vite when the output's index.html is older than any of its sources; returns whether it built.
 * The build goes to a folder beside the output and replaces it only once it succeeded: Vite empties its
 * output before bundling, and a failed build (someone's half-made edit) must not leave dist/ empty.
 */
async function buildIfStale(root: string, outDir: string, sources: string[]): Promise<boolean> {
  const index = join(outDir, "index.html");
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(sources)) return false;
  const staging = `${outDir}.building`;
  rmSync(staging, { recursive: true, force: true });
  await build({
    root,
    logLevel: "warn",
    // The game with its own Vite config (its chunking); the blank page with none but the same Phaser as the game's.
    ...(root === clientSource ? { configFile: join(repoRoot, "vite.config.ts") } : { configFile: false as const, ...phaserSubset }),
    publicDir: false,
    build: { outDir: staging, emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  });
  rmSync(outDir, { recursive: true, force: true });
  renameSync(staging, outDir);
  return true;
}

const contentTypes: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".map": "application/json" };

/** A tiny static server for the blank page's build, on 127.0.0.1. */
async function serveFolder(folder: string): Promise<{ url: string; server: Server }> {
  const port = await findFreePort();
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(folder, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(folder) || !existsSync(file) || statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": contentTypes[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${port}/`, server };
}

interface FrameFigures {
  frames: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  fps: number;
  /** Share of frames that took longer than one and a half 60 Hz intervals, i.e. missed at least one refresh. */
  lateFramesPct: number;
  /** Main-thread time Chromium spent per frame (all tasks, and script alone), from its own counters. */
  taskMsPerFrame: number;
  scriptMsPerFrame: number;
  /** CPU time of the browser's processes per frame (see browserCpuMs), when /proc is there. */
  cpuMsPerFrame?: Record<string, number>;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * CPU time (user + system, ms) used so far by the Chromium processes this bench started, by kind (gpu: the
 * GPU process, where SwiftShader draws WebGL; renderer: the pages; other), read from /proc. On a shared
 * machine frame times depend on what else runs; CPU time per frame much less so. Null where there is no /proc.
 */
function browserCpuMs(): Record<string, number> | null {
  if (!existsSync("/proc/self/stat")) return null;
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  const processes = new Map<number, { parent: number; name: string; cpu: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      processes.set(Number(entry), { parent: Number(fields[1]), name: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), cpu: (Number(fields[11]) + Number(fields[12])) / ticksPerMs });
    } catch {
      // The process ended while the list was read.
    }
  }
  const ours = (pid: number): boolean => {
    for (let at = processes.get(pid); at; at = processes.get(at.parent)) if (at.parent === process.pid) return at.name.startsWith("chrom");
    return false;
  };
  const totals: Record<string, number> = { gpu: 0, renderer: 0, other: 0 };
  for (const [pid, info] of processes) {
    if (!ours(pid)) continue;
    let kind = "other";
    try {
      const type = /--type=([\w-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " "))?.[1];
      kind = type === "gpu-process" ? "gpu" : type === "renderer" ? "renderer" : "other";
    } catch {
      continue;
    }
    totals[kind]! += info.cpu;
  }
  return totals;
}

async function chromeMetrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
}

/**
 * The page-side counter, as source text: tsx would wrap the functions of a page.evaluate callback in a
 * helper (__name) that exists only in Node. Resolves to the deltas between requestAnimationFrame
 * callbacks over `ms` milliseconds.
 */
function frameDeltasScript(ms: number): string {
  return `new Promise((resolve) => {
    const deltas = [];
    let start = -1;
    let last = -1;
    function tick(time) {
      if (last >= 0) deltas.push(time - last);
      else start = time;
      last = time;
      if (time - start < ${ms}) requestAnimationFrame(tick);
      else resolve(deltas);
    }
    requestAnimationFrame(tick);
  })`;
}

/** Frame times over MEASURE_MS from the deltas between requestAnimationFrame callbacks in the page. */
export async function measureFrames(page: Page, cdp: CDPSession): Promise<FrameFigures> {
  await page.waitForTimeout(WARM_UP_MS);
  const before = await chromeMetrics(cdp);
  const cpuBefore = browserCpuMs();
  const deltas = (await page.evaluate(frameDeltasScript(MEASURE_MS))) as number[];
  const after = await chromeMetrics(cdp);
  const cpuAfter = browserCpuMs();
  const sorted = [...deltas].sort((a, b) => a - b);
  const total = deltas.reduce((sum, delta) => sum + delta, 0);
  const frames = deltas.length;
  return {
    frames,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1]!),
    fps: round((frames * 1000) / total, 1),
    lateFramesPct: round((100 * deltas.filter((delta) => delta > LATE_FRAME_MS).length) / frames),
    taskMsPerFrame: round(((after.TaskDuration! - before.TaskDuration!) * 1000) / frames),
    scriptMsPerFrame: round(((after.ScriptDuration! - before.ScriptDuration!) * 1000) / frames),
    ...(cpuBefore && cpuAfter
      ? { cpuMsPerFrame: Object.fromEntries(Object.keys(cpuAfter).map((kind) => [kind, round((cpuAfter[kind]! - (cpuBefore[kind] ?? 0)) / frames)])) }
      : {}),
  };
}

/** What draws the page: Phaser's renderer (WebGL or Canvas, read off its canvas) and the GL implementation behind it. */
async function rendererOf(page: Page): Promise<{ phaser: string; gl: string }> {
  return page.evaluate(() => {
    const canvas = document.querySelector("#game canvas") as HTMLCanvasElement | null;
    // A canvas answers only for the kind of context it already has: null here means Phaser took WebGL.
    const phaser = !canvas ? "none" : canvas.getContext("2d") ? "canvas" : "webgl";
    const probe = document.createElement("canvas").getContext("webgl2") ?? document.createElement("canvas").getContext("webgl");
    if (!probe) return { phaser, gl: "no WebGL" };
    const info = probe.getExtension("WEBGL_debug_renderer_info");
    return { phaser, gl: String(probe.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : probe.RENDERER)) };
  });
}

export async function newPage(browser: Browser, errors: string[], label: string): Promise<{ page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(`[${label}] ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`[${label}] console: ${message.text()}`);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  return { page, cdp };
}

/** Milliseconds from navigation start to a performance mark the page sets, once it is set. */
async function markTime(page: Page, name: string): Promise<number> {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, name, { timeout: STEP_TIMEOUT });
  return page.evaluate((mark) => performance.getEntriesByName(mark)[0]!.startTime, name);
}

async function measureBlank(browser: Browser, url: string, errors: string[]): Promise<FrameFigures & { renderer: { phaser: string; gl: string } }> {
  const { page, cdp } = await newPage(browser, errors, "blank");
  await page.goto(url);
  await markTime(page, "blank-drawn");
  const figures = await measureFrames(page, cdp);
  const renderer = await rendererOf(page);
  await page.context().close();
  return { ...figures, renderer };
}

/** Page-side source text: whether an element matching `selector` is on the page, inside the UI's shadow roots too. */
function onPage(selector: string): string {
  return `(function find(root) {
    if (root.querySelector(${JSON.stringify(selector)})) return true;
    for (const element of root.querySelectorAll("*")) if (element.shadowRoot && find(element.shadowRoot)) return true;
    return false;
  })(document)`;
}

/**
 * Clicks a button as soon as it is on screen; returns when it was first seen there (page time, ms). Playwright's
 * own wait for an element retries at growing intervals (up to half a second), so this waits in the page, frame
 * by frame, looking inside the UI's shadow roots too. Source text, for the reason frameDeltasScript gives.
 */
async function clickWhenShown(page: Page, selector: string): Promise<number> {
  const seen = await page.waitForFunction(`${onPage(selector)} && performance.now()`, undefined, { polling: "raf", timeout: STEP_TIMEOUT });
  const shownAt = (await seen.jsonValue()) as number;
  await page.locator(selector).click({ timeout: STEP_TIMEOUT });
  return shownAt;
}

/**
 * Records in the page when each press (pointerdown) was made, by the event's own time (when the browser took it
 * in), and the page's long tasks: the time a button waited for its click counts as the clicker's only where
 * the page was free, so neither a press waiting behind the page's work nor work done meanwhile is subtracted.
 */
const PRESS_LOG_SCRIPT = `
  window.__presses = [];
  window.__longTasks = [];
  addEventListener("pointerdown", (event) => window.__presses.push(event.timeStamp), true);
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) window.__longTasks.push([task.startTime, task.startTime + task.duration]);
  }).observe({ type: "longtask", buffered: true });`;

/** The part of [from, to] not covered by any of the given (non-overlapping) spans. */
function freeTime(from: number, to: number, busy: readonly (readonly [number, number])[]): number {
  let free = Math.max(0, to - from);
  for (const [start, end] of busy) free -= Math.max(0, Math.min(end, to) - Math.max(start, from));
  return Math.max(0, free);
}

/** Opens the game as a player would and starts a solo match at 4×; returns when the speed is set, with the page's timings. */
export async function openMatch(page: Page, url: string, scenarioId: string) {
  // Clicks land as soon as each button can take them (Playwright waits until it is shown, still and enabled),
  // as a player's would: not after the page's load event, which nobody sees. Not before its scripts have run
  // either (DOMContentLoaded): Playwright's polling counts as a user's gesture in Chromium, and a page that
  // had one before its scripts ran would start its sound at once, as no player's page does.
  await page.addInitScript(PRESS_LOG_SCRIPT);
  await page.goto(url, { waitUntil: "domcontentloaded" });
  // The menu, the scenario's briefing, a match of one's own ("Play"), then its Start, as in the e2e tests' playSolo.
  const shown = [await clickWhenShown(page, `button[data-scenario="${scenarioId}"]`)];
  const menuMs = await page.evaluate(() => performance.now());
  shown.push(await clickWhenShown(page, `button[data-seat="${SEAT}"]`));
  shown.push(await clickWhenShown(page, "button[data-play]"));
  const playMs = await page.evaluate(() => performance.now());
  const mapFrameMs = await markTime(page, "map-frame");
  const mapDrawnMs = await markTime(page, "map-drawn");
  const menuShownMs = await markTime(page, "menu-shown");
  const presses = (await page.evaluate("window.__presses")) as number[];
  const longTasks = (await page.evaluate("window.__longTasks")) as [number, number][];
  // How long the page stood free waiting for the clicker: from each button on screen to its press, less its own long tasks meanwhile.
  const clickerMs = shown.reduce((sum, at, i) => sum + freeTime(at, presses[i] ?? at, longTasks), 0);
  await page.locator("button[data-start]").click({ timeout: STEP_TIMEOUT });
  // Every briefing gone, the menu's too (a plain query would not see one inside a component).
  await page.waitForFunction(`!${onPage("[data-briefing]")}`, undefined, { timeout: STEP_TIMEOUT });
  // 4× as a player sets it: the speed vote in the match controls (a solo player's vote carries).
  await page.locator(`match-controls button[data-speed="${SPEED}"]`).click({ timeout: STEP_TIMEOUT });
  await page.waitForFunction(
    (speed) => document.querySelector("match-controls")?.shadowRoot?.querySelector(`button[data-speed="${speed}"]`)?.getAttribute("aria-pressed") === "true",
    SPEED,
    { timeout: STEP_TIMEOUT },
  );
  return { mapFrameMs, mapDrawnMs, menuMs, playMs, menuShownMs, clickerMs };
}

async function measureMatch(browser: Browser, url: string, scenarioId: string, errors: string[], screenshot?: string) {
  const { page, cdp } = await newPage(browser, errors, "match");
  const first = await openMatch(page, url, scenarioId);
  const figures = await measureFrames(page, cdp);
  const renderer = await rendererOf(page);
  if (screenshot) await page.screenshot({ path: screenshot });
  // Opening the page straight into the match: a reload rejoins the seat the tab holds, with no menu on the way.
  await page.reload();
  const reloadMapFrameMs = await markTime(page, "map-frame");
  // Leave as a player would (the seat is freed), and close only once the menu is back.
  await page.locator("match-hud button.leave").click({ timeout: 5000 }).catch(() => {});
  await page.locator(`button[data-scenario="${scenarioId}"]`).waitFor({ timeout: 5000 }).catch(() => {});
  await page.context().close();
  return { ...figures, renderer, first: { ...first, reloadMapFrameMs } };
}

/** Runs the client section; reports its JSON lines. BENCH_SCREENSHOT=path saves the match page as measured. */
export async function measureClient(scenarioId: string, report: Report): Promise<void> {
  if (!chromiumAvailable()) {
    report({ metric: "client_frame_ms", skipped: "no Chromium (see test/support/chromium.ts)" });
    return;
  }
  let builtGame: boolean;
  let builtBlank: boolean;
  try {
    builtGame = await buildIfStale(clientSource, distDir, [clientSource, join(repoRoot, "shared"), join(repoRoot, "vite.config.ts"), join(repoRoot, "package-lock.json")]);
    builtBlank = await buildIfStale(blankSource, blankOut, [blankSource, join(clientSource, "render", "gameConfig.ts"), join(clientSource, "render", "phaserSubset.cjs"), join(repoRoot, "vite.config.ts"), join(repoRoot, "package-lock.json")]);
  } catch (error) {
    report({ metric: "client_frame_ms", skipped: `the client does not build: ${(error as Error).message.split("\n")[0]}` });
    return;
  }
  const blankSite = await serveFolder(blankOut);
  const game = await startServerProcess(await findFreePort());
  const browser = await launchChromium();
  const errors: string[] = [];
  try {
    const blank = await measureBlank(browser, blankSite.url + RENDERER_QUERY, errors);
    const match = await measureMatch(browser, game.url + RENDERER_QUERY, scenarioId, errors, process.env.BENCH_SCREENSHOT);
    const common = { viewport: `${VIEWPORT.width}x${VIEWPORT.height}`, seconds: MEASURE_MS / 1000, flags: "test/support/chromium.ts (--headless --disable-gpu)", frame_cap: "rAF, 60 Hz" };
    report({
      metric: "client_frame_ms",
      page: "blank-phaser",
      ...common,
      renderer: blank.renderer.phaser,
      gl: blank.renderer.gl,
      frames: blank.frames,
      p50: blank.p50,
      p95: blank.p95,
      p99: blank.p99,
      max: blank.max,
      fps: blank.fps,
      late_frames_pct: blank.lateFramesPct,
      main_thread_ms_per_frame: blank.taskMsPerFrame,
      script_ms_per_frame: blank.scriptMsPerFrame,
      browser_cpu_ms_per_frame: blank.cpuMsPerFrame,
      built: builtBlank,
    });
    report({
      metric: "client_frame_ms",
      page: "match",
      scenario: scenarioId,
      seat: SEAT,
      speed: SPEED,
      ...common,
      renderer: match.renderer.phaser,
      gl: match.renderer.gl,
      frames: match.frames,
      p50: match.p50,
      p95: match.p95,
      p99: match.p99,
      max: match.max,
      fps: match.fps,
      late_frames_pct: match.lateFramesPct,
      main_thread_ms_per_frame: match.taskMsPerFrame,
      script_ms_per_frame: match.scriptMsPerFrame,
      browser_cpu_ms_per_frame: match.cpuMsPerFrame,
      built: builtGame,
      target: "p95 <= 16.7",
    });
    report({ metric: "client_frame_ratio", scenario: scenarioId, value: round(match.p95 / blank.p95), of: "match p95 / blank-phaser p95", p50_ratio: round(match.p50 / blank.p50) });
    report({
      metric: "first_map_frame_ms",
      scenario: scenarioId,
      value: Math.round(match.first.mapFrameMs - match.first.clickerMs),
      from: "navigation start, through the menu (scenario, seat, Play), less the time the page stood idle waiting for the script's clicks",
      with_script_clicks_ms: Math.round(match.first.mapFrameMs),
      waiting_for_clicks_ms: Math.round(match.first.clickerMs),
      menu_shown_ms: Math.round(match.first.menuShownMs),
      scenario_clicked_ms: Math.round(match.first.menuMs),
      play_clicked_ms: Math.round(match.first.playMs),
      play_to_map_frame_ms: Math.round(match.first.mapFrameMs - match.first.playMs),
      map_built_to_frame_ms: Math.round(match.first.mapFrameMs - match.first.mapDrawnMs),
      reload_into_match_ms: Math.round(match.first.reloadMapFrameMs),
      target: "<= 2000",
    });
    if (errors.length > 0) report({ metric: "client_page_errors", errors });
  } finally {
    await browser.close();
    await game.stop();
    await new Promise((resolve) => blankSite.server.close(resolve));
  }
}
