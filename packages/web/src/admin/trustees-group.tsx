// The trustees part of a draft form (the vote form and the follow-up form): the threshold k and the
// n trustees, each with their staff username. Field paths match the server's draft issues.
import type { DraftForm, FieldIssue } from './draft-definition.ts';
import { Group, TextField } from './form-fields.tsx';
import { useI18n } from '../ui/i18n-context.ts';

export function TrusteesGroup({ f, set, issues }: { readonly f: DraftForm; readonly set: (patch: Partial<DraftForm>) => void; readonly issues: readonly FieldIssue[] }) {
  const { t } = useI18n();
  const common = { issues };
  return (
    <Group legend={t('admin.draft.trustees')}>
      <p class="hint">{t('admin.draft.trustees_hint')}</p>
      <TextField id="d-threshold" label={t('admin.draft.trustee_threshold')} hint={t('admin.draft.trustee_threshold_hint', { n: f.trustees.length })} path="trustees.threshold" value={f.threshold} onValue={(threshold) => set({ threshold })} inputMode="numeric" {...common} />
      {f.trustees.map((tr, i) => (
        <div key={i} class="trustee-row">
          <TextField id={`d-trustee-${i}-name`} label={t('admin.draft.trustee_name', { n: i + 1 })} path={`trustees.members.${i}.name`} value={tr.name} onValue={(name) => set({ trustees: f.trustees.map((x, n) => (n === i ? { ...x, name } : x)) })} {...common} />
          <TextField id={`d-trustee-${i}-account`} label={t('admin.draft.trustee_account', { n: i + 1 })} path={`trustees.members.${i}.account`} value={tr.account} onValue={(account) => set({ trustees: f.trustees.map((x, n) => (n === i ? { ...x, account } : x)) })} {...common} />
        </div>
      ))}
      <div class="actions">
        <button type="button" class="secondary" onClick={() => set({ trustees: [...f.trustees, { name: '', account: '' }] })}>{t('admin.draft.add_trustee')}</button>
        {f.trustees.length > 1 ? <button type="button" class="secondary" onClick={() => set({ trustees: f.trustees.slice(0, -1) })}>{t('admin.draft.remove_trustee')}</button> : null}
      </div>
    </Group>
  );
}
