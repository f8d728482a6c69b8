// Administrators: upload a union's roll. The file is read in the browser and sent to the preview
// route first (nothing is imported): counts, changes against the current roll, dual members and
// every problem with its line, column and reason. Only a valid preview offers the import, which
// sends the same text (all or nothing).
import { useState } from 'preact/hooks';
import type { ResponseOf } from '../api.ts';
import { StaffGate } from '../staff/staff-gate.tsx';
import { staffCall } from '../staff/staff-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, PageHeading, Status } from '../ui/page.tsx';

type Preview = ResponseOf<'previewRoll'>;

function PreviewReport({ preview }: { readonly preview: Preview }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading" tabIndex={-1}>{preview.valid ? t('admin.roll.preview_ok') : t('admin.roll.preview_bad', { count: preview.issues.length })}</h2>
      <dl>
        <dt>{t('admin.roll.rows')}</dt><dd>{preview.rows}</dd>
        <dt>{t('admin.roll.eligible')}</dt><dd>{preview.eligible}</dd>
        <dt>{t('admin.roll.not_good')}</dt><dd>{preview.notInGoodStanding}</dd>
        <dt>{t('admin.roll.changes')}</dt><dd>{t('admin.roll.changes_value', { added: preview.changes.added, kept: preview.changes.kept, removed: preview.changes.removed })}</dd>
      </dl>
      {preview.issues.length > 0 ? (
        <div class="table-scroll" tabIndex={0}>
          <table class="issues">
            <caption>{t('admin.roll.issues_caption')}</caption>
            <thead><tr><th scope="col">{t('admin.roll.line')}</th><th scope="col">{t('admin.roll.column')}</th><th scope="col">{t('admin.roll.reason')}</th></tr></thead>
            <tbody>
              {preview.issues.map((i, n) => (
                <tr key={n}>
                  <td>{i.line ?? t('admin.roll.whole_file')}</td>
                  <td>{i.column ?? '—'}</td>
                  <td>{i.message}{i.relatedLine !== null ? ` ${t('admin.roll.related', { line: i.relatedLine })}` : ''} <span class="hint mono">({i.code})</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {preview.units.length > 0 ? (
        <table>
          <caption>{t('admin.roll.units_caption')}</caption>
          <thead><tr><th scope="col">{t('admin.roll.unit')}</th><th scope="col">{t('admin.roll.rows')}</th></tr></thead>
          <tbody>{preview.units.map((u) => <tr key={u.unit ?? ''}><td>{u.unit ?? t('admin.roll.no_unit')}</td><td>{u.rows}</td></tr>)}</tbody>
        </table>
      ) : null}
      {preview.dualMembers.length > 0 ? (
        <table>
          <caption>{t('admin.roll.dual_caption')}</caption>
          <thead><tr><th scope="col">{t('admin.roll.member_number')}</th><th scope="col">{t('admin.roll.email')}</th><th scope="col">{t('admin.roll.other_unions')}</th></tr></thead>
          <tbody>
            {preview.dualMembers.map((d) => (
              <tr key={d.memberNumber}><td>{d.memberNumber}</td><td class="wrap">{d.email}</td><td>{d.otherUnions.map((o) => `${o.unionId} (${o.memberNumber})`).join(', ')}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function Roll({ unionId }: { readonly unionId: string }) {
  const { t } = useI18n();
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const title = t('admin.roll.title', { union: unionId });

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

  const importRoll = async () => {
    if (csv === null) return;
    setBusy(true);
    const r = await staffCall('importRoll', { params: { id: unionId }, json: { csv } });
    setBusy(false);
    if (!r.ok) {
      setError(describeFailure(t, r));
      return;
    }
    setPreview(null);
    setStatus(t('admin.roll.imported', { added: r.value.added, kept: r.value.kept, removed: r.value.removed, eligible: r.value.eligible }));
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
      {preview ? <PreviewReport preview={preview} /> : null}
      {preview?.valid ? (
        <button type="button" disabled={busy} onClick={() => void importRoll()}>{t('admin.roll.import', { rows: preview.rows })}</button>
      ) : null}
      <p><a href="/admin/unions">{t('admin.roll.back')}</a></p>
    </>
  );
}

export function RollPage({ unionId }: { readonly unionId: string }) {
  const { t } = useI18n();
  return <StaffGate roles={['administrator']} title={t('admin.roll.title', { union: unionId })}>{() => <Roll unionId={unionId} />}</StaffGate>;
}
