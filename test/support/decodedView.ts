/**
 * What a client holds, without a network port: the server's state encoded through the StateView that
 * FogOfWar builds for the viewer, and decoded into a fresh MatchState as the browser's SDK does (it
 * decodes into `new MatchState()` too). The bytes are the join-time full state Colyseus sends.
 */
import type { Client } from "@colyseus/core";
import { Decoder, Encoder } from "@colyseus/schema";
import { FogOfWar, type Viewer } from "../../server/rooms/fogOfWar";
import type { Match } from "../../shared/rules/match";
import { MatchState } from "../../shared/state/MatchState";

/** One encoder per match: it keeps its own bookkeeping on the state's trees. */
const encoders = new WeakMap<MatchState, Encoder<MatchState>>();

function encoderFor(state: MatchState): Encoder<MatchState> {
  let encoder = encoders.get(state);
  if (!encoder) {
    encoder = new Encoder(state);
    encoders.set(state, encoder);
  }
  return encoder;
}

/** The viewer's decoded copy of the match as it stands now. */
export function decodedView(match: Match, viewer: Viewer): MatchState {
  // The encoder first: a StateView can only hold what an encoder already tracks.
  const encoder = encoderFor(match.state);
  const fog = new FogOfWar();
  // FogOfWar only reads the session id and sets `view`; a stand-in client is all it needs.
  const client = { sessionId: `${viewer.side}:${viewer.seat}` } as Client;
  fog.attach(client, viewer);
  fog.update(match.state);
  const shared = { offset: 0 };
  encoder.encodeAll(shared);
  const bytes = encoder.encodeAllView(client.view!, shared.offset, { offset: shared.offset });
  fog.detach(client);
  const view = new MatchState();
  new Decoder(view).decode(bytes);
  return view;
}
