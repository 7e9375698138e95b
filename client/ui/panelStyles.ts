import { css } from "lit";

/** The look every match panel shares. */
export const panelStyles = css`
  :host { font: 13px/1.35 "Trebuchet MS", system-ui, sans-serif; color: #d8dce6; }
  .panel { pointer-events: auto; background: rgba(10, 14, 24, 0.88); border: 1px solid #2c3850; border-radius: 6px; padding: 8px 10px; }
  h3 { margin: 4px 0; font-size: 11px; letter-spacing: 0.12em; text-transform: uppercase; color: #8994ab; }
  button { display: block; width: 100%; text-align: left; margin: 3px 0; padding: 5px 7px; border-radius: 4px; cursor: pointer;
    background: #131a2a; color: inherit; border: 1px solid #2c3850; font: inherit; }
  button:hover:not([disabled]), button:focus-visible { border-color: #f0a040; outline: none; }
  button[disabled] { cursor: not-allowed; opacity: 0.55; }
  .meta { color: #8994ab; font-size: 12px; }
  .refusal { color: #ff9b85; font-size: 12px; }
  /* A section that folds away (<details>), headed like h3. */
  summary { cursor: pointer; font-size: 11px; letter-spacing: 0.12em; text-transform: uppercase; color: #8994ab; margin: 5px 0 3px; }
  summary:focus-visible { outline: 1px solid #f0a040; }
`;

/** A Maquis ship's hiding line, coloured by its odds of being seen (see hidingRisk.ts). */
export const hidingStyles = css`
  [data-hiding] { font-size: 12px; }
  [data-hiding="low"] { color: #8fd694; }
  [data-hiding="medium"] { color: #f0c04a; }
  [data-hiding="high"] { color: #ff7a5c; font-weight: bold; }
  [data-hiding="seen"] { color: #ff9b85; }
`;
