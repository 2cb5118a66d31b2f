// The first script must stay small (bench: budget 150 KB gzip): deck.gl, luma.gl, maplibre and
// the HiGHS solver belong to lazy chunks or the worker. A value import of them from any file the
// page reaches without a dynamic import() pulls them into the first chunk, so this walks the
// static import graph from src/main.tsx as the bundler does (type-only imports are erased).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const HEAVY = /^(@deck\.gl\/|@luma\.gl\/|@loaders\.gl\/|maplibre-gl$|highs$)/;

/** The specifiers a file imports for their values (what the bundler keeps). */
export function valueImports(code: string, fileName: string): string[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node)) {
      // Only `import type` is erased: with verbatimModuleSyntax, `import { type A } from 'x'`
      // stays as `import {} from 'x'`, which still runs (and bundles) the module.
      const typeOnly = node.importClause?.isTypeOnly === true;
      if (!typeOnly) found.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      found.push((node.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return found;
}

interface Offence {
  file: string;
  imports: string;
  /** How the page reaches the file, from src/main.tsx. */
  path: string[];
}

/** Every file reached statically from `entry`, and each heavy package one of them imports. */
function readSource(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

export function heavyStaticImports(entry: string, read: (file: string) => string | undefined = readSource): { reached: number; offences: Offence[] } {
  const cwd = process.cwd();
  const via = new Map<string, string | undefined>([[entry, undefined]]);
  const queue = [entry];
  const offences: Offence[] = [];
  const pathTo = (file: string): string[] => {
    const chain: string[] = [];
    for (let f: string | undefined = file; f; f = via.get(f)) chain.unshift(relative(cwd, f));
    return chain;
  };
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const spec of valueImports(read(file) ?? '', file)) {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec.replace(/\?.*$/, ''));
        if (/\.[cm]?[jt]sx?$/.test(target) && !via.has(target) && read(target) !== undefined) {
          via.set(target, file);
          queue.push(target);
        }
      } else if (HEAVY.test(spec)) {
        offences.push({ file: relative(cwd, file), imports: spec, path: pathTo(file) });
      }
    }
  }
  return { reached: via.size, offences };
}

describe('the first script', () => {
  it('reaches no map or solver library without a dynamic import', () => {
    const { reached, offences } = heavyStaticImports(resolve('src/main.tsx'));
    // The walk must see the app, not stop at main.tsx.
    expect(reached).toBeGreaterThan(50);
    expect(offences.map((o) => `${o.path.join(' → ')} imports ${o.imports}`)).toEqual([]);
  });

  it('the check fires on value and inline-type imports, and ignores `import type` and import()', () => {
    const files: Record<string, string> = {
      [resolve('src/main.tsx')]: "import { a } from './a.ts';\nimport type { Deck } from '@deck.gl/core';\n",
      [resolve('src/a.ts')]: "import { type Layer } from '@deck.gl/core';\nexport { b } from './b.ts';\nexport const a = () => import('maplibre-gl');\n",
      [resolve('src/b.ts')]: "import { IconLayer } from '@deck.gl/layers';\nimport 'highs';\nexport const b = IconLayer;\n",
    };
    const { offences } = heavyStaticImports(resolve('src/main.tsx'), (f) => files[f]);
    expect(offences.map((o) => [o.file, o.imports, o.path.length])).toEqual([
      ['src/a.ts', '@deck.gl/core', 2],
      ['src/b.ts', '@deck.gl/layers', 3],
      ['src/b.ts', 'highs', 3],
    ]);
  });
});
