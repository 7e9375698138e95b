/** What the last part of a sync message yields. */
export type Assembled =
  | { kind: "message"; message: Uint8Array }
  /** The message passed the limit with this part: refused, nothing of it kept. */
  | { kind: "tooLarge"; bytes: number }
  /** The end of a message already refused while its parts came in. */
  | { kind: "discarded" };

/**
 * One editor's sync message arriving in parts (each under the WebSocket limit), put back together.
 * Bounded: past `maxBytes` the parts are dropped at once, the refusal is reported once, and the rest
 * of that message is ignored up to its last part.
 */
export class SyncAssembly {
  private parts: Uint8Array[] = [];
  private bytes = 0;
  private refused = false;

  constructor(private readonly maxBytes: number) {}

  /** A part with more to follow. Returns the bytes received when they have just passed the limit, else null. */
  addPart(part: Uint8Array): number | null {
    if (this.refused) return null;
    this.bytes += part.length;
    if (this.bytes > this.maxBytes) {
      this.refused = true;
      this.parts = [];
      return this.bytes;
    }
    // A copy: the transport may reuse the buffer the part arrived in.
    this.parts.push(part.slice());
    return null;
  }

  /** The last part (or the whole message when it came in one). */
  finish(last: Uint8Array): Assembled {
    const refused = this.refused;
    const bytes = this.bytes + last.length;
    const parts = [...this.parts, last];
    this.reset();
    if (refused) return { kind: "discarded" };
    if (bytes > this.maxBytes) return { kind: "tooLarge", bytes };
    // A copy even when whole: the transport's buffer goes on past the message, and a length read from it must not reach beyond.
    if (parts.length === 1) return { kind: "message", message: last.slice() };
    const message = new Uint8Array(bytes);
    let offset = 0;
    for (const part of parts) {
      message.set(part, offset);
      offset += part.length;
    }
    return { kind: "message", message };
  }

  /** Drops a message half received (its sender dropped and came back, and sends it again whole). */
  reset(): void {
    this.parts = [];
    this.bytes = 0;
    this.refused = false;
  }
}
