// The staff area's frame: checks the staff session (GET /api/staff/me) and the role a page needs,
// then shows the staff navigation (links by role, who is signed in, sign out) above the page.
// Deny by default: a page lists the roles it admits. The server checks again on every call.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { MessageKey } from '../i18n/en.ts';
import { useApi } from '../public/use-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { navigate } from '../ui/navigation.ts';
import { ErrorAlert, Loading, PageHeading } from '../ui/page.tsx';
import { type StaffIdentity, type StaffRole, staffCall, staffLogout } from './staff-api.ts';

export const ROLE_NAMES: Readonly<Record<StaffRole, MessageKey>> = {
  administrator: 'staff.role.administrator',
  trustee: 'staff.role.trustee',
  observer: 'staff.role.observer',
  campaign: 'staff.role.campaign',
};

const LINKS: readonly { readonly href: string; readonly label: MessageKey; readonly roles: readonly StaffRole[] }[] = [
  { href: '/admin/unions', label: 'staff.nav.unions', roles: ['administrator'] },
  { href: '/admin/drafts', label: 'staff.nav.drafts', roles: ['administrator'] },
  { href: '/admin/votes', label: 'staff.nav.votes', roles: ['administrator', 'observer'] },
  { href: '/admin/audit', label: 'staff.nav.audit', roles: ['administrator', 'observer'] },
  { href: '/admin/contracts', label: 'bargaining.nav', roles: ['administrator', 'observer'] },
  { href: '/trustee', label: 'staff.nav.trustee', roles: ['trustee'] },
  { href: '/admin/staff', label: 'staff.nav.accounts', roles: ['administrator'] },
  { href: '/staff/password', label: 'staff.nav.password', roles: ['administrator', 'observer', 'trustee', 'campaign'] },
  { href: '/campaign', label: 'staff.nav.campaign', roles: ['campaign'] },
];

export function roleHome(role: StaffRole): string {
  return role === 'administrator' ? '/admin/unions' : role === 'observer' ? '/admin/votes' : role === 'campaign' ? '/campaign' : '/trustee';
}

export function StaffNav({ me }: { readonly me: StaffIdentity }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    await staffLogout();
    navigate('/staff');
  };
  return (
    <div class="staff-bar">
      <nav aria-label={t('staff.nav.label')}>
        <ul class="staff-links">
          {LINKS.filter((l) => l.roles.includes(me.role)).map((l) => (
            <li key={l.href}>
              <a href={l.href}>{t(l.label)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <p class="hint">
        {t('staff.signed_in_as', { username: me.username, role: t(ROLE_NAMES[me.role]) })}{' '}
        <button type="button" class="secondary small" onClick={() => void signOut()} disabled={busy}>
          {t('staff.sign_out')}
        </button>
      </p>
    </div>
  );
}

export function StaffGate({ roles, title, children }: { readonly roles: readonly StaffRole[]; readonly title: string; readonly children: (me: StaffIdentity) => ComponentChildren }) {
  const { t } = useI18n();
  const me = useApi(() => staffCall('staffMe'), []);
  if (me.kind === 'loading') return <><PageHeading title={title}>{title}</PageHeading><Loading /></>;
  if (me.kind === 'failed') {
    const signedOut = me.failure.code === 'staff_sign_in_required';
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        {signedOut ? <p>{t('staff.need_sign_in')}</p> : <ErrorAlert message={describeFailure(t, me.failure)} />}
        <p>
          <a class="button" href={`/staff?next=${encodeURIComponent(location.pathname)}`}>{t('staff.sign_in_link')}</a>
        </p>
      </>
    );
  }
  const staff = me.value.staff;
  return (
    <>
      <StaffNav me={staff} />
      {roles.includes(staff.role) ? (
        children(staff)
      ) : (
        <>
          <PageHeading title={title}>{title}</PageHeading>
          <p>{t('staff.wrong_role', { role: t(ROLE_NAMES[staff.role]) })}</p>
        </>
      )}
    </>
  );
}
