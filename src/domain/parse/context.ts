import type { FileKind, Issue } from '../types.ts';
import { PositionCheck } from './coordinates.ts';
import { IssueList } from './issues.ts';
import { PointStacks } from './stacks.ts';
import { StringScan } from './text.ts';

/** What one file's parse accumulates. `finish` adds the once-per-file findings. */
export class FileContext {
  readonly issues: IssueList;
  readonly strings = new StringScan();
  readonly positions: PositionCheck;
  /** The points' positions (hamlets, schools, towers), for stacks at one position. */
  readonly stacks = new PointStacks();
  /** The properties the contract's readers asked for (features' PropertyReader), when they did. */
  readKeys: Set<string> | undefined;

  constructor(
    readonly file: string,
    readonly kind: FileKind,
  ) {
    this.issues = new IssueList(file);
    this.positions = new PositionCheck(this.issues);
  }

  finish(): Issue[] {
    const read = this.readKeys;
    this.strings.report(this.issues, read && ((field) => read.has(field)));
    this.positions.report();
    this.stacks.report(this.issues, this.kind);
    return this.issues.finish();
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Property names that reach JavaScript's prototype machinery when copied carelessly. */
export const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
