// The generated WAVs (see scripts/generate-sounds.ts), as URLs Vite serves and copies into the build
// with hashed names. An import of a file that is missing fails the build.
import baseFound from "../../assets/sound/generated/baseFound.wav?url";
import combat from "../../assets/sound/generated/combat.wav?url";
import contact from "../../assets/sound/generated/contact.wav?url";
import defeat from "../../assets/sound/generated/defeat.wav?url";
import musicDmz from "../../assets/sound/generated/music-dmz.wav?url";
import musicMirror from "../../assets/sound/generated/music-mirror.wav?url";
import notice from "../../assets/sound/generated/notice.wav?url";
import order from "../../assets/sound/generated/order.wav?url";
import raid from "../../assets/sound/generated/raid.wav?url";
import refused from "../../assets/sound/generated/refused.wav?url";
import select from "../../assets/sound/generated/select.wav?url";
import victory from "../../assets/sound/generated/victory.wav?url";
import type { EffectName, MusicEra } from "./soundNames";

export const effectUrls: Record<EffectName, string> = { order, refused, select, contact, combat, raid, baseFound, victory, defeat, notice };
export const musicUrls: Record<MusicEra, string> = { dmz: musicDmz, mirror: musicMirror };
