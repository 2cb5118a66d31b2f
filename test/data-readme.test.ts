import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const shared = '../shared/data-contract.md';

function contractInReadme(): string {
  const text = readFileSync('data/README.md', 'utf8');
  const start = text.indexOf('<!-- contract:start -->\n');
  const end = text.indexOf('<!-- contract:end -->');
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return text.slice(start + '<!-- contract:start -->\n'.length, end);
}

describe('data/README.md', () => {
  it('carries the data contract with its coverage rules and command line', () => {
    const contract = contractInReadme();
    expect(contract).toContain('## Coverage rules');
    expect(contract).toContain('npm run coverage -- --data <folder>');
  });

  // Only where the shared folder sits beside the checkout (developers' machines and CI).
  it.skipIf(!existsSync(shared))('is in step with shared/data-contract.md', () => {
    expect(contractInReadme()).toBe(readFileSync(shared, 'utf8'));
  });
});
