// Trustees, after the close: open my key file (file + passphrase), fetch the encrypted tally, make my
// partial decryption with its proof here in the browser, and submit it. At k valid ones the server
// publishes the result; the page then links to it. The key share stays in this page's memory.
import { ristretto255 } from '@ratify/crypto';
import { useState } from 'preact/hooks';
import type { ResponseOf } from '../api.ts';
import { useApi } from '../public/use-api.ts';
import { StaffGate } from '../staff/staff-gate.tsx';
import { staffCall } from '../staff/staff-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Loading, PageHeading, Status } from '../ui/page.tsx';
import { OpenKeyFileForm, type OpenedKey } from './key-file-ui.tsx';
import { makePartialDecryptionText } from './trustee-material.ts';

const paint = () => new Promise((r) => setTimeout(r, 30));

function Decrypt({ voteId }: { readonly voteId: string }) {
  const { t } = useI18n();
  const [reload, setReload] = useState(0);
  const tally = useApi(() => staffCall('trusteeTally', { params: { id: voteId } }), [voteId, reload]);
  const [key, setKey] = useState<OpenedKey | null>(null);
  const [receipt, setReceipt] = useState<ResponseOf<'trusteePartialDecryption'> | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const title = t('trustee.decrypt.title', { id: voteId });

  const decrypt = async () => {
    if (key === null || tally.kind !== 'ready') return;
    setBusy(true);
    setError(undefined);
    setStatus(t('trustee.decrypt.working'));
    await paint();
    const made = makePartialDecryptionText(ristretto255, key.material, tally.value.tally, tally.value.fingerprint);
    if (!made.ok) {
      setBusy(false);
      setStatus('');
      setError(made.error.code === 'no_key_share' ? t('trustee.decrypt.no_key_share') : `${made.error.code}: ${made.error.detail}`);
      return;
    }
    const r = await staffCall('trusteePartialDecryption', { params: { id: voteId }, text: made.value });
    setBusy(false);
    if (!r.ok) {
      setStatus('');
      setError(`${describeFailure(t, r)} ${r.message}`);
      return;
    }
    setReceipt(r.value);
    setStatus(r.value.published ? t('trustee.decrypt.published') : t('trustee.decrypt.accepted', { received: r.value.received, threshold: r.value.threshold }));
  };

  const ready = tally.kind === 'ready' ? tally.value : null;
  const alreadySent = ready !== null && ready.received.includes(ready.you);
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {tally.kind === 'loading' ? <Loading /> : null}
      {tally.kind === 'failed' ? (
        <>
          <p>{tally.failure.code === 'vote_not_closed' ? t('trustee.decrypt.not_closed') : describeFailure(t, tally.failure)}</p>
          <button type="button" class="secondary" onClick={() => setReload((n) => n + 1)}>{t('trustee.decrypt.check_again')}</button>
        </>
      ) : null}
      {ready ? (
        <>
          <p>{t('trustee.decrypt.progress', { received: ready.received.length, threshold: ready.threshold })}</p>
          {alreadySent && receipt === null ? <p class="notice">{t('trustee.decrypt.already')}</p> : null}
          {!alreadySent && key === null ? <OpenKeyFileForm level={2} expect={{ draftId: voteId, trustee: ready.you }} onOpened={(k) => { setKey(k); setStatus(t('trustee.key.opened')); }} /> : null}
          {key !== null && receipt === null ? <button type="button" disabled={busy} onClick={() => void decrypt()}>{t('trustee.decrypt.submit')}</button> : null}
        </>
      ) : null}
      <ErrorAlert message={error} />
      <Status message={status} />
      {receipt?.published || ready?.status === 'published' ? <p><a class="button" href={`/votes/${voteId}/result`}>{t('trustee.decrypt.see_result')}</a></p> : null}
    </>
  );
}

export function DecryptPage({ voteId }: { readonly voteId: string }) {
  const { t } = useI18n();
  return <StaffGate roles={['trustee']} title={t('trustee.decrypt.title', { id: voteId })}>{() => <Decrypt voteId={voteId} />}</StaffGate>;
}
