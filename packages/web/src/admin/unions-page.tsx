// Administrators: every union with its member and eligible counts, a form to add one, and a link to
// each union's roll upload.
import { useState } from 'preact/hooks';
import { useApi } from '../public/use-api.ts';
import { StaffGate } from '../staff/staff-gate.tsx';
import { staffCall } from '../staff/staff-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Loading, PageHeading, Status } from '../ui/page.tsx';

function Unions() {
  const { t } = useI18n();
  const [reload, setReload] = useState(0);
  const unions = useApi(() => staffCall('listUnions'), [reload]);
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const title = t('admin.unions.title');

  const create = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    const r = await staffCall('createUnion', { json: { id: id.trim(), name: name.trim() } });
    if (!r.ok) {
      setError(r.code === 'duplicate_union' ? t('admin.unions.duplicate') : r.code === 'invalid_request' ? t('admin.unions.invalid') : describeFailure(t, r));
      return;
    }
    setStatus(t('admin.unions.created', { name: r.value.name }));
    setId('');
    setName('');
    setReload((n) => n + 1);
  };

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {unions.kind === 'loading' ? <Loading /> : null}
      {unions.kind === 'failed' ? <ErrorAlert message={describeFailure(t, unions.failure)} /> : null}
      {unions.kind === 'ready' ? (
        unions.value.unions.length === 0 ? (
          <p>{t('admin.unions.none')}</p>
        ) : (
          <div class="table-scroll" tabIndex={0}>
            <table>
              <caption>{t('admin.unions.caption')}</caption>
              <thead>
                <tr><th scope="col">{t('admin.unions.name')}</th><th scope="col">{t('admin.unions.members')}</th><th scope="col">{t('admin.unions.eligible')}</th><th scope="col">{t('admin.unions.roll')}</th></tr>
              </thead>
              <tbody>
                {unions.value.unions.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">{u.name} <span class="hint mono">({u.id})</span></th>
                    <td>{u.members}</td>
                    <td>{u.eligible}</td>
                    <td><a href={`/admin/unions/${u.id}/roll`}>{t('admin.unions.upload', { name: u.name })}</a></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      <h2>{t('admin.unions.add')}</h2>
      <ErrorAlert message={error} />
      <form onSubmit={(e) => void create(e)}>
        <label for="union-name">{t('admin.unions.name')}</label>
        <input id="union-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <label for="union-id">{t('admin.unions.id')}</label>
        <p class="hint" id="union-id-hint">{t('admin.unions.id_hint')}</p>
        <input id="union-id" required aria-describedby="union-id-hint" autocapitalize="none" spellcheck={false} value={id} onInput={(e) => setId(e.currentTarget.value)} />
        <button type="submit">{t('admin.unions.create')}</button>
      </form>
      <Status message={status} />
    </>
  );
}

export function UnionsPage() {
  const { t } = useI18n();
  return <StaffGate roles={['administrator']} title={t('admin.unions.title')}>{() => <Unions />}</StaffGate>;
}
