import { describe, expect, it } from 'vitest';
import { buildPointGrid } from '../../src/domain/coverage/point-grid.ts';
import { cellLevelCounts } from '../../src/domain/points/view.ts';
import { cellAt, cellClass, cellImage, mergeFactor, CELL_CLASSES } from '../../src/map/cells.ts';
import { hexToRgb } from '../../src/map/palette.ts';

// Five points on a hand-made 2 × 2 grid of 1° cells (viewGrid would make ~3 km cells).
const points = { count: 5, lon: Float64Array.of(0.5, 1.5, 0.5, 1.5, 1.6), lat: Float64Array.of(0.5, 0.5, 1.5, 1.5, 1.6) };
const grid = { ...buildPointGrid(points, 111.19), cellDeg: 1, nx: 2, ny: 2, minLon: 0, minLat: 0 };
// Cells in row order from the south-west: one point each, two in the north-east one.
const byCell = [[0], [1], [2], [3, 4]];
grid.cellStart = Int32Array.of(0, 1, 2, 3, 5);
grid.items = Int32Array.from(byCell.flat());

describe('coverage per grid cell', () => {
  // Levels: good, none, weak (school), good and none (hamlet, school) in the top-right cell.
  const level = Uint8Array.of(2, 0, 1, 2, 0);
  const counts = cellLevelCounts(grid, level, 4);

  it('colours each cell by its share of good points, north row first', () => {
    const image = cellImage(grid, counts, 1, { hamlets: true, schools: true });
    expect([image.width, image.height]).toEqual([2, 2]);
    const rgba = (x: number, y: number) => Array.from(image.image.data.slice((y * 2 + x) * 4, (y * 2 + x) * 4 + 4));
    const colour = (cls: number) => [...hexToRgb(CELL_CLASSES[cls]!.color), 215];
    // Bottom row (south) is image row 1.
    expect(rgba(0, 1)).toEqual(colour(0)); // one good hamlet: 100 %
    expect(rgba(1, 1)).toEqual(colour(3)); // one hamlet with none: 0 %
    expect(rgba(0, 0)).toEqual(colour(3)); // one weak hamlet
    expect(rgba(1, 0)).toEqual(colour(2)); // good hamlet + school with none: 50 %
    expect(image.bounds).toEqual([0, 0, 2, 2]);
    expect(cellAt(image, grid, 1.5, 0.2)).toEqual({ good: 1, weak: 0, none: 1, sizeKm: 111.19 });
    expect(cellAt(image, grid, 0.5, 1.5)).toEqual({ good: 1, weak: 0, none: 0, sizeKm: 111.19 });
    expect(cellAt(image, grid, 3, 0)).toBeUndefined();
  });

  it('counts the visible kinds only, and leaves cells without points clear', () => {
    const schoolsOnly = cellImage(grid, counts, 1, { hamlets: false, schools: true });
    expect(Array.from(schoolsOnly.image.data.slice(0, 4))).toEqual([0, 0, 0, 0]); // top-left: a hamlet only
    expect(cellAt(schoolsOnly, grid, 1.5, 0.5)).toEqual({ good: 0, weak: 0, none: 1, sizeKm: 111.19 });
  });

  it('merges cells 2 × 2 and keeps the totals', () => {
    const merged = cellImage(grid, counts, 2, { hamlets: true, schools: true });
    expect([merged.width, merged.height]).toEqual([1, 1]);
    expect(cellAt(merged, grid, 0, 0)).toEqual({ good: 2, weak: 1, none: 2, sizeKm: 222.38 });
    expect(merged.bounds).toEqual([0, 0, 2, 2]);
  });

  it('merges more as the map zooms out, and classes shares at their lower bounds', () => {
    const fine = { ...grid, cellDeg: 0.03 };
    expect(mergeFactor(fine, 12)).toBe(1);
    expect(mergeFactor(fine, 9)).toBe(1);
    expect(mergeFactor(fine, 8)).toBe(2);
    expect(mergeFactor(fine, 6)).toBe(8);
    expect([100, 99.9, 90, 89.9, 50, 49.9, 0].map(cellClass)).toEqual([0, 1, 1, 2, 2, 3, 3]);
  });
});
