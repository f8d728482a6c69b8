// Public: one endorsement page — its statement, count and endorsers (shown name and role only) —
// and, for a member signed in with the booth's one-time-code sign-in, the form to sign it (shown
// name, optional role) or to withdraw their signature. The server checks the member is on the roll.
import { plainTextProblem } from '@ratify/server/api';
import { useState } from 'preact/hooks';
import { SignIn } from '../booth/sign-in.tsx';
import { useMember } from '../booth/use-member.ts';
import { formatInstant } from '../i18n/i18n.ts';
import { useApi } from '../public/use-api.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Loading, PageHeading, Status } from '../ui/page.tsx';
import { api } from '../api.ts';
import { describeCampaignFailure, sideKey } from './campaign-api.ts';

function SignForm({ pageId, onChange }: { readonly pageId: string; readonly onChange: () => void }) {
  const { t } = useI18n();
  const mine = useApi(() => api.call('mySignatures'), [pageId]);
  const [shownName, setShownName] = useState('');
  const [role, setRole] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [signedAs, setSignedAs] = useState<string | null | undefined>(undefined);
  const existing = mine.kind === 'ready' ? mine.value.signatures.find((s) => s.pageId === pageId) : undefined;
  const signed = signedAs === undefined ? existing?.shownName ?? null : signedAs;

  const sign = async (event: Event) => {
    event.preventDefault();
    // Said here in the member's language; the server refuses the same text anyway.
    if ([shownName, role].some((text) => plainTextProblem(text, 'line') !== null)) return setError(t('campaign.page.plain_text'));
    setBusy(true);
    setError(undefined);
    const r = await api.call('signEndorsement', {
      params: { pageId },
      json: { ...(shownName.trim() ? { shownName: shownName.trim() } : {}), ...(role.trim() ? { role: role.trim() } : {}) },
    });
    setBusy(false);
    if (!r.ok) return setError(describeCampaignFailure(t, r));
    setSignedAs(r.value.signature.shownName);
    setStatus(t('campaign.page.signed', { name: r.value.signature.shownName }));
    onChange();
  };

  const withdraw = async () => {
    setBusy(true);
    setError(undefined);
    const r = await api.call('withdrawEndorsement', { params: { pageId } });
    setBusy(false);
    if (!r.ok) return setError(describeCampaignFailure(t, r));
    setSignedAs(null);
    setStatus(t('campaign.page.withdrawn'));
    onChange();
  };

  if (mine.kind === 'loading') return <Loading />;
  return (
    <section aria-labelledby="sign-heading" class="card">
      <h2 id="sign-heading">{t('campaign.page.sign_heading')}</h2>
      {signed !== null ? (
        <>
          <p>{t('campaign.page.signed', { name: signed })}</p>
          <button type="button" class="secondary" disabled={busy} onClick={() => void withdraw()}>{t('campaign.page.withdraw')}</button>
        </>
      ) : (
        <form onSubmit={sign} noValidate>
          <label for="shown-name">{t('campaign.page.shown_name')}</label>
          <p class="hint" id="shown-name-hint">{t('campaign.page.shown_name_hint')}</p>
          <input id="shown-name" autocomplete="name" maxLength={80} aria-describedby="shown-name-hint" value={shownName} onInput={(e) => setShownName(e.currentTarget.value)} />
          <label for="endorser-role">{t('campaign.page.role')}</label>
          <p class="hint" id="endorser-role-hint">{t('campaign.page.role_hint')}</p>
          <input id="endorser-role" maxLength={80} aria-describedby="endorser-role-hint" value={role} onInput={(e) => setRole(e.currentTarget.value)} />
          <button type="submit" disabled={busy}>{t('campaign.page.sign')}</button>
        </form>
      )}
      <Status message={status} />
      <ErrorAlert message={error} />
    </section>
  );
}

export function EndorsementPage({ pageId }: { readonly pageId: string }) {
  const { t, lang } = useI18n();
  const [generation, setGeneration] = useState(0);
  const page = useApi(() => api.call('endorsementPage', { params: { pageId } }), [pageId, generation]);
  const member = useMember();
  const title = page.kind === 'ready' ? page.value.page.title : t('campaign.page.endorsers');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {page.kind === 'loading' ? <Loading /> : null}
      {page.kind === 'failed' ? <ErrorAlert message={describeCampaignFailure(t, page.failure)} /> : null}
      {page.kind === 'ready' ? (
        <>
          <p class={`side side-${page.value.page.side}`}>
            {t(sideKey(page.value.page.side))} — <a href={`/votes/${page.value.page.voteId}`}>{page.value.page.voteTitle}</a> ({page.value.page.unionName})
          </p>
          <p class="statement">{page.value.page.statement}</p>
          <p id="endorsement-count"><strong>{t('campaign.pages.count', { count: page.value.page.count })}</strong></p>
          {member.state.kind === 'signed_in' ? (
            <SignForm pageId={pageId} onChange={() => setGeneration((g) => g + 1)} />
          ) : member.state.kind === 'signed_out' ? (
            <>
              <p>{t('campaign.page.sign_in_first')}</p>
              <SignIn onSignedIn={member.reload} />
            </>
          ) : null}
          <section aria-labelledby="endorsers-heading">
            <h2 id="endorsers-heading">{t('campaign.page.endorsers')}</h2>
            {page.value.endorsers.length === 0 ? <p>{t('campaign.page.no_endorsers')}</p> : (
              <ul class="endorsers">
                {page.value.endorsers.map((e, i) => (
                  <li key={i}>
                    <strong>{e.shownName}</strong>{e.role ? `, ${e.role}` : ''} <span class="hint">{formatInstant(e.signedAt, lang)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <p>
            <a href={`/votes/${page.value.page.voteId}/endorsements`}>{t('campaign.pages.link')}</a>
          </p>
        </>
      ) : null}
    </>
  );
}
