/**
 * `npm run siting -- --data <folder> --k <n> [--radius-km 4] [--weight population|students|students_in_need] [--out <file.json>]
 *   [--radius-model fixed|path_loss] [--operator NAME]`
 *
 * Checks the data folder with the importer's own checks (`parseDataset`), classifies every
 * hamlet and school in the `planned` scenario with the coverage engine, then chooses up to k
 * new 4G sites greedily (src/domain/siting) and writes the contract's siting JSON object to
 * --out, or else to stdout and nothing else there. Extensions: `total_weight`, `candidates`,
 * and per site `kind` and `grid_power`; `--weight students_in_need` (schools' students in need).
 *
 * `--budget AMOUNT` (contract v2): the sites within the budget (costs from costs.json, or its
 * defaults) that make the most weight newly good, solved exactly by HiGHS within
 * `--time-limit` seconds (default 10); `--k` is then optional and caps the count. See
 * siting-budget.ts for the fields it adds. Extension: `--target-pct P [--indicator
 * hamlets|population|schools]` (default population), the cheapest sites bringing the
 * indicator to P % in `planned`, or a note on stderr that it cannot; with `--schedule YYYY-MM
 * [--per-month 2]` those sites are built from that month, listed by gain, each with its
 * `month`, and `schedule` gives the indicator month by month and `target_month`.
 * `--radius-model` and `--operator` (contract rules 8-9) set the `planned` levels the sites
 * start from; new sites cover `--radius-km`.
 * Bad input or options: exit 1, nothing on stdout, one line per problem on stderr.
 * Warnings (e.g. points inside no district) go to stderr and keep exit 0.
 */
import { scenarioLevels } from '../domain/coverage/scenario-levels.ts';
import { chooseSites, SITING_WEIGHTS, type SitingWeight } from '../domain/siting/siting.ts';
import type { Dataset } from '../domain/types.ts';
import { INDICATORS, type Indicator } from '../domain/siting/target.ts';
import { CANDIDATE_USES, candidateSites, joinCandidates, type CandidatePlace, type CandidateUse } from '../domain/siting/candidates.ts';
import { parseFileDetailed } from '../domain/parse/index.ts';
import type { Lang } from '../domain/messages/format.ts';
import { readFileSync } from 'node:fs';
import { isMonth, scheduleSites, type ScheduleOptions } from '../domain/siting/schedule.ts';
import { budgetReport, DEFAULT_TIME_LIMIT_S, targetReport, type TargetReport } from './siting-budget.ts';
import { loadDataFolder, readOptions, runAsMain, writeJson, type CommandIo } from './json-command.ts';
import { issueLine, takeLang } from './lang.ts';
import { checkNetworkOptions, readNetworkOptions, type NetworkOptions } from './network-options.ts';

/** One chunk of stdout (a newline follows it) and one line of stderr at a time. */
export type SitingIo = CommandIo;

export const DEFAULT_PER_MONTH = 2;

const USAGE =
  'usage: npm run siting -- --data <folder> --k <n> [--radius-km 4] [--weight population|students|students_in_need] [--radius-model fixed|path_loss] [--operator NAME] [--candidates <file.geojson>] [--candidate-use only|also] [--out <file.json>] [--lang en|vi]\n' +
  `       npm run siting -- --data <folder> --budget <amount> [--k <n>] [--time-limit ${DEFAULT_TIME_LIMIT_S}] [--radius-km 4] [--weight …] [--radius-model …] [--operator NAME] [--candidates …] [--candidate-use …] [--out <file.json>] [--lang en|vi]\n` +
  `       npm run siting -- --data <folder> --target-pct <0-100> [--indicator ${INDICATORS.join('|')}] [--schedule YYYY-MM [--per-month ${DEFAULT_PER_MONTH}]] [--k <n>] [--time-limit ${DEFAULT_TIME_LIMIT_S}] [--radius-km 4] [--radius-model …] [--operator NAME] [--candidates …] [--candidate-use …] [--out <file.json>] [--lang en|vi]`;

export const DEFAULT_SITE_RADIUS_KM = 4;

interface Args {
  data: string;
  /** NaN when not given (only with --budget). */
  k: number;
  /** Budget mode. */
  budget?: number;
  /** Target mode. */
  targetPct?: number;
  indicator: Indicator;
  timeLimitS: number;
  radiusKm: number;
  weight: SitingWeight;
  out?: string;
  network: NetworkOptions;
  /** candidates.geojson: the path given (else the data folder's, when there), and how its places are used. */
  candidatesPath?: string;
  candidateUse: CandidateUse;
  /** Schedule mode (with --target-pct): the first building month and sites a month. */
  schedule?: ScheduleOptions;
}

/** The JSON object `npm run siting` writes. */
export interface SitingReport {
  scenario: 'planned';
  k: number;
  radius_km: number;
  weight: SitingWeight;
  baseline_good: number;
  /** Extension: the sum of the weight over every point. */
  total_weight: number;
  /** Extension: how many candidate sites there were (points not good in `planned`). */
  candidates: number;
  sites: {
    at_id: string;
    lon: number;
    lat: number;
    gain: number;
    cumulative: number;
    /** Extension. */
    /** `candidate`: a place of candidates.geojson. */
    kind: 'hamlet' | 'school' | 'candidate';
    /** Extension: false for a hamlet without grid power. */
    grid_power: boolean;
  }[];
}

const OPTIONS = ['--data', '--k', '--radius-km', '--weight', '--out', '--budget', '--time-limit', '--target-pct', '--indicator', '--radius-model', '--operator', '--schedule', '--per-month', '--candidates', '--candidate-use'] as const;

const POSITIVE_INTEGER = /^\+?\d+$/;
const DECIMAL = /^\+?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The options, or every problem with them (one line each). */
function parseArgs(argv: readonly string[]): Args | 'help' | string[] {
  const read = readOptions(argv, OPTIONS);
  if (read === 'help') return 'help';
  const { given, problems } = read;
  const data = given['--data'];
  if (data === undefined && !problems.includes('--data needs a value')) problems.push('missing --data <folder>');

  const budgetText = given['--budget'];
  let budget: number | undefined;
  if (budgetText !== undefined) {
    budget = DECIMAL.test(budgetText) ? Number(budgetText) : NaN;
    if (!(Number.isFinite(budget) && budget >= 0)) problems.push(`--budget ${JSON.stringify(budgetText)} is not an amount ≥ 0 (digits only, e.g. 20000000000)`);
  }
  const targetText = given['--target-pct'];
  let targetPct: number | undefined;
  if (targetText !== undefined) {
    targetPct = DECIMAL.test(targetText) ? Number(targetText) : NaN;
    if (!(targetPct >= 0 && targetPct <= 100)) problems.push(`--target-pct ${JSON.stringify(targetText)} is not a percentage from 0 to 100`);
    if (budgetText !== undefined) problems.push('--target-pct and --budget ask different questions: give one');
  }
  const indicatorText = given['--indicator'];
  if (indicatorText !== undefined) {
    if (!(INDICATORS as readonly string[]).includes(indicatorText)) problems.push(`--indicator ${JSON.stringify(indicatorText)} is not ${INDICATORS.slice(0, -1).join(', ')} or ${INDICATORS.at(-1)}`);
    if (targetText === undefined) problems.push('--indicator goes with --target-pct');
  }
  const scheduleText = given['--schedule'];
  const perMonthText = given['--per-month'];
  let schedule: ScheduleOptions | undefined;
  if (scheduleText !== undefined) {
    if (!isMonth(scheduleText)) problems.push(`--schedule ${JSON.stringify(scheduleText)} is not a month YYYY-MM (e.g. 2021-10)`);
    if (targetText === undefined) problems.push('--schedule goes with --target-pct (the target it builds towards)');
    const perMonth = perMonthText === undefined ? DEFAULT_PER_MONTH : POSITIVE_INTEGER.test(perMonthText) ? Number(perMonthText) : NaN;
    if (!(Number.isSafeInteger(perMonth) && perMonth >= 1)) problems.push(`--per-month ${JSON.stringify(perMonthText)} is not a positive whole number`);
    schedule = { start: scheduleText, perMonth };
  } else if (perMonthText !== undefined) problems.push('--per-month goes with --schedule');
  const exactMode = budgetText !== undefined || targetText !== undefined;
  let timeLimitS = DEFAULT_TIME_LIMIT_S;
  const limitText = given['--time-limit'];
  if (limitText !== undefined) {
    timeLimitS = DECIMAL.test(limitText) ? Number(limitText) : NaN;
    if (!(Number.isFinite(timeLimitS) && timeLimitS > 0)) problems.push(`--time-limit ${JSON.stringify(limitText)} is not a positive number of seconds`);
    if (!exactMode) problems.push('--time-limit goes with --budget or --target-pct');
  }

  let k = NaN;
  const kText = given['--k'];
  if (kText === undefined) {
    if (!problems.includes('--k needs a value') && !exactMode) problems.push('missing --k <n>');
  } else {
    k = POSITIVE_INTEGER.test(kText) ? Number(kText) : NaN;
    if (!(Number.isSafeInteger(k) && k >= 1)) problems.push(`--k ${JSON.stringify(kText)} is not a positive whole number`);
  }

  let radiusKm = DEFAULT_SITE_RADIUS_KM;
  const radiusText = given['--radius-km'];
  if (radiusText !== undefined) {
    radiusKm = DECIMAL.test(radiusText) ? Number(radiusText) : NaN;
    if (!(Number.isFinite(radiusKm) && radiusKm > 0)) {
      problems.push(`--radius-km ${JSON.stringify(radiusText)} is not a positive number of km`);
    }
  }

  const weightText = given['--weight'] ?? 'population';
  if (!(SITING_WEIGHTS as readonly string[]).includes(weightText)) {
    problems.push(`--weight ${JSON.stringify(weightText)} is not ${SITING_WEIGHTS.slice(0, -1).join(', ')} or ${SITING_WEIGHTS.at(-1)}`);
  }

  const network = readNetworkOptions(given);
  if (typeof network === 'string') problems.push(network);
  const useText = given['--candidate-use'] ?? 'only';
  if (!(CANDIDATE_USES as readonly string[]).includes(useText)) problems.push(`--candidate-use must be one of ${CANDIDATE_USES.join(', ')}, not ${JSON.stringify(useText)}`);
  if (problems.length > 0 || data === undefined || typeof network === 'string') return problems;
  const args: Args = { data, k, radiusKm, weight: weightText as SitingWeight, timeLimitS, indicator: (indicatorText ?? 'population') as Indicator, network, candidateUse: useText as CandidateUse };
  if (given['--candidates'] !== undefined) args.candidatesPath = given['--candidates'];
  if (budget !== undefined) args.budget = budget;
  if (targetPct !== undefined) args.targetPct = targetPct;
  if (schedule !== undefined) args.schedule = schedule;
  if (given['--out'] !== undefined) args.out = given['--out'];
  return args;
}

/** The report for a parsed dataset: levels in `planned` by the engine, then the greedy choice. */
export function sitingReport(
  given: Dataset,
  k: number,
  radiusKm: number,
  weight: SitingWeight,
  network: NetworkOptions = {},
  candidates?: { places: readonly CandidatePlace[]; use: CandidateUse },
): SitingReport {
  const joined = candidates ? joinCandidates(given, candidates.places) : undefined;
  const dataset = joined?.dataset ?? given;
  const level = scenarioLevels(dataset, 'planned', network);
  const result = chooseSites(dataset, level, { k, radiusKm, weight, ...(joined && candidates ? { candidates: candidateSites(joined, level, candidates.use) } : {}) });
  const placeIds = new Set(candidates?.places.map((p) => p.id));
  return {
    scenario: 'planned',
    k,
    radius_km: radiusKm,
    weight,
    baseline_good: result.baselineGood,
    total_weight: result.totalWeight,
    candidates: result.candidateCount,
    sites: result.sites.map((site) => ({
      at_id: site.atId,
      lon: site.lon,
      lat: site.lat,
      gain: site.gain,
      cumulative: site.cumulative,
      kind: site.kind === 'hamlet' && site.point >= given.hamlets.length && placeIds.has(site.atId) ? ('candidate' as const) : site.kind,
      grid_power: site.gridPower,
    })),
  };
}

/** The target report with each site's month and the indicator month by month (schedule mode). */
function scheduled(report: TargetReport, schedule: ScheduleOptions | undefined) {
  if (!schedule) return report;
  const plan = scheduleSites(report.sites, report.baseline_good, report.total, report.feasible ? report.needed : undefined, schedule);
  return {
    ...report,
    schedule: { start: schedule.start, per_month: schedule.perMonth, target_month: plan.targetMonth, months: plan.months },
    sites: report.sites.map((site, j) => ({ ...site, month: plan.siteMonths[j]! })),
  };
}

/**
 * candidates.geojson's places: from --candidates (checked by the importer's parser), else the
 * data folder's (checked with the folder); undefined when there is none; null after an error
 * (said on stderr in the chosen language).
 */
function readCandidates(args: Args, dataset: Dataset, io: SitingIo, lang: Lang): CandidatePlace[] | undefined | null {
  const path = args.candidatesPath;
  if (path === undefined) return dataset.candidates;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    io.err(`error: ${path}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  const { value, issues } = parseFileDetailed('candidates', path, text);
  for (const issue of issues) io.err(`${issue.severity}: ${issueLine(issue, lang)}`);
  return value ?? null;
}

/** Runs the command; returns the exit status. Never throws. */
export async function runSiting(argv: readonly string[], io: SitingIo): Promise<number> {
  const { argv: rest, lang, problem } = takeLang(argv);
  const args = problem === undefined ? parseArgs(rest) : [problem];
  if (args === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (Array.isArray(args)) {
    for (const problem of args) io.err(`error: ${problem}`);
    io.err(USAGE);
    return 1;
  }
  try {
    const dataset = loadDataFolder(args.data, io, lang);
    if (!dataset || !checkNetworkOptions(dataset, args.network, io, lang)) return 1;
    const places = readCandidates(args, dataset, io, lang);
    if (places === null) return 1;
    const candidates = places ? { places, use: args.candidateUse } : undefined;
    if (args.budget !== undefined || args.targetPct !== undefined) {
      const { default: loadHighs } = await import('highs');
      const highs = await loadHighs();
      const report =
        args.budget !== undefined
          ? budgetReport(highs, dataset, { ...args, budget: args.budget, ...(candidates ? { candidates } : {}) }, io)
          : scheduled(targetReport(highs, dataset, { ...args, targetPct: args.targetPct!, ...(candidates ? { candidates } : {}) }, io), args.schedule);
      return writeJson(report, args.out, io);
    }
    return writeJson(sitingReport(dataset, args.k, args.radiusKm, args.weight, args.network, candidates), args.out, io);
  } catch (error) {
    // A bug, not bad input: still one line, no stack.
    io.err(`error: siting failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

await runAsMain(import.meta.url, runSiting);
