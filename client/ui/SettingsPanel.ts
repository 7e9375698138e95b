import { css, html, LitElement } from "lit";
import { applyDisplaySettings, browserStorage, readDisplaySettings, saveDisplaySettings, systemPrefersReducedMotion, UI_SCALES, type DisplaySettings } from "./displaySettings";
import { uiRoot } from "./overlay";
import { panelStyles } from "./panelStyles";
import "./SoundSettings";

/** The settings a player keeps in this browser: sound, and the size and motion of the panels. Emits "close". */
export class SettingsPanel extends LitElement {
  static properties = { display: { state: true } };
  declare display: DisplaySettings;

  constructor() {
    super();
    this.display = readDisplaySettings(browserStorage(), systemPrefersReducedMotion());
  }

  static styles = [
    panelStyles,
    css`
      :host { position: absolute; inset: 0; display: grid; place-items: center; background: rgba(2, 4, 10, 0.55); pointer-events: auto; }
      .panel { width: min(420px, 94cqw); max-height: 90cqh; overflow: auto; padding: 14px 18px; }
      h2 { margin: 0 0 8px; color: #f0a040; font-size: 17px; }
      .scales { display: flex; gap: 4px; }
      .scales button { width: auto; flex: 1; text-align: center; }
      button[aria-pressed="true"] { border-color: #5ee6ff; }
      label { display: flex; gap: 8px; align-items: center; margin: 6px 0; cursor: pointer; }
      input[type="checkbox"] { accent-color: #f0a040; }
      input:focus-visible { outline: 2px solid #f0a040; outline-offset: 2px; }
      .close { width: auto; display: inline-block; margin-top: 10px; }
    `,
  ];

  firstUpdated(): void {
    this.renderRoot.querySelector<HTMLButtonElement>("button")?.focus();
  }

  private change(settings: Partial<DisplaySettings>): void {
    this.display = { ...this.display, ...settings };
    saveDisplaySettings(browserStorage(), this.display);
    applyDisplaySettings(uiRoot(), this.display);
  }

  render() {
    return html`<div class="panel" role="dialog" aria-modal="true" aria-labelledby="settings-title" data-settings
      @keydown=${(event: KeyboardEvent) => event.key === "Escape" && this.dispatchEvent(new CustomEvent("close"))}>
      <h2 id="settings-title">Settings</h2>
      <h3>Sound</h3>
      <sound-settings embedded></sound-settings>
      <h3>Panel size</h3>
      <div class="scales" role="group" aria-label="Panel size">
        ${UI_SCALES.map(
          (scale) => html`<button data-ui-scale=${scale} aria-pressed=${this.display.uiScale === scale ? "true" : "false"} @click=${() => this.change({ uiScale: scale })}>
            ${Math.round(scale * 100)}%
          </button>`,
        )}
      </div>
      <label><input type="checkbox" data-reduced-motion .checked=${this.display.reducedMotion}
        @change=${(event: Event) => this.change({ reducedMotion: (event.target as HTMLInputElement).checked })} /> Reduce motion (no sliding or fading)</label>
      <p class="meta">Kept by this browser.</p>
      <button class="close" data-close-settings @click=${() => this.dispatchEvent(new CustomEvent("close"))}>Close</button>
    </div>`;
  }
}
customElements.define("settings-panel", SettingsPanel);
