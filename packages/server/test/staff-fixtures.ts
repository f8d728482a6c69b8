// Staff accounts for tests: made with the engine (as the CLI does), signed in through the API with a
// fresh TOTP step for administrators (the fake clock moves 30 s so a step is never reused).
import { createStaffAccount, totpCode } from '@ratify/engine';
import type { StaffRole } from '@ratify/storage';
import type { RatifyClient } from '../src/client.ts';
import type { TestServer } from './fixtures.ts';

export const STAFF_PASSWORD = 'a long enough staff password';

export type TestStaff = { readonly username: string; readonly role: StaffRole; readonly totpSecret: string | null };

export async function addStaff(server: TestServer, username: string, role: StaffRole, secretKey: Uint8Array | null): Promise<TestStaff> {
  const created = await createStaffAccount(server.engine.store, { username, password: STAFF_PASSWORD, role, secretKey });
  if (!created.ok) throw new Error(created.error);
  return { username, role, totpSecret: created.value.totpUri === null ? null : new URL(created.value.totpUri).searchParams.get('secret') };
}

/** The current TOTP code of `staff` after moving the clock to a fresh step (administrators). */
export function freshTotp(server: TestServer, staff: TestStaff): string | undefined {
  if (staff.totpSecret === null) return undefined;
  server.clock.advance(30_000);
  return totpCode(staff.username, staff.totpSecret, server.clock.now());
}

export async function staffLogin(server: TestServer, staff: TestStaff, client: RatifyClient = server.client(), password = STAFF_PASSWORD) {
  const r = await client.staff.login(staff.username, password, freshTotp(server, staff));
  return { client, r };
}
