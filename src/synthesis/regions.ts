// Which communes are towns, which are the hard-to-reach mangrove and forest communes, and
// how far a place is from town: the gaps in the simulated network follow these.
import type { Position } from '../domain/types.ts';
import type { CommuneUnit, SynthesisBoundaries } from './boundaries.ts';
import { distanceToLinesKm, outerVertices, planarKm } from './geometry.ts';

/** U Minh Hạ forest communes named in synthesis.md as sparse whatever their density. */
const U_MINH_HA_IDS = new Set(['32048', '32053', '32056', '32059', '32101', '32107']);
/** Năm Căn and Ngọc Hiển: mangrove districts, sparse outside their towns. */
const MANGROVE_DISTRICT_IDS = new Set(['971', '973']);
/** Đầm Dơi and Phú Tân, whose coastal communes share the gaps. */
const COASTAL_GAP_DISTRICT_IDS = new Set(['970', '972']);
const LOW_DENSITY_PER_KM2 = 130;
const COASTAL_KM = 1.5;

export interface CommuneProfile {
  commune: CommuneUnit;
  /** Phường or thị trấn: khóm rather than ấp, denser networks. */
  urban: boolean;
  /** Low-density mangrove or forest commune. */
  remote: boolean;
  /** Coastal commune of Đầm Dơi or Phú Tân. */
  coastal: boolean;
  /** Name for schools: see shortCommuneName. */
  shortName: string;
}

export interface Region {
  boundaries: SynthesisBoundaries;
  /** In commune id order. */
  profiles: CommuneProfile[];
  profileById: Map<string, CommuneProfile>;
  /** The commune holding each district's seat, by district id. */
  seatByDistrict: Map<string, CommuneProfile>;
  /** Label points of every phường and thị trấn. */
  townCentres: Position[];
}

/** A commune's name without its "Xã", "Phường" or "Thị trấn"; numbered wards keep theirs. */
export function shortCommuneName(name: string): string {
  const short = name.replace(/^(Xã|Phường|Thị trấn)\s+/u, '');
  return /^\d+$/.test(short) ? name : short;
}

export function shortDistrictName(name: string): string {
  return name.replace(/^(Huyện|Thành phố|Thị xã)\s+/u, '');
}

export function isUrbanType(type: string): boolean {
  return type === 'Phường' || type === 'Thị trấn';
}

export function buildRegion(boundaries: SynthesisBoundaries): Region {
  const communes = boundaries.communes.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const profiles = communes.map((commune): CommuneProfile => {
    const urban = isUrbanType(commune.type);
    const remote =
      !urban &&
      (MANGROVE_DISTRICT_IDS.has(commune.districtId) ||
        U_MINH_HA_IDS.has(commune.id) ||
        commune.densityPerKm2 < LOW_DENSITY_PER_KM2);
    const coastal =
      !urban &&
      COASTAL_GAP_DISTRICT_IDS.has(commune.districtId) &&
      outerVertices(commune.geometry).some(
        ([lon, lat]) => distanceToLinesKm(lon, lat, boundaries.coastline) < COASTAL_KM,
      );
    return { commune, urban, remote, coastal, shortName: shortCommuneName(commune.name) };
  });
  // A ward or town sharing its short name with a xã (Tân Thành, Thới Bình) keeps its
  // full name, so that its schools' names differ from the xã's.
  for (const profile of profiles) {
    const clash = profiles.some((p) => p !== profile && p.shortName === profile.shortName);
    if (clash && profile.urban) profile.shortName = profile.commune.name;
  }
  const profileById = new Map(profiles.map((p) => [p.commune.id, p]));

  const seatByDistrict = new Map<string, CommuneProfile>();
  for (const district of boundaries.districts) {
    const towns = profiles.filter((p) => p.urban && p.commune.districtId === district.id);
    const districtShort = shortDistrictName(district.name);
    // A district seat is the thị trấn named after its district, else its only town; for
    // the city, the densest ward is its centre.
    const seat =
      towns.find((p) => p.commune.type === 'Thị trấn' && p.shortName === districtShort) ??
      towns.slice().sort((a, b) => b.commune.densityPerKm2 - a.commune.densityPerKm2)[0];
    if (seat) seatByDistrict.set(district.id, seat);
  }

  const townCentres = profiles
    .filter((p) => p.urban)
    .map((p): Position => [p.commune.labelLon, p.commune.labelLat]);
  return { boundaries, profiles, profileById, seatByDistrict, townCentres };
}

/** Planar km from a point to the nearest town centre: how remote a hamlet is. */
export function remotenessKm(region: Region, lon: number, lat: number): number {
  let best = Infinity;
  for (const [townLon, townLat] of region.townCentres) best = Math.min(best, planarKm(lon, lat, townLon, townLat));
  return best;
}
