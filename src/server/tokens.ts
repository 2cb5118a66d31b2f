/**
 * The sync server's tokens file: one access token per organisation.
 *
 * ```json
 * {
 *   "3f9c…(at least 24 characters)": { "organisation": "Sở TT&TT Cà Mau" },
 *   "a81d…": { "organisation": "Viettel Cà Mau", "operator": "Viettel" }
 * }
 * ```
 *
 * An entry without `operator` is the province (may change any gap, may pass on changes
 * received by file from others); one with `operator` is that operator's partner (changes
 * in its own network only). Tokens are kept only as SHA-256 digests in memory, so a lookup
 * does not compare secrets character by character.
 */
import { createHash } from 'node:crypto';
import type { Role } from '../domain/gaps/history.ts';

export interface Organisation {
  organisation: string;
  role: Role;
  operator?: string;
}

export const MIN_TOKEN_LENGTH = 24;

function digest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export class Tokens {
  private constructor(private readonly byDigest: ReadonlyMap<string, Organisation>) {}

  /** The tokens from the file's parsed JSON, or the problems found (one line each). */
  static read(value: unknown): Tokens | string[] {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['the tokens file is not a JSON object of token → { organisation, operator? }'];
    const problems: string[] = [];
    const map = new Map<string, Organisation>();
    const organisations = new Map<string, string | undefined>();
    for (const [token, entry] of Object.entries(value as Record<string, unknown>)) {
      const at = `token ${token.slice(0, 4)}…`;
      if (token.length < MIN_TOKEN_LENGTH) problems.push(`${at}: a token needs at least ${MIN_TOKEN_LENGTH} characters (e.g. openssl rand -hex 24)`);
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        problems.push(`${at}: not an object { organisation, operator? }`);
        continue;
      }
      const { organisation, operator, ...rest } = entry as Record<string, unknown>;
      for (const key of Object.keys(rest)) problems.push(`${at}: unknown field "${key}"`);
      if (typeof organisation !== 'string' || organisation.trim() === '') problems.push(`${at}: "organisation" must be a name`);
      if (operator !== undefined && (typeof operator !== 'string' || operator.trim() === '')) problems.push(`${at}: "operator" must be an operator name`);
      if (typeof organisation !== 'string' || (operator !== undefined && typeof operator !== 'string')) continue;
      if (organisations.has(organisation) && organisations.get(organisation) !== operator) {
        problems.push(`${at}: the organisation "${organisation}" is given two different operators`);
      }
      organisations.set(organisation, operator as string | undefined);
      const org: Organisation = operator === undefined ? { organisation, role: 'province' } : { organisation, role: 'partner', operator: operator as string };
      map.set(digest(token), org);
    }
    if (map.size === 0 && problems.length === 0) problems.push('the tokens file has no token');
    return problems.length > 0 ? problems : new Tokens(map);
  }

  /** Who holds the token, or undefined when it is unknown. */
  lookup(token: string): Organisation | undefined {
    return this.byDigest.get(digest(token));
  }

  /** The operator of a partner organisation named in the file, if any. */
  operatorOf(organisation: string): string | undefined {
    for (const org of this.byDigest.values()) if (org.organisation === organisation) return org.operator;
    return undefined;
  }

  /** The operators of the partners in the file. */
  operators(): Set<string> {
    const out = new Set<string>();
    for (const org of this.byDigest.values()) if (org.operator !== undefined) out.add(org.operator);
    return out;
  }
}
