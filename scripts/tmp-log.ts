import { simulate } from "../shared/rules/simulate";
import { loadBundledScenario } from "./scenarioFiles";
const s = loadBundledScenario("dorvan-2370")!;
const { match } = simulate(s, Number(process.argv[2] ?? 1), { occupier: (process.argv[3] ?? "normal") as any, maquis: "normal" });
for (const e of match.state.log) console.log(Math.floor(e.hours/24)+1, e.audience, e.kind, e.text);
const st = match.state;
console.log("rep", st.reputation, "req", st.occupier.requisition, [...st.cells.values()].map(c => JSON.stringify(c.toJSON())));
console.log([...st.systems.values()].map(s => `${s.id}:${s.sympathy}/g${s.garrison}/i${s.intelOccupier}`).join(" "));
console.log(st.objectives.map(o => `${o.id}:${o.status}`).join(" "));
