// Which console actions a vote's state allows (pure, unit-tested): credentials before opening, the
// opening only once they are issued, reminders and the close while open, the announcement once the
// result is published and not yet announced. Nothing the server would refuse is ever offered.
import type { ResponseOf } from '../api.ts';
import type { MessageKey } from '../i18n/en.ts';

export type ConsoleAction = 'adminIssueCredentials' | 'adminOpen' | 'adminSendReminders' | 'adminClose' | 'adminAnnounceResult';
type Dashboard = Pick<ResponseOf<'turnoutDashboard'>, 'status' | 'credentialsIssued' | 'resultAnnounced'>;

export function actionsFor(d: Dashboard): readonly ConsoleAction[] {
  switch (d.status) {
    case 'draft':
      return d.credentialsIssued === 0 ? ['adminIssueCredentials'] : ['adminOpen'];
    case 'open':
      return ['adminSendReminders', 'adminClose'];
    case 'published':
      return d.resultAnnounced ? [] : ['adminAnnounceResult'];
    default:
      return [];
  }
}

/** What the console says about the state, beside (or instead of) the actions. */
export function stateNote(d: Dashboard): MessageKey {
  switch (d.status) {
    case 'draft':
      return d.credentialsIssued === 0 ? 'admin.vote.state_draft' : 'admin.vote.state_ready';
    case 'open':
      return 'admin.vote.state_open';
    case 'closed':
    case 'tallied':
      return 'admin.vote.state_counting';
    case 'published':
      return d.resultAnnounced ? 'admin.vote.state_announced' : 'admin.vote.state_published';
    default:
      return 'admin.vote.state_counting';
  }
}

export const ACTION_WORDS: Readonly<Record<ConsoleAction, { readonly label: MessageKey; readonly confirm: MessageKey }>> = {
  adminIssueCredentials: { label: 'admin.vote.issue', confirm: 'admin.vote.issue_confirm' },
  adminOpen: { label: 'admin.vote.open', confirm: 'admin.vote.open_confirm' },
  adminSendReminders: { label: 'admin.vote.remind', confirm: 'admin.vote.remind_confirm' },
  adminClose: { label: 'admin.vote.close', confirm: 'admin.vote.close_confirm' },
  adminAnnounceResult: { label: 'admin.vote.announce', confirm: 'admin.vote.announce_confirm' },
};

/** Members marked as voted and ballots counted must agree; a difference is shown as a warning. */
export function reconciliation(d: Pick<ResponseOf<'turnoutDashboard'>, 'voted' | 'ballotsCounted'>): { readonly agree: boolean; readonly marked: number; readonly counted: number } {
  return { agree: d.voted === d.ballotsCounted, marked: d.voted, counted: d.ballotsCounted };
}
