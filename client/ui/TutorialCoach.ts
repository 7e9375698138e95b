import { css, html, LitElement, type PropertyValues } from "lit";
import type { TutorialStep } from "../../shared/scenario/tutorialSchema";
import { panelStyles } from "./panelStyles";

/** "Step 3 of 9" */
export function stepCounter(index: number, total: number): string {
  return `Step ${Math.min(index + 1, total)} of ${total}`;
}

/**
 * The training coach: a small card docked at the bottom centre, clear of the middle of the map, with the
 * current step's instruction and hint. Its buttons emit "skipStep" and "skipTutorial"; once every step is
 * done it says so and emits "close". Each new step is read out through a polite live region, so a screen
 * reader hears it without the player's focus moving. The card takes no keys of its own: its buttons are
 * in the page's tab order, and the match's shortcuts keep working around it.
 */
export class TutorialCoach extends LitElement {
  static properties = {
    steps: { attribute: false },
    index: { attribute: false },
    announcement: { state: true },
  };
  declare steps: readonly TutorialStep[];
  /** The current step; `steps.length` once every step is done. */
  declare index: number;
  /** What the live region says: set a moment after the card is drawn, so the first step is read out too. */
  declare announcement: string;
  private announceTimer = 0;

  constructor() {
    super();
    this.steps = [];
    this.index = 0;
    this.announcement = "";
  }

  static styles = [
    panelStyles,
    css`
      /* Above the HUD's notices (bottom centre), between the side panel and the operations panel. */
      :host { position: absolute; left: 50%; bottom: 56px; transform: translateX(-50%); width: min(360px, calc(100cqw - 24px)); pointer-events: none; }
      .panel { border-color: #f0a040; box-shadow: 0 0 0 1px rgba(240, 160, 64, 0.25); }
      h3 { display: flex; justify-content: space-between; gap: 8px; }
      .text { margin: 4px 0; font-size: 14px; }
      .hint { margin: 4px 0 6px; }
      .actions { display: flex; gap: 6px; flex-wrap: wrap; }
      .actions button { width: auto; margin: 0; }
      button:focus-visible { outline: 2px solid #f0a040; outline-offset: 1px; }
      .skip-all { color: #8994ab; }
      .sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
    `,
  ];

  private get finished(): boolean {
    return this.index >= this.steps.length;
  }

  /** The words the live region reads for the current step. */
  private spoken(): string {
    if (this.steps.length === 0) return "";
    if (this.finished) return "Training complete.";
    return `${stepCounter(this.index, this.steps.length)}. ${this.steps[this.index]!.text}`;
  }

  protected updated(changed: PropertyValues<this>): void {
    if (!changed.has("index") && !changed.has("steps")) return;
    const words = this.spoken();
    if (words === this.announcement) return;
    // A live region reads changes, not what it held when it appeared: the words arrive a moment after the region.
    window.clearTimeout(this.announceTimer);
    this.announceTimer = window.setTimeout(() => (this.announcement = words), 150);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearTimeout(this.announceTimer);
  }

  private emit(name: "skipStep" | "skipTutorial" | "close"): void {
    this.dispatchEvent(new CustomEvent(name));
  }

  render() {
    if (this.steps.length === 0) return null;
    const live = html`<div class="sr-only" role="status" aria-live="polite" data-coach-live>${this.announcement}</div>`;
    if (this.finished)
      return html`<section class="panel" aria-label="Training" data-tutorial-coach data-step="done">
        <h3>Training</h3>
        <p class="text">You have done every step of the training. Well done.</p>
        <div class="actions"><button data-coach-close @click=${() => this.emit("close")}>Close</button></div>
        ${live}
      </section>`;
    const step = this.steps[this.index]!;
    return html`<section class="panel" aria-label="Training" data-tutorial-coach data-step=${step.id}>
      <h3><span>Training</span><span data-coach-counter>${stepCounter(this.index, this.steps.length)}</span></h3>
      <p class="text" data-coach-text>${step.text}</p>
      ${step.hint ? html`<p class="meta hint" data-coach-hint>${step.hint}</p>` : null}
      <div class="actions">
        <button data-skip-step @click=${() => this.emit("skipStep")}>Skip this step</button>
        <button class="skip-all" data-skip-tutorial @click=${() => this.emit("skipTutorial")}>Skip the tutorial</button>
      </div>
      ${live}
    </section>`;
  }
}
customElements.define("tutorial-coach", TutorialCoach);
