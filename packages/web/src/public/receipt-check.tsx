// "Check a receipt" on the public board page (decision 0018): the member pastes or uploads the
// receipt(s) they downloaded in the booth; the page fetches the record, recomputes the board's hash
// chain in the browser (it does not take the server's hashes on trust) and says in words, for each
// receipt, whether the ballot is there at that position with that hash — the same rule as
// `ratify verify --receipt` (protocol checkReceipt).
import {
  type BoardEventKind,
  GENESIS_HASH,
  type ReceiptBoardEvent,
  type ReceiptEntry,
  checkReceipt,
  computeEventHash,
  fingerprintOfCanonical,
  parseReceiptFile,
  toCanonical,
  type CanonicalValue,
} from '@ratify/protocol';
import { toHex, utf8 } from '@ratify/crypto';
import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Status } from '../ui/page.tsx';
import type { MessageKey } from '../i18n/en.ts';

type Line = { readonly seq: number; readonly kind: BoardEventKind; readonly payload: { readonly [key: string]: CanonicalValue }; readonly prevHash: string; readonly hash: string };
type Outcome = { readonly key: MessageKey; readonly vars: Readonly<Record<string, string | number>>; readonly found: boolean };

/** The board with hashes recomputed, or the position where its chain breaks. */
export function recomputeBoard(voteId: string, boardJsonl: string): { readonly ok: true; readonly events: ReceiptBoardEvent[]; readonly fingerprint: string } | { readonly ok: false; readonly seq: number } {
  const events: ReceiptBoardEvent[] = [];
  let prev = GENESIS_HASH;
  let fingerprint = '';
  for (const text of boardJsonl.split('\n')) {
    if (text.trim() === '') continue;
    const e = JSON.parse(text) as Line;
    const payload = toCanonical(e.payload);
    const hash = computeEventHash(voteId, e.seq, prev, e.kind, payload);
    if (e.seq !== events.length || e.prevHash !== prev || e.hash !== hash) return { ok: false, seq: e.seq };
    if (e.kind === 'vote_created') fingerprint = toHex(fingerprintOfCanonical(utf8(toCanonical(e.payload.manifest!))));
    const code = e.payload.trackingCode;
    events.push({ seq: e.seq, kind: e.kind, hash, ...(e.kind === 'ballot_accepted' && typeof code === 'string' ? { trackingCode: code } : {}) });
    prev = hash;
  }
  return { ok: true, events, fingerprint };
}

const short = (code: string) => code.slice(0, 16).match(/.{4}/g)!.join('-');

export function ReceiptCheck({ voteId }: { readonly voteId: string }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [outcomes, setOutcomes] = useState<readonly Outcome[]>([]);

  const check = async (e: Event) => {
    e.preventDefault();
    setOutcomes([]);
    if (text.trim() === '') return setError(t('receipt_check.empty'));
    const parsed = parseReceiptFile(text);
    if (!parsed.ok) return setError(parsed.error === 'no_receipts' ? t('receipt_check.no_receipts') : t('receipt_check.not_a_receipt', { detail: parsed.detail ?? '' }));
    setError(undefined);
    setStatus(t('receipt_check.checking'));
    const record = await api.record(voteId);
    if (!record.ok) {
      setStatus('');
      return setError(describeFailure(t, record));
    }
    const board = recomputeBoard(voteId, record.value.files['board.jsonl'] ?? '');
    setStatus('');
    if (!board.ok) return setError(t('receipt_check.chain_broken', { seq: board.seq }));
    setOutcomes(parsed.value.map(({ receipt }: ReceiptEntry): Outcome => {
      const r = checkReceipt(receipt, { voteId, fingerprint: board.fingerprint, events: board.events });
      const vars = { code: short(receipt.trackingCode), seq: receipt.boardSeq, vote: receipt.voteId };
      return r.ok ? { key: 'receipt_check.found', vars, found: true } : { key: `receipt_check.${r.error}`, vars, found: false };
    }));
  };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (file !== undefined) setText(await file.text());
  };

  return (
    <section aria-labelledby="receipt-check-heading" class="card">
      <h2 id="receipt-check-heading">{t('receipt_check.heading')}</h2>
      <p>{t('receipt_check.intro')}</p>
      <form onSubmit={(e) => void check(e)} noValidate>
        <label for="receipt-text">{t('receipt_check.label')}</label>
        <textarea id="receipt-text" rows={4} class="mono" spellcheck={false} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <label for="receipt-file">{t('receipt_check.file_label')}</label>
        <input id="receipt-file" type="file" accept=".json,.jsonl,application/json" onChange={(e) => void onFile(e.currentTarget)} />
        <button type="submit" id="check-receipt">{t('receipt_check.check')}</button>
      </form>
      <Status message={status} />
      <ErrorAlert message={error} />
      {outcomes.length > 0 ? (
        <ul id="receipt-outcomes">
          {outcomes.map((o, i) => (
            <li key={i} class={o.found ? 'ok' : 'problem'} data-found={o.found ? 'yes' : 'no'}>
              {t(o.key, o.vars)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
