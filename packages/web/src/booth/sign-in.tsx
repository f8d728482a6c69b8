// Member sign-in, step by step: member number → a one-time code by email → session cookie. The
// voting credential is a separate secret and is never asked for here.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Status } from '../ui/page.tsx';

type Step = { readonly kind: 'number' } | { readonly kind: 'code'; readonly memberNumber: string };

export function SignIn({ onSignedIn }: { readonly onSignedIn: () => void }) {
  const { t } = useI18n();
  const [step, setStep] = useState<Step>({ kind: 'number' });
  const [memberNumber, setMemberNumber] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | undefined>();
  const codeRef = useRef<HTMLInputElement>(null);
  const numberRef = useRef<HTMLInputElement>(null);
  // Each step's field takes focus when the step appears (the submit button it replaced is gone).
  useEffect(() => {
    if (step.kind === 'code') codeRef.current?.focus();
  }, [step.kind]);

  const requestCode = async (event: Event) => {
    event.preventDefault();
    const number = memberNumber.trim();
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(number)) return setError(t('signin.number_invalid'));
    setBusy(true);
    setError(undefined);
    setStatus(t('signin.sending'));
    const r = await api.requestCode(number);
    setBusy(false);
    if (!r.ok) {
      setStatus('');
      return setError(describeFailure(t, r));
    }
    setStatus(t('signin.code_sent'));
    setStep({ kind: 'code', memberNumber: number });
  };

  const verifyCode = async (event: Event) => {
    event.preventDefault();
    if (step.kind !== 'code') return;
    // 6 digits, or 12 (written in groups of four) when the member asked for many codes that day.
    const digits = code.replace(/[\s-]/g, '');
    if (!/^(?:\d{6}|\d{12})$/.test(digits)) return setError(t('signin.code_invalid'));
    setBusy(true);
    setError(undefined);
    setStatus(t('signin.checking'));
    const r = await api.verifyCode(step.memberNumber, digits);
    setBusy(false);
    if (!r.ok) {
      setStatus('');
      return setError(describeFailure(t, r));
    }
    setStatus(t('signin.signed_in'));
    // The form goes away: keep keyboard focus in the page, on its heading, rather than losing it.
    document.querySelector<HTMLElement>('main h1')?.focus();
    onSignedIn();
  };

  return (
    <section aria-labelledby="signin-heading" class="card">
      <h2 id="signin-heading">{t('signin.heading')}</h2>
      <p>{t('signin.intro')}</p>
      {step.kind === 'number' ? (
        <form onSubmit={requestCode} noValidate>
          <label for="member-number">{t('signin.number_label')}</label>
          <p class="hint" id="member-number-hint">{t('signin.number_hint')}</p>
          <input
            ref={numberRef}
            id="member-number"
            name="memberNumber"
            autocomplete="username"
            aria-describedby="member-number-hint"
            value={memberNumber}
            onInput={(e) => setMemberNumber(e.currentTarget.value)}
            required
          />
          <button type="submit" disabled={busy}>{t('signin.send_code')}</button>
        </form>
      ) : (
        <form onSubmit={verifyCode} noValidate>
          <p>{t('signin.code_intro', { memberNumber: step.memberNumber })}</p>
          <label for="one-time-code">{t('signin.code_label')}</label>
          <input
            ref={codeRef}
            id="one-time-code"
            name="code"
            inputMode="numeric"
            autocomplete="one-time-code"
            maxLength={16}
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
            required
          />
          <button type="submit" disabled={busy}>{t('signin.verify')}</button>
          <button type="button" class="secondary" onClick={() => {
              setStep({ kind: 'number' });
              setCode('');
              setStatus('');
              setTimeout(() => numberRef.current?.focus(), 0);
            }}>
            {t('signin.start_over')}
          </button>
        </form>
      )}
      <Status message={status} />
      <ErrorAlert message={error} />
    </section>
  );
}
