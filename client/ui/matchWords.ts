import type { ContinueEntry, ListedSeat, MatchListing, MatchLookup } from "../../shared/protocol/lobbyMessages";
import type { WelcomeMessage } from "../../shared/protocol/messages";
import { HOURS_PER_DAY } from "../../shared/rules/clock";

/* How the lists and notices about matches put things in words: lobby rows, invite offers, the Continue list, the replay timeline. */

const SIDE_NAMES: Record<string, string> = { maquis: "Maquis", occupier: "Occupier", spectator: "spectators" };

export function sideName(side: string): string {
  return SIDE_NAMES[side] ?? side;
}

/** "Dorvan Valley cell (Maquis)". */
export function seatLabel(seat: Pick<ListedSeat, "name" | "side">): string {
  return `${seat.name} (${sideName(seat.side)})`;
}

/** "no free seat", "1 free seat: Occupier garrison (Occupier)", "2 free seats: …, …". */
export function freeSeatsText(seats: ListedSeat[]): string {
  if (seats.length === 0) return "no free seat";
  return `${seats.length} free seat${seats.length === 1 ? "" : "s"}: ${seats.map(seatLabel).join(", ")}`;
}

/** Where a match stands: "waiting to start", "day 3", "over". */
export function stageText(match: Pick<MatchListing, "phase" | "day">): string {
  if (match.phase === "lobby") return "waiting to start";
  if (match.phase === "ended") return "over";
  return `day ${match.day}`;
}

/** A lobby row's line under the title: "day 3 · 1 free seat: Occupier garrison (Occupier) · host Evek · 2 connected". */
export function listingDetail(listing: MatchListing, connected: number): string {
  return [stageText(listing), freeSeatsText(listing.freeSeats), `host ${listing.host || "—"}`, `${connected} connected`].join(" · ");
}

/**
 * Whether an invite link should offer a choice before joining: a match under way with a seat free (the
 * AI has been playing it). A match still waiting for its host is joined at once (seats are taken in its
 * pre-game panel); one with every seat taken is joined as a spectator, and the welcome says so.
 */
export function offersSeatChoice(match: MatchLookup | null): match is MatchLookup {
  return match !== null && match.phase === "playing" && match.freeSeats.length > 0;
}

/** What an invite link says about a match before joining it. */
export function inviteHeadline(match: MatchLookup): string {
  if (match.phase === "lobby") return `${match.title}: waiting for its host to start.`;
  if (match.freeSeats.length === 0) return `${match.title} is under way (day ${match.day}) and every seat is taken: you can watch it as a spectator.`;
  return `${match.title} is under way (day ${match.day}). Take a free seat (the AI has been playing it), or watch.`;
}

/** What "Play from here" says before the seat is chosen: what the new match is, and who plays the other seats. */
export function playFromHeadline(title: string, moment: string): string {
  return `A match of your own of ${title}, from ${moment} exactly as the replay stands there. Choose your seat; the AI plays every other seat, at the level it played in this match.`;
}

/** A Continue entry: "Journey's End: The Dorvan Valley — day 4, as Dorvan Valley cell (Maquis)". */
export function continueLine(entry: ContinueEntry): string {
  const stage = entry.phase === "lobby" ? "not started yet" : `day ${entry.day}`;
  return `${entry.title} — ${stage}, as ${seatLabel({ name: entry.seatName, side: entry.side })}`;
}

/**
 * What a viewer is told on joining, in a plain sentence: above all whether they joined as a spectator,
 * and why (they asked to watch, or no seat was free).
 */
export function joinedSentence(welcome: WelcomeMessage, context: { askedSeat?: string; replay?: boolean; seatName?: string } = {}): string {
  if (context.replay) return "You are watching a replay: pause it, change its speed, or move along the timeline.";
  if (welcome.side === "spectator") {
    const eyes = `through the ${sideName(welcome.watching)} side's eyes`;
    if (context.askedSeat === "spectator") return `You joined as a spectator: you watch ${eyes} and chat with other spectators, but cannot give orders.`;
    return `You joined as a spectator, because no seat was free: you watch ${eyes} and chat with other spectators, but cannot give orders.`;
  }
  const seat = context.seatName ? `You play ${seatLabel({ name: context.seatName, side: welcome.side })}. ` : "";
  return `${seat}Select a ship, then right-click (or tap) the map to send it. Press ? for the keys.`;
}

export interface DayMark {
  /** Game hours from the start of the match. */
  hour: number;
  label: string;
}

/** Marks under a replay's timeline: the start of each day ("day 1", "day 2", …), or of every n-th day so there are at most `most`. */
export function dayMarks(endHours: number, most = 6): DayMark[] {
  const days = Math.floor(Math.max(0, endHours) / HOURS_PER_DAY) + 1;
  const step = Math.max(1, Math.ceil(days / Math.max(1, most)));
  const marks: DayMark[] = [];
  for (let day = 1; day <= days; day += step) marks.push({ hour: (day - 1) * HOURS_PER_DAY, label: `day ${day}` });
  return marks;
}

/** A moment of the match as the timeline shows it: "day 3, 14:00". */
export function timelineLabel(hours: number): string {
  const day = Math.floor(hours / HOURS_PER_DAY) + 1;
  return `day ${day}, ${String(Math.floor(hours % HOURS_PER_DAY)).padStart(2, "0")}:00`;
}
