// Any staff member: change your own password. The current password is required; the new one is
// checked here (length, differs, typed twice) and again by the server, which hashes it (argon2id)
// and signs out every other session of the account. Nothing is stored in the browser.
import { useState } from 'preact/hooks';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, PageHeading, Status } from '../ui/page.tsx';
import { MIN_STAFF_PASSWORD, type PasswordField, checkPasswordForm, passwordRefusal } from './staff-account-forms.ts';
import { StaffGate } from './staff-gate.tsx';
import { staffCall } from './staff-api.ts';

function PasswordForm() {
  const { t } = useI18n();
  const [form, setForm] = useState({ current: '', next: '', again: '' });
  const [problems, setProblems] = useState<Partial<Record<PasswordField, string>>>({});
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const title = t('staff.password.title');

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setStatus('');
    const found = checkPasswordForm(form);
    setProblems(Object.fromEntries(Object.entries(found).map(([f, key]) => [f, t(key, { n: MIN_STAFF_PASSWORD })])));
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const r = await staffCall('changeStaffPassword', { json: { currentPassword: form.current, newPassword: form.next } });
    setBusy(false);
    if (!r.ok) {
      const refusal = passwordRefusal(r.code);
      if (refusal?.field) setProblems({ [refusal.field]: t(refusal.message, { n: MIN_STAFF_PASSWORD }) });
      else setError(describeFailure(t, r));
      return;
    }
    setForm({ current: '', next: '', again: '' });
    setStatus(t('staff.password.changed', { count: r.value.otherSessionsEnded }));
  };
  const field = (name: PasswordField, label: string, autocomplete: string, hint?: string) => (
    <div class="field">
      <label for={`pw-${name}`}>{label}</label>
      {hint ? <p class="hint" id={`pw-${name}-hint`}>{hint}</p> : null}
      {problems[name] ? <p class="field-error" id={`pw-${name}-error`}>{problems[name]}</p> : null}
      <input id={`pw-${name}`} type="password" autocomplete={autocomplete} value={form[name]}
        aria-invalid={problems[name] ? 'true' : undefined}
        aria-describedby={[hint ? `pw-${name}-hint` : '', problems[name] ? `pw-${name}-error` : ''].filter((x) => x !== '').join(' ') || undefined}
        onInput={(e) => setForm({ ...form, [name]: e.currentTarget.value })} />
    </div>
  );
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p>{t('staff.password.intro')}</p>
      <ErrorAlert message={error} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        {field('current', t('staff.password.current'), 'current-password')}
        {field('next', t('staff.password.new'), 'new-password', t('staff.password.hint', { n: MIN_STAFF_PASSWORD }))}
        {field('again', t('staff.password.again'), 'new-password')}
        <button type="submit" disabled={busy}>{t('staff.password.submit')}</button>
      </form>
      <Status message={status} />
    </>
  );
}

export function PasswordPage() {
  const { t } = useI18n();
  return <StaffGate roles={['administrator', 'observer', 'trustee', 'campaign']} title={t('staff.password.title')}>{() => <PasswordForm />}</StaffGate>;
}
