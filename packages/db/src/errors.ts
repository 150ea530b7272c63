/** Repository outcomes the API turns into problem responses. */

export class NotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} niet gevonden / not found`);
    this.name = 'NotFoundError';
  }
}

export interface ChangeSummary {
  version: number;
  at: string;
  actorName: string;
  action: string;
  published: boolean;
  reason: string | null;
  before: unknown;
  after: unknown;
}

/** Someone else changed the record since the caller read it. */
export class ConflictError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
    readonly changes: ChangeSummary[] = [],
  ) {
    super(
      `${entity} ${id} is intussen gewijzigd (versie ${currentVersion}, u had ${expectedVersion}) / ` +
        `was changed meanwhile (version ${currentVersion}, you had ${expectedVersion})`,
    );
    this.name = 'ConflictError';
  }
}

/** A write that breaks a business rule of the data (not a syntax problem): names the field. */
export class RuleViolationError extends Error {
  constructor(
    message: string,
    readonly field: string,
    /** Machine-readable reason for clients (`duplicate`, `past_date`); optional. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'RuleViolationError';
  }
}
