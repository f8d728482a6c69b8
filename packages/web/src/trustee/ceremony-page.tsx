// Trustees: the key ceremony for one draft, with this browser as the trustee's device. Key material
// is made here (main thread, a few milliseconds of ristretto255 work; the page says so while it
// runs) and leaves only as a passphrase-sealed file the trustee downloads before anything is
// published. Steps: publish commitments → (when all have) prepare my encrypted shares, save the key
// file (it keeps their openings), publish them → (when all have) decrypt and check my shares: a share
// that fails becomes a published complaint, else derive my key share, publish the key confirmation,
// and download the updated key file. A trustee accused by a complaint answers by revealing the
// disputed share from their key file. Who has done what is polled. Secrets live in this page's
// memory only.
import { fromHex, ristretto255 } from '@ratify/crypto';
import { useEffect, useState } from 'preact/hooks';
import type { ApiFailure, ResponseOf } from '../api.ts';
import { CeremonyTable } from '../admin/ceremony-table.tsx';
import { StaffGate } from '../staff/staff-gate.tsx';
import { staffCall } from '../staff/staff-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Loading, PageHeading, Status } from '../ui/page.tsx';
import { sealKeyFile } from './key-file.ts';
import { KeyFileDownload, MIN_PASSPHRASE, OpenKeyFileForm, type OpenedKey } from './key-file-ui.tsx';
import { unansweredAgainst, unansweredBy } from './complaints.ts';
import { complaintsToFile, deriveAndConfirm, generateTrusteeMaterial, makeRevealTexts, makeShares, toWireTrusteeMaterial, type TrusteeMaterial } from './trustee-material.ts';

const group = ristretto255;
type Ceremony = ResponseOf<'trusteeCeremony'>;
type SealedFile = { readonly text: string; readonly name: string; readonly saved: boolean };

/** Lets the browser paint the progress message before synchronous crypto work. */
const paint = () => new Promise((r) => setTimeout(r, 30));

export function useCeremony(draftId: string): { ceremony: Ceremony | null; failure: ApiFailure | null; refresh: () => Promise<void> } {
  const [ceremony, setCeremony] = useState<Ceremony | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const refresh = async () => {
    const r = await staffCall('trusteeCeremony', { params: { id: draftId } });
    if (r.ok) {
      setCeremony(r.value);
      setFailure(null);
    } else setFailure(r);
  };
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const loop = async () => {
      await refresh();
      if (live) timer = setTimeout(() => void loop(), document.hidden ? 6000 : 2000);
    };
    void loop();
    return () => {
      live = false;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [draftId]);
  return { ceremony, failure, refresh };
}

async function seal(material: TrusteeMaterial, passphrase: string): Promise<SealedFile> {
  const stage = material.key ? 'final' : material.shares ? 'shares' : 'initial';
  const label = `Ratify trustee key: ${material.draftId}, trustee ${material.trustee}${material.key ? ' (with key share)' : material.shares ? ' (with shares)' : ''}`;
  const text = await sealKeyFile(toWireTrusteeMaterial(group, material), passphrase, label);
  return { text, name: `ratify-key-${material.draftId}-trustee-${material.trustee}${stage === 'initial' ? '' : `-${stage}`}.json`, saved: false };
}

function GenerateForm({ onGenerate, busy }: { readonly onGenerate: (passphrase: string) => void; readonly busy: boolean }) {
  const { t } = useI18n();
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: Event) => {
    event.preventDefault();
    if (a.length < MIN_PASSPHRASE) setError(t('trustee.key.passphrase_short', { n: MIN_PASSPHRASE }));
    else if (a !== b) setError(t('trustee.key.passphrase_mismatch'));
    else {
      setError(undefined);
      onGenerate(a);
    }
  };
  return (
    <form class="card" onSubmit={submit} noValidate>
      <h3>{t('trustee.key.generate_heading')}</h3>
      <p>{t('trustee.key.generate_intro')}</p>
      {error ? <p class="field-error" id="new-passphrase-error">{error}</p> : null}
      <label for="new-passphrase">{t('trustee.key.new_passphrase')}</label>
      <p class="hint" id="new-passphrase-hint">{t('trustee.key.passphrase_hint', { n: MIN_PASSPHRASE })}</p>
      <input id="new-passphrase" type="password" autocomplete="new-password" value={a} aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'new-passphrase-hint new-passphrase-error' : 'new-passphrase-hint'} onInput={(e) => setA(e.currentTarget.value)} />
      <label for="new-passphrase-2">{t('trustee.key.repeat_passphrase')}</label>
      <input id="new-passphrase-2" type="password" autocomplete="new-password" value={b} onInput={(e) => setB(e.currentTarget.value)} />
      <button type="submit" disabled={busy}>{t('trustee.key.generate')}</button>
    </form>
  );
}

function CeremonySteps({ draftId }: { readonly draftId: string }) {
  const { t } = useI18n();
  const { ceremony, failure, refresh } = useCeremony(draftId);
  const [key, setKey] = useState<OpenedKey | null>(null);
  const [file, setFile] = useState<SealedFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | undefined>();
  const title = t('trustee.ceremony.title', { id: draftId });

  if (ceremony === null) return <><PageHeading title={title}>{title}</PageHeading>{failure ? <ErrorAlert message={describeFailure(t, failure)} /> : <Loading />}</>;
  const you = ceremony.you ?? 0;
  const me = ceremony.trustees.find((x) => x.index === you);
  const all = (step: 'commitments' | 'shares' | 'confirmation') => ceremony.trustees.every((x) => x[step]);
  const mustSave = file !== null && !file.saved;

  const work = async (progress: string, job: () => Promise<string | null>) => {
    setBusy(true);
    setError(undefined);
    setStatus(progress);
    await paint();
    try {
      const failed = await job();
      if (failed !== null) {
        setError(failed);
        setStatus('');
      }
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  const generate = (passphrase: string) =>
    void work(t('trustee.ceremony.generating'), async () => {
      const params = { context: fromHex(ceremony.context)!, threshold: ceremony.threshold, trusteeCount: ceremony.trusteeCount };
      const material = generateTrusteeMaterial(group, draftId, params, you);
      setStatus(t('trustee.ceremony.sealing'));
      await paint();
      setFile(await seal(material, passphrase));
      setKey({ material, passphrase });
      setStatus(t('trustee.ceremony.generated'));
      return null;
    });

  const post = async (text: string, done: string): Promise<string | null> => {
    const r = await staffCall('trusteePostCeremonyMessage', { params: { id: draftId }, text });
    if (!r.ok) return `${describeFailure(t, r)} ${r.message}`;
    setStatus(done);
    return null;
  };
  const messages = async (): Promise<string[] | string> => {
    const r = await staffCall('trusteeCeremonyMessages', { params: { id: draftId } });
    return r.ok ? r.value.messages.map((m) => m.message) : describeFailure(t, r);
  };

  const publishCommitments = () => key && void work(t('trustee.ceremony.publishing'), () => post(key.material.commitmentsText, t('trustee.ceremony.commitments_done')));
  const prepareShares = () =>
    key && void work(t('trustee.ceremony.making_shares'), async () => {
      const texts = await messages();
      if (typeof texts === 'string') return texts;
      const made = makeShares(group, key.material, texts);
      if (!made.ok) return `${made.error.code}: ${made.error.detail}`;
      setStatus(t('trustee.ceremony.sealing'));
      await paint();
      setFile(await seal(made.value, key.passphrase));
      setKey({ material: made.value, passphrase: key.passphrase });
      setStatus(t('trustee.ceremony.shares_ready'));
      return null;
    });
  const publishShares = () => key?.material.shares && void work(t('trustee.ceremony.publishing'), () => post(key.material.shares!.text, t('trustee.ceremony.shares_done')));
  const reveal = (accusers: readonly number[]) =>
    key && void work(t('trustee.complaints.revealing'), async () => {
      const reveals = makeRevealTexts(group, key.material, accusers);
      if (!reveals.ok) return reveals.error.code === 'no_openings' ? t('trustee.complaints.no_openings') : `${reveals.error.code}: ${reveals.error.detail}`;
      for (const text of reveals.value) {
        const failed = await post(text, '');
        if (failed !== null) return failed;
      }
      setStatus(t('trustee.complaints.revealed', { count: reveals.value.length }));
      return null;
    });
  const confirm = () =>
    key && void work(t('trustee.ceremony.deriving'), async () => {
      const texts = await messages();
      if (typeof texts === 'string') return texts;
      const complaints = complaintsToFile(group, key.material, texts);
      if (!complaints.ok) return `${complaints.error.code}: ${complaints.error.detail}`;
      if (complaints.value.length > 0) {
        for (const text of complaints.value) {
          const failed = await post(text, '');
          if (failed !== null) return failed;
        }
        const accused = complaints.value.map((c) => (JSON.parse(c) as { accused: number }).accused);
        setStatus(t('trustee.ceremony.complaints_filed', { trustees: accused.join(', ') }));
        return null;
      }
      const derived = deriveAndConfirm(group, key.material, texts);
      if (!derived.ok) return t('trustee.ceremony.derive_failed', { detail: `${derived.error.code}: ${derived.error.detail}` });
      setStatus(t('trustee.ceremony.sealing'));
      await paint();
      setFile(await seal(derived.value.material, key.passphrase));
      setKey({ material: derived.value.material, passphrase: key.passphrase });
      return post(derived.value.confirmationText, t('trustee.ceremony.confirmation_done'));
    });

  const against = me === undefined || ceremony.voteCreated ? [] : unansweredAgainst(ceremony, you);
  const mine = me === undefined ? [] : unansweredBy(ceremony, you);
  let next;
  if (me === undefined) next = <p>{t('trustee.ceremony.not_yours')}</p>;
  else if (ceremony.voteCreated || me.confirmation) next = <p class="notice" data-step="done">{t('trustee.ceremony.all_done')}</p>;
  else if (key === null) next = null;
  else if (!me.commitments) next = <button type="button" disabled={busy || mustSave} onClick={publishCommitments}>{t('trustee.ceremony.publish_commitments')}</button>;
  else if (!me.shares) {
    next = !all('commitments') ? <p data-step="waiting">{t('trustee.ceremony.wait_commitments')}</p>
      : key.material.shares === null ? <button type="button" disabled={busy || mustSave} onClick={prepareShares}>{t('trustee.ceremony.prepare_shares')}</button>
        : <button type="button" disabled={busy || mustSave} onClick={publishShares}>{t('trustee.ceremony.publish_shares')}</button>;
  } else if (!all('shares')) next = <p data-step="waiting">{t('trustee.ceremony.wait_shares')}</p>;
  else if (against.length > 0) next = null;
  else if (mine.length > 0) next = <p data-step="waiting">{t('trustee.ceremony.wait_answer', { names: mine.map((r) => r.accusedName).join(', ') })}</p>;
  else if (ceremony.status === 'awaiting_reveals') next = <p data-step="waiting">{t('trustee.ceremony.wait_reveals')}</p>;
  else next = <button type="button" disabled={busy || mustSave} onClick={confirm}>{t('trustee.ceremony.derive')}</button>;

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <CeremonyTable ceremony={ceremony} />
      <section aria-labelledby="key-heading">
        <h2 id="key-heading">{t('trustee.ceremony.your_part')}</h2>
        <ErrorAlert message={error} />
        {against.length > 0 ? (
          <div class="card" role="group" aria-labelledby="complaints-heading">
            <h3 id="complaints-heading">{t('trustee.complaints.heading')}</h3>
            <p>{t('trustee.complaints.intro')}</p>
            <ul>{against.map((r) => <li key={r.accuser}>{t('trustee.complaints.item', { name: r.accuserName, accuser: r.accuser })}</li>)}</ul>
            {key === null ? <p>{t('trustee.complaints.open_key')}</p> : (
              <button type="button" disabled={busy || mustSave} onClick={() => reveal(against.map((r) => r.accuser))}>{t('trustee.complaints.reveal')}</button>
            )}
          </div>
        ) : null}
        {key === null && me !== undefined && !me.confirmation && !ceremony.voteCreated ? (
          <>
            {!me.commitments ? <GenerateForm onGenerate={generate} busy={busy} /> : null}
            <OpenKeyFileForm expect={{ draftId, trustee: you }} onOpened={(k) => { setKey(k); setStatus(t('trustee.key.opened')); }} />
          </>
        ) : null}
        {file && mustSave ? <p class="notice">{t('trustee.ceremony.save_first')}</p> : null}
        {file ? <KeyFileDownload fileText={file.text} fileName={file.name} onSaved={() => setFile({ ...file, saved: true })} /> : null}
        {next}
        <Status message={status} />
      </section>
    </>
  );
}

export function CeremonyPage({ draftId }: { readonly draftId: string }) {
  const { t } = useI18n();
  return <StaffGate roles={['trustee']} title={t('trustee.ceremony.title', { id: draftId })}>{() => <CeremonySteps draftId={draftId} />}</StaffGate>;
}
