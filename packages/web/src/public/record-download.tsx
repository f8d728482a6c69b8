// The election record as a .zip built in the browser from GET /api/votes/:id/record (every file
// under one folder), plus the exact commands to verify it independently with the CLI.
import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Status } from '../ui/page.tsx';
import { zipFiles } from './zip.ts';

const SAFE_PATH = /^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._/-]{1,200}$/;

/**
 * The commands the page prints (issue 16: `npx ratify` outside Ratify's source resolves to an
 * unrelated npm package): the CLI run by path from a copy of the source, RATIFY standing for it.
 * The e2e runs exactly these lines, with RATIFY replaced by the repository.
 */
export const verifyCommand = (folder: string): string => `unzip ${folder}.zip\nnode RATIFY/packages/cli/bin/ratify.js verify ${folder}`;

export function RecordDownload({ voteId }: { readonly voteId: string }) {
  const { t } = useI18n();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | undefined>();
  const folder = `ratify-record-${voteId}`;

  const download = async () => {
    setError(undefined);
    setStatus(t('record.preparing'));
    const r = await api.record(voteId);
    if (!r.ok) {
      setStatus('');
      return setError(describeFailure(t, r));
    }
    const entries = Object.entries(r.value.files);
    if (entries.some(([name]) => !SAFE_PATH.test(name))) {
      setStatus('');
      return setError(t('record.bad_names'));
    }
    const bytes = zipFiles(new Map(entries.map(([name, text]) => [`${folder}/${name}`, text])));
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/zip' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${folder}.zip`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(t('record.ready', { n: entries.length }));
  };

  return (
    <section aria-labelledby="record-heading" class="card">
      <h2 id="record-heading">{t('record.heading')}</h2>
      <p>{t('record.intro')}</p>
      <button type="button" onClick={() => void download()}>
        {t('record.download')}
      </button>{' '}
      <a href={`/api/votes/${voteId}/record`}>{t('record.json_link')}</a>
      <Status message={status} />
      <ErrorAlert message={error} />
      <h3>{t('record.verify_heading')}</h3>
      <p>{t('record.verify_intro')}</p>
      <pre class="command">
        <code>{verifyCommand(folder)}</code>
      </pre>
      <p class="hint">{t('record.verify_hint')}</p>
    </section>
  );
}
