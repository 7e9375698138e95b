import { Client, type Room } from "@colyseus/sdk";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../server/portCheck";
import { MatchState } from "../../shared/state/MatchState";
import { screenshotDir } from "../support/browserHarness";
import { chromiumAvailable, launchChromium } from "../support/chromium";
import { ensureClientBuilt } from "../support/clientBuild";
import { JOIN_TIMEOUT, leaveAndClose, newGamePage } from "../support/gamePages";
import { startPostgres, type PostgresService } from "../support/postgresService";
import { startRedis, type RunningRedis } from "../support/redisService";
import { startServerProcess, type RunningServer } from "../support/serverProcess";

const SCENARIO = "dorvan-2370";
const pages: Page[] = [];
let redis: RunningRedis;
let postgres: PostgresService;
let browser: Browser;
const servers: RunningServer[] = [];
let occupier: Room<any, MatchState> | undefined;

beforeAll(async () => {
  await ensureClientBuilt();
  [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  browser = await launchChromium();
  mkdirSync(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await leaveAndClose(pages);
  await browser?.close();
  if (occupier) occupier.reconnection.enabled = false;
  await Promise.all(servers.map((server) => server.stop()));
  await Promise.all([redis?.stop(), postgres?.stop()]);
});

describe.skipIf(!chromiumAvailable())("a match whose server process is killed, in the browser", () => {
  it("the page finds the match on another process and the player goes on in the same seat", { timeout: 150_000 }, async () => {
    const databaseUrl = await postgres.createDatabase();
    const start = async () => {
      const port = await findFreePort();
      const server = await startServerProcess(port, { REDIS_URL: redis.url, DATABASE_URL: databaseUrl, PUBLIC_ADDRESS: `127.0.0.1:${port}` });
      servers.push(server);
      return server;
    };
    // The match is opened on A while A is alone; the page is served by B, as a load balancer might.
    const a = await start();
    occupier = await new Client(a.url).create("match", { scenario: SCENARIO, seat: "occupier", name: "Evek", player: "player-evek-000000001" }, MatchState);
    occupier.onMessage("*", () => {});
    const b = await start();

    const errors: string[] = [];
    const page = await newGamePage(browser, "cell", errors, pages);
    await page.goto(b.url);
    await page.locator(`button[data-scenario="${SCENARIO}"]`).click();
    await page.locator(`button[data-seat="cell-1"]`).click();
    await page.locator("button[data-quick]").click();
    await expect.poll(() => page.locator("[data-seat-name]").textContent(), { timeout: JOIN_TIMEOUT }).not.toContain("Connecting");
    const seatName = await page.locator("[data-seat-name]").textContent();
    // Quick play put the page in A's match (the one with a free cell), through B.
    await expect.poll(() => occupier!.state.seats.get("cell-1")?.occupied, { timeout: JOIN_TIMEOUT }).toBe(true);

    occupier.reconnection.enabled = false;
    a.kill("SIGKILL");
    await expect.poll(() => page.locator("[data-notice]").textContent().catch(() => ""), { timeout: 30_000 }).toMatch(/reconnecting|finding it again/);
    await page.screenshot({ path: join(screenshotDir, "relocation-searching.png") });
    // Back in the same seat, on B, and the game clock runs again.
    await expect.poll(() => page.locator("[data-notice]").textContent().catch(() => ""), { timeout: 60_000 }).toMatch(/You play/);
    await expect.poll(() => page.locator("[data-seat-name]").textContent(), { timeout: JOIN_TIMEOUT }).toBe(seatName);
    const clock = await page.locator("[data-clock]").textContent();
    await expect.poll(() => page.locator("[data-clock]").textContent(), { timeout: 30_000 }).not.toBe(clock);
    await page.screenshot({ path: join(screenshotDir, "relocation-back.png") });
    expect(b.output()).toContain("Took over 1 match whose process stopped");
    expect(errors.filter((line) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/.test(line))).toEqual([]);
  });
});
