// The bargaining tracker's result codes and their HTTP statuses, spread into errors.ts's one table
// (the mapper stays exhaustive and single) but kept beside the feature that answers with them.
export const BARGAINING_STATUS = {
  // 400: the request fails a check (nothing was changed).
  invalid_contract: 400, dates_out_of_order: 400, duplicate_party: 400, invalid_session: 400, session_dates_out_of_order: 400, session_too_long: 400,
  invalid_offer: 400, duplicate_term_key: 400, final_offer_not_offer: 400, compared_with_self: 400, duplicate_compared_with: 400,
  document_empty: 400, unsupported_document_type: 400, invalid_base64: 400, invalid_document_name: 400, offer_contract_mismatch: 400, session_contract_mismatch: 400, offer_digest_mismatch: 400,
  // 404
  contract_not_found: 404, session_not_found: 404, offer_not_found: 404, document_not_found: 404, no_linked_offer: 404,
  // 409: valid, but not now.
  duplicate_contract: 409, duplicate_offer: 409, duplicate_document: 409, invalid_status_transition: 409, status_conflict: 409,
  final_offer_exists: 409, offer_in_use: 409, offer_referenced: 409, too_many_documents: 409,
  document_too_large: 413,
  // 500: our stored data no longer matches what a vote's manifest signed; nothing is served.
  stored_offer_mismatch: 500, document_digest_mismatch: 500,
} as const;

export type BargainingCode = keyof typeof BARGAINING_STATUS;

export const BARGAINING_MESSAGES: Partial<Record<BargainingCode, string>> = {
  invalid_status_transition: 'That status change is not allowed from the current status.',
  status_conflict: 'The status changed since you loaded the page; reload and try again.',
  offer_in_use: 'A vote or draft binds this offer by its digest; it and its documents can no longer change.',
  offer_referenced: 'Other offers are compared with this one; remove it from their “compared with” lists first.',
  too_many_documents: 'This offer already lists the most documents an offer can list.',
  invalid_document_name: 'A document name needs 1 to 200 characters.',
  stored_offer_mismatch: 'The stored offer no longer matches the one signed into this vote; its documents are not served.',
  document_digest_mismatch: 'The stored document does not match the SHA-256 signed into this vote; it is not served.',
  unsupported_document_type: 'Only PDF and Markdown (UTF-8 text) documents are accepted.',
  no_linked_offer: 'This vote does not ratify an offer.',
};
