// src/domain must run in Node, a worker and the browser: the lint rule that keeps UI and map
// libraries out of it has to actually fire (the real domain files pass it in the lint step).
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

  // Every real domain file passing is the lint step's (`eslint .` in npm test, the same config):
  // linting them again here cost the unit suite 8-11 s.
  it('accepts plain domain code', async () => {
    expect(await domainErrors("import { haversineKm } from './geo/haversine.ts';\nexport const d = haversineKm(0, 0, 1, 1);\n")).toEqual([]);
  });
});
