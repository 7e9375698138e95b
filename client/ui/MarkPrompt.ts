import { css, html, LitElement, type PropertyValues } from "lit";
import { LIMITS } from "../../shared/protocol/limits";
import { markNote, type MarkMode } from "./markMode";
import { panelStyles } from "./panelStyles";

/**
 * Placing a council mark: a hint while the player picks the point, then a one-line note field beside
 * the picked point. Sends "note" (the trimmed text) or "cancel"; Escape is handled by the scene's key
 * listener, so it cancels from anywhere. Covers the viewport but lets clicks through to the map.
 */
export class MarkPrompt extends LitElement {
  static properties = {
    mode: { attribute: false },
    left: { attribute: false },
    top: { attribute: false },
    problem: { attribute: false },
  };
  declare mode: MarkMode;
  /** Where the picked point is on screen, in CSS pixels; the note field sits just below and right of it. */
  declare left: number;
  declare top: number;
  /** Why the last pick or note was not taken (a point off the map, an empty note); cleared when the step changes. */
  declare problem: string;

  constructor() {
    super();
    this.mode = "off";
    this.left = 0;
    this.top = 0;
    this.problem = "";
  }

  static styles = [
    panelStyles,
    css`
      :host { position: absolute; inset: 0; pointer-events: none; }
      /* Where the HUD's notices go, over them while the player picks a point: the middle of the map stays clear to click. */
      .hint { position: absolute; left: 50%; bottom: 10px; transform: translateX(-50%); width: max-content; max-width: 86cqw; display: flex; gap: 8px;
        align-items: center; border-color: #b8f060; box-shadow: 0 0 0 1px rgba(184, 240, 96, 0.25); }
      .hint button, form button { width: auto; margin: 0; }
      form { position: absolute; box-sizing: border-box; width: min(260px, 80cqw); border-color: #b8f060; }
      .fields { display: flex; gap: 4px; }
      input { flex: 1; min-width: 0; font: inherit; background: #131a2a; color: inherit; border: 1px solid #2c3850; border-radius: 4px; padding: 4px 6px; }
      input:focus { outline: none; border-color: #b8f060; }
      .pin { color: #b8f060; }
      @media (pointer: coarse) { .key { display: none; } }
    `,
  ];

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("mode")) this.problem = "";
  }

  /** Puts the caret in the note field once it is drawn (after the point is picked, or moved). */
  focusNote(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>("input[data-mark-input]")?.focus());
  }

  private submit(event: Event): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>("input[data-mark-input]")!;
    const text = markNote(input.value);
    if (text === null) {
      this.problem = `Write a note of 1 to ${LIMITS.markCharacters} characters.`;
      input.focus();
      return;
    }
    this.dispatchEvent(new CustomEvent<string>("note", { detail: text }));
  }

  private cancel(): void {
    this.dispatchEvent(new CustomEvent("cancel"));
  }

  render() {
    if (this.mode === "point")
      return html`<div class="panel hint" role="status" data-mark-hint>
        <span><span class="pin">⚑</span> Click or tap the map where the mark goes <span class="meta key">· Esc cancels</span>
          ${this.problem ? html`<div class="refusal" data-mark-problem>${this.problem}</div>` : null}</span>
        <button data-mark-cancel @click=${() => this.cancel()}>Cancel</button>
      </div>`;
    if (this.mode === "note")
      return html`<form class="panel" data-mark-note @submit=${(event: Event) => this.submit(event)}
        style="left: clamp(8px, ${Math.round(this.left + 10)}px, calc(100cqw - min(260px, 80cqw) - 8px)); top: clamp(8px, ${Math.round(this.top + 10)}px, calc(100cqh - 100px))">
        <h3><span class="pin">⚑</span> Mark for your side</h3>
        <div class="fields">
          <input data-mark-input maxlength=${LIMITS.markCharacters} placeholder="Hit the convoy here at dawn" aria-label="Note on the mark" autocomplete="off" />
          <button data-mark-send>Mark</button>
          <button type="button" data-mark-cancel title="Cancel (Esc)" aria-label="Cancel" @click=${() => this.cancel()}>✕</button>
        </div>
        ${this.problem
          ? html`<div class="refusal" data-mark-problem>${this.problem}</div>`
          : html`<div class="meta">Only your side sees it. <span class="key">Enter marks it, Esc cancels. </span>Click or tap elsewhere on the map to move it.</div>`}
      </form>`;
    return null;
  }
}
customElements.define("mark-prompt", MarkPrompt);
