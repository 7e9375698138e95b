import Phaser from "phaser";

/** Small deterministic generator so the sky looks the same on every visit. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws a static starfield once into a single Graphics object (one draw, no per-frame work). */
export function drawStarfield(
  scene: Phaser.Scene,
  area: { x: number; y: number; width: number; height: number },
  seed: number,
): Phaser.GameObjects.Graphics {
  const random = mulberry32(seed);
  const stars = scene.add.graphics().setDepth(-10);
  const count = Math.round((area.width * area.height) / 900);
  for (let i = 0; i < count; i++) {
    const brightness = 0.25 + random() * 0.75;
    stars.fillStyle(0xffffff, brightness * 0.8);
    const size = random() < 0.06 ? 2 : 1;
    stars.fillRect(area.x + random() * area.width, area.y + random() * area.height, size, size);
  }
  return stars;
}
