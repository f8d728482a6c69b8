// Staff sign-in (/staff): username, password and, for administrators, the 6-digit code from their
// authenticator app. Errors are tied to their fields and announced; on success the page goes to the
// role's home (or the page that sent them here). When already signed in, shows the staff links.
import { useState } from 'preact/hooks';
import { useApi } from '../public/use-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { navigate } from '../ui/navigation.ts';
import { ErrorAlert, Loading, PageHeading, Status } from '../ui/page.tsx';
import { staffCall, staffLogin } from './staff-api.ts';
import { StaffNav, roleHome } from './staff-gate.tsx';

function safeNext(): string | null {
  const next = new URLSearchParams(location.search).get('next');
  return next !== null && /^\/(admin|trustee)(\/[a-z0-9/_-]*)?$/.test(next) ? next : null;
}

export function StaffSignInPage() {
  const { t } = useI18n();
  const me = useApi(() => staffCall('staffMe'), []);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [totpError, setTotpError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const title = t('staff.signin.title');

  if (me.kind === 'loading') return <><PageHeading title={title}>{title}</PageHeading><Loading /></>;
  if (me.kind === 'ready') {
    return (
      <>
        <StaffNav me={me.value.staff} />
        <PageHeading title={t('staff.home.title')}>{t('staff.home.title')}</PageHeading>
        <p>{t('staff.home.intro')}</p>
      </>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setTotpError(undefined);
    if (totp !== '' && !/^\d{6}$/.test(totp)) {
      setTotpError(t('staff.signin.totp_invalid'));
      return;
    }
    setBusy(true);
    const r = await staffLogin(username.trim(), password, totp === '' ? undefined : totp);
    setBusy(false);
    if (r.ok) {
      navigate(safeNext() ?? roleHome(r.value.staff.role));
      return;
    }
    if (r.code === 'totp_required') setTotpError(t('staff.signin.totp_required'));
    else if (r.code === 'invalid_credentials') setError(t('staff.signin.invalid'));
    else setError(describeFailure(t, r));
  };

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p>{t('staff.signin.intro')}</p>
      <ErrorAlert message={error} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label for="staff-username">{t('staff.signin.username')}</label>
        <input id="staff-username" name="username" autocomplete="username" autocapitalize="none" spellcheck={false} required value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        <label for="staff-password">{t('staff.signin.password')}</label>
        <input id="staff-password" name="password" type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        <label for="staff-totp">{t('staff.signin.totp')}</label>
        <p class="hint" id="staff-totp-hint">{t('staff.signin.totp_hint')}</p>
        {totpError ? <p class="field-error" id="staff-totp-error">{totpError}</p> : null}
        <input
          id="staff-totp" name="totp" inputMode="numeric" autocomplete="one-time-code" pattern="[0-9]*" maxLength={6} value={totp}
          aria-describedby={totpError ? 'staff-totp-hint staff-totp-error' : 'staff-totp-hint'} aria-invalid={totpError ? 'true' : undefined}
          onInput={(e) => setTotp(e.currentTarget.value.replace(/\D/g, ''))}
        />
        <button type="submit" disabled={busy}>{t('staff.signin.submit')}</button>
      </form>
      <Status message={busy ? t('staff.signin.checking') : ''} />
    </>
  );
}
