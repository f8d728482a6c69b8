// The certified result report's route: sends the PDF as a download with nosniff, a sandboxing CSP and
// the board head it was made from (x-board-head), so a reader can match it to the results page.
import { ok } from '@ratify/crypto';
import { asVoteId } from '@ratify/protocol';
import type { ResultReportService } from '../services/result-report.ts';
import type { RouteRegistrar } from './route-kit.ts';

export function resultReportRoutes(route: RouteRegistrar, reports: ResultReportService): void {
  route('resultReport', async ({ params, query, reply }) => {
    const made = await reports.report(asVoteId(params.id), query.lang);
    if (!made.ok) return made;
    reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${made.value.fileName}"`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'public, max-age=300')
      .header('x-board-head', made.value.boardHead);
    // The route kit sends what the handler returns; a Buffer goes out as the raw bytes under the
    // headers set above (the contract types this non-JSON response as a string body).
    return ok(Buffer.from(made.value.bytes) as unknown as string);
  });
}
