// Bargaining tracker routes: thin handlers over services/bargaining.ts. The one non-JSON answer is a
// document's bytes (the staff route, and the public route for the offer a vote ratifies): both go
// through sendDocument, sent as an attachment with its sniffed type, nosniff, and a CSP that
// sandboxes it, so a stored file can never run script on this origin.
import { ok, type Result } from '@ratify/crypto';
import type { StoredDocument } from '@ratify/storage';
import type { FastifyReply } from 'fastify';
import type { BargainingService } from '../services/bargaining.ts';
import type { ApiErrorCode } from './errors.ts';
import type { RouteRegistrar } from './route-kit.ts';
import { asVoteId } from '@ratify/protocol';

/**
 * Sets the safe headers for a found document and returns its bytes for the route kit to send;
 * passes a failure through untouched. The only place a document's bytes leave the server.
 */
function sendDocument(found: Result<StoredDocument, ApiErrorCode>, reply: FastifyReply): Result<string, ApiErrorCode> {
  if (!found.ok) return found;
  const d = found.value;
  const ascii = d.name.replace(/[^A-Za-z0-9 ._()-]/g, '_');
  reply
    .header('content-type', d.contentType === 'application/pdf' ? 'application/pdf' : 'text/markdown; charset=utf-8')
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(d.name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .header('x-document-sha256', d.sha256);
  // The route kit sends what the handler returns; a Buffer goes out as the raw bytes under the
  // headers set above (the contract types this non-JSON response as a string body).
  return ok(Buffer.from(d.bytes) as unknown as string);
}

export function bargainingRoutes(route: RouteRegistrar, bargaining: BargainingService): void {
  route('listContracts', () => bargaining.listContracts());
  route('createContract', ({ body }) => bargaining.createContract(body));
  route('getContract', ({ params }) => bargaining.getContract(params.id));
  route('updateContract', ({ params, body }) => bargaining.updateContract(params.id, body));
  route('changeContractStatus', ({ params, body }) => bargaining.changeStatus(params.id, body));
  route('putBargainingSession', ({ params, body }) => bargaining.putSession(params.id, body));
  route('deleteBargainingSession', ({ params }) => bargaining.deleteSession(params.id, params.sessionId));
  route('createOffer', ({ params, body }) => bargaining.createOffer(params.id, body));
  route('listOffers', () => bargaining.listOffers());
  route('updateOffer', ({ params, body }) => bargaining.updateOffer(params.id, body));
  route('markFinalOffer', ({ params, body }) => bargaining.markFinal(params.id, body.finalOffer));
  route('deleteOffer', ({ params }) => bargaining.deleteOffer(params.id));
  route('compareOffers', ({ query }) => bargaining.compare(query.baseline, query.offers.split(',')));
  route('addDocument', ({ params, body }) => bargaining.addDocument(params.id, body));
  route('getDocument', async ({ params, reply }) => sendDocument(await bargaining.getDocument(params.id), reply));
  route('deleteDocument', ({ params }) => bargaining.deleteDocument(params.id));
  route('voteOffer', ({ params }) => bargaining.voteOffer(asVoteId(params.id)));
  route('voteOfferDocument', async ({ params, reply }) => sendDocument(await bargaining.voteOfferDocument(asVoteId(params.id), params.documentId), reply));
}
