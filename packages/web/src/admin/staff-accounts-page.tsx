// Administrators: every staff account with its role and status, "disable" for the other active
// accounts and "enable" for the disabled ones (a second click confirms either). Disabling ends the
// account's sessions at once and refuses its sign-in; the server refuses your own account and the
// last active administrator. Enabling lets the account sign in again with the password and TOTP it
// had; no earlier session comes back. The server audits each call.
import { useState } from 'preact/hooks';
import type { ApiOutcome } from '../api.ts';
import { formatInstant } from '../i18n/i18n.ts';
import { useApi } from '../public/use-api.ts';
import { canOfferDisable, canOfferEnable, disableRefusal, enableRefusal } from '../staff/staff-account-forms.ts';
import { ROLE_NAMES, StaffGate } from '../staff/staff-gate.tsx';
import { type StaffIdentity, staffCall } from '../staff/staff-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Loading, PageHeading, Status } from '../ui/page.tsx';
import { ConfirmCard } from './confirm-card.tsx';

type Pending = { readonly action: 'disable' | 'enable'; readonly username: string };

function Accounts({ me }: { readonly me: StaffIdentity }) {
  const { t, lang } = useI18n();
  const [reload, setReload] = useState(0);
  const accounts = useApi(() => staffCall('listStaffAccounts'), [reload]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const title = t('admin.staff.title');

  /** The confirmed call, and on success what to tell the administrator. */
  const call = async ({ action, username }: Pending): Promise<ApiOutcome<string>> => {
    if (action === 'disable') {
      const r = await staffCall('disableStaffAccount', { params: { username } });
      return r.ok ? { ok: true, value: t('admin.staff.disabled_done', { username, count: r.value.sessionsEnded }) } : r;
    }
    const r = await staffCall('enableStaffAccount', { params: { username } });
    return r.ok ? { ok: true, value: t('admin.staff.enabled_done', { username }) } : r;
  };

  /** Disables or enables the account, as confirmed; its refusals in words, else the server's. */
  const act = async (confirmed: Pending) => {
    setBusy(true);
    setError(undefined);
    const r = await call(confirmed);
    setBusy(false);
    setPending(null);
    if (!r.ok) {
      const key = confirmed.action === 'disable' ? disableRefusal(r.code) : enableRefusal(r.code);
      setError(key ? t(key) : describeFailure(t, r));
      return;
    }
    setStatus(r.value);
    setReload((n) => n + 1);
  };

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p>{t('admin.staff.intro')}</p>
      <ErrorAlert message={error} />
      {pending ? (
        <ConfirmCard
          id="staff-confirm" question={t(pending.action === 'disable' ? 'admin.staff.confirm' : 'admin.staff.confirm_enable', { username: pending.username })}
          busy={busy} onConfirm={() => void act(pending)} onCancel={() => setPending(null)}
        />
      ) : null}
      <Status message={status} />
      {accounts.kind === 'loading' ? <Loading /> : null}
      {accounts.kind === 'failed' ? <ErrorAlert message={describeFailure(t, accounts.failure)} /> : null}
      {accounts.kind === 'ready' ? (
        <div class="table-scroll" tabIndex={0}>
          <table class="staff-accounts">
            <caption>{t('admin.staff.caption', { count: accounts.value.accounts.length })}</caption>
            <thead>
              <tr><th scope="col">{t('admin.staff.username')}</th><th scope="col">{t('admin.staff.role')}</th><th scope="col">{t('admin.staff.status')}</th><th scope="col">{t('admin.staff.action')}</th></tr>
            </thead>
            <tbody>
              {accounts.value.accounts.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.username}{a.username === me.username ? <span class="hint"> — {t('ceremony.you')}</span> : null}</th>
                  <td>{t(ROLE_NAMES[a.role])}</td>
                  <td>{a.disabledAt === null ? t('admin.staff.active') : t('admin.staff.disabled_since', { when: formatInstant(a.disabledAt, lang) })}</td>
                  <td>
                    {canOfferDisable(a, me.username) ? (
                      <button type="button" class="secondary small" disabled={busy || pending !== null} onClick={() => setPending({ action: 'disable', username: a.username })}>
                        {t('admin.staff.disable', { username: a.username })}
                      </button>
                    ) : canOfferEnable(a) ? (
                      <button type="button" class="secondary small" disabled={busy || pending !== null} onClick={() => setPending({ action: 'enable', username: a.username })}>
                        {t('admin.staff.enable', { username: a.username })}
                      </button>
                    ) : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

export function StaffAccountsPage() {
  const { t } = useI18n();
  return <StaffGate roles={['administrator']} title={t('admin.staff.title')}>{(me) => <Accounts me={me} />}</StaffGate>;
}
