// The Store's bargaining tracker part (docs/bargaining.md): contracts and their status history,
// bargaining sessions, offers (stored as the protocol's canonical JSON text, byte for byte) and
// attached documents. Composed into Store (port.ts). Storage checks only integrity: references exist,
// ids are unique, a status change applies to the status the caller read (compare and set), at most
// one final offer per contract. The transition rules and every field check are the protocol's.
import type { Result } from '@ratify/crypto';
import type { ContractStatus, SessionKind } from '@ratify/protocol/bargaining';

export interface ContractRecord {
  readonly id: string;
  readonly title: string;
  readonly parties: readonly string[];
  readonly coveredUnit: string;
  readonly effectiveDate: string;
  readonly expiryDate: string;
  readonly status: ContractStatus;
}

export interface StoredContract extends ContractRecord {
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ContractStatusChange {
  readonly contractId: string;
  /** The status the caller read; the change applies only if it is still the current one. */
  readonly from: ContractStatus;
  readonly to: ContractStatus;
  /** The calendar day the change took effect (`YYYY-MM-DD`). */
  readonly onDate: string;
  readonly note: string | null;
}

export interface ContractStatusEvent extends ContractStatusChange {
  readonly seq: number;
  readonly at: string;
}

export interface SessionRecord {
  readonly id: string;
  readonly contractId: string;
  readonly date: string;
  readonly endDate: string | null;
  readonly kind: SessionKind;
  readonly notes: string | null;
}

export interface OfferRecord {
  readonly id: string;
  readonly contractId: string;
  /** Mirrors the offer's `finalOffer` field, so storage can keep one final offer per contract. */
  readonly finalOffer: boolean;
  /** The offer's canonical JSON text (protocol `toWireOffer`). */
  readonly offer: string;
}

export interface StoredOffer extends OfferRecord {
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface DocumentMeta {
  readonly id: string;
  readonly contractId: string;
  readonly offerId: string | null;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  /** Lowercase hex SHA-256 of the bytes. */
  readonly sha256: string;
}

export interface NewDocument extends DocumentMeta {
  readonly bytes: Uint8Array;
}

export interface StoredDocumentMeta extends DocumentMeta {
  readonly createdAt: string;
}

export interface StoredDocument extends StoredDocumentMeta {
  readonly bytes: Uint8Array;
}

export type CreateContractError = 'duplicate_contract';
export type UpdateContractError = 'contract_not_found';
export type ChangeStatusError = 'contract_not_found' | 'status_conflict';
export type PutSessionError = 'contract_not_found' | 'session_contract_mismatch';
export type DeleteSessionError = 'session_not_found';
export type CreateOfferError = 'contract_not_found' | 'duplicate_offer' | 'final_offer_exists';
export type UpdateOfferError = 'offer_not_found' | 'offer_contract_mismatch' | 'final_offer_exists';
export type AddDocumentError = 'contract_not_found' | 'offer_not_found' | 'offer_contract_mismatch' | 'duplicate_document';
export type DeleteOfferError = 'offer_not_found';
export type DeleteDocumentError = 'document_not_found';

export interface BargainingStore {
  createContract(contract: ContractRecord): Promise<Result<StoredContract, CreateContractError>>;
  /** Replaces every field but the status (which changes only through changeContractStatus). */
  updateContract(contract: Omit<ContractRecord, 'status'>): Promise<Result<StoredContract, UpdateContractError>>;
  /** Sets the status if it is still `from`, and appends the change to the contract's history. */
  changeContractStatus(change: ContractStatusChange): Promise<Result<ContractStatusEvent, ChangeStatusError>>;
  getContract(id: string): Promise<StoredContract | null>;
  /** Every contract, by expiry date then id. */
  listContracts(): Promise<readonly StoredContract[]>;
  listContractStatusEvents(contractId: string): Promise<readonly ContractStatusEvent[]>;

  /** Creates or replaces a session (a replaced session keeps its contract). */
  putBargainingSession(session: SessionRecord): Promise<Result<SessionRecord, PutSessionError>>;
  deleteBargainingSession(contractId: string, id: string): Promise<Result<true, DeleteSessionError>>;
  /** The contract's sessions by date, end date, id. */
  listBargainingSessions(contractId: string): Promise<readonly SessionRecord[]>;

  createOffer(offer: OfferRecord): Promise<Result<StoredOffer, CreateOfferError>>;
  /** Replaces an offer's text (same contract). */
  updateOffer(offer: OfferRecord): Promise<Result<StoredOffer, UpdateOfferError>>;
  getOffer(id: string): Promise<StoredOffer | null>;
  /** Offers of one contract, or every offer; by creation then id. */
  listOffers(contractId?: string): Promise<readonly StoredOffer[]>;
  /**
   * Removes an offer with the documents attached to it (their rows reference it), together; its
   * final mark goes with its row. Storage does not read offers: the server checks, in the same
   * transaction, that no draft, vote or other offer refers to it (docs/bargaining.md, "Removing").
   */
  deleteOffer(id: string): Promise<Result<true, DeleteOfferError>>;

  /**
   * Stores a document. For an offer's document the server rewrites the offer's text (which lists
   * its documents) with `updateOffer` in the same transaction (docs/bargaining.md, "Documents").
   */
  addDocument(document: NewDocument): Promise<Result<StoredDocumentMeta, AddDocumentError>>;
  getDocument(id: string): Promise<StoredDocument | null>;
  /**
   * Removes a document. For an offer's document the server rewrites the offer's text (without it)
   * with `updateOffer` in the same transaction, and refuses while a draft or vote binds the offer.
   */
  deleteDocument(id: string): Promise<Result<true, DeleteDocumentError>>;
  /** A contract's documents (its own and its offers'), by creation then id; no bytes. */
  listDocuments(contractId: string): Promise<readonly StoredDocumentMeta[]>;
}
