// Bargaining tracker routes: thin handlers over services/bargaining.ts. The one non-JSON answer is a
// document's bytes: sent as an attachment with its sniffed type, nosniff, and a CSP that sandboxes
// it, so a stored file can never run script on this origin.
import { ok } from '@ratify/crypto';
import type { BargainingService } from '../services/bargaining.ts';
import type { RouteRegistrar } from './route-kit.ts';

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
  route('compareOffers', ({ query }) => bargaining.compare(query.baseline, query.offers.split(',')));
  route('addDocument', ({ params, body }) => bargaining.addDocument(params.id, body));
  route('getDocument', async ({ params, reply }) => {
    const d = await bargaining.getDocument(params.id);
    if (!d.ok) return d;
    const ascii = d.value.name.replace(/[^A-Za-z0-9 ._()-]/g, '_');
    reply
      .header('content-type', d.value.contentType === 'application/pdf' ? 'application/pdf' : 'text/markdown; charset=utf-8')
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(d.value.name)}`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .header('x-document-sha256', d.value.sha256);
    // The route kit sends what the handler returns; a Buffer goes out as the raw bytes under the
    // headers set above (the contract types this one non-JSON response as a string body).
    return ok(Buffer.from(d.value.bytes) as unknown as string);
  });
  route('voteOffer', ({ params }) => bargaining.voteOffer(params.id));
}
