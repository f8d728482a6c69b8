// Administrator routes that send mail: credential issuance (server-mode credential authority),
// reminders to members who have not voted, credential replacement, the result announcement, and
// the vote's delivery status. Thin: the service does the work; the queue does the sending.
import type { NotificationService } from '../services/notifications.ts';
import type { RouteRegistrar, StaffActor } from './route-kit.ts';
import { asVoteId } from '@ratify/protocol';

/** The audit log's actor convention: `staff:<username>` or `ops-token`. */
const actorName = (actor: StaffActor): string => (actor.kind === 'staff' ? `staff:${actor.username}` : 'ops-token');

export function notificationRoutes(route: RouteRegistrar, notifications: NotificationService): void {
  route('adminIssueCredentials', ({ params }) => notifications.issueCredentials(asVoteId(params.id)));
  route('adminSendReminders', ({ params, body }) => notifications.sendReminders(asVoteId(params.id), body.again === true));
  route('adminReplaceCredential', ({ params, body, session }) => notifications.replaceCredential(asVoteId(params.id), body, actorName(session)));
  route('adminRelayReplacement', ({ params, body, session }) => notifications.relayReplacement(asVoteId(params.id), body, actorName(session)));
  route('adminAnnounceResult', ({ params }) => notifications.announceResult(asVoteId(params.id)));
  route('adminMailStatus', ({ params }) => notifications.mailStatus(asVoteId(params.id)));
}
