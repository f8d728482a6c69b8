// The trustee pages' key-file pieces: open a key file (file + passphrase → the secret material, kept
// in this page's memory only), choose a passphrase for a new file, and offer a sealed file as a
// download (a blob: URL revoked when the page leaves). Nothing here writes to any storage.
import { ristretto255 } from '@ratify/crypto';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Status } from '../ui/page.tsx';
import { openKeyFile } from './key-file.ts';
import { type TrusteeMaterial, parseWireTrusteeMaterial } from './trustee-material.ts';

export const MIN_PASSPHRASE = 12;

export type OpenedKey = { readonly material: TrusteeMaterial; readonly passphrase: string };

export function OpenKeyFileForm({ expect, onOpened, level = 3 }: { readonly expect: { readonly draftId: string; readonly trustee: number | null }; readonly onOpened: (k: OpenedKey) => void; readonly level?: 2 | 3 }) {
  const { t } = useI18n();
  const [text, setText] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    if (text === null) {
      setError(t('trustee.key.choose_file'));
      return;
    }
    setBusy(true);
    const opened = await openKeyFile(text, passphrase);
    setBusy(false);
    if (!opened.ok) {
      setError(opened.error === 'not_a_key_file' ? t('trustee.key.not_a_key_file') : t('trustee.key.wrong_passphrase'));
      return;
    }
    const material = parseWireTrusteeMaterial(ristretto255, opened.value);
    if (material === null) {
      setError(t('trustee.key.not_a_key_file'));
      return;
    }
    if (material.draftId !== expect.draftId || (expect.trustee !== null && material.trustee !== expect.trustee)) {
      setError(t('trustee.key.other_vote', { draft: material.draftId, trustee: material.trustee }));
      return;
    }
    onOpened({ material, passphrase });
  };
  return (
    <form onSubmit={(e) => void submit(e)} class="card">
      {level === 2 ? <h2>{t('trustee.key.open_heading')}</h2> : <h3>{t('trustee.key.open_heading')}</h3>}
      <ErrorAlert message={error} />
      <label for="key-file">{t('trustee.key.file')}</label>
      <input id="key-file" type="file" accept=".json,application/json" onChange={(e) => void e.currentTarget.files?.[0]?.text().then(setText)} />
      <label for="key-passphrase">{t('trustee.key.passphrase')}</label>
      <input id="key-passphrase" type="password" autocomplete="current-password" value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />
      <button type="submit" disabled={busy}>{t('trustee.key.open')}</button>
      <Status message={busy ? t('trustee.key.opening') : ''} />
    </form>
  );
}

/** A download link for a sealed key file; `onSaved` once the trustee has clicked it. */
export function KeyFileDownload({ fileText, fileName, onSaved }: { readonly fileText: string; readonly fileName: string; readonly onSaved: () => void }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(new Blob([fileText], { type: 'application/json' }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [fileText]);
  if (url === null) return null;
  return (
    <p>
      <a class="button" href={url} download={fileName} onClick={onSaved}>{t('trustee.key.download', { name: fileName })}</a>
    </p>
  );
}
