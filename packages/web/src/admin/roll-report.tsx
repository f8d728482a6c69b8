// The roll preview's report: counts, the changes against the current roll (a warning when members
// are removed or lose good standing), every problem by line and column in words, units, members
// also on other unions' rolls, and member numbers sharing one email address.
import type { ResponseOf } from '../api.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { removalCount, rollIssueWords } from './roll-words.ts';

type Preview = ResponseOf<'previewRoll'>;

function Issues({ preview }: { readonly preview: Preview }) {
  const { t } = useI18n();
  return (
    <div class="table-scroll" tabIndex={0}>
      <table class="issues">
        <caption>{t('admin.roll.issues_caption')}</caption>
        <thead><tr><th scope="col">{t('admin.roll.line')}</th><th scope="col">{t('admin.roll.column')}</th><th scope="col">{t('admin.roll.reason')}</th></tr></thead>
        <tbody>
          {preview.issues.map((i, n) => (
            <tr key={n} data-code={i.code}><td>{i.line ?? t('admin.roll.whole_file')}</td><td>{i.column ?? '—'}</td><td>{rollIssueWords(t, i)}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PreviewReport({ preview, unionNames }: { readonly preview: Preview; readonly unionNames: ReadonlyMap<string, string> }) {
  const { t } = useI18n();
  const { changes } = preview;
  const removing = removalCount(changes);
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading" tabIndex={-1}>{preview.valid ? t('admin.roll.preview_ok') : t('admin.roll.preview_bad', { count: preview.issues.length })}</h2>
      {preview.valid && removing > 0 ? (
        <p class="warning" id="removal-warning" data-removing={removing}>
          {t('admin.roll.removal_warning', { removed: changes.removed, disqualified: changes.disqualified })}
        </p>
      ) : null}
      <dl>
        <dt>{t('admin.roll.rows')}</dt><dd>{preview.rows}</dd>
        <dt>{t('admin.roll.eligible')}</dt><dd>{preview.eligible}</dd>
        <dt>{t('admin.roll.not_good')}</dt><dd>{preview.notInGoodStanding}</dd>
        <dt>{t('admin.roll.changes')}</dt><dd>{t('admin.roll.changes_value', { added: changes.added, kept: changes.kept, removed: changes.removed, disqualified: changes.disqualified })}</dd>
      </dl>
      {preview.issues.length > 0 ? <Issues preview={preview} /> : null}
      {preview.sharedEmails.length > 0 ? (
        <div class="table-scroll" tabIndex={0}>
          <table data-shared-emails>
            <caption>{t('admin.roll.shared_caption')}</caption>
            <thead><tr><th scope="col">{t('admin.roll.email')}</th><th scope="col">{t('admin.roll.member_numbers')}</th></tr></thead>
            <tbody>{preview.sharedEmails.map((s) => <tr key={s.email}><td class="wrap">{s.email}</td><td>{s.memberNumbers.join(', ')}</td></tr>)}</tbody>
          </table>
        </div>
      ) : null}
      {preview.units.length > 0 ? (
        <table>
          <caption>{t('admin.roll.units_caption')}</caption>
          <thead><tr><th scope="col">{t('admin.roll.unit')}</th><th scope="col" class="num">{t('admin.roll.rows')}</th></tr></thead>
          <tbody>{preview.units.map((u) => <tr key={u.unit ?? ''}><td>{u.unit ?? t('admin.roll.no_unit')}</td><td class="num">{u.rows}</td></tr>)}</tbody>
        </table>
      ) : null}
      {preview.dualMembers.length > 0 ? (
        <div class="table-scroll" tabIndex={0}>
          <table>
            <caption>{t('admin.roll.dual_caption')}</caption>
            <thead><tr><th scope="col">{t('admin.roll.member_number')}</th><th scope="col">{t('admin.roll.email')}</th><th scope="col">{t('admin.roll.other_unions')}</th></tr></thead>
            <tbody>
              {preview.dualMembers.map((d) => (
                <tr key={d.memberNumber}><td>{d.memberNumber}</td><td class="wrap">{d.email}</td><td>{d.otherUnions.map((o) => t('admin.roll.other_union', { union: unionNames.get(o.unionId) ?? o.unionId, memberNumber: o.memberNumber })).join('; ')}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
