// The `evidence` object of model.json (contract, "Version 2"): how speed tests become a
// verdict. model.json is read and checked with the rest of the folder (parse/model.ts,
// `RadioModel.evidence`); these are its values and the contract's defaults.

export interface EvidenceParams {
  /** A test counts for a point within this many metres (haversine, inclusive). */
  radiusM: number;
  /** Fewer tests than this leave a point `unverified`. */
  minTests: number;
  /** A median download at or above this (Mbps) is `measured_good`. */
  goodMbps: number;
  /** Tests dated D − windowDays < date ≤ D count for a scenario date D. */
  windowDays: number;
}

/** The contract's defaults, taken by every key model.json leaves out. */
export const DEFAULT_EVIDENCE: Readonly<EvidenceParams> = { radiusM: 500, minTests: 3, goodMbps: 10, windowDays: 365 };
