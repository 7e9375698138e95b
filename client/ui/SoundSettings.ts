import { css, html, LitElement } from "lit";
import { audioSettings, type AudioSettings, type SoundChannel } from "../audio/audioSettings";
import { playEffect } from "../audio/soundBank";
import { panelStyles } from "./panelStyles";

const rows: { channel: SoundChannel; label: string }[] = [
  { channel: "music", label: "Music" },
  { channel: "effects", label: "Effects" },
];

/**
 * Volume and mute for music and for effects, remembered by this browser. `<sound-settings>` draws its
 * own panel; `<sound-settings embedded>` draws only its rows, to sit inside another panel.
 */
export class SoundSettings extends LitElement {
  static properties = {
    embedded: { type: Boolean, reflect: true },
    settings: { state: true },
  };
  /** Without a panel frame of its own. */
  declare embedded: boolean;
  declare settings: AudioSettings;
  private unsubscribe: (() => void) | null = null;

  constructor() {
    super();
    this.embedded = false;
    this.settings = audioSettings().current;
  }

  static styles = [
    panelStyles,
    css`
      :host { display: block; }
      .row { display: grid; grid-template-columns: 4.5em minmax(80px, 1fr) 2.8em auto; align-items: center; gap: 6px; margin: 4px 0; }
      input { margin: 0; accent-color: #f0a040; cursor: pointer; }
      input[type="range"] { width: 100%; }
      input:focus-visible { outline: 2px solid #f0a040; outline-offset: 2px; }
      .muted input[type="range"], .muted .value { opacity: 0.5; }
      .value { text-align: right; font-variant-numeric: tabular-nums; }
      label.mute { display: inline-flex; align-items: center; gap: 4px; cursor: pointer; white-space: nowrap; }
    `,
  ];

  connectedCallback(): void {
    super.connectedCallback();
    const store = audioSettings();
    this.settings = store.current;
    this.unsubscribe = store.subscribe((settings) => (this.settings = settings));
  }

  disconnectedCallback(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    super.disconnectedCallback();
  }

  /** Moving a slider also unmutes its channel; the effects slider plays a sample when let go, to hear the level. */
  private setVolume(channel: SoundChannel, event: Event): void {
    audioSettings().set(channel, { volume: Number((event.target as HTMLInputElement).value) / 100, muted: false });
  }

  private setMuted(channel: SoundChannel, event: Event): void {
    const muted = (event.target as HTMLInputElement).checked;
    audioSettings().set(channel, { muted });
    if (channel === "effects" && !muted) playEffect("notice");
  }

  private row(channel: SoundChannel, label: string) {
    const { volume, muted } = this.settings[channel];
    const percent = Math.round(volume * 100);
    const id = `sound-${channel}`;
    return html`<div class="row ${muted ? "muted" : ""}" data-sound=${channel}>
      <label for=${id}>${label}</label>
      <input id=${id} type="range" min="0" max="100" step="5" .value=${String(percent)}
        aria-label="${label} volume" aria-valuetext=${muted ? `${percent}%, muted` : `${percent}%`}
        @input=${(event: Event) => this.setVolume(channel, event)}
        @change=${() => channel === "effects" && playEffect("notice")} />
      <span class="meta value" aria-hidden="true">${percent}%</span>
      <label class="mute"><input type="checkbox" data-mute=${channel} .checked=${muted} aria-label="Mute ${label.toLowerCase()}"
        @change=${(event: Event) => this.setMuted(channel, event)} />Mute</label>
    </div>`;
  }

  render() {
    return html`<div class=${this.embedded ? "" : "panel"} data-sound-settings>
      ${this.embedded ? null : html`<h3>Sound</h3>`}
      ${rows.map(({ channel, label }) => this.row(channel, label))}
    </div>`;
  }
}
customElements.define("sound-settings", SoundSettings);
