import { matchMaker } from "@colyseus/core";
import { request } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scenarioVersion } from "../../server/rooms/matchRecorder";
import { LIMITS } from "../../shared/protocol/limits";
import { MatchMessageType } from "../../shared/protocol/matchMessages";
import { MessageType } from "../../shared/protocol/messages";
import { stateHash } from "../../shared/rules/stateHash";
import { validateScenario } from "../../shared/scenario/parseScenario";
import { MatchState } from "../../shared/state/MatchState";
import { scenarioFileText } from "../support/scenarios";
import { bootTestServer, type TestServer } from "../support/testServer";

/** A bundled scenario's file under a new id (and title), as an author would publish it from the editor. */
const scenarioFile = (id: string, changes: Record<string, unknown> = {}) => ({ ...JSON.parse(scenarioFileText("badlands-2371")), id, title: `The ${id}`, ...changes });

/** A browser's random player id, as client/net/playerId.ts makes them. */
const SAKONNA = "player-sakonna-000001";

type Answer = { status: number; body: any; headers: Headers };

function api(base: string) {
  const call = async (path: string, init: RequestInit = {}): Promise<Answer> => {
    const response = await fetch(`${base}${path}`, init);
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  };
  const post = (path: string, body: unknown, token?: string) =>
    call(path, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return {
    get: (path: string) => call(path),
    publish: (scenario: unknown, version: number, token?: string, more: Record<string, unknown> = {}) =>
      post("/api/community/scenarios", { scenario, author: "Ro Laren", version, changelog: `version ${version}`, ...more }, token),
    playtest: (scenario: unknown) => post("/api/playtest", { scenario }),
  };
}

/** A POST of exactly these bytes, whatever their size, as no well-behaved client sends (the guard may close before reading it all). */
function rawPost(port: number, path: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    req.end(body);
  });
}

describe("publishing community scenarios", () => {
  let server: TestServer;
  let dataDir: string;
  let client: ReturnType<typeof api>;
  let port: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "maquis-community-"));
    server = await bootTestServer({ dataDir });
    port = server.server["port"] as number;
    client = api(`http://127.0.0.1:${port}`);
  });
  afterAll(async () => {
    await server.shutdown();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("the first publish returns an edit token; only its holder publishes later versions, each above the last", async () => {
    const first = await client.publish(scenarioFile("edge-of-the-badlands"), 1);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: "edge-of-the-badlands", version: 1, editToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const token: string = first.body.editToken;

    const second = await client.publish(scenarioFile("edge-of-the-badlands", { title: "Edge of the Badlands, revised" }), 2, token);
    expect(second.status).toBe(201);
    expect(second.body).toEqual({ id: "edge-of-the-badlands", version: 2 });

    const ownerOnly = '"edge-of-the-badlands" is already published: only the holder of this scenario\'s edit token can publish a new version';
    for (const wrong of [undefined, "not-the-token", `${token}x`]) {
      const refused = await client.publish(scenarioFile("edge-of-the-badlands"), 3, wrong);
      expect(refused.status, String(wrong)).toBe(403);
      expect(refused.body).toEqual({ error: "not_owner", message: ownerOnly });
    }
    for (const version of [1, 2]) {
      const stale = await client.publish(scenarioFile("edge-of-the-badlands"), version, token);
      expect(stale.status).toBe(409);
      expect(stale.body).toEqual({
        error: "version_not_higher",
        message: `version ${version} of "edge-of-the-badlands" must be higher than the last published version, 2`,
        lastVersion: 2,
      });
    }

    const versions = await client.get("/api/community/scenarios/edge-of-the-badlands/versions");
    expect(versions.body.map((v: { version: number; title: string; changelog: string }) => [v.version, v.title, v.changelog])).toEqual([
      [1, "The edge-of-the-badlands", "version 1"],
      [2, "Edge of the Badlands, revised", "version 2"],
    ]);
    const latest = await client.get("/api/community/scenarios/edge-of-the-badlands");
    expect(latest.body.title).toBe("Edge of the Badlands, revised");
    expect((await client.get("/api/community/scenarios/edge-of-the-badlands/versions/1")).body.title).toBe("The edge-of-the-badlands");
    const download = await client.get("/api/community/scenarios/edge-of-the-badlands?download=1");
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="edge-of-the-badlands-v2.json"');
    expect(validateScenario(download.body).ok).toBe(true);
    expect((await client.get("/api/community/scenarios/edge-of-the-badlands/versions/7")).status).toBe(404);
    expect((await client.get("/api/community/scenarios/never-published/versions")).body).toEqual([]);
    expect((await client.get("/api/community/scenarios/no-such-scenario")).body).toEqual({ error: "not_found", message: 'no published scenario "no-such-scenario"' });
  });

  it("refuses a bundled scenario's id, the playtest prefix, an invalid file (with its problems) and a bad author or changelog", async () => {
    const bundled = await client.publish(scenarioFile("dorvan-2370"), 1);
    expect(bundled.status).toBe(409);
    expect(bundled.body).toEqual({ error: "id_taken", message: '"dorvan-2370" is a bundled scenario\'s id; choose another' });
    expect((await client.publish(scenarioFile("playtest-mine"), 1)).status).toBe(409);

    const invalid = await client.publish({ ...scenarioFile("broken-badlands"), year: 1900, seats: "none" }, 1);
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toBe("invalid_scenario");
    expect(invalid.body.message).toMatch(/^the scenario file has \d+ problems; the first: /);
    expect(invalid.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ path: "year" }), expect.objectContaining({ path: "seats" })]));

    for (const [more, problem] of [
      [{ author: "   " }, "author: must not be empty"],
      [{ author: "x".repeat(LIMITS.authorCharacters + 1) }, "author: "],
      [{ author: "Ro\u0007Laren" }, "author: must not contain control or formatting characters"],
      [{ changelog: "x".repeat(LIMITS.changelogCharacters + 1) }, "changelog: "],
    ] as const) {
      const refused = await client.publish(scenarioFile("fine-badlands"), 1, undefined, more);
      expect(refused.status).toBe(400);
      expect(refused.body.message).toContain(problem);
    }
    expect((await client.publish(scenarioFile("fine-badlands"), 0)).body.message).toContain("version: ");
    const notJson = await rawPost(port, "/api/community/scenarios", "{ not json");
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ error: "bad_request", message: expect.stringContaining("not valid JSON") });
    // Nothing refused was kept.
    expect((await client.get("/api/community/scenarios/fine-badlands")).status).toBe(404);
  });

  it(`takes a scenario body over the ${LIMITS.httpBodyBytes}-byte limit of other routes, up to ${LIMITS.scenarioUploadBytes} bytes`, async () => {
    // Indented, the file is far over the usual limit (and well under the upload one).
    const roomy = JSON.stringify({ scenario: scenarioFile("roomy-badlands"), author: "Ro Laren", version: 1, changelog: "" }, null, 8);
    expect(Buffer.byteLength(roomy)).toBeGreaterThan(LIMITS.httpBodyBytes);
    expect((await rawPost(port, "/api/community/scenarios", roomy)).status).toBe(201);
    const playtest = await rawPost(port, "/api/playtest", JSON.stringify({ scenario: scenarioFile("roomy-draft") }, null, 8));
    expect(playtest.status).toBe(201);

    const huge = JSON.stringify({ scenario: scenarioFile("huge-badlands"), author: "Ro Laren", version: 1, padding: "x".repeat(LIMITS.scenarioUploadBytes) });
    for (const path of ["/api/community/scenarios", "/api/playtest"]) {
      const refused = await rawPost(port, path, huge);
      expect(refused.status, path).toBe(413);
      expect(JSON.parse(refused.body)).toEqual({ error: "body_too_large", message: `the request body is ${Buffer.byteLength(huge)} bytes; the limit is ${LIMITS.scenarioUploadBytes}` });
    }
    // Every other route keeps the small limit.
    const refused = await rawPost(port, "/api/scenarios", roomy);
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body).message).toContain(`the limit is ${LIMITS.httpBodyBytes}`);
  });

  it("lists the latest version of each, searchable by title, era and author, with markup kept verbatim for the client to show as text", async () => {
    const markup = '<img src=x onerror="alert(1)"> Raid';
    const mirror = await client.publish(scenarioFile("mirror-raid", { title: markup, universe: "mirror" }), 1, undefined, { author: "Kira <b>Nerys</b>" });
    expect(mirror.status).toBe(201);
    await client.publish(scenarioFile("reborn-raid", { title: "Reborn Raid", universe: "reborn" }), 1, undefined, { author: "Tom Riker" });
    await client.publish(scenarioFile("mirror-raid", { title: `${markup} II`, universe: "mirror" }), 2, mirror.body.editToken, { author: "Kira <b>Nerys</b>" });

    const all = (await client.get("/api/community/scenarios")).body;
    const raid = all.find((entry: { id: string }) => entry.id === "mirror-raid");
    expect(raid).toEqual({
      id: "mirror-raid",
      version: 2,
      title: `${markup} II`,
      universe: "mirror",
      year: 2371,
      author: "Kira <b>Nerys</b>",
      changelog: "version 2",
      publishedAt: expect.any(String),
      summary: expect.objectContaining({ id: "mirror-raid", title: `${markup} II`, seats: expect.any(Array), objectives: expect.any(Array), minutesAt1x: expect.any(Number) }),
    });
    expect(all.filter((entry: { id: string }) => entry.id === "mirror-raid")).toHaveLength(1);

    const ids = async (query: string) => (await client.get(`/api/community/scenarios?${query}`)).body.map((entry: { id: string }) => entry.id).sort();
    expect(await ids("q=RAID")).toEqual(["mirror-raid", "reborn-raid"]);
    expect(await ids("q=raid&era=reborn")).toEqual(["reborn-raid"]);
    expect(await ids("author=nerys")).toEqual(["mirror-raid"]);
    expect(await ids(`q=${encodeURIComponent("<img")}`)).toEqual(["mirror-raid"]);
    expect(await ids("q=no-such-title")).toEqual([]);
    const badEra = await client.get("/api/community/scenarios?era=delta");
    expect(badEra.status).toBe(400);
    expect(badEra.body.message).toMatch(/^era: /);
  });

  it("a match of a published version still replays, and resumes, after a later version appears; new matches get the latest", { timeout: 90_000 }, async () => {
    // Dorvan, one day long, so the match ends in seconds at 4×.
    const short = (days: number) => ({ ...JSON.parse(scenarioFileText("dorvan-2370")), id: "dorvan-community", title: "Dorvan, one day", length: { days } });
    const v1 = await client.publish(short(1), 1);
    expect(v1.status).toBe(201);

    const room = await server.createRoom<MatchState>("match", { scenario: "dorvan-community" });
    expect(room.state.lengthHours).toBe(24);
    const player = await server.sdk.joinById(room.roomId, { scenario: "dorvan-community", seat: "cell-1", name: "Sakonna" });
    player.onMessage(MessageType.welcome, () => {});
    await player.waitForInitialState();
    player.send(MessageType.order, { kind: "move", ship: "raider-1", to: { system: "tracken-ii" } });
    player.send(MatchMessageType.voteSpeed, { speed: 4 });
    await expect.poll(() => room.state.phase, { timeout: 30_000 }).toBe("ended");
    const liveHash = stateHash(room.state);
    await (room as unknown as { recorder: { flush(): Promise<void> } }).recorder.flush();
    await player.leave();
    // Another match of version 1 is left unfinished: its player leaves, and it is set aside to be continued.
    const unfinished = await server.sdk.create("match", { scenario: "dorvan-community", seat: "cell-1", player: SAKONNA }, MatchState);
    unfinished.onMessage(MessageType.welcome, () => {});
    await unfinished.waitForInitialState();
    const unfinishedId = unfinished.roomId;
    await unfinished.leave();
    await expect.poll(async () => (await server.store!.loadMatch(unfinishedId))?.match.status).toBe("aside");
    const continuable = (await client.get(`/api/continue?player=${SAKONNA}`)).body;
    expect(continuable).toContainEqual(expect.objectContaining({ matchId: unfinishedId, title: "Dorvan, one day", running: false }));

    // Version 2 plays differently (two days): replaying the log on it would not reach the same end.
    expect((await client.publish(short(2), 2, v1.body.editToken)).status).toBe(201);
    const saved = (await server.store!.loadMatch(room.roomId))!;
    const version2 = validateScenario(short(2));
    expect(version2.ok && saved.match.scenario_version !== scenarioVersion(version2.scenario)).toBe(true);

    const replay = await server.sdk.create("replay", { match: room.roomId });
    replay.onMessage(MessageType.welcome, () => {});
    replay.onMessage(MatchMessageType.replayInfo, () => {});
    await replay.waitForInitialState();
    replay.send(MatchMessageType.voteSpeed, { speed: 16 });
    const replayRoom = server.getRoomById<MatchState>(replay.roomId);
    expect(replayRoom.state.lengthHours).toBe(24);
    await expect.poll(() => replayRoom.state.phase, { timeout: 30_000 }).toBe("ended");
    expect(stateHash(replayRoom.state)).toBe(liveHash);
    await replay.leave();

    // The unfinished one goes on on version 1.
    const continued = await server.sdk.create("match", { continue: unfinishedId, player: SAKONNA }, MatchState);
    continued.onMessage(MessageType.welcome, () => {});
    await continued.waitForInitialState();
    expect(continued.roomId).toBe(unfinishedId);
    expect((continued.state as MatchState).lengthHours).toBe(24);
    await continued.leave();

    // A new match is played on the latest version.
    const next = await server.createRoom<MatchState>("match", { scenario: "dorvan-community" });
    expect(next.state.lengthHours).toBe(48);
    await next.disconnect();
  });

  it("a playtest draft is kept under a fresh id and played in a private match, never listed", async () => {
    const answer = await client.playtest(scenarioFile("my-draft"));
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ scenarioId: expect.stringMatching(/^playtest-[0-9a-f]{16}$/), summary: expect.objectContaining({ title: "The my-draft", seats: expect.any(Array) }) });
    const scenarioId: string = answer.body.scenarioId;
    expect(scenarioId.length).toBeLessThanOrEqual(48);
    expect(answer.body.summary.id).toBe(scenarioId);

    const player = await server.sdk.create("match", { scenario: scenarioId, seat: "cell-1", private: true }, MatchState);
    player.onMessage(MessageType.welcome, () => {});
    await player.waitForInitialState();
    expect((player.state as MatchState).scenarioId).toBe(scenarioId);
    expect(player.roomId).toMatch(/^[A-Z0-9]{6}$/);
    const [listing] = await matchMaker.query({ roomId: player.roomId });
    expect(listing?.private).toBe(true);
    expect((await client.get("/api/community/scenarios")).body.map((entry: { id: string }) => entry.id)).not.toContain(scenarioId);
    await player.leave();

    const invalid = await client.playtest({ ...scenarioFile("my-draft"), seats: [] });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ error: "invalid_scenario", problems: expect.arrayContaining([expect.objectContaining({ path: expect.stringMatching(/^seats/) })]) });
  });
});

describe("limits on publishing (real per-address limits)", () => {
  let server: TestServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "maquis-community-limits-"));
    server = await bootTestServer({ dataDir, addressLimits: LIMITS });
  });
  afterAll(async () => {
    await server.shutdown();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`refuses more than ${LIMITS.publishesPerHour} publishes an hour from one address, with the wait`, async () => {
    const client = api(`http://127.0.0.1:${server.server["port"]}`);
    let token: string | undefined;
    for (let version = 1; version <= LIMITS.publishesPerHour; version++) {
      const answer = await client.publish(scenarioFile("busy-badlands"), version, token);
      expect(answer.status, `version ${version}`).toBe(201);
      token ??= answer.body.editToken;
    }
    const refused = await client.publish(scenarioFile("busy-badlands"), LIMITS.publishesPerHour + 1, token);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: "too_many_uploads",
      message: `too many requests to publish a scenario from your address (${LIMITS.publishesPerHour} an hour): try again in 60 min`,
    });
    expect((await client.get("/api/community/scenarios/busy-badlands/versions")).body).toHaveLength(LIMITS.publishesPerHour);
  });
});
