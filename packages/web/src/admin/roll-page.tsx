// Administrators: upload a union's roll. The file is read in the browser and sent to the preview
// route first (nothing is imported): counts, changes against the current roll, dual members,
// shared email addresses and every problem with its line, column and reason (roll-report.tsx).
// Only a valid preview offers the import, which sends the same text (all or nothing); an import
// that removes members or takes their good standing is a warning and needs their number typed.
import { useState } from 'preact/hooks';
import type { ResponseOf } from '../api.ts';
import { useApi } from '../public/use-api.ts';
import { StaffGate } from '../staff/staff-gate.tsx';
import { staffCall } from '../staff/staff-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, PageHeading, Status } from '../ui/page.tsx';
import { PreviewReport } from './roll-report.tsx';
import { removalCount } from './roll-words.ts';

type Preview = ResponseOf<'previewRoll'>;

function ImportButton({ preview, busy, onImport }: { readonly preview: Preview; readonly busy: boolean; readonly onImport: (confirmRemovals: number | undefined) => void }) {
  const { t } = useI18n();
  const removing = removalCount(preview.changes);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  if (removing === 0) return <button type="button" disabled={busy} onClick={() => onImport(undefined)}>{t('admin.roll.import', { rows: preview.rows })}</button>;
  const submit = (event: Event) => {
    event.preventDefault();
    if (typed.trim() !== String(removing)) return setProblem(t('admin.roll.confirm_mismatch', { count: removing }));
    setProblem(undefined);
    onImport(removing);
  };
  return (
    <form class="card" onSubmit={submit} noValidate>
      <label for="confirm-removals">{t('admin.roll.confirm_label', { count: removing })}</label>
      <p class="hint" id="confirm-removals-hint">{t('admin.roll.confirm_hint')}</p>
      {problem ? <p class="field-error" id="confirm-removals-error">{problem}</p> : null}
      <input id="confirm-removals" inputMode="numeric" autoComplete="off" value={typed} onInput={(e) => setTyped(e.currentTarget.value)}
        aria-invalid={problem ? 'true' : undefined} aria-describedby={`confirm-removals-hint${problem ? ' confirm-removals-error' : ''} removal-warning`} />
      <button type="submit" class="danger" disabled={busy}>{t('admin.roll.import_removing', { rows: preview.rows, count: removing })}</button>
    </form>
  );
}

function Roll({ unionId }: { readonly unionId: string }) {
  const { t } = useI18n();
  const unions = useApi(() => staffCall('listUnions'), []);
  const unionNames = new Map(unions.kind === 'ready' ? unions.value.unions.map((u) => [u.id, u.name] as const) : []);
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const title = t('admin.roll.title', { union: unionNames.get(unionId) ?? unionId });

  const choose = async (input: HTMLInputElement) => {
    setPreview(null);
    setStatus('');
    const file = input.files?.[0];
    setCsv(file ? await file.text() : null);
  };

  const check = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    if (csv === null || csv === '') {
      setError(t('admin.roll.choose_first'));
      return;
    }
    setBusy(true);
    setStatus(t('admin.roll.checking'));
    const r = await staffCall('previewRoll', { params: { id: unionId }, json: { csv } });
    setBusy(false);
    if (!r.ok) {
      setStatus('');
      setError(describeFailure(t, r));
      return;
    }
    setPreview(r.value);
    setStatus(r.value.valid ? t('admin.roll.preview_ok') : t('admin.roll.preview_bad', { count: r.value.issues.length }));
    requestAnimationFrame(() => document.getElementById('preview-heading')?.focus());
  };

  const importRoll = async (confirmRemovals: number | undefined) => {
    if (csv === null) return;
    setBusy(true);
    setError(undefined);
    const r = await staffCall('importRoll', { params: { id: unionId }, json: { csv, ...(confirmRemovals === undefined ? {} : { confirmRemovals }) } });
    setBusy(false);
    if (!r.ok) {
      setError(describeFailure(t, r));
      return;
    }
    setPreview(null);
    setStatus(t('admin.roll.imported', { added: r.value.added, kept: r.value.kept, removed: r.value.removed, disqualified: r.value.disqualified, eligible: r.value.eligible }));
  };

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p>{t('admin.roll.intro')}</p>
      <ErrorAlert message={error} />
      <form onSubmit={(e) => void check(e)}>
        <label for="roll-file">{t('admin.roll.file')}</label>
        <p class="hint" id="roll-file-hint">{t('admin.roll.file_hint')}</p>
        <input id="roll-file" type="file" accept=".csv,text/csv" aria-describedby="roll-file-hint" onChange={(e) => void choose(e.currentTarget)} />
        <button type="submit" disabled={busy}>{t('admin.roll.check')}</button>
      </form>
      <Status message={status} />
      {preview ? <PreviewReport preview={preview} unionNames={unionNames} /> : null}
      {preview?.valid ? <ImportButton key={JSON.stringify(preview.changes)} preview={preview} busy={busy} onImport={(n) => void importRoll(n)} /> : null}
      <p><a href="/admin/unions">{t('admin.roll.back')}</a></p>
    </>
  );
}

export function RollPage({ unionId }: { readonly unionId: string }) {
  const { t } = useI18n();
  return <StaffGate roles={['administrator']} title={t('admin.roll.title', { union: unionId })}>{() => <Roll unionId={unionId} />}</StaffGate>;
}
