// src/domain must run in Node, a worker and the browser: the lint rule that keeps UI and map
// libraries out of it has to actually fire, and the real domain files must pass it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function domainErrors(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: 'src/domain/example.ts' });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.message);
}

describe('src/domain import boundary', () => {
  it.each([
    ["import { useState } from 'react';", 'React'],
    ["import * as maplibregl from 'maplibre-gl';", 'maplibre'],
    ["import { Deck } from '@deck.gl/core';", 'deck.gl'],
    ["import { create } from 'zustand';", 'store'],
    ["import { readFileSync } from 'node:fs';", 'Node built-ins'],
    ["import { App } from '../ui/App.tsx';", 'outer layers'],
  ])('rejects %s', async (line, word) => {
    const errors = await domainErrors(`${line}\nexport const x = 1;\n`);
    expect(errors.join('\n')).toContain(word);
  });

  it('rejects DOM globals', async () => {
    const errors = await domainErrors('export const w = document.title;\n');
    expect(errors.join('\n')).toMatch(/document/);
  });

  it('accepts plain domain code, and every real domain file passes', async () => {
    expect(await domainErrors("import { haversineKm } from './geo/haversine.ts';\nexport const d = haversineKm(0, 0, 1, 1);\n")).toEqual([]);
    const files = readdirSync('src/domain', { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join('src/domain', f));
    const results = await eslint.lintFiles(files);
    const problems = results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${r.filePath}: ${m.message}`));
    expect(problems).toEqual([]);
  });
});
