import Phaser from "phaser";

/** WebGL renderers that run on the CPU: headless Chromium's SwiftShader, Mesa's llvmpipe, Windows' basic driver. */
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/**
 * Which Phaser renderer to use. WebGL wherever a GPU draws it; Canvas 2D where WebGL is emulated in software
 * (or missing): there every pixel of every shape runs through a CPU shader, and this map — a few hundred flat
 * shapes and labels — draws several times faster on Canvas 2D (measured: `npm run bench`, the client section).
 * `?renderer=webgl` or `?renderer=canvas` in the address forces one, for comparing them.
 */
export function rendererType(): number {
  const forced = new URLSearchParams(location.search).get("renderer");
  if (forced === "webgl") return Phaser.WEBGL;
  if (forced === "canvas") return Phaser.CANVAS;
  const probe = document.createElement("canvas").getContext("webgl");
  if (!probe) return Phaser.CANVAS;
  const info = probe.getExtension("WEBGL_debug_renderer_info");
  const name = String(probe.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : probe.RENDERER));
  probe.getExtension("WEBGL_lose_context")?.loseContext();
  return SOFTWARE_GL.test(name) ? Phaser.CANVAS : Phaser.WEBGL;
}

/**
 * The Phaser settings the game runs with, without its scenes: shared by client/main.ts and the bench's
 * blank page (scripts/bench-client), so the frame times the bench compares come from one configuration.
 */
export function gameConfig(scene: Phaser.Types.Core.GameConfig["scene"]): Phaser.Types.Core.GameConfig {
  return {
    type: rendererType(),
    parent: "game",
    backgroundColor: "#05070d",
    scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
    input: { activePointers: 3 },
    // The game's sounds go through client/audio (Howler), which opens its audio context at the player's first
    // gesture. Phaser's own sound manager, never used, would open another as the page loads: 0.8 s of the
    // page's start in headless Chromium here (npm run bench, first_map_frame_ms).
    audio: { noAudio: true },
    scene,
  };
}
