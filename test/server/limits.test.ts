import { Client } from "@colyseus/sdk";
import { matchMaker } from "@colyseus/core";
import { request } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../shared/protocol/errorCodes";
import { LIMITS } from "../../shared/protocol/limits";
import { MatchMessageType, type ChatLine } from "../../shared/protocol/matchMessages";
import { MessageType, type ErrorMessage } from "../../shared/protocol/messages";
import { MatchState } from "../../shared/state/MatchState";
import { bootTestServer, type TestServer } from "../support/testServer";

const SCENARIO = "dorvan-2370";

/** A raw HTTP request, so a test can send what no well-behaved client would (huge or chunked bodies, forged headers). */
function rawRequest(port: number, path: string, body: string | Buffer, headers: Record<string, string | number> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: "POST", headers: { "content-type": "application/json", ...headers } }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    // The server may answer and close before the whole of a refused body is sent.
    req.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    req.end(body);
  });
}

async function refusalOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}

describe("limits on HTTP requests (real per-address limits)", () => {
  let server: TestServer;
  let port: number;
  beforeAll(async () => {
    server = await bootTestServer({ addressLimits: LIMITS });
    port = server.server["port"] as number;
  });
  afterEach(() => server.cleanup());
  afterAll(() => server.shutdown());

  it(`refuses a body over ${LIMITS.httpBodyBytes} bytes on every route, matchmaking included, and creates nothing`, async () => {
    const roomsBefore = (await matchMaker.query({})).length;
    const huge = JSON.stringify({ scenario: SCENARIO, padding: "x".repeat(8 * 1024 * 1024) });
    for (const path of ["/matchmake/create/match", "/matchmake/joinOrCreate/match", "/api/scenarios", "/health", "/"]) {
      const answer = await rawRequest(port, path, huge);
      expect(answer.status, path).toBe(413);
      expect(JSON.parse(answer.body)).toEqual({ error: "body_too_large", message: `the request body is ${Buffer.byteLength(huge)} bytes; the limit is ${LIMITS.httpBodyBytes}` });
    }
    expect((await matchMaker.query({})).length).toBe(roomsBefore);
  });

  it("refuses a body whose length is not declared up front (chunked)", async () => {
    const answer = await rawRequest(port, "/matchmake/create/match", JSON.stringify({ scenario: SCENARIO }), { "transfer-encoding": "chunked" });
    expect(answer.status).toBe(411);
    expect(JSON.parse(answer.body).error).toBe("length_required");
  });

  it(`slows invite-code guessing to a crawl: after ${LIMITS.failedJoinsPerWindow} wrong codes every join from that address is refused, forged address headers or not`, async () => {
    const real = await server.createRoom<MatchState>("match", { scenario: SCENARIO, private: true });
    const client = new Client(`http://127.0.0.1:${port}`);
    for (let i = 0; i < LIMITS.failedJoinsPerWindow; i++) {
      expect(await refusalOf(client.joinById(`WRONG${i}`, {}, MatchState))).not.toMatch(/too many/);
    }
    expect(await refusalOf(client.joinById("WRONGX", {}, MatchState))).toMatch(/too many refused join attempts from your address \(10 in 60 s\): try again in \d+ s/);
    // The right code is refused too: a guesser cannot tell a hit from a miss until the window has passed.
    expect(await refusalOf(client.joinById(real.roomId, {}, MatchState))).toMatch(/too many refused join attempts/);
    const forged = await rawRequest(port, `/matchmake/joinById/${real.roomId}`, "{}", { "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.9" });
    expect(forged.status).toBe(429);
    // Nor does spelling the path another way the routers still understand.
    for (const spelling of [`/./matchmake/joinById/${real.roomId}`, `/x/../matchmake/joinById/${real.roomId}`, `//matchmake/joinById/${real.roomId}`]) {
      const answer = await rawRequest(port, spelling, "{}");
      expect([answer.status, spelling]).not.toEqual([200, spelling]);
      if (answer.status !== 404) expect(answer.status).toBe(429);
    }
  });
});

describe("looking up invite codes (real per-address limits)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await bootTestServer({ addressLimits: LIMITS });
  });
  afterAll(() => server.shutdown());

  it(`counts a lookup of an unknown code as a refused join: after ${LIMITS.failedJoinsPerWindow} the right code is refused too`, async () => {
    const real = await server.createRoom<MatchState>("match", { scenario: SCENARIO, private: true });
    const base = `http://127.0.0.1:${server.server["port"]}`;
    for (let i = 0; i < LIMITS.failedJoinsPerWindow; i++) expect((await fetch(`${base}/api/matches/WRONG${i}`)).status).toBe(404);
    const refused = await fetch(`${base}/api/matches/${real.roomId}`);
    expect(refused.status).toBe(429);
    expect((await refused.json()).message).toMatch(/too many refused join attempts from your address/);
    expect(await refusalOf(new Client(base).joinById(real.roomId, {}, MatchState))).toMatch(/too many refused join attempts/);
  });
});

describe("matches open per address", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await bootTestServer({ addressLimits: { ...LIMITS, matchmakingRequestsPerWindow: 1000 } });
  });
  afterAll(() => server.shutdown());

  it(`lets one address hold ${LIMITS.matchesPerAddress} open matches, refuses another with a clear error, and frees a place when one closes`, async () => {
    const client = new Client(`http://127.0.0.1:${server.server["port"]}`);
    const rooms = [];
    for (let i = 0; i < LIMITS.matchesPerAddress; i++) {
      const room = await client.create("match", { scenario: SCENARIO }, MatchState);
      room.onMessage("*", () => {});
      rooms.push(room);
    }
    expect(await refusalOf(client.create("match", { scenario: SCENARIO }, MatchState))).toBe(
      `your address already has ${LIMITS.matchesPerAddress} matches open (the limit is ${LIMITS.matchesPerAddress}): finish or leave one first`,
    );
    // The list of matches is still open to that address: it opens no match.
    const list = await client.joinOrCreate("lobby");
    list.onMessage("*", () => {});
    await list.leave();
    const closing = rooms[0]!.roomId;
    await rooms[0]!.leave();
    await expect.poll(async () => (await matchMaker.query({ roomId: closing })).length, { timeout: 10_000 }).toBe(0);
    const again = await client.create("match", { scenario: SCENARIO }, MatchState);
    again.onMessage("*", () => {});
    expect(again.roomId).not.toBe(closing);
    for (const room of [...rooms.slice(1), again]) await room.leave();
  });
});

describe("limits inside a match", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await bootTestServer();
  });
  afterEach(() => server.cleanup());
  afterAll(() => server.shutdown());

  async function join(roomId: string, seat: string, name = "Player") {
    const client = await server.sdk.joinById(roomId, { scenario: SCENARIO, seat, name });
    const heard: ChatLine[] = [];
    const errors: ErrorMessage[] = [];
    client.onMessage(MessageType.welcome, () => {});
    client.onMessage(MatchMessageType.chat, (line: ChatLine) => heard.push(line));
    client.onMessage(MessageType.error, (error: ErrorMessage) => errors.push(error));
    await client.waitForInitialState();
    return { client, heard, errors };
  }

  it(`refuses a chat line over ${LIMITS.chatCharacters} characters, and more than ${LIMITS.chatLinesPerWindow} lines in ${LIMITS.chatWindowSeconds} s`, async () => {
    const room = await server.createRoom<MatchState>("match", { scenario: SCENARIO });
    const talker = await join(room.roomId, "cell-1");
    const listener = await join(room.roomId, "occupier");
    talker.client.send(MatchMessageType.chat, { to: "all", text: "x".repeat(LIMITS.chatCharacters + 1) });
    await expect.poll(() => talker.errors.length).toBe(1);
    expect(talker.errors[0]!.code).toBe(ErrorCode.InvalidMessage);
    for (let i = 0; i <= LIMITS.chatLinesPerWindow; i++) talker.client.send(MatchMessageType.chat, { to: "all", text: `line ${i}` });
    await expect.poll(() => talker.errors.length).toBe(2);
    expect(talker.errors[1]!.code).toBe(ErrorCode.TooFast);
    await expect.poll(() => listener.heard.length).toBe(LIMITS.chatLinesPerWindow);
    // A line sent after the refusal is a positive signal that nothing more was on its way.
    listener.client.send(MatchMessageType.chat, { to: "all", text: "over" });
    await expect.poll(() => listener.heard.at(-1)?.text).toBe("over");
    expect(listener.heard.map((line) => line.text)).toEqual([...Array.from({ length: LIMITS.chatLinesPerWindow }, (_, i) => `line ${i}`), "over"]);
  });

  it.each([
    ["too long", "n".repeat(LIMITS.nameCharacters + 1)],
    ["a control character", "Bad\u0007Name"],
    ["a direction override", "\u202eevil"],
    ["blank", "   "],
  ])("refuses a player name that is %s, and the seat stays free", async (_label, name) => {
    const room = await server.createRoom<MatchState>("match", { scenario: SCENARIO });
    expect(await refusalOf(server.sdk.joinById(room.roomId, { scenario: SCENARIO, seat: "cell-1", name }))).toMatch(/join options: name: /);
    expect(room.state.seats.get("cell-1")!.occupied).toBe(false);
  });
});

describe("the store's size per match", () => {
  let server: TestServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "maquis-limits-"));
    server = await bootTestServer({ dataDir });
  });
  afterAll(async () => {
    await server.shutdown();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`refuses orders once a match has logged ${LIMITS.orderLogBytesPerMatch} bytes of them, and the match plays on`, async () => {
    const room = await server.createRoom<MatchState>("match", { scenario: SCENARIO });
    await joinAsCell(room.roomId);
    // Fill the log to just under its limit, as a long match would, then bring the match back from the store.
    const store = server.store!;
    await expect.poll(async () => (await store.loadMatch(room.roomId)) !== undefined).toBe(true);
    // Leaves room for less than one order (the filler's own JSON adds 25 bytes to its text).
    const filler = { kind: "note", text: "x".repeat(LIMITS.orderLogBytesPerMatch - 25 - 20) };
    await store.appendOrder(room.roomId, { tick: room.state.tick, seat: "cell-1", order: filler });
    // As a restart does: the room closes with its player still in it (a last player leaving on purpose would set it aside).
    await room.disconnect();
    await server.game.resumeSavedMatches();
    const resumed = await joinAsCell(room.roomId);
    const tick = resumed.client.state.tick;
    resumed.client.send(MessageType.order, { kind: "move", ship: "raider-1", to: { system: "dorvan-v" } });
    await expect.poll(() => resumed.errors.length).toBeGreaterThan(0);
    expect(resumed.errors[0]!.code).toBe(ErrorCode.MatchLogFull);
    expect(resumed.client.state.ships.get("raider-1")!.destSystem).not.toBe("dorvan-v");
    await expect.poll(() => resumed.client.state.tick, { timeout: 5000 }).toBeGreaterThan(tick + 5);
    await resumed.client.leave();
  });

  async function joinAsCell(roomId: string) {
    const client = await server.sdk.joinById(roomId, { scenario: SCENARIO, seat: "cell-1" });
    const errors: ErrorMessage[] = [];
    client.onMessage(MessageType.welcome, () => {});
    client.onMessage(MessageType.error, (error: ErrorMessage) => errors.push(error));
    await client.waitForInitialState();
    return { client, errors };
  }
});
