// The cast-or-audit state machine of one ballot in the booth (docs/protocol.md §B2.4), as a pure
// reducer. The rules it enforces: only a ballot in `review` can be cast; auditing moves the ballot
// to `audited`, which keeps no castable ballot text, so an audited ballot can never be cast; after an
// audit the voter encrypts again (fresh randomness) or changes their choices.
import { assertNever } from '@ratify/crypto';
import type { Selections } from '@ratify/protocol';

export type BoothState =
  | { readonly kind: 'choosing' }
  | { readonly kind: 'encrypting'; readonly selections: Selections }
  | { readonly kind: 'review'; readonly selections: Selections; readonly ballot: string; readonly trackingCode: string; readonly millis: number }
  | { readonly kind: 'revealing'; readonly selections: Selections; readonly trackingCode: string }
  | { readonly kind: 'audited'; readonly selections: Selections; readonly trackingCode: string; readonly auditPackage: string }
  | { readonly kind: 'casting'; readonly selections: Selections; readonly ballot: string; readonly trackingCode: string; readonly millis: number }
  | { readonly kind: 'cast'; readonly trackingCode: string; readonly boardHead: string };

export type BoothEvent =
  | { readonly kind: 'encrypt'; readonly selections: Selections }
  | { readonly kind: 'encrypted'; readonly ballot: string; readonly trackingCode: string; readonly millis: number }
  | { readonly kind: 'encrypt_failed' }
  | { readonly kind: 'audit' }
  | { readonly kind: 'revealed'; readonly auditPackage: string }
  | { readonly kind: 'reveal_failed' }
  | { readonly kind: 'cast' }
  | { readonly kind: 'accepted'; readonly trackingCode: string; readonly boardHead: string }
  | { readonly kind: 'rejected' }
  | { readonly kind: 'change' }
  | { readonly kind: 'vote_again' };

export const INITIAL_BOOTH_STATE: BoothState = { kind: 'choosing' };

/** Next state; an event that does not apply in the current state leaves it unchanged. */
export function boothReducer(state: BoothState, event: BoothEvent): BoothState {
  switch (event.kind) {
    case 'encrypt':
      // From the form, or again after an audit (same choices, fresh randomness).
      return state.kind === 'choosing' || state.kind === 'audited' ? { kind: 'encrypting', selections: event.selections } : state;
    case 'encrypted':
      return state.kind === 'encrypting' ? { kind: 'review', selections: state.selections, ballot: event.ballot, trackingCode: event.trackingCode, millis: event.millis } : state;
    case 'encrypt_failed':
      return state.kind === 'encrypting' ? { kind: 'choosing' } : state;
    case 'audit':
      return state.kind === 'review' ? { kind: 'revealing', selections: state.selections, trackingCode: state.trackingCode } : state;
    case 'revealed':
      return state.kind === 'revealing' ? { kind: 'audited', selections: state.selections, trackingCode: state.trackingCode, auditPackage: event.auditPackage } : state;
    case 'reveal_failed':
      // The secrets are gone either way: the ballot is spoiled, the voter encrypts again.
      return state.kind === 'revealing' ? { kind: 'choosing' } : state;
    case 'cast':
      return state.kind === 'review' ? { ...state, kind: 'casting' } : state;
    case 'accepted':
      return state.kind === 'casting' && state.trackingCode === event.trackingCode ? { kind: 'cast', trackingCode: state.trackingCode, boardHead: event.boardHead } : state;
    case 'rejected':
      return state.kind === 'casting' ? { ...state, kind: 'review' } : state;
    case 'change':
      return state.kind === 'review' || state.kind === 'audited' ? { kind: 'choosing' } : state;
    case 'vote_again':
      return state.kind === 'cast' ? { kind: 'choosing' } : state;
    default:
      return assertNever(event);
  }
}

/** Whether the state holds a ballot the voter may cast now. */
export function castableBallot(state: BoothState): string | undefined {
  return state.kind === 'review' ? state.ballot : undefined;
}
