import { css, html, LitElement } from "lit";
import { panelStyles } from "./panelStyles";
import { SHORTCUT_HELP } from "./shortcuts";

/** The "?" overlay: every keyboard shortcut in the match. Closed by its button, "?" or Esc (the scene's keys). */
export class ShortcutHelp extends LitElement {
  static styles = [
    panelStyles,
    css`
      :host { position: absolute; inset: 0; display: grid; place-items: center; background: rgba(2, 4, 10, 0.55); pointer-events: auto; }
      .panel { width: min(520px, 94cqw); max-height: 86cqh; overflow: auto; padding: 14px 18px; }
      h2 { margin: 0 0 8px; color: #f0a040; font-size: 17px; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 0 0 10px; }
      dt { font-family: ui-monospace, monospace; color: #5ee6ff; }
      dd { margin: 0; }
      button { width: auto; display: inline-block; }
    `,
  ];

  firstUpdated(): void {
    this.renderRoot.querySelector<HTMLButtonElement>("button")?.focus();
  }

  render() {
    return html`<div class="panel" role="dialog" aria-modal="true" aria-labelledby="keys-title" data-shortcut-help>
      <h2 id="keys-title">Keyboard</h2>
      <dl>${SHORTCUT_HELP.map((line) => html`<dt>${line.keys}</dt><dd>${line.what}</dd>`)}</dl>
      <p class="meta">Tab moves between buttons; Enter or Space presses the one in focus.</p>
      <button data-close-help @click=${() => this.dispatchEvent(new CustomEvent("close"))}>Close</button>
    </div>`;
  }
}
customElements.define("shortcut-help", ShortcutHelp);
