// The bargaining tracker's routes (docs/bargaining.md): administrators keep contracts, sessions,
// offers with structured terms and documents, and remove sessions, offers and documents (every
// change audited by the route kit); observers read; anyone reads the offer a vote ratifies, its
// comparison and its documents. Spread into ROUTES.
import * as b from './bargaining-schemas.ts';
import type { RouteSpec } from './routes.ts';
import * as s from './schemas.ts';
import { STAFF_AUTH_ERRORS as AUTH } from './route-errors.ts';

const CONTRACT_CHECKS = ['invalid_contract', 'dates_out_of_order', 'duplicate_party'] as const;
const OFFER_CHECKS = ['invalid_offer', 'duplicate_term_key', 'final_offer_not_offer', 'compared_with_self', 'duplicate_compared_with', 'offer_not_found', 'final_offer_exists'] as const;
const contract = b.contractIdParamsSchema;
const offer = b.offerIdParamsSchema;

export const BARGAINING_ROUTES = {
  listContracts: {
    method: 'GET', path: '/api/admin/contracts', role: 'observer', summary: 'Every contract with its status, days of formal negotiations and final offer',
    status: 200, response: b.contractListSchema, errors: [...AUTH],
  },
  createContract: {
    method: 'POST', path: '/api/admin/contracts', role: 'admin', summary: 'Add a contract (parties, covered unit, effective and expiry dates, status)',
    body: b.contractBodySchema, status: 201, response: b.contractSchema, errors: [...AUTH, ...CONTRACT_CHECKS, 'duplicate_contract'],
  },
  getContract: {
    method: 'GET', path: '/api/admin/contracts/:id', role: 'observer', summary: "A contract's timeline: status history, sessions, days of formal negotiations, offers, documents",
    params: contract, status: 200, response: b.contractDetailSchema, errors: [...AUTH, 'contract_not_found'],
  },
  updateContract: {
    method: 'POST', path: '/api/admin/contracts/:id', role: 'admin', summary: "Edit a contract's title, parties, covered unit and dates (not its status)",
    params: contract, body: b.contractUpdateBodySchema, status: 200, response: b.contractSchema, errors: [...AUTH, ...CONTRACT_CHECKS, 'contract_not_found'],
  },
  changeContractStatus: {
    method: 'POST', path: '/api/admin/contracts/:id/status', role: 'admin', summary: "Change a contract's status along an allowed transition, recorded in its history",
    params: contract, body: b.statusChangeBodySchema, status: 200, response: b.statusChangedSchema,
    errors: [...AUTH, 'contract_not_found', 'invalid_status_transition', 'status_conflict', 'invalid_contract'],
  },
  putBargainingSession: {
    method: 'POST', path: '/api/admin/contracts/:id/sessions', role: 'admin', summary: 'Add or replace a bargaining session (date, optional end, formal or informal, notes)',
    params: contract, body: b.sessionBodySchema, status: 200, response: b.sessionSchema,
    errors: [...AUTH, 'contract_not_found', 'invalid_session', 'session_dates_out_of_order', 'session_too_long', 'session_contract_mismatch'],
  },
  deleteBargainingSession: {
    method: 'POST', path: '/api/admin/contracts/:id/sessions/:sessionId/delete', role: 'admin', summary: 'Remove a bargaining session',
    params: b.sessionParamsSchema, status: 200, response: b.deletedSchema, errors: [...AUTH, 'session_not_found'],
  },
  createOffer: {
    method: 'POST', path: '/api/admin/contracts/:id/offers', role: 'admin', summary: 'Add a proposal, offer or agreement with structured terms',
    params: contract, body: b.offerBodySchema, status: 201, response: b.offerEntrySchema, errors: [...AUTH, ...OFFER_CHECKS, 'contract_not_found', 'duplicate_offer'],
  },
  listOffers: {
    method: 'GET', path: '/api/admin/offers', role: 'observer', summary: 'Every offer with its digest (the draft form picks the offer a vote ratifies from here)',
    status: 200, response: b.offerListSchema, errors: [...AUTH],
  },
  updateOffer: {
    method: 'POST', path: '/api/admin/offers/:id', role: 'admin', summary: "Replace an offer's terms and fields (refused once a vote or draft binds it)",
    params: offer, body: b.offerUpdateBodySchema, status: 200, response: b.offerEntrySchema, errors: [...AUTH, ...OFFER_CHECKS, 'offer_in_use'],
  },
  markFinalOffer: {
    method: 'POST', path: '/api/admin/offers/:id/final', role: 'admin', summary: "Mark (or unmark) an offer as its contract's final offer; the mark moves from any other offer",
    params: offer, body: b.finalOfferBodySchema, status: 200, response: b.offerEntrySchema, errors: [...AUTH, ...OFFER_CHECKS, 'offer_in_use'],
  },
  deleteOffer: {
    method: 'POST', path: '/api/admin/offers/:id/delete', role: 'admin',
    summary: "Remove an offer with its documents (its final mark goes with it); refused while a vote or draft binds it or another offer is compared with it",
    params: offer, status: 200, response: b.deletedSchema, errors: [...AUTH, 'offer_not_found', 'offer_in_use', 'offer_referenced'],
  },
  compareOffers: {
    method: 'GET', path: '/api/admin/offers-compare', role: 'observer', summary: 'Compare offers term by term against a baseline: equal, better, worse, different, missing, mismatched',
    query: b.compareQuerySchema, status: 200, response: b.offerComparisonSchema, errors: [...AUTH, 'offer_not_found', 'duplicate_compared_with'],
  },
  addDocument: {
    method: 'POST', path: '/api/admin/contracts/:id/documents', role: 'admin', summary: "Attach a PDF or Markdown document (type sniffed from the bytes, size-limited, SHA-256 recorded); an offer's document is listed in the offer itself, so refused once a draft or vote binds it",
    params: contract, body: b.documentBodySchema, status: 201, response: b.documentMetaSchema,
    errors: [
      ...AUTH, 'contract_not_found', 'offer_not_found', 'offer_contract_mismatch', 'duplicate_document', 'document_empty', 'document_too_large', 'unsupported_document_type',
      'invalid_base64', 'invalid_document_name', 'offer_in_use', 'too_many_documents',
    ],
  },
  getDocument: {
    method: 'GET', path: '/api/admin/documents/:id', role: 'observer', summary: "A document's bytes (PDF or text/markdown; sent as an attachment with nosniff and a sandboxing CSP)",
    params: b.documentIdParamsSchema, status: 200, response: b.documentBytesSchema, produces: b.DOCUMENT_MEDIA_TYPES, errors: [...AUTH, 'document_not_found'],
  },
  deleteDocument: {
    method: 'POST', path: '/api/admin/documents/:id/delete', role: 'admin',
    summary: "Remove a document; an offer's document leaves the offer's list too (its digest changes), so refused once a draft or vote binds the offer",
    params: b.documentIdParamsSchema, status: 200, response: b.deletedSchema, errors: [...AUTH, 'document_not_found', 'offer_in_use'],
  },
  voteOffer: {
    method: 'GET', path: '/api/votes/:id/offer', role: 'public', summary: 'The offer a vote ratifies (checked against the manifest digest) and its comparison with the agreements it is compared with',
    params: s.voteIdParamsSchema, status: 200, response: b.voteOfferSchema, errors: ['vote_not_found', 'no_linked_offer', 'offer_not_found'],
  },
  voteOfferDocument: {
    method: 'GET', path: '/api/votes/:id/offer/documents/:documentId', role: 'public',
    summary: "A document the offer a vote ratifies lists (only those, only bytes matching the listed SHA-256; served like the staff route: attachment, nosniff, sandboxing CSP)",
    params: b.voteOfferDocumentParamsSchema, status: 200, response: b.documentBytesSchema, produces: b.DOCUMENT_MEDIA_TYPES,
    errors: ['vote_not_found', 'no_linked_offer', 'offer_not_found', 'document_not_found', 'stored_offer_mismatch', 'document_digest_mismatch'],
  },
} as const satisfies Record<string, RouteSpec>;

/** Documents are uploaded as base64 in JSON: 2 MiB of bytes is about 2.7 MiB of text. */
export const BARGAINING_BODY_LIMITS = {
  addDocument: 3 * 1024 * 1024 + 4096,
  createOffer: 512 * 1024,
  updateOffer: 512 * 1024,
} as const;
