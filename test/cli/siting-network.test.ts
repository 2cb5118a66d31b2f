// `siting --radius-model` and `--operator` (contract rules 8-9): the baseline the sites start from.
import { describe, expect, it } from 'vitest';
import { runSiting } from '../../src/cli/siting.ts';
import { scenarioLevels } from '../../src/domain/coverage/scenario-levels.ts';
import { readDataFolder } from '../../src/cli/folder.ts';
import { parseDataset } from '../../src/domain/parse/index.ts';

async function run(argv: string[]): Promise<{ code: number; json: { baseline_good: number; candidates: number }; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runSiting(argv, { out: (text) => out.push(text), err: (line) => err.push(line) });
  return { code, json: out.length > 0 ? JSON.parse(out.join('')) : undefined, err };
}

describe('npm run siting with --radius-model and --operator', () => {
  const { dataset } = parseDataset(readDataFolder('data'));
  if (!dataset) throw new Error('data/ does not load');
  const weightGood = (levels: Uint8Array) => dataset.hamlets.reduce((s, h, i) => s + (levels[i] === 2 ? h.population : 0), 0);

  it('starts from the planned levels of that model and network', async () => {
    const cases: { radiusModel?: 'path_loss'; operator?: string }[] = [{}, { radiusModel: 'path_loss' }, { operator: 'VNPT' }, { radiusModel: 'path_loss', operator: 'Viettel' }];
    for (const options of cases) {
      const argv = ['--data', 'data', '--k', '2'];
      if (options.radiusModel !== undefined) argv.push('--radius-model', options.radiusModel);
      if (options.operator !== undefined) argv.push('--operator', options.operator);
      const { code, json, err } = await run(argv);
      expect({ code, err }).toEqual({ code: 0, err: [] });
      expect(json.baseline_good).toBe(weightGood(scenarioLevels(dataset, 'planned', options)));
    }
    const fixed = await run(['--data', 'data', '--k', '2']);
    const vnpt = await run(['--data', 'data', '--k', '2', '--operator', 'VNPT']);
    expect(vnpt.json.baseline_good).toBeLessThan(fixed.json.baseline_good);
    expect(vnpt.json.candidates).toBeGreaterThan(fixed.json.candidates);
  });

  it('refuses an unknown radius model with the usage', async () => {
    const { code, json, err } = await run(['--data', 'data', '--k', '2', '--radius-model', 'cost231']);
    expect(code).toBe(1);
    expect(json).toBeUndefined();
    expect(err[0]).toBe('error: --radius-model "cost231" is not fixed or path_loss');
  });
});
