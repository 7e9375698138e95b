import { css, html, LitElement, nothing } from "lit";
import type { MatchEvent, MatchEventKind } from "../scenes/match/matchEvents";
import { panelStyles } from "./panelStyles";

/** How long a toast stays, and how many show at once (the log keeps everything). */
const TOAST_MS = 7000;
const MAX_TOASTS = 4;
/** How many past announcements the screen-reader region keeps. */
const MAX_ANNOUNCED = 6;

interface Toast extends MatchEvent {
  id: number;
}

const icons: Record<MatchEventKind, string> = {
  contact: "◎",
  fight: "✶",
  raid: "⚡",
  loss: "✖",
  baseFound: "⌂",
  exposed: "◉",
  objective: "★",
  news: "✉",
  end: "⚑",
};

/**
 * Toasts for what just happened (contacts, fights, raids, bases found, objectives, scenario news); a click
 * on one shows the place on the map. Every toast is also read out by a polite live region.
 */
export class ToastStack extends LitElement {
  static properties = { toasts: { state: true }, announced: { state: true } };
  declare toasts: Toast[];
  declare announced: { id: number; text: string }[];
  private nextId = 0;
  private readonly timers = new Set<number>();

  constructor() {
    super();
    this.toasts = [];
    this.announced = [];
  }

  static styles = [
    panelStyles,
    css`
      /* Under the match controls, clear of the coach card and the notices at the bottom; on a phone, under the status. */
      :host { position: absolute; left: 50%; top: 128px; transform: translateX(-50%); width: min(380px, 92cqw); pointer-events: none;
        display: flex; flex-direction: column; gap: 4px; }
      @media (max-width: 640px) { :host { top: 210px; } }
      button { pointer-events: auto; margin: 0; background: rgba(10, 14, 24, 0.92); display: flex; gap: 8px; align-items: baseline; animation: rise calc(0.2s * var(--motion, 1)) ease-out; }
      button:not([data-at]) { cursor: default; }
      .icon { color: #f0a040; }
      [data-kind="fight"] .icon, [data-kind="loss"] .icon, [data-kind="exposed"] .icon { color: #ff8a75; }
      [data-kind="objective"] .icon, [data-kind="end"] .icon { color: #b8f060; }
      [data-kind="contact"] .icon { color: #5ee6ff; }
      .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
      @keyframes rise { from { opacity: 0; transform: translateY(8px); } to { opacity: 1; transform: none; } }
    `,
  ];

  push(event: MatchEvent): void {
    const toast: Toast = { ...event, id: this.nextId++ };
    this.toasts = [toast, ...this.toasts].slice(0, MAX_TOASTS);
    this.announced = [...this.announced, { id: toast.id, text: toast.text }].slice(-MAX_ANNOUNCED);
    const timer = window.setTimeout(() => {
      this.timers.delete(timer);
      this.toasts = this.toasts.filter((shown) => shown.id !== toast.id);
    }, TOAST_MS);
    this.timers.add(timer);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const timer of this.timers) window.clearTimeout(timer);
    this.timers.clear();
  }

  render() {
    return html`${this.toasts.map((toast) => {
        const at = toast.at;
        return html`<button data-toast data-kind=${toast.kind} data-at=${at ? `${Math.round(at.x)},${Math.round(at.y)}` : nothing}
          title=${at ? "Show this on the map" : ""}
          @click=${() => at && this.dispatchEvent(new CustomEvent<{ x: number; y: number }>("show", { detail: at }))}>
          <span class="icon" aria-hidden="true">${icons[toast.kind]}</span><span>${toast.text}</span>
        </button>`;
      })}
      <div class="sr-only" role="log" aria-live="polite" aria-label="What just happened" data-announcements>
        ${this.announced.map((line) => html`<div>${line.text}</div>`)}
      </div>`;
  }
}
customElements.define("toast-stack", ToastStack);
