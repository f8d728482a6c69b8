// The bargaining tracker's persistence (bargaining-port.ts): contracts with their status history,
// sessions, offers and documents. Rows are mapped to port types here and nowhere else. Writers run
// inside a transaction (SqlStore.#atomic). Must not parse offers or check transitions: the server
// does, with the protocol, before it gets here.
import { err, ok } from '@ratify/crypto';
import type { Result } from '@ratify/crypto';
import type { Selectable } from 'kysely';
import type {
  AddDocumentError, ChangeStatusError, ContractRecord, ContractStatusChange, ContractStatusEvent, CreateContractError, CreateOfferError,
  DeleteDocumentError, DeleteOfferError, DeleteSessionError, NewDocument, OfferRecord, PutSessionError, SessionRecord, StoredContract, StoredDocument, StoredDocumentMeta, StoredOffer,
  UpdateContractError, UpdateOfferError,
} from '../port.ts';
import type { SqlContext } from './context.ts';
import { oneOf } from './rows.ts';
import { CONTRACT_STATUSES, SESSION_KINDS } from '@ratify/protocol/bargaining';
import type { BargainingContractsTable, BargainingDocumentsTable, BargainingOffersTable, BargainingSessionsTable, ContractStatusEventsTable } from './schema.ts';
import type { PortSql } from './runner.ts';
import type { BargainingStore } from '../port.ts';

function parties(json: string): readonly string[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value) || !value.every((p): p is string => typeof p === 'string')) throw new Error('corrupt contract parties in database');
  return value;
}

const toContract = (r: Selectable<BargainingContractsTable>): StoredContract => ({
  id: r.id, title: r.title, parties: parties(r.parties), coveredUnit: r.covered_unit, effectiveDate: r.effective_date, expiryDate: r.expiry_date,
  status: oneOf(CONTRACT_STATUSES, r.status, 'contract status'), createdAt: r.created_at, updatedAt: r.updated_at,
});
const toEvent = (r: Selectable<ContractStatusEventsTable>): ContractStatusEvent => ({
  contractId: r.contract_id, seq: Number(r.seq), from: oneOf(CONTRACT_STATUSES, r.from_status, 'contract status'), to: oneOf(CONTRACT_STATUSES, r.to_status, 'contract status'), onDate: r.on_date, note: r.note, at: r.at,
});
const toSession = (r: Selectable<BargainingSessionsTable>): SessionRecord => ({
  id: r.id, contractId: r.contract_id, date: r.date, endDate: r.end_date, kind: oneOf(SESSION_KINDS, r.kind, 'session kind'), notes: r.notes,
});
const toOffer = (r: Selectable<BargainingOffersTable>): StoredOffer => ({
  id: r.id, contractId: r.contract_id, finalOffer: r.final_key !== null, offer: r.offer, createdAt: r.created_at, updatedAt: r.updated_at,
});
const toDocumentMeta = (r: Omit<Selectable<BargainingDocumentsTable>, 'bytes_base64'>): StoredDocumentMeta => ({
  id: r.id, contractId: r.contract_id, offerId: r.offer_id, name: r.name, contentType: r.content_type, size: Number(r.size), sha256: r.sha256, createdAt: r.created_at,
});

export async function getContract(ctx: SqlContext, id: string): Promise<StoredContract | null> {
  const row = await ctx.db.selectFrom('bargaining_contracts').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : toContract(row);
}

export async function listContracts(ctx: SqlContext): Promise<readonly StoredContract[]> {
  const rows = await ctx.db.selectFrom('bargaining_contracts').selectAll().orderBy('expiry_date').orderBy('id').execute();
  return rows.map(toContract);
}

export async function createContract(ctx: SqlContext, c: ContractRecord): Promise<Result<StoredContract, CreateContractError>> {
  const now = ctx.now();
  const row = {
    id: c.id, title: c.title, parties: JSON.stringify(c.parties), covered_unit: c.coveredUnit, effective_date: c.effectiveDate, expiry_date: c.expiryDate,
    status: c.status, created_at: now, updated_at: now,
  };
  try {
    await ctx.db.insertInto('bargaining_contracts').values(row).execute();
  } catch (error) {
    if (ctx.hooks.isUniqueViolation(error)) return err('duplicate_contract', c.id);
    throw error;
  }
  return ok(toContract({ ...row, event_count: 0 }));
}

export async function updateContract(ctx: SqlContext, c: Omit<ContractRecord, 'status'>): Promise<Result<StoredContract, UpdateContractError>> {
  const row = await ctx.db
    .updateTable('bargaining_contracts')
    .set({ title: c.title, parties: JSON.stringify(c.parties), covered_unit: c.coveredUnit, effective_date: c.effectiveDate, expiry_date: c.expiryDate, updated_at: ctx.now() })
    .where('id', '=', c.id)
    .returningAll()
    .executeTakeFirst();
  return row === undefined ? err('contract_not_found', c.id) : ok(toContract(row));
}

export async function changeContractStatus(ctx: SqlContext, change: ContractStatusChange): Promise<Result<ContractStatusEvent, ChangeStatusError>> {
  const at = ctx.now();
  // Compare and set: the update matches only while the status is still the one the caller read.
  const row = await ctx.db
    .updateTable('bargaining_contracts')
    .set((eb) => ({ status: change.to, updated_at: at, event_count: eb('event_count', '+', 1) }))
    .where('id', '=', change.contractId)
    .where('status', '=', change.from)
    .returning(['event_count'])
    .executeTakeFirst();
  if (row === undefined) {
    return (await getContract(ctx, change.contractId)) === null ? err('contract_not_found', change.contractId) : err('status_conflict', `the status is no longer ${change.from}`);
  }
  const event = {
    contract_id: change.contractId, seq: Number(row.event_count), from_status: change.from, to_status: change.to, on_date: change.onDate, note: change.note, at,
  };
  await ctx.db.insertInto('contract_status_events').values(event).execute();
  return ok(toEvent(event));
}

export async function listContractStatusEvents(ctx: SqlContext, contractId: string): Promise<readonly ContractStatusEvent[]> {
  const rows = await ctx.db.selectFrom('contract_status_events').selectAll().where('contract_id', '=', contractId).orderBy('seq').execute();
  return rows.map(toEvent);
}

export async function putBargainingSession(ctx: SqlContext, s: SessionRecord): Promise<Result<SessionRecord, PutSessionError>> {
  if ((await getContract(ctx, s.contractId)) === null) return err('contract_not_found', s.contractId);
  const existing = await ctx.db.selectFrom('bargaining_sessions').select('contract_id').where('id', '=', s.id).executeTakeFirst();
  const row = { id: s.id, contract_id: s.contractId, date: s.date, end_date: s.endDate, kind: s.kind, notes: s.notes };
  if (existing === undefined) await ctx.db.insertInto('bargaining_sessions').values(row).execute();
  else if (existing.contract_id !== s.contractId) return err('session_contract_mismatch', `session ${s.id} belongs to another contract`);
  else await ctx.db.updateTable('bargaining_sessions').set(row).where('id', '=', s.id).execute();
  return ok(toSession(row));
}

export async function deleteBargainingSession(ctx: SqlContext, contractId: string, id: string): Promise<Result<true, DeleteSessionError>> {
  const res = await ctx.db.deleteFrom('bargaining_sessions').where('id', '=', id).where('contract_id', '=', contractId).executeTakeFirst();
  return Number(res.numDeletedRows) === 1 ? ok(true) : err('session_not_found', id);
}

export async function listBargainingSessions(ctx: SqlContext, contractId: string): Promise<readonly SessionRecord[]> {
  const rows = await ctx.db
    .selectFrom('bargaining_sessions').selectAll().where('contract_id', '=', contractId)
    .orderBy('date').orderBy('end_date').orderBy('id').execute();
  return rows.map(toSession);
}

const finalKey = (o: OfferRecord) => (o.finalOffer ? o.contractId : null);

export async function getOffer(ctx: SqlContext, id: string): Promise<StoredOffer | null> {
  const row = await ctx.db.selectFrom('bargaining_offers').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : toOffer(row);
}

async function finalTaken(ctx: SqlContext, o: OfferRecord): Promise<boolean> {
  if (!o.finalOffer) return false;
  const other = await ctx.db.selectFrom('bargaining_offers').select('id').where('final_key', '=', o.contractId).where('id', '!=', o.id).executeTakeFirst();
  return other !== undefined;
}

export async function createOffer(ctx: SqlContext, o: OfferRecord): Promise<Result<StoredOffer, CreateOfferError>> {
  if ((await getContract(ctx, o.contractId)) === null) return err('contract_not_found', o.contractId);
  if ((await getOffer(ctx, o.id)) !== null) return err('duplicate_offer', o.id);
  if (await finalTaken(ctx, o)) return err('final_offer_exists', `contract ${o.contractId} already has a final offer`);
  const now = ctx.now();
  const row = { id: o.id, contract_id: o.contractId, final_key: finalKey(o), offer: o.offer, created_at: now, updated_at: now };
  await ctx.db.insertInto('bargaining_offers').values(row).execute();
  return ok(toOffer(row));
}

export async function updateOffer(ctx: SqlContext, o: OfferRecord): Promise<Result<StoredOffer, UpdateOfferError>> {
  const existing = await getOffer(ctx, o.id);
  if (existing === null) return err('offer_not_found', o.id);
  if (existing.contractId !== o.contractId) return err('offer_contract_mismatch', `offer ${o.id} belongs to contract ${existing.contractId}`);
  if (await finalTaken(ctx, o)) return err('final_offer_exists', `contract ${o.contractId} already has a final offer`);
  const row = await ctx.db
    .updateTable('bargaining_offers').set({ final_key: finalKey(o), offer: o.offer, updated_at: ctx.now() })
    .where('id', '=', o.id).returningAll().executeTakeFirstOrThrow();
  return ok(toOffer(row));
}

/** The offer's documents first (they reference its row), then the offer: the caller's transaction holds both. */
export async function deleteOffer(ctx: SqlContext, id: string): Promise<Result<true, DeleteOfferError>> {
  await ctx.db.deleteFrom('bargaining_documents').where('offer_id', '=', id).execute();
  const res = await ctx.db.deleteFrom('bargaining_offers').where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) === 1 ? ok(true) : err('offer_not_found', id);
}

export async function listOffers(ctx: SqlContext, contractId?: string): Promise<readonly StoredOffer[]> {
  let q = ctx.db.selectFrom('bargaining_offers').selectAll();
  if (contractId !== undefined) q = q.where('contract_id', '=', contractId);
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map(toOffer);
}

export async function addDocument(ctx: SqlContext, d: NewDocument): Promise<Result<StoredDocumentMeta, AddDocumentError>> {
  if ((await getContract(ctx, d.contractId)) === null) return err('contract_not_found', d.contractId);
  if (d.offerId !== null) {
    const offer = await getOffer(ctx, d.offerId);
    if (offer === null) return err('offer_not_found', d.offerId);
    if (offer.contractId !== d.contractId) return err('offer_contract_mismatch', `offer ${d.offerId} belongs to contract ${offer.contractId}`);
  }
  const row = {
    id: d.id, contract_id: d.contractId, offer_id: d.offerId, name: d.name, content_type: d.contentType, size: d.size, sha256: d.sha256,
    bytes_base64: Buffer.from(d.bytes).toString('base64'), created_at: ctx.now(),
  };
  try {
    await ctx.db.insertInto('bargaining_documents').values(row).execute();
  } catch (error) {
    if (ctx.hooks.isUniqueViolation(error)) return err('duplicate_document', d.id);
    throw error;
  }
  return ok(toDocumentMeta(row));
}

export async function getDocument(ctx: SqlContext, id: string): Promise<StoredDocument | null> {
  const row = await ctx.db.selectFrom('bargaining_documents').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : { ...toDocumentMeta(row), bytes: new Uint8Array(Buffer.from(row.bytes_base64, 'base64')) };
}

export async function deleteDocument(ctx: SqlContext, id: string): Promise<Result<true, DeleteDocumentError>> {
  const res = await ctx.db.deleteFrom('bargaining_documents').where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) === 1 ? ok(true) : err('document_not_found', id);
}

export async function listDocuments(ctx: SqlContext, contractId: string): Promise<readonly StoredDocumentMeta[]> {
  const rows = await ctx.db
    .selectFrom('bargaining_documents')
    .select(['id', 'contract_id', 'offer_id', 'name', 'content_type', 'size', 'sha256', 'created_at'])
    .where('contract_id', '=', contractId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toDocumentMeta);
}

export const bargainingSql: PortSql<BargainingStore> = {
  ops: {
    createContract,
    updateContract,
    changeContractStatus,
    getContract,
    listContracts,
    listContractStatusEvents,
    putBargainingSession,
    deleteBargainingSession,
    listBargainingSessions,
    createOffer,
    updateOffer,
    getOffer,
    listOffers,
    deleteOffer,
    addDocument,
    getDocument,
    deleteDocument,
    listDocuments,
  },
  atomic: [
    'createContract',
    'updateContract',
    'changeContractStatus',
    'putBargainingSession',
    'deleteBargainingSession',
    'createOffer',
    'updateOffer',
    'deleteOffer',
    'addDocument',
    'deleteDocument',
  ],
};
