// Entry of /audit.html, the independent check of an audited ballot: the audit data comes from the
// address fragment (#audit=…, never sent to a server) or is pasted; the page fetches the vote's
// public manifest itself, recomputes every ciphertext and says match or mismatch. It shares no state
// with the booth: it could be served from anywhere, and `ratify` offers the same check offline.
import { ristretto255 } from '@ratify/crypto';
import { formatTrackingCode } from '@ratify/protocol';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { ChoiceSummary } from '../booth/review.tsx';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { PageHeading, Status } from '../ui/page.tsx';
import { Shell, useLanguage } from '../ui/shell.tsx';
import { auditPackageVoteId, checkAudit, type AuditReport } from './audit-check.ts';
import { readAuditFragment } from './audit-package.ts';
import '../styles.css';

type Outcome = { readonly kind: 'idle' } | { readonly kind: 'checking' } | { readonly kind: 'report'; readonly report: AuditReport } | { readonly kind: 'error'; readonly message: string };

function Report({ report }: { readonly report: AuditReport }) {
  const { t } = useI18n();
  if (report.kind === 'match') {
    return (
      <section class="card verdict verdict-match" aria-labelledby="verdict" data-verdict="match">
        <h2 id="verdict">{t('audit.match')}</h2>
        <p>{t('audit.match_detail')}</p>
        <p>
          {t('ballot.tracking_label')} <strong class="mono">{formatTrackingCode(report.trackingCode)}</strong>
        </p>
        <h3>{t('audited.revealed')}</h3>
        <ChoiceSummary manifest={report.manifest} choices={report.choices} />
        <p class="hint">{t('audit.compare_hint')}</p>
      </section>
    );
  }
  return (
    <section class="card verdict verdict-mismatch" aria-labelledby="verdict" data-verdict="mismatch">
      <h2 id="verdict">{t('audit.mismatch')}</h2>
      <p>{t('audit.mismatch_detail', { reason: report.reason + (report.detail ? ` (${report.detail})` : '') })}</p>
      <p>
        {t('ballot.tracking_label')} <strong class="mono">{formatTrackingCode(report.trackingCode)}</strong>
      </p>
    </section>
  );
}

function AuditPage() {
  const { t } = useI18n();
  const [text, setText] = useState(() => {
    const fromLink = readAuditFragment(location.hash);
    // The revealed choices should not linger in the address bar or history: keep them in the page only.
    if (fromLink !== undefined) history.replaceState(null, '', location.pathname);
    return fromLink ?? '';
  });
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const check = async (packageText: string) => {
    setOutcome({ kind: 'checking' });
    const voteId = auditPackageVoteId(ristretto255, packageText);
    if (!voteId.ok) return setOutcome({ kind: 'error', message: t('audit.bad_data') });
    const params = await api.ballotParams(voteId.value);
    if (!params.ok) return setOutcome({ kind: 'error', message: describeFailure(t, params) });
    const report = checkAudit(ristretto255, params.value.manifest, packageText);
    setOutcome(report.ok ? { kind: 'report', report: report.value } : { kind: 'error', message: t('audit.bad_data') });
  };

  useEffect(() => {
    if (text !== '') void check(text);
    // Run once for data that arrived in the fragment.
  }, []);

  return (
    <>
      <PageHeading title={t('audit.title')}>{t('audit.title')}</PageHeading>
      <p>{t('audit.intro')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void check(text);
        }}
      >
        <label for="audit-data">{t('audited.package_label')}</label>
        <p class="hint" id="audit-data-hint">{t('audit.paste_hint')}</p>
        <textarea id="audit-data" rows={6} class="mono" aria-describedby="audit-data-hint" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <button type="submit">{t('audit.check')}</button>
      </form>
      <Status message={outcome.kind === 'checking' ? t('audit.checking') : outcome.kind === 'report' ? (outcome.report.kind === 'match' ? t('audit.match') : t('audit.mismatch')) : ''} />
      {outcome.kind === 'error' ? <div role="alert" class="alert">{outcome.message}</div> : null}
      {outcome.kind === 'report' ? <Report report={outcome.report} /> : null}
      <p class="hint">{t('audit.cli_hint')}</p>
    </>
  );
}

function AuditApp() {
  const i18n = useLanguage();
  return (
    <Shell i18n={i18n}>
      <AuditPage />
    </Shell>
  );
}

render(<AuditApp />, document.getElementById('app')!);
