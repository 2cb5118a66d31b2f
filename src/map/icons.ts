import type { Agreement } from '../domain/evidence/verdict.ts';
import type { GapStatus } from '../domain/gaps/status.ts';
import type { Lang } from '../domain/lang.ts';
import type { Technology, Tower } from '../domain/types.ts';
import { COLORS } from './palette.ts';

export type TowerShape = 'existing' | 'planned' | 'upgrade';
export type TechClass = '2g3g' | '4g' | '5g';

export function techClass(technology: Technology): TechClass {
  return technology === '5G' ? '5g' : technology === '4G' ? '4g' : '2g3g';
}

export function towerShape(tower: Tower): TowerShape {
  if (tower.status === 'planned') return 'planned';
  return tower.upgradeTechnology ? 'upgrade' : 'existing';
}

const techColor: Record<TechClass, string> = {
  '2g3g': COLORS.tech2g3g,
  '4g': COLORS.tech4g,
  '5g': COLORS.tech5g,
};

const TRIANGLE = 'M16 3 L29 28 L3 28 Z';

function towerSvg(shape: TowerShape, tech: TechClass): string {
  const color = techColor[tech];
  if (shape === 'planned') {
    return `<path d="${TRIANGLE}" fill="#ffffff" stroke="${color}" stroke-width="4" stroke-linejoin="round"/>`;
  }
  const body = `<path d="${TRIANGLE}" fill="${color}" stroke="#ffffff" stroke-width="1.5" stroke-linejoin="round"/>`;
  if (shape === 'existing') return body;
  // An up arrow inside: "will be upgraded", readable without colour.
  return `${body}<path d="M16 10 L22 18 L18.5 18 L18.5 25 L13.5 25 L13.5 18 L10 18 Z" fill="#ffffff"/>`;
}

function dataUrl(inner: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">${inner}</svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** An icon layer's `getIcon` for the 32 × 32 image at `url`, drawn in its own colours (no mask). */
export function icon(url: string) {
  return { id: url, url, width: 32, height: 32, mask: false };
}

export function towerIconUrl(shape: TowerShape, tech: TechClass): string {
  return dataUrl(towerSvg(shape, tech));
}

/** A point's level, or `unknown` before the first coverage result. */
export type LevelName = 'good' | 'weak' | 'none' | 'unknown';
export type PointShape = 'hamlet' | 'school';

const levelFill: Record<LevelName, string> = {
  good: COLORS.levelGood,
  weak: COLORS.levelWeak,
  none: COLORS.levelNone,
  unknown: COLORS.levelUnknown,
};

// A second cue besides colour: good is plain, weak has a white dot, none a white cross.
const levelMark: Record<LevelName, string> = {
  good: '',
  weak: '<circle cx="16" cy="16" r="4" fill="#ffffff"/>',
  none: '<path d="M11 11 L21 21 M21 11 L11 21" stroke="#ffffff" stroke-width="3.5" stroke-linecap="round"/>',
  unknown: '',
};

function pointSvg(shape: PointShape, level: LevelName): string {
  const fill = levelFill[level];
  const body =
    shape === 'hamlet'
      ? `<circle cx="16" cy="16" r="11" fill="${fill}" stroke="${COLORS.outline}" stroke-width="2.5"/>`
      : `<rect x="4" y="4" width="24" height="24" rx="2" fill="${fill}" stroke="${COLORS.outline}" stroke-width="2.5"/>`;
  return body + levelMark[level];
}

export function pointIconUrl(shape: PointShape, level: LevelName): string {
  return dataUrl(pointSvg(shape, level));
}

/** A point the plan changed: a plus badge (newly good) or a minus badge (no longer good). */
export function changeIconUrl(change: 'gained' | 'lost'): string {
  const fill = change === 'gained' ? COLORS.levelGood : COLORS.levelNone;
  const mark = change === 'gained' ? 'M10 16h12 M16 10v12' : 'M10 16h12';
  return dataUrl(
    `<circle cx="16" cy="16" r="12" fill="${fill}" stroke="#ffffff" stroke-width="3"/>` +
      `<path d="${mark}" stroke="#ffffff" stroke-width="4" stroke-linecap="round"/>`,
  );
}

/** A suggested site: a white disc with a dark ring, square when it needs its own power. */
export function siteIconUrl(needsPower: boolean): string {
  const body = needsPower
    ? '<rect x="3" y="3" width="26" height="26" rx="3" fill="#ffffff" stroke="#1f1a14" stroke-width="3" stroke-dasharray="5 3"/>'
    : '<circle cx="16" cy="16" r="13" fill="#ffffff" stroke="#1f1a14" stroke-width="3"/>';
  return dataUrl(body);
}

// The speed tests and the verdicts (evidence-layers.ts draws them, the legend shows them).
export type TestMark = 'testGood' | 'testPoor';
export type JudgedAgreement = Exclude<Agreement, 'unverified'>;

export const EVIDENCE_COLORS = {
  testGood: '#1d6b5f',
  testPoor: '#b4531a',
  confirmed: '#2e6b2e',
  contradicted: '#b3261e',
  understated: '#2354a0',
} as const;

const DIAMOND = 'M16 4 L28 16 L16 28 L4 16 Z';

/** A hollow diamond; a poor test's has a bar across it (readable without colour). */
export function testIconUrl(mark: TestMark): string {
  const color = EVIDENCE_COLORS[mark];
  const bar = mark === 'testPoor' ? `<path d="M9 16 L23 16" stroke="${color}" stroke-width="4" stroke-linecap="round"/>` : '';
  return dataUrl(`<path d="${DIAMOND}" fill="none" stroke="#ffffff" stroke-width="7" stroke-linejoin="round"/><path d="${DIAMOND}" fill="none" stroke="${color}" stroke-width="3.5" stroke-linejoin="round"/>${bar}`);
}

// Glyphs in the ring's badge: ✓ confirmed, ! contradicted, ↑ understated.
const GLYPH: Record<JudgedAgreement, string> = {
  confirmed: '<path d="M22 7 L24.5 9.5 L29 4" fill="none" stroke="#ffffff" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>',
  contradicted: '<path d="M25.5 2.5 L25.5 7.5 M25.5 10 L25.5 10.2" stroke="#ffffff" stroke-width="2.4" stroke-linecap="round"/>',
  understated: '<path d="M25.5 11 L25.5 3.5 M22.5 6.5 L25.5 3.5 L28.5 6.5" fill="none" stroke="#ffffff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>',
};

/** A hollow ring around a judged point (dashed when contradicted) with its badge. */
export function verdictIconUrl(agreement: JudgedAgreement): string {
  const color = EVIDENCE_COLORS[agreement];
  const dash = agreement === 'contradicted' ? ' stroke-dasharray="6 3"' : '';
  return dataUrl(
    `<circle cx="16" cy="16" r="11" fill="none" stroke="#ffffff" stroke-width="6"/>` +
      `<circle cx="16" cy="16" r="11" fill="none" stroke="${color}" stroke-width="3"${dash}/>` +
      `<circle cx="25.5" cy="6.5" r="6" fill="${color}" stroke="#ffffff" stroke-width="1"/>${GLYPH[agreement]}`,
  );
}

/** The gap register's statuses on the map and in the legend: one letter per status in each language, the first of its word there. */
export const STATUS_MARK: Record<Lang, Record<Exclude<GapStatus, 'open'>, string>> = {
  vi: { assigned: 'G', in_progress: 'Đ', resolved: 'X', disputed: 'T' },
  en: { assigned: 'A', in_progress: 'P', resolved: 'R', disputed: 'D' },
};
