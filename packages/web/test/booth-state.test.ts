// The booth's cast-or-audit machine: an audited ballot can never be cast, every audit is followed
// by a fresh encryption, and out-of-order events change nothing.
import { describe, expect, it } from 'vitest';
import { boothReducer, castableBallot, INITIAL_BOOTH_STATE, type BoothEvent, type BoothState } from '../src/booth/booth-state.ts';

const sel = [[1, 0]] as const;
const run = (events: readonly BoothEvent[], from: BoothState = INITIAL_BOOTH_STATE) => events.reduce(boothReducer, from);
const encrypted = (code: string): BoothEvent => ({ kind: 'encrypted', ballot: `ballot-${code}`, trackingCode: code, millis: 5 });

describe('booth state', () => {
  it('encrypts, then casts the reviewed ballot', () => {
    const s = run([{ kind: 'encrypt', selections: sel }, encrypted('aa'), { kind: 'cast' }, { kind: 'accepted', trackingCode: 'aa', boardHead: 'h' }]);
    expect(s).toEqual({ kind: 'cast', trackingCode: 'aa', boardHead: 'h' });
  });

  it('never casts an audited ballot: after an audit nothing is castable and cast is ignored', () => {
    const audited = run([{ kind: 'encrypt', selections: sel }, encrypted('aa'), { kind: 'audit' }, { kind: 'revealed', auditPackage: '{}' }]);
    expect(audited.kind).toBe('audited');
    expect(castableBallot(audited)).toBeUndefined();
    expect(boothReducer(audited, { kind: 'cast' })).toBe(audited);
    expect(JSON.stringify(audited)).not.toContain('ballot-aa');
  });

  it('re-encrypts after an audit and casts only the new ballot', () => {
    const s = run([
      { kind: 'encrypt', selections: sel },
      encrypted('aa'),
      { kind: 'audit' },
      { kind: 'revealed', auditPackage: '{}' },
      { kind: 'encrypt', selections: sel },
      encrypted('bb'),
    ]);
    expect(castableBallot(s)).toBe('ballot-bb');
    const cast = run([{ kind: 'cast' }, { kind: 'accepted', trackingCode: 'aa', boardHead: 'h' }], s);
    expect(cast.kind).toBe('casting'); // an acceptance for another ballot is not this ballot's receipt
  });

  it('treats a failed reveal as a spoiled ballot', () => {
    const s = run([{ kind: 'encrypt', selections: sel }, encrypted('aa'), { kind: 'audit' }, { kind: 'reveal_failed' }]);
    expect(s).toEqual({ kind: 'choosing' });
  });

  it('goes back to review when the server rejects a cast, and allows voting again after a cast', () => {
    const reviewing = run([{ kind: 'encrypt', selections: sel }, encrypted('aa'), { kind: 'cast' }, { kind: 'rejected' }]);
    expect(reviewing.kind).toBe('review');
    const again = run([{ kind: 'cast' }, { kind: 'accepted', trackingCode: 'aa', boardHead: 'h' }, { kind: 'vote_again' }], reviewing);
    expect(again).toEqual({ kind: 'choosing' });
  });

  it('ignores events that do not apply', () => {
    expect(run([{ kind: 'cast' }, { kind: 'audit' }, encrypted('aa'), { kind: 'vote_again' }])).toEqual(INITIAL_BOOTH_STATE);
    const encrypting = run([{ kind: 'encrypt', selections: sel }]);
    expect(boothReducer(encrypting, { kind: 'encrypt', selections: sel })).toBe(encrypting);
  });
});
