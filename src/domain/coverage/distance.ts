// Distance arithmetic of the coverage engine.
//
// `haversineKmCos` is `haversineKm` (geo/haversine.ts) with the two cosines passed in, so an
// engine can take each point's and each tower's cosine once. It MUST stay bit-identical to
// `haversineKm`, because the oracle (brute-force.ts) uses that function and the engine's
// distances and `≤ radius` decisions are compared with it exactly: same expressions, same
// operation order, same `** 2`; `cos1` must be `Math.cos(lat1 * DEG)` and `cos2`
// `Math.cos(lat2 * DEG)`, computed with this very `DEG`. A test holds it to that.
//
// The bounds below are cheap (no transcendental call) and only ever used to skip work: they
// hold for the true haversine value with a wide margin over floating-point rounding.
import * as haversine from '../geo/haversine.ts';

// A module-local copy: some loaders make every use of an imported binding a getter call.
const EARTH_RADIUS_KM = haversine.EARTH_RADIUS_KM;

export const DEG = Math.PI / 180;

/** `haversineKm(lon1, lat1, lon2, lat2)` with `cos1 = cos(lat1°)`, `cos2 = cos(lat2°)` given. */
export function haversineKmCos(lon1: number, lat1: number, cos1: number, lon2: number, lat2: number, cos2: number): number {
  const dLat = (lat2 - lat1) * DEG;
  const dLon = (lon2 - lon1) * DEG;
  const s = Math.sin(dLat / 2) ** 2 + cos1 * cos2 * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

// Why the bounds hold. Haversine computes s = sin²(Δφ/2) + cosφ₁·cosφ₂·sin²(Δλ/2) and
// d = 2R·asin(min(1, √s)). With x = Δφ/2 and y = Δλ/2 (|x|, |y| ≤ π/2 once Δλ is wrapped
// into [-180°, 180°]; sin² has period π, so the wrap does not change s):
//   upper: sin²x ≤ x², so s ≤ S⁺ = x² + c·y²                       (c = cosφ₁·cosφ₂ ≥ 0)
//   lower: sin x ≥ x − x³/6 ≥ 0 for 0 ≤ x ≤ π/2, so sin²x ≥ x²(1 − x²/3) and s ≥ S⁻ =
//          x²(1 − x²/3) + c·y²(1 − y²/3)
// and for 0 ≤ v ≤ 1, v ≤ asin v ≤ v/√(1 − v²), so 2R·min(1, √s) ≤ d and, for s < 1,
// d² ≤ 4R²·s/(1 − s). Hence, for a distance D ≥ 0:
//   S⁻ > (D/2R)²                      ⇒ d > D   (skip: the tower is farther than D)
//   S⁺ ≤ t/(1 + t) with t = (D/2R)²   ⇒ d ≤ D   (accept without the exact formula)
// Rounding: every quantity here is a few operations on doubles (relative error ~1e-15), and
// the oracle's own distance differs from the true one by about as much (plus ~1e-11 km
// absolute when Δλ is near ±360°, where lon₂ − lon₁ rounds at the scale of 360). The margins
// below, 1e-9 relative plus 1e-9 km absolute, are orders of magnitude wider.
export const REL_MARGIN = 1e-9;
export const ABS_MARGIN_KM = 1e-9;

/** x² or y² in the bounds above for a difference of `deg` degrees: (deg·π/360)². */
export const HALF_RAD2 = (DEG / 2) * (DEG / 2);

/**
 * [S⁻, S⁺] for a latitude difference `dLatDeg`, a longitude difference `dLonDeg` (any
 * value: it is wrapped into [-180°, 180°] here) and c = cosφ₁·cosφ₂. The engine's loops
 * inline this very arithmetic (classify.ts); tests hold this one to the exact distance.
 */
export function haversineTermBounds(dLatDeg: number, dLonDeg: number, c: number): [number, number] {
  let dx = dLonDeg;
  if (dx > 180 || dx < -180) dx -= 360 * Math.round(dx / 360);
  const x2 = dLatDeg * dLatDeg * HALF_RAD2;
  const y2 = dx * dx * HALF_RAD2;
  return [x2 - x2 * x2 * (1 / 3) + c * (y2 - y2 * y2 * (1 / 3)), x2 + c * y2];
}

const TWO_R = 2 * EARTH_RADIUS_KM;
/** Beyond this every point on Earth is within reach: d ≤ πR ≈ 20015.1 km. */
const COVERS_EARTH_KM = 20100;

/** S⁻ above this means the true (and the computed) distance exceeds `km`. */
export function skipAbove(km: number): number {
  if (!(km >= 0)) return -1; // NaN or negative radius: `d ≤ km` never holds (d ≥ 0), skip all
  const v = (km * (1 + REL_MARGIN) + ABS_MARGIN_KM) / TWO_R;
  return v >= 1 ? Infinity : v * v;
}

/** S⁺ at or below this means the computed distance is ≤ `km`; -1 when none is sure. */
export function acceptAtOrBelow(km: number): number {
  if (!(km >= 0)) return -1;
  if (km >= COVERS_EARTH_KM) return Infinity;
  const v = (km * (1 - REL_MARGIN) - ABS_MARGIN_KM) / TWO_R;
  if (v <= 0) return -1;
  const t = v * v;
  return t / (1 + t);
}

/**
 * Margins for comparisons made directly on haversine terms s (d = 2R·asin(√s), monotonic):
 * "s_A certainly exceeds s_B" is `sA * (1 - REL_MARGIN) > sB * (1 + REL_MARGIN) + S_ABS_MARGIN`.
 * 1e-24 in s is a distance of 2R·1e-12 ≈ 13 µm.
 */
export const S_ABS_MARGIN = 1e-24;
