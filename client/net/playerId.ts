import { PLAYER_ID_PATTERN } from "../../shared/protocol/protocolNames";

/** In localStorage: the same id for every tab and visit of this browser, so "Continue" finds the seats it held. */
const PLAYER_KEY = "maquis.player";

/** 16 random bytes as base64url: 22 characters, unguessable; it identifies a browser, never a person. */
function newPlayerId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * This browser's player id: sent with every join and create, remembered by the server for each seat
 * taken, and used to list and continue the matches those seats belong to. Made once, then kept.
 */
export function playerId(storage: Pick<Storage, "getItem" | "setItem"> = localStorage): string {
  const kept = storage.getItem(PLAYER_KEY);
  if (kept !== null && PLAYER_ID_PATTERN.test(kept)) return kept;
  const made = newPlayerId();
  storage.setItem(PLAYER_KEY, made);
  return made;
}
