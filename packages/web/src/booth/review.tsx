// The three screens after encryption: review (tracking code; cast or audit), audited (the revealed
// choices and randomness, a link to the independent check page, encrypt again) and the receipt.
import { formatTrackingCode, type Manifest, type Receipt } from '@ratify/protocol';
import { auditFragment } from '../audit/audit-package.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ActionError } from './ballot-form.tsx';
import type { Choices } from './selections.ts';
import { ReceiptDownload } from './receipt-download.tsx';

export function ChoiceSummary({ manifest, choices }: { readonly manifest: Manifest; readonly choices: Choices }) {
  const { t } = useI18n();
  return (
    <ul class="choice-summary">
      {manifest.questions.map((q, i) => {
        const chosen = choices[i] ?? [];
        const words =
          chosen.length === 0
            ? t('ballot.blank')
            : chosen.map((o) => (q.kind === 'yes_no' ? (o === 0 ? t('ballot.yes') : t('ballot.no')) : (q.options[o]?.text ?? ''))).join(', ');
        return (
          <li key={q.id}>
            <span class="question-number">{t('ballot.question_n', { n: i + 1 })}</span> {q.text}
            <br />
            <strong>{words}</strong>
          </li>
        );
      })}
    </ul>
  );
}

export function TrackingCode({ code, id }: { readonly code: string; readonly id: string }) {
  const { t } = useI18n();
  return (
    <div class="tracking">
      <p id={`${id}-label`}>{t('ballot.tracking_label')}</p>
      <p class="tracking-code" aria-labelledby={`${id}-label`} data-tracking-code={code}>
        {formatTrackingCode(code)}
      </p>
      <details>
        <summary>{t('ballot.tracking_full')}</summary>
        <p class="mono wrap">{code}</p>
      </details>
    </div>
  );
}

type ReviewProps = {
  readonly manifest: Manifest;
  readonly choices: Choices;
  readonly trackingCode: string;
  readonly millis: number;
  readonly busy: boolean;
  readonly onCast: () => void;
  readonly onAudit: () => void;
  readonly onChange: () => void;
  /** Why the last cast failed, shown right under the buttons. */
  readonly actionError?: string | undefined;
};

export function Review(p: ReviewProps) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="review-heading" class="card" data-encrypt-ms={p.millis.toFixed(1)}>
      <h2 id="review-heading" tabIndex={-1}>{t('review.heading')}</h2>
      <TrackingCode code={p.trackingCode} id="review-code" />
      <p>{t('review.keep_code')}</p>
      <h3>{t('review.you_chose')}</h3>
      <ChoiceSummary manifest={p.manifest} choices={p.choices} />
      <div class="actions">
        <button type="button" onClick={p.onCast} disabled={p.busy}>{t('review.cast')}</button>
        <button type="button" class="secondary" onClick={p.onAudit} disabled={p.busy}>{t('review.audit')}</button>
        <button type="button" class="link-button" onClick={p.onChange} disabled={p.busy}>{t('review.change')}</button>
      </div>
      <ActionError id="cast-error" message={p.actionError} />
      <p class="hint">{t('review.audit_hint')}</p>
    </section>
  );
}

type AuditedProps = {
  readonly manifest: Manifest;
  readonly choices: Choices;
  readonly trackingCode: string;
  readonly auditPackage: string;
  readonly onEncryptAgain: () => void;
  readonly onChange: () => void;
};

export function Audited(p: AuditedProps) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="audited-heading" class="card">
      <h2 id="audited-heading" tabIndex={-1}>{t('audited.heading')}</h2>
      <p class="notice">{t('audited.not_counted')}</p>
      <TrackingCode code={p.trackingCode} id="audited-code" />
      <h3>{t('audited.revealed')}</h3>
      <ChoiceSummary manifest={p.manifest} choices={p.choices} />
      <p>
        <a href={`/audit.html${auditFragment(p.auditPackage)}`} target="_blank" rel="noopener" id="audit-link">
          {t('audited.check_link')}
        </a>{' '}
        <span class="hint">{t('common.new_tab')}</span>
      </p>
      <label for="audit-package">{t('audited.package_label')}</label>
      <p class="hint" id="audit-package-hint">{t('audited.package_hint')}</p>
      <textarea id="audit-package" readOnly rows={5} aria-describedby="audit-package-hint" class="mono" value={p.auditPackage} />
      <div class="actions">
        <button type="button" onClick={p.onEncryptAgain}>{t('audited.encrypt_again')}</button>
        <button type="button" class="secondary" onClick={p.onChange}>{t('review.change')}</button>
      </div>
    </section>
  );
}

type ReceiptProps = {
  readonly voteId: string;
  /** The receipt the server answered with (absent only if an older server did not send one). */
  readonly receipt?: Receipt | undefined;
  readonly trackingCode: string;
  readonly boardHead: string;
  readonly mayRevote: boolean;
  readonly onVoteAgain: () => void;
};

export function Receipt(p: ReceiptProps) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="receipt-heading" class="card receipt">
      <h2 id="receipt-heading" tabIndex={-1}>{t('receipt.heading')}</h2>
      <TrackingCode code={p.trackingCode} id="receipt-code" />
      <p>
        <a href={`/votes/${p.voteId}/board?q=${p.trackingCode.slice(0, 16)}`} id="find-on-board">
          {t('receipt.find_on_board')}
        </a>
      </p>
      <p class="hint">{t('receipt.board_head', { head: p.boardHead.slice(0, 16) })}</p>
      {p.receipt !== undefined ? <ReceiptDownload receipt={p.receipt} /> : null}
      <p>{p.mayRevote ? t('receipt.revote_last') : t('receipt.revote_first')}</p>
      {p.mayRevote ? (
        <button type="button" class="secondary" onClick={p.onVoteAgain}>{t('receipt.vote_again')}</button>
      ) : null}
    </section>
  );
}
