// A large, contract-valid hamlets GeoJSON for benchmarks: seeded random points over Cà Mau
// province's bounding box (lon 104.75–105.35, lat 8.6–9.55; some fall at sea or past the
// province, which the contract allows), Vietnamese names, unique ids. Written to a temp dir.
//
//   node test/bench/big-geojson.mjs [targetMB=50] [seed=20240601]   → prints the path
import { mkdtempSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BOX = { lon: [104.75, 105.35], lat: [8.6, 9.55] };
const PREFIX = ['Ấp', 'Ấp', 'Ấp', 'Khóm', 'Xóm'];
const WORDS = [
  'Tân Hòa', 'Tân Lợi', 'Tân Thành', 'Tân Hưng', 'Phú Mỹ', 'Phú Hiệp', 'Bình Định', 'Hòa Bình',
  'Thạnh Phú', 'Vĩnh Thuận', 'Khánh Hưng', 'Đất Mũi', 'Rạch Gốc', 'Kênh Năm', 'Cái Nước', 'Năm Căn',
  'Đầm Dơi', 'Trần Văn Thời', 'U Minh', 'Thới Bình', 'Ngọc Hiển', 'Viên An', 'Tam Giang', 'Lương Thế Trân',
  'Nguyễn Huân', 'Tạ An Khương', 'Quách Phẩm', 'Hàng Vịnh', 'Kiến Vàng', 'Cơi Năm',
];

/** mulberry32: small, fast, seeded. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes hamlets.geojson (one feature a line) until it reaches targetBytes.
 * @returns {{ path: string, dir: string, features: number, bytes: number, population: number, ms: number }}
 */
export function writeBigHamlets({ targetBytes = 50e6, seed = 20240601, dir = mkdtempSync(join(tmpdir(), 'song-bench-')) } = {}) {
  const started = performance.now();
  const random = rng(seed);
  const path = join(dir, 'hamlets.geojson');
  const fd = openSync(path, 'w');
  const head = '{"type":"FeatureCollection","features":[\n';
  writeSync(fd, head);
  let bytes = Buffer.byteLength(head);
  let features = 0;
  let population = 0;
  let chunk = [];
  let chunkBytes = 0;
  const tail = '\n]}\n';
  while (bytes + chunkBytes + Buffer.byteLength(tail) < targetBytes) {
    features += 1;
    const lon = BOX.lon[0] + random() * (BOX.lon[1] - BOX.lon[0]);
    const lat = BOX.lat[0] + random() * (BOX.lat[1] - BOX.lat[0]);
    const pop = Math.floor(50 + random() * 3000);
    population += pop;
    const name = `${PREFIX[Math.floor(random() * PREFIX.length)]} ${WORDS[Math.floor(random() * WORDS.length)]} ${Math.floor(random() * 100000)}`;
    const properties = {
      id: `H-BIG-${String(features).padStart(6, '0')}`,
      name,
      population: pop,
      households: Math.max(1, Math.round(pop / (3 + random() * 2))),
      grid_power: random() > 0.08,
      synthetic: true,
    };
    const line = `${features > 1 ? ',\n' : ''}{"type":"Feature","properties":${JSON.stringify(properties)},"geometry":{"type":"Point","coordinates":[${lon.toFixed(6)},${lat.toFixed(6)}]}}`;
    chunk.push(line);
    chunkBytes += Buffer.byteLength(line);
    if (chunkBytes > 1 << 20) {
      writeSync(fd, chunk.join(''));
      bytes += chunkBytes;
      chunk = [];
      chunkBytes = 0;
    }
  }
  writeSync(fd, chunk.join('') + tail);
  bytes += chunkBytes + Buffer.byteLength(tail);
  closeSync(fd);
  return { path, dir, features, bytes, population, ms: performance.now() - started };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const mb = Number(process.argv[2] ?? 50);
  const seed = Number(process.argv[3] ?? 20240601);
  const out = writeBigHamlets({ targetBytes: mb * 1e6, seed });
  console.log(JSON.stringify(out));
}
