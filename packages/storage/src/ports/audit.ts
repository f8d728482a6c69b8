// Port: the audit log: append-only (no update or delete here, and the database refuses them).

export interface NewAuditEntry {
  /** Who: `staff:<username>` or `ops-token`. */
  readonly actor: string;
  /** What: the route or command name. */
  readonly action: string;
  /** Which vote, when the action concerns one. */
  readonly voteId: string | null;
  /** Canonical-enough JSON text of the action's parameters (no secrets). */
  readonly details: string;
}

export interface AuditEntry extends NewAuditEntry {
  /** 1 for the first entry, then contiguous. */
  readonly seq: number;
  /** When (the store's clock). */
  readonly at: string;
}

export interface AuditQuery {
  readonly voteId?: string;
  /** First seq to return (inclusive). */
  readonly fromSeq?: number;
  readonly limit: number;
}

export interface AuditLog {
  appendAudit(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Entries in seq order. */
  listAudit(query: AuditQuery): Promise<readonly AuditEntry[]>;
}
