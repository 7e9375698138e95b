import { css, html, LitElement } from "lit";
import { dayMarks, timelineLabel } from "./matchWords";
import { panelStyles } from "./panelStyles";

/**
 * A replay's timeline: where the replay stands in the recorded match, with the days marked under it.
 * Dragging shows the moment under the thumb; letting go fires "seek" with that hour (for MatchSession.seek).
 */
export class ReplayTimeline extends LitElement {
  static properties = {
    endHours: { attribute: false },
    hours: { attribute: false },
    dragging: { state: true },
    seekingTo: { state: true },
  };
  /** How long the recorded match ran, in game hours (the server's ReplayInfo). */
  declare endHours: number;
  /** Where the replay stands now (the state's hours). */
  declare hours: number;
  /** The hour under the thumb while it is dragged; null otherwise. */
  declare dragging: number | null;
  /** The hour last asked for, shown until the replay moves from where it stood when asked (the server stands still while it seeks). */
  declare seekingTo: number | null;
  private seekingFrom = 0;

  constructor() {
    super();
    this.endHours = 0;
    this.hours = 0;
    this.dragging = null;
    this.seekingTo = null;
  }

  protected willUpdate(): void {
    if (this.seekingTo !== null && this.hours !== this.seekingFrom) this.seekingTo = null;
  }

  static styles = [
    panelStyles,
    css`
      :host { display: block; }
      input[type="range"] { width: 100%; margin: 4px 0 0; accent-color: #f0a040; }
      .marks { position: relative; height: 14px; margin: 0 8px; }
      .marks span { position: absolute; transform: translateX(-50%); font-size: 10px; color: #8994ab; white-space: nowrap; }
      .where { display: flex; justify-content: space-between; }
    `,
  ];

  private hourOf(event: Event): number {
    return Number((event.target as HTMLInputElement).value);
  }

  render() {
    if (this.endHours <= 0) return null;
    const at = Math.min(this.dragging ?? this.seekingTo ?? this.hours, this.endHours);
    return html`<div data-replay-timeline>
      <div class="where meta"><span data-timeline-at>${timelineLabel(at)}</span><span>of ${timelineLabel(this.endHours)}</span></div>
      <input type="range" min="0" max=${this.endHours} step=${this.endHours > 48 ? 1 : 0.25} .value=${String(at)} aria-label="Moment of the replay"
        aria-valuetext=${timelineLabel(at)}
        @input=${(event: Event) => (this.dragging = this.hourOf(event))}
        @change=${(event: Event) => {
          const hour = this.hourOf(event);
          this.dragging = null;
          this.seekingFrom = this.hours;
          this.seekingTo = hour;
          this.dispatchEvent(new CustomEvent<number>("seek", { detail: hour }));
        }} />
      <div class="marks" aria-hidden="true">
        ${dayMarks(this.endHours).map((mark) => html`<span style="left:${(mark.hour / this.endHours) * 100}%">${mark.label}</span>`)}
      </div>
    </div>`;
  }
}
customElements.define("replay-timeline", ReplayTimeline);
