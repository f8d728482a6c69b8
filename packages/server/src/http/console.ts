// Admin console and trustee routes: unions and rolls, drafts, the key-ceremony relay, the trustees'
// tally step, turnout. Thin: each handler calls one service; the trustee's identity is the staff
// session's username, matched against the draft's trustee slots.
import type { CeremonyRelay } from '../services/ceremony-relay.ts';
import type { DraftService } from '../services/drafts.ts';
import type { RollService } from '../services/rolls.ts';
import type { TrusteeTallyService } from '../services/trustee-tally.ts';
import type { TurnoutDashboard } from '../services/turnout-dashboard.ts';
import type { RouteRegistrar } from './route-kit.ts';

export type ConsoleServices = {
  readonly rolls: RollService;
  readonly drafts: DraftService;
  readonly relay: CeremonyRelay;
  readonly tally: TrusteeTallyService;
  readonly turnout: TurnoutDashboard;
};

export function consoleRoutes(route: RouteRegistrar, { rolls, drafts, relay, tally, turnout }: ConsoleServices): void {
  route('createUnion', ({ body }) => rolls.createUnion(body.id, body.name));
  route('listUnions', () => rolls.listUnions());
  route('previewRoll', ({ params, body }) => rolls.preview(params.id, body.csv));
  route('importRoll', ({ params, body, session }) => rolls.importRoll(params.id, body.csv, body.confirmRemovals, session.kind === 'staff' ? `staff:${session.username}` : 'ops-token'));
  route('amendRoll', ({ params, body, session }) => rolls.amend(params.id, body, session.kind === 'staff' ? `staff:${session.username}` : 'ops-token'));
  route('listRollEvents', ({ params }) => rolls.events(params.id));

  route('validateDraft', ({ body }) => drafts.validate(body));
  route('createDraft', ({ body }) => drafts.create(body));
  route('listDrafts', () => drafts.list());
  route('getDraft', ({ params }) => drafts.get(params.id));
  route('adminDraftCeremony', ({ params }) => relay.status(params.id, null));
  route('createVoteFromDraft', ({ params }) => drafts.createVote(params.id));

  route('turnoutDashboard', ({ params }) => turnout.dashboard(params.id));
  route('listVoters', ({ params }) => turnout.voters(params.id));

  route('trusteeDrafts', ({ session }) => relay.mine(session.username));
  route('trusteeCeremony', ({ params, session }) => relay.status(params.id, session.username));
  route('trusteeCeremonyMessages', ({ params, session }) => relay.list(params.id, session.username));
  route('trusteePostCeremonyMessage', ({ params, session, body }) => relay.post(params.id, session.username, body));
  route('trusteeTally', ({ params, session }) => tally.tally(params.id, session.username));
  route('trusteePartialDecryption', ({ params, session, body }) => tally.submit(params.id, session.username, body));
}
