// Administrators add a proposal, offer or agreement with structured terms: one row per term (key,
// label, kind of value, value, currency or unit, which way is better). Percentages and money are
// read as exact decimals ("3.5" → 350 basis points, "1500000.00" → 150000000 cents), never through
// floating point. The server checks everything again with the protocol.
import { formatScaled } from '@ratify/protocol/bargaining';
import { useState } from 'preact/hooks';
import type { ResponseOf } from '../api.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { staffCall } from '../staff/staff-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert } from '../ui/page.tsx';

type Offer = ResponseOf<'createOffer'>['offer'];
type TermValue = Offer['terms'][number]['value'];
type Row = { key: string; label: string; kind: TermValue['kind']; value: string; extra: string; direction: 'higher_is_better' | 'lower_is_better' | 'none' };
const KINDS: readonly TermValue['kind'][] = ['percent', 'money', 'date', 'text', 'integer', 'boolean'];
const DIRECTIONS: readonly Row['direction'][] = ['higher_is_better', 'lower_is_better', 'none'];
const emptyRow = (): Row => ({ key: '', label: '', kind: 'percent', value: '', extra: '', direction: 'higher_is_better' });

/** "3.5" with 2 places → 350; undefined if not a plain decimal with at most `places` decimals. */
export function parseScaled(text: string, places: number): number | undefined {
  const m = /^(-?)(\d{1,13})(?:\.(\d+))?$/.exec(text.trim());
  if (m === null || (m[3] ?? '').length > places) return undefined;
  const n = Number(`${m[2]}${(m[3] ?? '').padEnd(places, '0')}`);
  return Number.isSafeInteger(n) ? (m[1] === '-' ? -n : n) : undefined;
}

/** A stored term as a form row (the inverse of toValue). */
export function toRow(term: Offer['terms'][number]): Row {
  const v = term.value;
  const base = { key: term.key, label: term.label, direction: term.direction, extra: '' };
  switch (v.kind) {
    case 'percent':
      return { ...base, kind: 'percent', value: formatScaled(v.basisPoints, 2) };
    case 'money':
      return { ...base, kind: 'money', value: formatScaled(v.minorUnits, 2), extra: v.currency };
    case 'integer':
      return { ...base, kind: 'integer', value: String(v.value), extra: v.unit ?? '' };
    case 'date':
      return { ...base, kind: 'date', value: v.date };
    case 'text':
      return { ...base, kind: 'text', value: v.text };
    case 'boolean':
      return { ...base, kind: 'boolean', value: v.value ? 'yes' : 'no' };
  }
}

export function toValue(r: Row): TermValue | undefined {
  switch (r.kind) {
    case 'percent': {
      const bp = parseScaled(r.value, 2);
      return bp === undefined ? undefined : { kind: 'percent', basisPoints: bp };
    }
    case 'money': {
      const minor = parseScaled(r.value, 2);
      return minor === undefined ? undefined : { kind: 'money', currency: r.extra.trim().toUpperCase(), minorUnits: minor };
    }
    case 'integer': {
      const n = parseScaled(r.value, 0);
      return n === undefined ? undefined : { kind: 'integer', value: n, ...(r.extra.trim() ? { unit: r.extra.trim() } : {}) };
    }
    case 'date':
      return { kind: 'date', date: r.value };
    case 'text':
      return { kind: 'text', text: r.value.trim() };
    case 'boolean':
      return { kind: 'boolean', value: r.value === 'yes' };
  }
}

/** Adds an offer, or (with `editing`) replaces one; the server refuses an offer a vote or draft binds. */
export function OfferForm({ contractId, offers, onSaved, editing }: { readonly contractId: string; readonly offers: readonly Offer[]; readonly onSaved: () => void; readonly editing?: Offer }) {
  const { t } = useI18n();
  const [f, setF] = useState(
    editing === undefined
      ? { id: '', kind: 'offer' as Offer['kind'], title: '', madeBy: '', madeOn: '', summary: '', finalOffer: false }
      : { id: editing.id, kind: editing.kind, title: editing.title, madeBy: editing.madeBy, madeOn: editing.madeOn, summary: editing.summary ?? '', finalOffer: editing.finalOffer },
  );
  const [rows, setRows] = useState<Row[]>(editing === undefined || editing.terms.length === 0 ? [emptyRow()] : editing.terms.map(toRow));
  const [compared, setCompared] = useState<string[]>(editing?.comparedWith ?? []);
  const p = editing === undefined ? 'o' : `oe-${editing.id}`;
  const [error, setError] = useState<string>();
  const setRow = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    const terms = [];
    for (const [i, r] of rows.entries()) {
      const value = toValue(r);
      if (value === undefined) return setError(t('bargaining.bad_value', { row: i + 1 }));
      terms.push({ key: r.key.trim(), label: r.label.trim(), value, direction: r.direction });
    }
    const json = {
      id: f.id.trim(), kind: f.kind, title: f.title.trim(), madeBy: f.madeBy.trim(), madeOn: f.madeOn, finalOffer: f.finalOffer, terms,
      ...(f.summary.trim() ? { summary: f.summary.trim() } : {}), ...(compared.length > 0 ? { comparedWith: compared } : {}),
    };
    const { id: _id, ...body } = json;
    const r = editing === undefined ? await staffCall('createOffer', { params: { id: contractId }, json }) : await staffCall('updateOffer', { params: { id: editing.id }, json: body });
    if (!r.ok) return setError(`${describeFailure(t, r)} ${r.message}`);
    if (editing === undefined) {
      setRows([emptyRow()]);
      setF({ ...f, id: '', title: '' });
    }
    onSaved();
  };
  return (
    <form onSubmit={(e) => void save(e)}>
      {editing === undefined ? <h3>{t('bargaining.add_offer')}</h3> : null}
      <ErrorAlert message={error} />
      <label for={`${p}-title`}>{t('bargaining.field.title')}</label>
      <input id={`${p}-title`} required value={f.title} onInput={(e) => setF({ ...f, title: e.currentTarget.value })} />
      <label for={`${p}-id`}>{t('bargaining.field.id')}</label>
      <input id={`${p}-id`} required readOnly={editing !== undefined} autocapitalize="none" spellcheck={false} value={f.id} onInput={(e) => setF({ ...f, id: e.currentTarget.value })} />
      <label for={`${p}-kind`}>{t('bargaining.field.kind')}</label>
      <select id={`${p}-kind`} value={f.kind} onChange={(e) => setF({ ...f, kind: e.currentTarget.value as Offer['kind'] })}>
        {(['proposal', 'offer', 'agreement'] as const).map((k) => <option key={k} value={k}>{t(`bargaining.kind.${k}` as MessageKey)}</option>)}
      </select>
      <label for={`${p}-by`}>{t('bargaining.field.made_by')}</label>
      <input id={`${p}-by`} required value={f.madeBy} onInput={(e) => setF({ ...f, madeBy: e.currentTarget.value })} />
      <label for={`${p}-on`}>{t('bargaining.field.date')}</label>
      <input id={`${p}-on`} type="date" required value={f.madeOn} onInput={(e) => setF({ ...f, madeOn: e.currentTarget.value })} />
      <label for={`${p}-summary`}>{t('bargaining.field.summary')}</label>
      <textarea id={`${p}-summary`} value={f.summary} onInput={(e) => setF({ ...f, summary: e.currentTarget.value })} />
      {offers.length > 0 ? (
        <fieldset>
          <legend>{t('bargaining.field.compared_with')}</legend>
          {offers.filter((o) => o.id !== editing?.id).map((o) => (
            <label key={o.id} class="checkbox">
              <input type="checkbox" checked={compared.includes(o.id)} onChange={(e) => setCompared(e.currentTarget.checked ? [...compared, o.id] : compared.filter((x) => x !== o.id))} /> {o.title}
            </label>
          ))}
        </fieldset>
      ) : null}
      {rows.map((r, i) => (
        <fieldset key={i}>
          <legend>{t('bargaining.term_n', { n: i + 1 })}</legend>
          <label for={`${p}-t${i}-label`}>{t('bargaining.field.label')}</label>
          <input id={`${p}-t${i}-label`} required value={r.label} onInput={(e) => setRow(i, { label: e.currentTarget.value })} />
          <label for={`${p}-t${i}-key`}>{t('bargaining.field.key')}</label>
          <input id={`${p}-t${i}-key`} required autocapitalize="none" spellcheck={false} value={r.key} onInput={(e) => setRow(i, { key: e.currentTarget.value })} />
          <label for={`${p}-t${i}-kind`}>{t('bargaining.field.value_kind')}</label>
          <select id={`${p}-t${i}-kind`} value={r.kind} onChange={(e) => setRow(i, { kind: e.currentTarget.value as Row['kind'], value: e.currentTarget.value === 'boolean' ? 'yes' : '' })}>
            {KINDS.map((k) => <option key={k} value={k}>{t(`bargaining.value_kind.${k}` as MessageKey)}</option>)}
          </select>
          <label for={`${p}-t${i}-value`}>{t('bargaining.value')}</label>
          {r.kind === 'boolean' ? (
            <select id={`${p}-t${i}-value`} value={r.value} onChange={(e) => setRow(i, { value: e.currentTarget.value })}>
              <option value="yes">{t('ballot.yes')}</option>
              <option value="no">{t('ballot.no')}</option>
            </select>
          ) : (
            r.kind === 'date' ? (
              <input id={`${p}-t${i}-value`} required type="date" value={r.value} onInput={(e) => setRow(i, { value: e.currentTarget.value })} />
            ) : (
              <input id={`${p}-t${i}-value`} required type="text" inputMode={r.kind === 'text' ? 'text' : 'decimal'} value={r.value} onInput={(e) => setRow(i, { value: e.currentTarget.value })} />
            )
          )}
          {r.kind === 'money' || r.kind === 'integer' ? (
            <>
              <label for={`${p}-t${i}-extra`}>{r.kind === 'money' ? t('bargaining.field.currency') : t('bargaining.field.unit')}</label>
              <input id={`${p}-t${i}-extra`} required={r.kind === 'money'} value={r.extra} onInput={(e) => setRow(i, { extra: e.currentTarget.value })} />
            </>
          ) : null}
          <label for={`${p}-t${i}-dir`}>{t('bargaining.direction')}</label>
          <select id={`${p}-t${i}-dir`} value={r.direction} onChange={(e) => setRow(i, { direction: e.currentTarget.value as Row['direction'] })}>
            {DIRECTIONS.map((d) => <option key={d} value={d}>{t(`bargaining.direction.${d}` as MessageKey)}</option>)}
          </select>
          {rows.length > 1 ? <button type="button" class="secondary small" onClick={() => setRows(rows.filter((_, j) => j !== i))}>{t('bargaining.remove_term', { n: i + 1 })}</button> : null}
        </fieldset>
      ))}
      <button type="button" class="secondary" onClick={() => setRows([...rows, emptyRow()])}>{t('bargaining.add_term')}</button>
      <button type="submit">{editing === undefined ? t('bargaining.add_offer') : t('bargaining.save_offer')}</button>
    </form>
  );
}

/** Base64 of a file's bytes, in chunks (no huge argument lists). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Attach a PDF or Markdown file; the server recognises its type from the bytes and records its
 * SHA-256. Attached to an offer, it is listed in the offer (so in its digest): refused once bound.
 */
export function DocumentForm({ contractId, offers, onSaved }: { readonly contractId: string; readonly offers: readonly Offer[]; readonly onSaved: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [offerId, setOfferId] = useState('');
  const [error, setError] = useState<string>();
  const save = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    if (file === null) return;
    const id = `${contractId}-${file.name}`.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+/, '').slice(0, 64);
    const r = await staffCall('addDocument', { params: { id: contractId }, json: { id, name: file.name, contentBase64: await base64Of(file), ...(offerId ? { offerId } : {}) } });
    if (!r.ok) return setError(`${describeFailure(t, r)} ${r.message}`);
    onSaved();
  };
  return (
    <form onSubmit={(e) => void save(e)}>
      <fieldset>
        <legend>{t('bargaining.add_document')}</legend>
        <ErrorAlert message={error} />
        <label for="doc-file">{t('bargaining.field.file')}</label>
        <input id="doc-file" type="file" required accept=".pdf,.md,application/pdf,text/markdown" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        <label for="doc-offer">{t('bargaining.field.document_offer')}</label>
        <p id="doc-offer-hint" class="hint">{t('bargaining.document_offer_hint')}</p>
        <select id="doc-offer" value={offerId} aria-describedby="doc-offer-hint" onChange={(e) => setOfferId(e.currentTarget.value)}>
          <option value="">{t('draft.offer_none')}</option>
          {offers.map((o) => <option key={o.id} value={o.id}>{o.title}</option>)}
        </select>
        <button type="submit">{t('bargaining.add_document')}</button>
      </fieldset>
    </form>
  );
}
