import { cut, described } from '../messages/codes.ts';
import { dateFault } from './dates.ts';
import { atField, type IssueList, type Place } from './issues.ts';

/**
 * Typed readers over one object of user data (a feature's properties, a programme target).
 * Each records what is wrong as an issue naming the place and field, and returns undefined
 * then. An optional property given as `null` counts as absent: GIS tools write empty
 * attributes as null.
 */
export class PropertyReader {
  constructor(
    private readonly issues: IssueList,
    private readonly values: Record<string, unknown>,
    readonly place: Place,
    /** What requires a missing property, for the message: a kind of file, every target, programme.json. */
    private readonly where: { where: 'file'; kind: string } | { where: 'target' | 'programme' },
    /** Where to note each key asked for: the properties the contract reads (parse/text.ts). */
    private readonly asked?: Set<string>,
  ) {}

  private at(key: string): Place {
    return atField(this.place, key);
  }

  private get(key: string): unknown {
    this.asked?.add(key);
    return Object.hasOwn(this.values, key) ? this.values[key] : undefined;
  }

  /** Present and not null. */
  has(key: string): boolean {
    const v = this.get(key);
    return v !== undefined && v !== null;
  }

  private missing(key: string, featureId = false): undefined {
    const v = this.get(key);
    this.issues.error('missing-property', this.at(key), { ...this.where, isNull: v === null, featureId });
    return undefined;
  }

  /** A required, non-empty string id. Numbers are refused: they lose leading zeros. */
  /** `featureId`: the feature has a top-level id, which the contract does not read. */
  id(featureId = false): string | undefined {
    if (!this.has('id')) return this.missing('id', featureId);
    const v = this.get('id');
    if (typeof v === 'number') {
      this.issues.error('id-not-string', this.at('id'), { value: String(v) });
      return undefined;
    }
    return this.nonEmptyString('id', v);
  }

  private nonEmptyString(key: string, v: unknown): string | undefined {
    if (typeof v !== 'string') {
      this.issues.error('not-string', this.at(key), described(v));
      return undefined;
    }
    if (v.trim() === '') {
      this.issues.error('empty-string', this.at(key), { blank: v !== '', value: cut(v) });
      return undefined;
    }
    return v;
  }

  requiredString(key: string): string | undefined {
    return this.has(key) ? this.nonEmptyString(key, this.get(key)) : this.missing(key);
  }

  optionalString(key: string): string | undefined {
    if (!this.has(key)) return undefined;
    const v = this.get(key);
    if (typeof v !== 'string') {
      this.issues.error('not-string', this.at(key), described(v));
      return undefined;
    }
    return v === '' ? undefined : v;
  }

  private number(key: string, v: unknown): number | undefined {
    if (typeof v === 'number') {
      // JSON.parse turns 1e400 into Infinity; JSON has no other way to get there.
      if (Number.isFinite(v)) return v;
      this.issues.error('not-finite', this.at(key), { value: String(v) });
      return undefined;
    }
    if (typeof v === 'string') {
      this.issues.error('number-as-string', this.at(key), { value: cut(v), comma: /^\s*-?\d+,\d+\s*$/.test(v) });
      return undefined;
    }
    this.issues.error('not-number', this.at(key), described(v));
    return undefined;
  }

  private count(key: string, v: unknown): number | undefined {
    const n = this.number(key, v);
    if (n === undefined) return undefined;
    if (!Number.isInteger(n)) {
      this.issues.error('not-integer', this.at(key), { value: n });
      return undefined;
    }
    if (n < 0) {
      this.issues.error('negative', this.at(key), { value: n });
      return undefined;
    }
    return n;
  }

  /** An integer ≥ 0. */
  requiredCount(key: string): number | undefined {
    return this.has(key) ? this.count(key, this.get(key)) : this.missing(key);
  }

  optionalCount(key: string): number | undefined {
    return this.has(key) ? this.count(key, this.get(key)) : undefined;
  }

  /** A finite number > 0, warning above `warnAbove`. */
  optionalPositive(key: string, unit: string, warnAbove?: number): number | undefined {
    if (!this.has(key)) return undefined;
    const n = this.number(key, this.get(key));
    if (n === undefined) return undefined;
    if (n <= 0) {
      this.issues.error('not-positive', this.at(key), { value: n, unit });
      return undefined;
    }
    if (warnAbove !== undefined && n > warnAbove) {
      this.issues.warning('large-value', this.at(key), { value: n, unit, limit: warnAbove });
    }
    return n;
  }

  /** A finite number ≥ 0. */
  optionalNonNegative(key: string, unit: string): number | undefined {
    if (!this.has(key)) return undefined;
    const n = this.number(key, this.get(key));
    if (n === undefined) return undefined;
    if (n < 0) {
      this.issues.error('negative', this.at(key), { value: n, unit });
      return undefined;
    }
    return n;
  }

  /** A finite number in [min, max] (`unit` for the message), when present. */
  optionalNumberIn(key: string, min: number, max: number, unit = ''): number | undefined {
    if (!this.has(key)) return undefined;
    const n = this.number(key, this.get(key));
    if (n === undefined) return undefined;
    if (n < min || n > max) {
      this.issues.error('out-of-range', this.at(key), { value: n, min, max, ...(unit === '' ? {} : { unit }) });
      return undefined;
    }
    return n;
  }

  /** A finite number in [min, max]; `max` may be Infinity. */
  requiredNumberIn(key: string, min: number, max: number): number | undefined {
    if (!this.has(key)) return this.missing(key);
    const n = this.number(key, this.get(key));
    if (n === undefined) return undefined;
    if (n < min || n > max) {
      this.issues.error('out-of-range', this.at(key), max === Infinity ? { value: n, min } : { value: n, min, max });
      return undefined;
    }
    return n;
  }

  /** A JSON boolean. "true" and 1 are refused: they are not what a spreadsheet meant to say. */
  optionalBoolean(key: string): boolean | undefined {
    if (!this.has(key)) return undefined;
    const v = this.get(key);
    if (typeof v === 'boolean') return v;
    this.issues.error('not-boolean', this.at(key), described(v));
    return undefined;
  }

  private oneOf<T extends string>(key: string, allowed: readonly T[], v: unknown): T | undefined {
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    this.issues.error('enum', this.at(key), { ...described(v), allowed });
    return undefined;
  }

  requiredEnum<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    return this.has(key) ? this.oneOf(key, allowed, this.get(key)) : this.missing(key);
  }

  optionalEnum<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    return this.has(key) ? this.oneOf(key, allowed, this.get(key)) : undefined;
  }

  private date(key: string, v: unknown): string | undefined {
    if (typeof v !== 'string') {
      this.issues.error('date-format', this.at(key), described(v));
      return undefined;
    }
    const fault = dateFault(v);
    if (fault === undefined) return v;
    this.issues.error('date', this.at(key), fault);
    return undefined;
  }

  requiredDate(key: string): string | undefined {
    return this.has(key) ? this.date(key, this.get(key)) : this.missing(key);
  }

  optionalDate(key: string): string | undefined {
    return this.has(key) ? this.date(key, this.get(key)) : undefined;
  }
}

/**
 * Ids seen so far in one file; a second use names the first. Files list their ids mostly in
 * order ("H-0000001", "H-0000002"…), so ids above every id so far are kept in a sorted list
 * (one comparison with the last, no hashing): a national file's million ids cost no hash
 * table. Any other id is looked for there by bisection, then in a map of the others.
 */
export class IdRegistry {
  /** Ids in increasing order (JavaScript's string order), and where each was first used. */
  private readonly sorted: string[] = [];
  private readonly sortedAt: number[] = [];
  /** Ids that came below the sorted list's last id when first used. */
  private readonly others = new Map<string, number>();

  constructor(
    private readonly issues: IssueList,
    private readonly unit: 'feature' | 'target',
  ) {}

  see(id: string, index: number, place: Place): void {
    const first = this.firstUse(id, index);
    if (first !== undefined) this.issues.error('duplicate-id', atField(place, 'id'), { id: cut(id), unit: this.unit, first });
  }

  /** Where `id` was first used, or undefined after noting this use as its first. */
  private firstUse(id: string, index: number): number | undefined {
    const sorted = this.sorted;
    let hi = sorted.length;
    // Every id in `others` is below the sorted list's last id: one above that is new.
    if (hi === 0 || id > (sorted[hi - 1] as string)) {
      sorted.push(id);
      this.sortedAt.push(index);
      return undefined;
    }
    let lo = 0;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as string) < id) lo = mid + 1;
      else hi = mid;
    }
    if (sorted[lo] === id) return this.sortedAt[lo];
    const first = this.others.get(id);
    if (first === undefined) this.others.set(id, index);
    return first;
  }
}
