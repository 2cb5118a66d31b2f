// The CLI's pieces of a GeoJSON file (src/cli/file-chunks.ts), cut small so that accented
// letters fall across the cuts of a reused buffer: read back to the values of the whole text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileAsciiJsonChunks } from '../../src/cli/file-chunks.ts';

describe('fileAsciiJsonChunks', () => {
  it.each([5, 7, 64, 1 << 20])('gives text that parses to the file\'s own values, in pieces of %i bytes', (size) => {
    const path = 'data/hamlets.geojson';
    const pieces = [...fileAsciiJsonChunks(path, size)];
    const text = pieces.join('');
    expect(text).not.toContain('\uFFFD');
    expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
  });
});
