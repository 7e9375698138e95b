import { LIMITS } from "../../shared/protocol/limits";

/** How fast each client may chat: LIMITS.chatLinesPerWindow lines in any LIMITS.chatWindowSeconds. */
export class ChatRate {
  private readonly times = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** True, and counted, when the client may send one more line now. */
  admit(sessionId: string): boolean {
    const now = this.now();
    const windowMs = LIMITS.chatWindowSeconds * 1000;
    const recent = (this.times.get(sessionId) ?? []).filter((time) => now - time < windowMs);
    const admitted = recent.length < LIMITS.chatLinesPerWindow;
    if (admitted) recent.push(now);
    this.times.set(sessionId, recent);
    return admitted;
  }

  forget(sessionId: string): void {
    this.times.delete(sessionId);
  }
}
