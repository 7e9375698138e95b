import { matchMaker } from "@colyseus/core";
import type { Client, Room } from "@colyseus/sdk";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as encoding from "lib0/encoding";
import { writeSyncStep1, writeUpdate } from "y-protocols/sync";
import * as Y from "yjs";
import { openDraftSession, type DraftSession, type DraftSessionRequest } from "../../client/editor/net/draftSession";
import { EditorMessageType, type DraftProblems } from "../../shared/protocol/editorMessages";
import { ErrorCode } from "../../shared/protocol/errorCodes";
import { LIMITS } from "../../shared/protocol/limits";
import { MessageType, type ErrorMessage } from "../../shared/protocol/messages";
import { readDraft, setAt, valueAt } from "../../shared/scenario/draftDocument";
import { bootTestServer, type TestServer } from "../support/testServer";

const file = JSON.parse(readFileSync(new URL("../../assets/scenarios/dorvan-2370.json", import.meta.url), "utf8")) as Record<string, unknown>;

describe("editor room", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "maquis-editor-"));
  let server: TestServer;
  let sessions: DraftSession[] = [];
  let rawRooms: Room[] = [];

  beforeAll(async () => {
    server = await bootTestServer({ dataDir, editorReconnectSeconds: 1 });
  });
  afterEach(async () => {
    // Closed first: an open session would otherwise reopen its draft when cleanup closes the rooms.
    await Promise.all(sessions.map((session) => session.close()));
    await Promise.all(rawRooms.filter((room) => room.connection.isOpen).map((room) => room.leave()));
    sessions = [];
    rawRooms = [];
    await server.cleanup();
  });
  afterAll(async () => {
    await server.shutdown();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const client = () => server.sdk as unknown as Client;

  async function open(request: Omit<DraftSessionRequest, "client" | "name"> & { name?: string }): Promise<DraftSession> {
    const session = await openDraftSession({ name: "Modder", ...request, client: client() });
    sessions.push(session);
    return session;
  }

  /** A new draft from the bundled file, and a second editor in it once the file has reached them. */
  async function pair(): Promise<[DraftSession, DraftSession]> {
    const a = await open({ initialFile: file, name: "Ada" });
    const b = await open({ draftId: a.draftId, name: "Bo" });
    await expect.poll(() => valueAt(b.doc, ["title"])).toBe(file.title);
    return [a, b];
  }

  /** A bare SDK connection to the draft, for sending what no session would. */
  async function rawEditor(draftId: string): Promise<{ room: Room; errors: ErrorMessage[] }> {
    const room = await client().joinById(draftId, { name: "Raw" });
    rawRooms.push(room);
    const errors: ErrorMessage[] = [];
    room.onMessage(MessageType.error, (error: ErrorMessage) => errors.push(error));
    room.onMessage("*", () => {});
    return { room, errors };
  }

  const refusals = (session: DraftSession) => {
    const seen: ErrorMessage[] = [];
    session.onRefusal((error) => seen.push(error));
    return seen;
  };

  it("merges two editors' changes to different fields made at once, and both keep both", async () => {
    const [a, b] = await pair();
    setAt(a.doc, ["map", "systems", 0, "x"], 50, a.localOrigin);
    setAt(b.doc, ["map", "systems", 1, "y"], 60, b.localOrigin);
    setAt(b.doc, ["title"], "A new title", b.localOrigin);
    await expect.poll(() => valueAt(a.doc, ["map", "systems", 1, "y"])).toBe(60);
    await expect.poll(() => valueAt(b.doc, ["map", "systems", 0, "x"])).toBe(50);
    // Bo's second change goes a moment after the first: changes made in quick succession are merged into one message.
    await expect.poll(() => valueAt(a.doc, ["title"])).toBe("A new title");
    expect(readDraft(a.doc)).toEqual(readDraft(b.doc));
  });

  it("keeps both editors' words when they type in one briefing at once", async () => {
    const [a, b] = await pair();
    const briefing = file.briefing as string;
    setAt(a.doc, ["briefing"], `Opening words. ${briefing}`, a.localOrigin);
    setAt(b.doc, ["briefing"], `${briefing} Closing words.`, b.localOrigin);
    const both = `Opening words. ${briefing} Closing words.`;
    await expect.poll(() => valueAt(a.doc, ["briefing"])).toBe(both);
    await expect.poll(() => valueAt(b.doc, ["briefing"])).toBe(both);
  });

  it("gives an editor who joins late the whole draft, edits included, and the draft's problems", async () => {
    const [a, b] = await pair();
    setAt(a.doc, ["title"], "Late edition", a.localOrigin);
    await expect.poll(() => valueAt(b.doc, ["title"])).toBe("Late edition");
    const c = await open({ draftId: a.draftId, name: "Cy" });
    expect(readDraft(c.doc)).toEqual(readDraft(a.doc));
    // The room checks the draft a moment after it changes: the bundled file has no problems.
    const problems: DraftProblems[] = [];
    c.problems((latest) => problems.push(latest));
    await expect.poll(() => problems.at(-1)).toEqual({ count: 0, problems: [] });
    expect(a.inviteLink).toBe(`/editor?draft=${a.draftId}`);
    expect(a.draftId).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it("counts the draft's problems as it changes and tells every editor", async () => {
    const [a, b] = await pair();
    const seen: DraftProblems[] = [];
    b.problems((problems) => seen.push(problems));
    await expect.poll(() => seen.at(-1)?.count).toBe(0);
    setAt(a.doc, ["map", "systems", 0, "sympathy"], 99, a.localOrigin);
    await expect.poll(() => seen.at(-1)?.count).toBe(1);
    expect(seen.at(-1)!.problems[0]!.path).toMatch(/^map\.systems\.0\.sympathy/);
    expect((await matchMaker.query({ name: "editor" })).find((listing) => listing.roomId === a.draftId)?.metadata).toEqual({ problems: 1 });
  });

  it("shows each editor's presence to the others, and removes it when its editor leaves", async () => {
    const [a, b] = await pair();
    a.awareness.setLocalStateField("cursor", { x: 120, y: 45 });
    a.awareness.setLocalStateField("selection", ["dorvan-v"]);
    a.awareness.setLocalStateField("field", "map.systems.0.name");
    await expect.poll(() => b.awareness.getStates().get(a.doc.clientID)).toMatchObject({ name: "Ada", cursor: { x: 120, y: 45 }, selection: ["dorvan-v"], field: "map.systems.0.name" });
    await a.close();
    await expect.poll(() => b.awareness.getStates().has(a.doc.clientID)).toBe(false);
  });

  it("refuses presence that breaks its shape, or speaks for another editor", async () => {
    const [a] = await pair();
    const raw = await rawEditor(a.draftId);
    const liar = new Y.Doc();
    liar.clientID = a.doc.clientID;
    const { Awareness, encodeAwarenessUpdate } = await import("y-protocols/awareness");
    const spoof = new Awareness(liar);
    spoof.setLocalState({ name: "Ada", color: "#000000", cursor: null, selection: [] });
    raw.room.sendBytes(EditorMessageType.presence, encodeAwarenessUpdate(spoof, [liar.clientID]));
    const bad = new Awareness(new Y.Doc());
    bad.setLocalState({ name: "Eve", color: "red", cursor: null, selection: [] });
    raw.room.sendBytes(EditorMessageType.presence, encodeAwarenessUpdate(bad, [bad.clientID]));
    await expect.poll(() => raw.errors.map((error) => error.message)).toEqual(["presence: that entry belongs to another editor", "presence: color: must be a colour such as #3a7bd5"]);
    spoof.destroy();
    bad.destroy();
  });

  it(`refuses a change that would grow the draft past ${LIMITS.draftBytes / 1024} KiB, or one over ${LIMITS.draftChangeBytes / 1024} KiB, and the others' draft is unchanged`, async () => {
    const [a, b] = await pair();
    const filler = await open({ draftId: a.draftId, name: "Fil" });
    const fillerRefusals = refusals(filler);
    const chunk = "x".repeat(100 * 1024);
    filler.doc.getMap("scenario").set("padding1", chunk);
    await expect.poll(() => (readDraft(a.doc).padding1 as string | undefined)?.length, { timeout: 10_000 }).toBe(chunk.length);
    filler.doc.getMap("scenario").set("padding2", chunk);
    await expect.poll(() => (readDraft(a.doc).padding2 as string | undefined)?.length, { timeout: 10_000 }).toBe(chunk.length);
    filler.doc.getMap("scenario").set("padding3", chunk);
    await expect.poll(() => fillerRefusals[0], { timeout: 10_000 }).toMatchObject({ code: ErrorCode.DraftFull, message: expect.stringContaining(`its limit of ${LIMITS.draftBytes / 1024} KiB`) });
    // Its copy now holds what the draft does not: it stops sending, and asks its editor to open the draft again.
    const fillerStatus: string[] = [];
    filler.onStatus((status) => fillerStatus.push(status));
    expect(fillerStatus).toEqual(["outOfStep"]);

    const big = await open({ draftId: a.draftId, name: "Big" });
    const bigRefusals = refusals(big);
    big.doc.getMap("scenario").set("huge", "y".repeat(LIMITS.draftChangeBytes + 1024));
    await expect.poll(() => bigRefusals[0], { timeout: 10_000 }).toMatchObject({ code: ErrorCode.ChangeTooLarge, message: expect.stringContaining(`the limit of ${LIMITS.draftChangeBytes / 1024} KiB for one change`) });

    // A later edit reaches everyone after the refusals: had the refused changes gone anywhere, they would have arrived first.
    setAt(b.doc, ["title"], "After the refusals", b.localOrigin);
    await expect.poll(() => valueAt(a.doc, ["title"])).toBe("After the refusals");
    expect(readDraft(a.doc)).not.toHaveProperty("padding3");
    expect(readDraft(a.doc)).not.toHaveProperty("huge");
    expect(readDraft(b.doc)).toEqual(readDraft(a.doc));
  });

  it("answers malformed bytes with an error naming the problem; the room and the other editors go on", async () => {
    const [a, b] = await pair();
    const raw = await rawEditor(a.draftId);
    raw.room.sendBytes(EditorMessageType.sync, new Uint8Array([2, 5, 1, 2, 3, 4, 5]));
    raw.room.sendBytes(EditorMessageType.sync, new Uint8Array([255, 255, 255]));
    raw.room.sendBytes(EditorMessageType.sync, new Uint8Array([7, 0]));
    raw.room.sendBytes(EditorMessageType.presence, new Uint8Array([1, 9, 9, 3, 65, 66]));
    await expect.poll(() => raw.errors.length).toBe(4);
    expect(raw.errors.map((error) => error.code)).toEqual([ErrorCode.InvalidMessage, ErrorCode.InvalidMessage, ErrorCode.InvalidMessage, ErrorCode.InvalidMessage]);
    expect(raw.errors[0]!.message).toBe("sync: the change could not be read (malformed bytes); nothing of it was applied");
    expect(raw.errors[2]!.message).toBe("sync: unknown kind of sync message (7)");
    setAt(a.doc, ["title"], "Still here", a.localOrigin);
    await expect.poll(() => valueAt(b.doc, ["title"])).toBe("Still here");
  });

  it("refuses what a scenario file cannot hold (an embedded document, an object stored whole, nesting past a file's), and answers a request for the whole draft at most every few seconds", async () => {
    const [a, b] = await pair();
    const raw = await rawEditor(a.draftId);
    /** An update as a hostile copy of the draft would send it: made on a copy of a's document. */
    const changeFrom = (edit: (copy: Y.Doc) => void) => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(a.doc));
      const before = Y.encodeStateVector(copy);
      edit(copy);
      const encoder = encoding.createEncoder();
      writeUpdate(encoder, Y.encodeStateAsUpdate(copy, before));
      return encoding.toUint8Array(encoder);
    };
    raw.room.sendBytes(EditorMessageType.sync, changeFrom((copy) => (copy.getMap("scenario").get("forces") as Y.Array<unknown>).insert(0, [1, new Y.Doc()])));
    await expect.poll(() => raw.errors.length).toBe(1);
    expect(raw.errors[0]!.message).toMatch(/a draft holds only maps, lists, texts and plain values/);
    const stateVector = () => {
      const encoder = encoding.createEncoder();
      writeSyncStep1(encoder, new Y.Doc());
      return encoding.toUint8Array(encoder);
    };
    // A second raw editor asks for the whole draft twice at once: answered once.
    const asker = await rawEditor(a.draftId);
    asker.room.sendBytes(EditorMessageType.sync, stateVector());
    asker.room.sendBytes(EditorMessageType.sync, stateVector());
    await expect.poll(() => asker.errors.map((error) => error.message).join("\n")).toMatch(/the whole draft was sent to you less than 2 s ago/);
    // Nothing of it reached the others.
    setAt(a.doc, ["title"], "Unharmed", a.localOrigin);
    await expect.poll(() => valueAt(b.doc, ["title"])).toBe("Unharmed");
    expect(JSON.stringify(readDraft(b.doc))).toBe(JSON.stringify(readDraft(a.doc)));
  });

  it("refuses unknown message types, JSON or bytes", async () => {
    const [a] = await pair();
    const raw = await rawEditor(a.draftId);
    raw.room.send("hello", { a: 1 });
    raw.room.sendBytes("nope", new Uint8Array([1]));
    await expect.poll(() => raw.errors.map((error) => error.message)).toEqual(['the editor does not accept "hello" messages', 'the editor does not accept "nope" messages']);
    expect(raw.errors.every((error) => error.code === ErrorCode.UnknownMessage)).toBe(true);
  });

  it("disconnects an editor that floods the room, as match rooms do; the others go on", async () => {
    const [a, b] = await pair();
    const raw = await rawEditor(a.draftId);
    const left = new Promise<number>((resolve) => raw.room.onLeave((code: number) => resolve(code)));
    raw.room.reconnection.enabled = false;
    for (let i = 0; i < LIMITS.editorMessagesPerSecond * 2; i++) raw.room.sendBytes("nope", new Uint8Array([i]));
    expect(await left).toBe(4002);
    setAt(a.doc, ["title"], "After the flood", a.localOrigin);
    await expect.poll(() => valueAt(b.doc, ["title"])).toBe("After the flood");
  });

  it(`lets ${LIMITS.editorsPerDraft} editors into one draft and refuses the next`, async () => {
    const [a] = await pair();
    for (let i = 2; i < LIMITS.editorsPerDraft; i++) await rawEditor(a.draftId);
    await expect(client().joinById(a.draftId, { name: "One too many" })).rejects.toThrow();
    expect(matchMaker.getLocalRoomById(a.draftId)!.clients.length).toBe(LIMITS.editorsPerDraft);
  });

  it("keeps the draft on the server after everyone has left, and its link opens it again", async () => {
    const [a, b] = await pair();
    setAt(a.doc, ["title"], "Kept for later", a.localOrigin);
    await expect.poll(() => valueAt(b.doc, ["title"])).toBe("Kept for later");
    const draftId = a.draftId;
    const kept = readDraft(a.doc);
    await a.close();
    await b.close();
    await expect.poll(() => matchMaker.getLocalRoomById(draftId)).toBeUndefined();
    const again = await open({ draftId, name: "Back" });
    expect(again.draftId).toBe(draftId);
    expect(readDraft(again.doc)).toEqual(kept);
    await expect(client().create("editor", { name: "Guess", draft: "A".repeat(24) })).rejects.toThrow(/there is no draft "AAAAAAAAAAAAAAAAAAAAAAAA" on this server/);
  });

  it("keeps an editor's changes made while its connection was cut, and sends them once it is back", async () => {
    const [a, b] = await pair();
    const statuses: string[] = [];
    a.onStatus((status) => statuses.push(status));
    const room = matchMaker.getLocalRoomById(a.draftId)!;
    // The first to join is Ada; the server cuts her connection as a network would.
    room.clients[0]!.leave(4100);
    await expect.poll(() => statuses).toContain("reconnecting");
    setAt(a.doc, ["title"], "Written offline", a.localOrigin);
    setAt(b.doc, ["map", "systems", 0, "x"], 7, b.localOrigin);
    await expect.poll(() => valueAt(b.doc, ["title"]), { timeout: 10_000 }).toBe("Written offline");
    await expect.poll(() => valueAt(a.doc, ["map", "systems", 0, "x"])).toBe(7);
    expect(statuses.at(-1)).toBe("synced");
  });
});

describe("drafts per address", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await bootTestServer({ addressLimits: { ...LIMITS, matchmakingRequestsPerWindow: 1000 } });
  });
  afterAll(() => server.shutdown());

  it(`lets one address hold ${LIMITS.draftsPerAddress} drafts open, refuses another with a clear error, and frees a place when one closes`, async () => {
    const client = server.sdk as unknown as Client;
    const rooms: Room[] = [];
    for (let i = 0; i < LIMITS.draftsPerAddress; i++) {
      const room = await client.create("editor", { name: `Modder ${i}` });
      room.onMessage("*", () => {});
      rooms.push(room);
    }
    await expect(client.create("editor", { name: "One more" })).rejects.toThrow(
      `your address already has ${LIMITS.draftsPerAddress} drafts open (the limit is ${LIMITS.draftsPerAddress}): close one first`,
    );
    // Joining a draft someone has open opens nothing.
    const joined = await client.joinById(rooms[1]!.roomId, { name: "Guest" });
    joined.onMessage("*", () => {});
    const closing = rooms[0]!.roomId;
    await rooms[0]!.leave();
    await expect.poll(() => matchMaker.getLocalRoomById(closing)).toBeUndefined();
    const again = await client.create("editor", { name: "Again" });
    again.onMessage("*", () => {});
    await Promise.all([...rooms.slice(1), joined, again].map((room) => room.leave()));
  });
});
