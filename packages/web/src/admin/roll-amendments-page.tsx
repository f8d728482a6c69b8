// Administrators: amendments of a vote's frozen roll — add a member late, remove one, or challenge
// one, each with a mandatory reason — and the list of amendments so far with who made each and when
// (the same facts are in the audit log). Observers and trustees are refused by the gate (and by the
// API). Until the count, amendments stay possible; after it the roll is locked.
import { useState } from 'preact/hooks';
import { formatInstant } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useApi } from '../public/use-api.ts';
import { StaffGate } from '../staff/staff-gate.tsx';
import { staffCall } from '../staff/staff-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Loading, PageHeading, Status } from '../ui/page.tsx';
import { AMENDMENT_KINDS, type AmendmentField, type AmendmentKind, actorLabel, amendmentRefusal, checkAmendment } from './roll-amendments.ts';

const KIND_LABEL: Readonly<Record<AmendmentKind, MessageKey>> = { added: 'admin.amend.kind_added', removed: 'admin.amend.kind_removed', challenged: 'admin.amend.kind_challenged' };

function Amendments({ voteId }: { readonly voteId: string }) {
  const { t, lang } = useI18n();
  const [reload, setReload] = useState(0);
  const events = useApi(() => staffCall('listRollEvents', { params: { id: voteId } }), [voteId, reload]);
  const [kind, setKind] = useState<AmendmentKind | ''>('');
  const [memberNumber, setMemberNumber] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Partial<Record<AmendmentField, string>>>({});
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const title = t('admin.amend.title', { id: voteId });

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setStatus('');
    const found = checkAmendment({ kind, memberNumber, reason });
    setProblems(Object.fromEntries(Object.entries(found).map(([f, key]) => [f, t(key)])));
    if (Object.keys(found).length > 0 || kind === '') return;
    setBusy(true);
    const r = await staffCall('amendRoll', { params: { id: voteId }, json: { kind, memberNumber: memberNumber.trim(), reason: reason.trim() } });
    setBusy(false);
    if (!r.ok) {
      const refusal = amendmentRefusal(r.code);
      if (refusal?.field) setProblems({ [refusal.field]: t(refusal.message) });
      else setError(refusal ? t(refusal.message) : describeFailure(t, r));
      return;
    }
    setStatus(t('admin.amend.done', { member: r.value.memberNumber, change: t(KIND_LABEL[r.value.kind]) }));
    setKind('');
    setMemberNumber('');
    setReason('');
    setReload((n) => n + 1);
  };
  const aria = (field: AmendmentField, hint?: string) => {
    const ids = [hint ?? '', problems[field] ? `amend-${field}-error` : ''].filter((x) => x !== '');
    return { 'aria-invalid': problems[field] ? ('true' as const) : undefined, 'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined };
  };
  const fieldError = (field: AmendmentField) => (problems[field] ? <p class="field-error" id={`amend-${field}-error`}>{problems[field]}</p> : null);

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {events.kind === 'loading' ? <Loading /> : null}
      {events.kind === 'failed' ? <ErrorAlert message={amendmentRefusal(events.failure.code) ? t(amendmentRefusal(events.failure.code)!.message) : describeFailure(t, events.failure)} /> : null}
      {events.kind === 'ready' ? (
        <>
          <p class="outcome">{t('admin.amend.summary', { frozen: events.value.frozenCount, eligible: events.value.eligible })}</p>
          <section aria-labelledby="amend-form-heading">
            <h2 id="amend-form-heading">{t('admin.amend.form_heading')}</h2>
            <ErrorAlert message={error} />
            <form onSubmit={(e) => void submit(e)} noValidate>
              <fieldset aria-describedby={problems.kind ? 'amend-kind-error' : undefined}>
                <legend>{t('admin.amend.kind')}</legend>
                {fieldError('kind')}
                {AMENDMENT_KINDS.map((k) => (
                  <label key={k} class="choice">
                    <input type="radio" name="amend-kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {t(KIND_LABEL[k])}
                  </label>
                ))}
              </fieldset>
              <label for="amend-member">{t('admin.roll.member_number')}</label>
              {fieldError('memberNumber')}
              <input id="amend-member" type="text" autocapitalize="none" spellcheck={false} value={memberNumber} {...aria('memberNumber')} onInput={(e) => setMemberNumber(e.currentTarget.value)} />
              <label for="amend-reason">{t('admin.roll.reason')}</label>
              <p class="hint" id="amend-reason-hint">{t('admin.amend.reason_hint')}</p>
              {fieldError('reason')}
              <textarea id="amend-reason" rows={3} value={reason} {...aria('reason', 'amend-reason-hint')} onInput={(e) => setReason(e.currentTarget.value)} />
              <button type="submit" disabled={busy}>{t('admin.amend.submit')}</button>
            </form>
            <Status message={status} />
          </section>
          <section aria-labelledby="amend-list-heading">
            <h2 id="amend-list-heading">{t('admin.amend.list_heading')}</h2>
            {events.value.events.length === 0 ? <p>{t('admin.amend.none')}</p> : (
              <div class="table-scroll" tabIndex={0}>
                <table class="amendments">
                  <caption>{t('admin.amend.caption', { count: events.value.events.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">#</th><th scope="col">{t('admin.amend.when')}</th><th scope="col">{t('admin.amend.who')}</th>
                      <th scope="col">{t('admin.amend.change')}</th><th scope="col">{t('admin.roll.member_number')}</th><th scope="col">{t('admin.roll.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {events.value.events.map((e) => {
                      const who = actorLabel(e.by);
                      return (
                        <tr key={e.seq}>
                          <td>{e.seq}</td>
                          <td>{formatInstant(e.at, lang)}</td>
                          <td>{'name' in who ? who.name : t(who.key)}</td>
                          <td>{t(KIND_LABEL[e.kind])}</td>
                          <td>{e.memberNumber}</td>
                          <td>{e.reason}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      ) : null}
      <p class="page-links">
        <a href={`/admin/votes/${voteId}`}>{t('admin.amend.back')}</a>
      </p>
    </>
  );
}

export function RollAmendmentsPage({ voteId }: { readonly voteId: string }) {
  const { t } = useI18n();
  return <StaffGate roles={['administrator']} title={t('admin.amend.title', { id: voteId })}>{() => <Amendments voteId={voteId} />}</StaffGate>;
}
