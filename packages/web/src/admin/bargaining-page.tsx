// The bargaining tracker for staff (docs/bargaining.md): contracts with their status, the timeline
// of sessions and status changes with the days of formal negotiations COUNTED from the sessions,
// offers with their structured terms, digest and comparison, documents, and — for administrators —
// forms to add contracts, sessions, offers and documents, change the status along an allowed
// transition, move the final-offer mark, and remove sessions, offers and documents (removal lives in
// bargaining-removal.tsx). Observers read only (the server checks again).
import { CONTRACT_TRANSITIONS, type ContractStatus } from '@ratify/protocol/bargaining';
import { useState } from 'preact/hooks';
import { ComparisonTable, formatValue } from '../booth/offer-comparison.tsx';
import { formatDay, type MessageKey } from '../i18n/i18n.ts';
import { useApi } from '../public/use-api.ts';
import type { ResponseOf } from '../api.ts';
import { StaffGate } from '../staff/staff-gate.tsx';
import { staffCall } from '../staff/staff-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { Markdown } from '../ui/markdown.tsx';
import { ErrorAlert, Loading, PageHeading, Status } from '../ui/page.tsx';
import { DocumentRemoveControl, OfferRemoveControl } from './bargaining-removal.tsx';
import { DocumentForm, OfferForm } from './offer-form.tsx';
import { Timeline } from './bargaining-timeline.tsx';

type Detail = ResponseOf<'getContract'>;
type OfferEntry = Detail['offers'][number];
type Translate = ReturnType<typeof useI18n>['t'];

export const statusLabel = (t: Translate, s: string) => t(`bargaining.status.${s}` as MessageKey);
const kindLabel = (t: Translate, k: string) => t(`bargaining.kind.${k}` as MessageKey);
const STATUSES = Object.keys(CONTRACT_TRANSITIONS) as ContractStatus[];

function Contracts({ admin }: { readonly admin: boolean }) {
  const { t, lang } = useI18n();
  const [reload, setReload] = useState(0);
  const list = useApi(() => staffCall('listContracts'), [reload]);
  const [f, setF] = useState({ id: '', title: '', parties: '', coveredUnit: '', effectiveDate: '', expiryDate: '', status: 'in_force' as ContractStatus });
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  const title = t('bargaining.title');
  const create = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    const parties = f.parties.split('\n').map((p) => p.trim()).filter((p) => p !== '');
    const r = await staffCall('createContract', { json: { ...f, id: f.id.trim(), title: f.title.trim(), coveredUnit: f.coveredUnit.trim(), parties } });
    if (!r.ok) return setError(`${describeFailure(t, r)} ${r.message}`);
    setStatus(t('bargaining.marked'));
    setReload((n) => n + 1);
  };
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {list.kind === 'loading' ? <Loading /> : null}
      {list.kind === 'failed' ? <ErrorAlert message={describeFailure(t, list.failure)} /> : null}
      {list.kind === 'ready' && list.value.contracts.length === 0 ? <p>{t('bargaining.no_contracts')}</p> : null}
      {list.kind === 'ready' && list.value.contracts.length > 0 ? (
        <div class="table-scroll" tabIndex={0}>
          <table>
            <caption>{t('bargaining.contracts')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('bargaining.contracts')}</th>
                <th scope="col">{t('bargaining.status')}</th>
                <th scope="col">{t('bargaining.expires')}</th>
                <th scope="col">{t('bargaining.formal_days_col')}</th>
                <th scope="col">{t('offer.final')}</th>
              </tr>
            </thead>
            <tbody>
              {list.value.contracts.map((c) => (
                <tr key={c.id}>
                  <th scope="row"><a href={`/admin/contracts/${c.id}`}>{c.title}</a></th>
                  <td>{statusLabel(t, c.status)}</td>
                  <td>{formatDay(c.expiryDate, lang)}</td>
                  <td>{c.formalNegotiationDays}</td>
                  <td>{c.finalOfferId ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {admin ? (
        <>
          <h2>{t('bargaining.add_contract')}</h2>
          <ErrorAlert message={error} />
          <form onSubmit={(e) => void create(e)}>
            <label for="c-title">{t('bargaining.field.title')}</label>
            <input id="c-title" required value={f.title} onInput={(e) => setF({ ...f, title: e.currentTarget.value })} />
            <label for="c-id">{t('bargaining.field.id')}</label>
            <input id="c-id" required autocapitalize="none" spellcheck={false} value={f.id} onInput={(e) => setF({ ...f, id: e.currentTarget.value })} />
            <label for="c-parties">{t('bargaining.field.parties')}</label>
            <textarea id="c-parties" required value={f.parties} onInput={(e) => setF({ ...f, parties: e.currentTarget.value })} />
            <label for="c-unit">{t('bargaining.covered_unit')}</label>
            <input id="c-unit" required value={f.coveredUnit} onInput={(e) => setF({ ...f, coveredUnit: e.currentTarget.value })} />
            <label for="c-effective">{t('bargaining.effective')}</label>
            <input id="c-effective" type="date" required value={f.effectiveDate} onInput={(e) => setF({ ...f, effectiveDate: e.currentTarget.value })} />
            <label for="c-expiry">{t('bargaining.expires')}</label>
            <input id="c-expiry" type="date" required value={f.expiryDate} onInput={(e) => setF({ ...f, expiryDate: e.currentTarget.value })} />
            <label for="c-status">{t('bargaining.status')}</label>
            <select id="c-status" value={f.status} onChange={(e) => setF({ ...f, status: e.currentTarget.value as ContractStatus })}>
              {STATUSES.map((s) => <option key={s} value={s}>{statusLabel(t, s)}</option>)}
            </select>
            <button type="submit">{t('bargaining.add_contract')}</button>
          </form>
          <Status message={status} />
        </>
      ) : null}
    </>
  );
}

function OfferCard({ entry, all, documents, admin, onChange, onRemoved }: {
  readonly entry: OfferEntry; readonly all: readonly OfferEntry[]; readonly documents: Detail['documents']; readonly admin: boolean;
  readonly onChange: () => void; readonly onRemoved: (title: string) => void;
}) {
  const { t, lang } = useI18n();
  const o = entry.offer;
  const others = o.comparedWith ?? [];
  const comparison = useApi(
    () => (others.length > 0 ? staffCall('compareOffers', { query: { baseline: o.id, offers: others.join(',') } }) : Promise.resolve({ ok: true as const, value: null })),
    [entry.digest],
  );
  const [error, setError] = useState<string>();
  const mark = async (finalOffer: boolean) => {
    const r = await staffCall('markFinalOffer', { params: { id: o.id }, json: { finalOffer } });
    if (!r.ok) return setError(describeFailure(t, r));
    onChange();
  };
  const titleOf = (id: string) => all.find((x) => x.offer.id === id)?.offer.title ?? id;
  return (
    <article class="card" aria-labelledby={`offer-${o.id}`}>
      <h3 id={`offer-${o.id}`}>
        {o.title} {o.finalOffer ? <strong class="badge">{t('offer.final')}</strong> : null}
      </h3>
      <p>{kindLabel(t, o.kind)} · {t('offer.made_by', { party: o.madeBy, date: formatDay(o.madeOn, lang) })}</p>
      {o.summary ? <p>{o.summary}</p> : null}
      <p class="hint mono offer-digest">{t('bargaining.digest', { digest: entry.digest })}</p>
      <div class="table-scroll" tabIndex={0}>
        <table>
          <caption>{t('offer.terms_heading')}</caption>
          <thead>
            <tr><th scope="col">{t('compare.term')}</th><th scope="col">{t('bargaining.value')}</th><th scope="col">{t('bargaining.direction')}</th></tr>
          </thead>
          <tbody>
            {o.terms.map((term) => (
              <tr key={term.key}>
                <th scope="row">{term.label}</th>
                <td>{formatValue(term.value, t)}</td>
                <td>{t(`bargaining.direction.${term.direction}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {others.length > 0 ? <p>{t('bargaining.compare_with', { list: others.map(titleOf).join(', ') })}</p> : null}
      {comparison.kind === 'ready' && comparison.value !== null ? (
        <ComparisonTable data={{ offer: comparison.value.baseline.offer, comparedWith: comparison.value.offers.map((x) => x.offer), comparison: comparison.value.comparison }} />
      ) : null}
      {admin ? (
        <details>
          <summary>{t('bargaining.edit_offer', { title: o.title })}</summary>
          <OfferForm key={entry.digest} contractId={o.contractId} offers={all.map((x) => x.offer)} editing={o} onSaved={onChange} />
        </details>
      ) : null}
      {admin && o.kind === 'offer' ? (
        <button type="button" class="secondary" onClick={() => void mark(!o.finalOffer)}>
          {o.finalOffer ? t('bargaining.unmark_final') : t('bargaining.mark_final')}
        </button>
      ) : null}
      <ErrorAlert message={error} />
      {admin ? <OfferRemoveControl entry={entry} documents={documents} titleOf={titleOf} onRemoved={onRemoved} /> : null}
    </article>
  );
}

function Contract({ id, admin }: { readonly id: string; readonly admin: boolean }) {
  const { t, lang } = useI18n();
  const [reload, setReload] = useState(0);
  const detail = useApi(() => staffCall('getContract', { params: { id } }), [id, reload]);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  const [session, setSession] = useState({ date: '', endDate: '', kind: 'formal' as 'formal' | 'informal', notes: '' });
  const [to, setTo] = useState('');
  const [onDate, setOnDate] = useState('');
  const refresh = (message: string) => {
    setStatus(message);
    setReload((n) => n + 1);
  };
  if (detail.kind === 'loading') return <><PageHeading title={t('bargaining.title')}>{t('bargaining.title')}</PageHeading><Loading /></>;
  if (detail.kind === 'failed') return <><PageHeading title={t('bargaining.title')}>{t('bargaining.title')}</PageHeading><ErrorAlert message={describeFailure(t, detail.failure)} /></>;
  const d = detail.value;
  const c = d.contract;
  const allowed = CONTRACT_TRANSITIONS[c.status as ContractStatus] ?? [];
  const addSession = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    const json = { id: `${id}-${session.date}-${d.sessions.length + 1}`.slice(0, 64), date: session.date, kind: session.kind, ...(session.endDate ? { endDate: session.endDate } : {}), ...(session.notes.trim() ? { notes: session.notes.trim() } : {}) };
    const r = await staffCall('putBargainingSession', { params: { id }, json });
    if (!r.ok) return setError(`${describeFailure(t, r)} ${r.message}`);
    refresh(t('bargaining.marked'));
  };
  const removeSession = async (sessionId: string) => {
    setError(undefined);
    const r = await staffCall('deleteBargainingSession', { params: { id, sessionId } });
    if (!r.ok) return setError(describeFailure(t, r));
    refresh(t('bargaining.marked'));
  };
  const changeStatus = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    const r = await staffCall('changeContractStatus', { params: { id }, json: { from: c.status, to: to || allowed[0], onDate } });
    if (!r.ok) return setError(`${describeFailure(t, r)} ${r.message}`);
    refresh(t('bargaining.marked'));
  };
  return (
    <>
      <PageHeading title={c.title}>{c.title}</PageHeading>
      <p><a href="/admin/contracts">{t('bargaining.contracts')}</a></p>
      <dl>
        <dt>{t('bargaining.status')}</dt>
        <dd>{statusLabel(t, c.status)}</dd>
        <dt>{t('bargaining.parties')}</dt>
        <dd>{c.parties.join(' · ')}</dd>
        <dt>{t('bargaining.covered_unit')}</dt>
        <dd>{c.coveredUnit}</dd>
        <dt>{t('bargaining.effective')}</dt>
        <dd>{formatDay(c.effectiveDate, lang)}</dd>
        <dt>{t('bargaining.expires')}</dt>
        <dd>{formatDay(c.expiryDate, lang)}</dd>
      </dl>
      <h2>{t('bargaining.timeline')}</h2>
      <p><strong>{t('offer.formal_days', { days: d.formalNegotiationDays })}</strong></p>
      <Timeline sessions={d.sessions} changes={d.statusHistory} onRemove={admin ? (sessionId) => void removeSession(sessionId) : null} />
      <ErrorAlert message={error} />
      <Status message={status} />
      {admin ? (
        <>
          <ContractEditForm key={c.updatedAt} contract={c} onSaved={() => refresh(t('bargaining.marked'))} />
          <form onSubmit={(e) => void changeStatus(e)}>
            <fieldset>
              <legend>{t('bargaining.change_status')}</legend>
              <label for="st-to">{t('bargaining.status')}</label>
              <select id="st-to" value={to || allowed[0]} onChange={(e) => setTo(e.currentTarget.value)}>
                {allowed.map((s) => <option key={s} value={s}>{statusLabel(t, s)}</option>)}
              </select>
              <label for="st-on">{t('bargaining.on_date')}</label>
              <input id="st-on" type="date" required value={onDate} onInput={(e) => setOnDate(e.currentTarget.value)} />
              <button type="submit" disabled={allowed.length === 0}>{t('bargaining.change_status')}</button>
            </fieldset>
          </form>
          <form onSubmit={(e) => void addSession(e)}>
            <fieldset>
              <legend>{t('bargaining.add_session')}</legend>
              <label for="se-date">{t('bargaining.field.date')}</label>
              <input id="se-date" type="date" required value={session.date} onInput={(e) => setSession({ ...session, date: e.currentTarget.value })} />
              <label for="se-end">{t('bargaining.field.end_date')}</label>
              <input id="se-end" type="date" value={session.endDate} onInput={(e) => setSession({ ...session, endDate: e.currentTarget.value })} />
              <label for="se-kind">{t('bargaining.field.kind')}</label>
              <select id="se-kind" value={session.kind} onChange={(e) => setSession({ ...session, kind: e.currentTarget.value === 'informal' ? 'informal' : 'formal' })}>
                <option value="formal">{t('bargaining.session_formal')}</option>
                <option value="informal">{t('bargaining.session_informal')}</option>
              </select>
              <label for="se-notes">{t('bargaining.field.notes')}</label>
              <textarea id="se-notes" value={session.notes} onInput={(e) => setSession({ ...session, notes: e.currentTarget.value })} />
              <button type="submit">{t('bargaining.add_session')}</button>
            </fieldset>
          </form>
        </>
      ) : null}
      <h2>{t('bargaining.offers')}</h2>
      {d.offers.map((o) => (
        <OfferCard
          key={o.offer.id} entry={o} all={d.offers} documents={d.documents} admin={admin}
          onChange={() => refresh(t('bargaining.marked'))} onRemoved={(title) => refresh(t('bargaining.removed', { name: title }))}
        />
      ))}
      {admin ? <OfferForm contractId={id} offers={d.offers.map((o) => o.offer)} onSaved={() => refresh(t('bargaining.marked'))} /> : null}
      <h2>{t('bargaining.documents')}</h2>
      {d.documents.length === 0 ? <p>{t('bargaining.no_documents')}</p> : (
        <ul>
          {d.documents.map((doc) => (
            <li key={doc.id} data-document={doc.id}>
              <a href={`/api/admin/documents/${doc.id}`} download={doc.name}>{doc.name}</a> ({doc.contentType}, {doc.size.toLocaleString()} B) <span class="hint mono offer-digest">SHA-256 {doc.sha256}</span>
              {doc.contentType === 'text/markdown' ? <MarkdownPreview id={doc.id} name={doc.name} /> : null}
              {admin ? <DocumentRemoveControl document={doc} offers={d.offers} onRemoved={(name) => refresh(t('bargaining.removed', { name }))} /> : null}
            </li>
          ))}
        </ul>
      )}
      {admin ? <DocumentForm contractId={id} offers={d.offers.map((o) => o.offer)} onSaved={() => refresh(t('bargaining.marked'))} /> : null}
    </>
  );
}

function ContractEditForm({ contract, onSaved }: { readonly contract: Detail['contract']; readonly onSaved: () => void }) {
  const { t } = useI18n();
  const [f, setF] = useState({ title: contract.title, parties: contract.parties.join('\n'), coveredUnit: contract.coveredUnit, effectiveDate: contract.effectiveDate, expiryDate: contract.expiryDate });
  const [error, setError] = useState<string>();
  const save = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    const parties = f.parties.split('\n').map((p) => p.trim()).filter((p) => p !== '');
    const r = await staffCall('updateContract', { params: { id: contract.id }, json: { ...f, title: f.title.trim(), coveredUnit: f.coveredUnit.trim(), parties } });
    if (!r.ok) return setError(`${describeFailure(t, r)} ${r.message}`);
    onSaved();
  };
  return (
    <details>
      <summary>{t('bargaining.edit_contract')}</summary>
      <form onSubmit={(e) => void save(e)}>
        <ErrorAlert message={error} />
        <label for="ce-title">{t('bargaining.field.title')}</label>
        <input id="ce-title" required value={f.title} onInput={(e) => setF({ ...f, title: e.currentTarget.value })} />
        <label for="ce-parties">{t('bargaining.field.parties')}</label>
        <textarea id="ce-parties" required value={f.parties} onInput={(e) => setF({ ...f, parties: e.currentTarget.value })} />
        <label for="ce-unit">{t('bargaining.covered_unit')}</label>
        <input id="ce-unit" required value={f.coveredUnit} onInput={(e) => setF({ ...f, coveredUnit: e.currentTarget.value })} />
        <label for="ce-effective">{t('bargaining.effective')}</label>
        <input id="ce-effective" type="date" required value={f.effectiveDate} onInput={(e) => setF({ ...f, effectiveDate: e.currentTarget.value })} />
        <label for="ce-expiry">{t('bargaining.expires')}</label>
        <input id="ce-expiry" type="date" required value={f.expiryDate} onInput={(e) => setF({ ...f, expiryDate: e.currentTarget.value })} />
        <button type="submit">{t('bargaining.save_contract')}</button>
      </form>
    </details>
  );
}

/** Reads a Markdown document (same-origin, with the staff cookie) and shows it rendered safely. */
function MarkdownPreview({ id, name }: { readonly id: string; readonly name: string }) {
  const { t } = useI18n();
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const show = async () => {
    try {
      const res = await fetch(`/api/admin/documents/${id}`, { credentials: 'same-origin' });
      if (!res.ok) return setError(t('error.generic', { code: String(res.status) }));
      setText(await res.text());
    } catch {
      setError(t('error.generic', { code: 'network_error' }));
    }
  };
  return (
    <>
      {text === null ? <button type="button" class="secondary small" onClick={() => void show()}>{t('bargaining.show_document', { name })}</button> : <Markdown source={text} />}
      <ErrorAlert message={error} />
    </>
  );
}

export function ContractsPage() {
  const { t } = useI18n();
  return <StaffGate roles={['administrator', 'observer']} title={t('bargaining.title')}>{(me) => <Contracts admin={me.role === 'administrator'} />}</StaffGate>;
}

export function ContractPage({ contractId }: { readonly contractId: string }) {
  const { t } = useI18n();
  return <StaffGate roles={['administrator', 'observer']} title={t('bargaining.title')}>{(me) => <Contract id={contractId} admin={me.role === 'administrator'} />}</StaffGate>;
}
