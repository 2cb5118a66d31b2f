import { classify } from '../../src/domain/coverage/classify.ts';
import { onAirTowers } from '../../src/domain/coverage/columns.ts';
import { defaultRadioModel } from '../../src/domain/coverage/radio-model.ts';
import { VIETNAM, randomPoints, randomTowers, rng } from './data.ts';
const random = rng(12);
const towers = randomTowers(11, 100000, VIETNAM).map((t) => ({ ...t, operator: 'A', heightM: 15 + Math.round(random() * 45) }));
const pts = randomPoints(12, 1000000, VIETNAM);
const cl = new Uint8Array(pts.count); for (let i = 0; i < pts.count; i++) { const r = random(); cl[i] = r < 0.1 ? 0 : r < 0.3 ? 1 : r < 0.8 ? 2 : 3; }
const points = { ...pts, clutter: process.env.ONE ? new Uint8Array(pts.count).fill(2) : cl };
const pl = { ...defaultRadioModel(), radiusModel: 'path_loss' as const };
const cpu = (fn: () => void) => { const a = process.cpuUsage(); fn(); const b = process.cpuUsage(a); return (b.user + b.system) / 1000; };
const mode = process.argv[2];
const fixedT = onAirTowers(towers, 'current');
const plT = onAirTowers(towers, 'current', { model: pl });
const f: number[] = [], p: number[] = [];
for (let r = 0; r < 5; r++) { if (mode !== 'path') f.push(cpu(() => classify(points, fixedT))); if (mode !== 'fixed') p.push(cpu(() => classify(points, plT))); }
console.log('fixed', f.map((x) => x.toFixed(0)).join(' '), 'path', p.map((x) => x.toFixed(0)).join(' '));
