import type { MatchState } from "../../../shared/state/MatchState";
import { inTimeOrder } from "../../ui/historyPoints";
import { MatchResult } from "../../ui/MatchResult";
import { uiRoot } from "../../ui/overlay";
import { objectiveRows } from "./panelData";

/** The end of the match over the map: who prevailed, the objectives, the charts, and where to watch it again. */
export function showResultScreen(state: MatchState, viewer: { side: string; replayLink: string }, onLeave: () => void): MatchResult {
  const result = new MatchResult();
  result.winner = state.winner;
  result.reason = state.endReason;
  result.scores = { maquis: state.scoreMaquis, occupier: state.scoreOccupier };
  result.objectives = objectiveRows(state);
  result.yourSide = viewer.side;
  result.replayLink = viewer.replayLink;
  result.history = inTimeOrder(state.history.map((sample) => ({ ...sample.toJSON() })));
  result.addEventListener("leave", onLeave);
  uiRoot().append(result);
  return result;
}
