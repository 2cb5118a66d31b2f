// Shared by test/domain/plan/diff.test.ts and test/worker/plan-session.test.ts: random plan
// steps (edits through plan.ts, re-imports, raw plans, raw tweaks of a plan) over towers with
// ids from a pool, and `applyStep`, which takes a plan through one of them. `planSteps` builds
// the arbitraries from what differs between the two tests: ids, field values, sizes.
import fc from 'fast-check';
import type { Technology, Tower, TowerStatus } from '../../../src/domain/types.ts';
import {
  PATCH_FIELDS,
  addTower,
  applyPlan,
  newPlannedTower,
  planFromTowers,
  plannedTower,
  removeTower,
  updateTower,
  upgradeTower,
  type PatchField,
  type PlanDoc,
  type TowerPatch,
} from '../../../src/domain/plan/plan.ts';
import { SEED } from '../coverage/classify-helpers.ts';

/** fast-check parameters of the plan property tests: the shared seed, 20 s at most. */
export const run = (numRuns: number): fc.Parameters<unknown> => ({
  seed: SEED,
  numRuns,
  interruptAfterTimeLimit: 20_000,
  markInterruptAsFailure: true,
});

const REQUIRED = new Set<PatchField>(['lon', 'lat', 'operator', 'technology']);
const technology = fc.constantFrom<Technology>('2G', '3G', '4G', '5G');
/** Service and upgrade dates. */
const date = fc.constantFrom('2019-03-01', '2024-06-30', '2026-01-01', '2030-12-31');

type FieldValues = { [F in PatchField]-?: fc.Arbitrary<NonNullable<Tower[F]>> };

/**
 * One field of a patch: a value; cleared (undefined); the loaded tower's value (undefined
 * when it has none or is not loaded: a clear); the value the plan gives the tower now.
 */
export type PatchHow = 'value' | 'clear' | 'loaded' | 'current';
export interface PatchEntry {
  field: PatchField;
  how: PatchHow;
  value: unknown;
}

/** `operator` and `synthetic` only where PlanStepsOptions.variedTowers; else 'Viettel', false. */
export interface TowerSpec {
  lon: number;
  lat: number;
  operator?: string;
  technology: Technology;
  status: TowerStatus;
  synthetic?: boolean;
  extra: PatchEntry[];
}

export type ReimportOp = { pick: number; op: 'drop' | 'patch' | 'status' | 'synthetic'; patch: PatchEntry[] };

export type TweakOp =
  | { op: 'duplicateAdded'; pick: number; patch: PatchEntry[] }
  | { op: 'editAdded'; pick: number; patch: PatchEntry[] }
  | { op: 'pushAdded'; id: string; tower: TowerSpec }
  | { op: 'setChanged'; id: string; patch: PatchEntry[] }
  | { op: 'dropChanged'; pick: number }
  | { op: 'pushRemoved'; id: string }
  | { op: 'dropRemoved'; pick: number }
  | { op: 'reverse' };

export type Step =
  | { kind: 'add'; id: string | undefined; tower: TowerSpec }
  | { kind: 'update'; id: string; patch: PatchEntry[] }
  | { kind: 'remove'; id: string }
  | { kind: 'upgrade'; id: string; technology: Technology; date: string; radiusKm: number | undefined }
  | { kind: 'reimport'; ops: ReimportOp[]; extra: { id: string; tower: TowerSpec }[] }
  | { kind: 'raw'; added: { id: string; tower: TowerSpec }[]; changed: { id: string; patch: PatchEntry[] }[]; removed: string[] }
  | { kind: 'tweak'; ops: TweakOp[] }
  | { kind: 'same' };

export interface PlanStepsOptions {
  /** Tower ids, of loaded towers and of added ones. */
  pool: readonly string[];
  /** Ids no generated tower has: raw plans remove some of them. */
  absent: readonly string[];
  /** Whether pushRemoved tweaks push absent ids too (else only pool ids). */
  absentInTweaks: boolean;
  /** Values of the fields that differ between the tests (technology and dates do not). */
  fields: Pick<FieldValues, 'lon' | 'lat' | 'operator' | 'radiusKm' | 'heightM' | 'upgradeRadiusKm'>;
  /** Whether tower specs draw operator and synthetic; else every tower is 'Viettel', not synthetic. */
  variedTowers: boolean;
  /** Whether re-imports flip `synthetic` too (besides dropping, patching, flipping status). */
  flipSynthetic: boolean;
  /** Whether hand edits of towers (re-imports, tweaks) leave lon, lat, operator, technology be when they would clear them. */
  keepRequired: boolean;
  /** Most entries of an update's patch, ops of a re-import, towers and patches of a raw plan, ids it removes. */
  max: { patch: number; reimport: number; rawTowers: number; rawRemoved: number };
}

function entryValue(e: PatchEntry, loaded: Tower | undefined, current: Tower | undefined): unknown {
  switch (e.how) {
    case 'value':
      return e.value;
    case 'clear':
      return undefined;
    case 'loaded':
      return loaded?.[e.field];
    case 'current':
      return current?.[e.field];
  }
}

/** A patch; clearing lon, lat, operator or technology is allowed here (applyPlan skips it). */
function resolvePatch(entries: readonly PatchEntry[], loaded: Tower | undefined, current: Tower | undefined): TowerPatch {
  const patch: Record<string, unknown> = {};
  for (const e of entries) patch[e.field] = entryValue(e, loaded, current);
  return patch as TowerPatch;
}

/** A changed record keyed by tower ids: "__proto__" must be an own key, as plan.ts writes it. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The arbitraries of towers and steps, and the functions that make towers and apply steps. */
export function planSteps(o: PlanStepsOptions) {
  /** Few values per field where the test wants edits to land on a tower's own value often. */
  const FIELD_VALUES: FieldValues = {
    lon: o.fields.lon,
    lat: o.fields.lat,
    operator: o.fields.operator,
    technology,
    radiusKm: o.fields.radiusKm,
    heightM: o.fields.heightM,
    bandMhz: fc.constantFrom(900, 1800, 2600),
    serviceDate: date,
    upgradeTechnology: technology,
    upgradeRadiusKm: o.fields.upgradeRadiusKm,
    upgradeDate: date,
  };
  const poolId = fc.constantFrom(...o.pool);
  const absentId = fc.constantFrom(...o.absent);

  const patchEntry: fc.Arbitrary<PatchEntry> = fc.constantFrom(...PATCH_FIELDS).chain((field) =>
    fc.record({
      field: fc.constant(field),
      how: fc.constantFrom<PatchHow>('value', 'value', 'value', 'clear', 'loaded', 'current'),
      value: FIELD_VALUES[field] as fc.Arbitrary<unknown>,
    }),
  );
  const patchEntries = fc.array(patchEntry, { minLength: 1, maxLength: o.max.patch });

  /** A copy of `tower` edited by hand (not through plan.ts): a clear deletes the key, other undefineds stay as keys. */
  function editRaw(tower: Tower, entries: readonly PatchEntry[], loaded: Tower | undefined): Tower {
    const out = { ...tower } as unknown as Record<string, unknown>;
    for (const e of entries) {
      const value = entryValue(e, loaded, tower);
      if (o.keepRequired && value === undefined && REQUIRED.has(e.field)) continue;
      if (e.how === 'clear') delete out[e.field];
      else out[e.field] = value;
    }
    return out as unknown as Tower;
  }

  // Keys in this order, operator and synthetic or not: the order fast-check draws them in.
  const towerSpec = fc.record({
    lon: FIELD_VALUES.lon,
    lat: FIELD_VALUES.lat,
    ...(o.variedTowers ? { operator: FIELD_VALUES.operator } : {}),
    technology,
    status: fc.constantFrom<TowerStatus>('existing', 'existing', 'planned'),
    ...(o.variedTowers ? { synthetic: fc.boolean() } : {}),
    extra: fc.array(patchEntry, { maxLength: 4 }),
  }) as fc.Arbitrary<TowerSpec>;

  /** The tower of a spec; `loose`: a cleared optional field stays as a key holding undefined. */
  function makeTower(id: string, spec: TowerSpec, loose: boolean): Tower {
    const t = {
      id,
      lon: spec.lon,
      lat: spec.lat,
      operator: spec.operator ?? 'Viettel',
      status: spec.status,
      technology: spec.technology,
      synthetic: spec.synthetic ?? false,
    } as Record<string, unknown>;
    for (const e of spec.extra) {
      if (REQUIRED.has(e.field)) continue;
      if (e.how === 'clear') {
        if (loose) t[e.field] = undefined;
        else delete t[e.field];
      } else t[e.field] = e.value;
    }
    return t as unknown as Tower;
  }

  const pick = fc.nat();
  const idTower = fc.record({ id: poolId, tower: towerSpec });
  const reimportOps: ReimportOp['op'][] = o.flipSynthetic ? ['drop', 'patch', 'patch', 'status', 'synthetic'] : ['drop', 'patch', 'patch', 'status'];

  const tweakOp: fc.Arbitrary<TweakOp> = fc.oneof<fc.Arbitrary<TweakOp>[]>(
    fc.record({ op: fc.constant('duplicateAdded' as const), pick, patch: fc.array(patchEntry, { maxLength: 2 }) }),
    fc.record({ op: fc.constant('editAdded' as const), pick, patch: patchEntries }),
    fc.record({ op: fc.constant('pushAdded' as const), id: poolId, tower: towerSpec }),
    fc.record({ op: fc.constant('setChanged' as const), id: poolId, patch: fc.array(patchEntry, { maxLength: 3 }) }),
    fc.record({ op: fc.constant('dropChanged' as const), pick }),
    fc.record({ op: fc.constant('pushRemoved' as const), id: o.absentInTweaks ? fc.oneof(poolId, absentId) : poolId }),
    fc.record({ op: fc.constant('dropRemoved' as const), pick }),
    fc.record({ op: fc.constant('reverse' as const) }),
  );

  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('add' as const), id: fc.option(poolId, { nil: undefined }), tower: towerSpec }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('update' as const), id: poolId, patch: patchEntries }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), id: poolId }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('upgrade' as const),
        id: poolId,
        technology,
        date,
        radiusKm: fc.option(FIELD_VALUES.upgradeRadiusKm, { nil: undefined }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('reimport' as const),
        ops: fc.array(fc.record({ pick, op: fc.constantFrom(...reimportOps), patch: patchEntries }), { maxLength: o.max.reimport }),
        extra: fc.array(idTower, { maxLength: 2 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('raw' as const),
        added: fc.array(idTower, { maxLength: o.max.rawTowers }),
        changed: fc.array(fc.record({ id: poolId, patch: fc.array(patchEntry, { maxLength: 3 }) }), { maxLength: o.max.rawTowers }),
        removed: fc.array(fc.oneof(poolId, absentId), { maxLength: o.max.rawRemoved }),
      }),
    },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('tweak' as const), ops: fc.array(tweakOp, { minLength: 1, maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('same' as const) }) },
  );

  /** The plan after one step (inputs left alone). */
  function applyStep(base: readonly Tower[], baseById: ReadonlyMap<string, Tower>, plan: PlanDoc, s: Step): PlanDoc {
    switch (s.kind) {
      case 'add': {
        if (s.id === undefined) {
          const fields = { ...makeTower('x', s.tower, false) } as Partial<Tower>;
          delete fields.id;
          delete fields.status;
          delete fields.synthetic;
          return addTower(plan, newPlannedTower([...base, ...plan.added], fields as Parameters<typeof newPlannedTower>[1]));
        }
        return addTower(plan, makeTower(s.id, s.tower, true));
      }
      case 'update':
        return updateTower(plan, base, s.id, resolvePatch(s.patch, baseById.get(s.id), plannedTower(plan, base, s.id)));
      case 'remove':
        return removeTower(plan, base, s.id);
      case 'upgrade':
        return upgradeTower(plan, base, s.id, s.technology, s.date, s.radiusKm);
      case 'reimport': {
        const edited = applyPlan(base, plan).towers.map((t) => ({ ...t }));
        for (const op of s.ops) {
          if (edited.length === 0) break;
          const at = op.pick % edited.length;
          const t = edited[at] as Tower;
          if (op.op === 'drop') edited.splice(at, 1);
          else if (op.op === 'patch') edited[at] = editRaw(t, op.patch, baseById.get(t.id));
          else if (op.op === 'status') t.status = t.status === 'existing' ? 'planned' : 'existing';
          else t.synthetic = !t.synthetic;
        }
        for (const { id, tower } of s.extra) edited.push(makeTower(id, tower, false));
        return planFromTowers(base, edited);
      }
      case 'raw': {
        const changed: Record<string, TowerPatch> = {};
        for (const { id, patch } of s.changed) setOwn(changed, id, resolvePatch(patch, baseById.get(id), undefined));
        return { added: s.added.map(({ id, tower }) => makeTower(id, tower, true)), changed, removed: [...s.removed] };
      }
      case 'tweak': {
        const next = structuredClone(plan);
        for (const op of s.ops) tweak(next, baseById, op);
        return next;
      }
      case 'same':
        return plan;
    }
  }

  function tweak(plan: PlanDoc, baseById: ReadonlyMap<string, Tower>, op: TweakOp): void {
    switch (op.op) {
      case 'duplicateAdded':
      case 'editAdded': {
        if (plan.added.length === 0) return;
        const at = op.pick % plan.added.length;
        const t = plan.added[at] as Tower;
        const copy = editRaw(t, op.patch, baseById.get(t.id));
        if (op.op === 'duplicateAdded') plan.added.push(copy);
        else plan.added[at] = copy;
        return;
      }
      case 'pushAdded':
        plan.added.push(makeTower(op.id, op.tower, true));
        return;
      case 'setChanged':
        setOwn(plan.changed, op.id, resolvePatch(op.patch, baseById.get(op.id), undefined));
        return;
      case 'dropChanged': {
        const keys = Object.keys(plan.changed);
        if (keys.length > 0) delete plan.changed[keys[op.pick % keys.length] as string];
        return;
      }
      case 'pushRemoved':
        plan.removed.push(op.id);
        return;
      case 'dropRemoved':
        if (plan.removed.length > 0) plan.removed.splice(op.pick % plan.removed.length, 1);
        return;
      case 'reverse':
        plan.added.reverse();
        plan.removed.reverse();
        return;
    }
  }

  return { towerSpec, makeTower, step, applyStep };
}
