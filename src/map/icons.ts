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

export function towerIconUrl(shape: TowerShape, tech: TechClass): string {
  return dataUrl(towerSvg(shape, tech));
}

export const SCHOOL_ICON_URL = dataUrl(
  `<rect x="5" y="5" width="22" height="22" rx="2" fill="${COLORS.school}" stroke="${COLORS.outline}" stroke-width="2.5"/>`,
);

export const HAMLET_ICON_URL = dataUrl(
  `<circle cx="16" cy="16" r="10" fill="${COLORS.hamlet}" stroke="${COLORS.outline}" stroke-width="2.5"/>`,
);
