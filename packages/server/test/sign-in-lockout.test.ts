// Issue 13, reproduced: an attacker with many addresses tries to lock members and staff out, to spend
// a member's own code by asking for others, and to guess codes. Each test first runs the attack that
// worked before decision 0019 (1,100 wrong codes from one address locked 100 members out; six
// requests made the member's own request answer 429; a new request deleted the member's code; staff
// accounts locked the same way), then the victim signs in from their own browser with their own
// code, or password and TOTP. Attack traffic goes through app.inject with a remote address per
// attacker (and per member where a hundred of them sign in); single victims use the real HTTP client.
import { asUnionId } from '@ratify/protocol';
import { totpCode } from '@ratify/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS } from '../src/index.ts';
import { type TestServer, nextCode, startServer } from './fixtures.ts';
import { STAFF_PASSWORD, type TestStaff, addStaff } from './staff-fixtures.ts';

const ROLL = 100;
const email = (i: number) => `m${i}@example.org`;
const number = (i: number) => `M${i}`;
/** 1,000 attacker addresses: 10.0.0.0 – 10.0.3.231. */
const address = (i: number) => `10.0.${Math.floor((i % 1000) / 256)}.${i % 256}`;

let server: TestServer;
beforeEach(async () => {
  server = await startServer({ secretKey: new Uint8Array(32).fill(7) });
  const union = asUnionId('big');
  expect((await server.store.members.createUnion({ id: union, name: 'Big union' })).ok).toBe(true);
  const rows = Array.from({ length: ROLL }, (_, i) => ({ memberNumber: number(i), name: `Member ${i}`, email: email(i), goodStanding: true, unit: null }));
  expect((await server.store.members.importRoll(union, rows)).ok).toBe(true);
});
afterEach(() => server.close());

type Injected = { statusCode: number; cookie: string | undefined };

/** One attacker call from `remoteAddress`, with the attacker's binding cookie if it has one. */
async function attack(url: string, remoteAddress: string, body: object, cookie?: string): Promise<Injected> {
  const res = await server.app.inject({
    method: 'POST',
    url,
    remoteAddress,
    headers: { 'content-type': 'application/json', ...(cookie !== undefined ? { cookie } : {}) },
    payload: JSON.stringify(body),
  });
  const set = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('ratify_browser='));
  return { statusCode: res.statusCode, cookie: set?.split(';')[0] ?? cookie };
}

const wrongFor = (real: string, i: number) => {
  const guess = String((Number(real) + 1 + i) % 1_000_000).padStart(6, '0');
  return guess === real ? String((Number(real) + 2 + i) % 1_000_000).padStart(6, '0') : guess;
};

describe('members', () => {
  it('1,100 wrong codes from 1,000 addresses and 1,000 code requests leave 100 members able to sign in with their own codes', async () => {
    // Every member asks for a code from their own browser (and address) first.
    const victims: { from: string; cookie: string | undefined; code: string }[] = [];
    for (let i = 0; i < ROLL; i++) {
      const from = `198.51.100.${i}`;
      const asked = await attack('/api/auth/request-code', from, { memberNumber: number(i) });
      expect(asked.statusCode).toBe(202);
      victims.push({ from, cookie: asked.cookie, code: await nextCode(server, email(i)) });
    }

    // The attack: from 1,000 addresses, each with its own browser binding, 10 code requests and
    // 11 wrong codes per member (each attacker guesses at the codes mailed for its own requests,
    // and at the member's own code without any binding).
    const statuses = new Map<number, number>();
    const count = (s: number) => statuses.set(s, (statuses.get(s) ?? 0) + 1);
    const attackers = new Map<string, string | undefined>();
    for (let k = 0; k < 1000; k++) {
      const from = address(k);
      const r = await attack('/api/auth/request-code', from, { memberNumber: number(k % ROLL) }, attackers.get(from));
      attackers.set(from, r.cookie);
      count(r.statusCode);
    }
    for (let k = 0; k < 1100; k++) {
      const from = address(k);
      const victim = k % ROLL;
      const cookie = k % 2 === 0 ? attackers.get(from) : undefined;
      count((await attack('/api/auth/verify-code', from, { memberNumber: number(victim), code: wrongFor(victims[victim]!.code, k) }, cookie)).statusCode);
    }
    // One address alone, as in the report: its own limit stops it; nobody else is held back.
    for (let k = 0; k < 1100; k++) count((await attack('/api/auth/verify-code', '192.0.2.66', { memberNumber: number(k % ROLL), code: String(k).padStart(6, '0') })).statusCode);
    expect(statuses.get(202)).toBe(1000);
    expect(statuses.get(401)).toBe(1100 + DEFAULT_RATE_LIMITS.verifyCodePerIp);
    expect(statuses.get(429)).toBe(1100 - DEFAULT_RATE_LIMITS.verifyCodePerIp);
    await server.app.signInOutbox.idle();

    // Every member signs in with the code they already hold, from their own browser.
    for (const [i, v] of victims.entries()) {
      expect((await attack('/api/auth/verify-code', v.from, { memberNumber: number(i), code: v.code }, v.cookie)).statusCode, `member ${i}`).toBe(200);
    }
    // And any of them may ask again and sign in (no 429 for the member's own browser).
    const again = server.client();
    expect((await again.requestCode(number(7))).status).toBe(202);
    expect(await again.verifyCode(number(7), await nextCode(server, email(7)))).toMatchObject({ ok: true, value: { memberNumber: number(7) } });
  });

  it("others' code requests, from many addresses or from one, neither spend the member's code nor refuse the member's own request", async () => {
    const member = server.client();
    expect((await member.requestCode(number(3))).status).toBe(202);
    const held = await nextCode(server, email(3));
    // 50 requests from 50 addresses without cookies, then 30 from one attacker browser.
    for (let k = 0; k < 50; k++) expect((await attack('/api/auth/request-code', address(k), { memberNumber: number(3) })).statusCode).toBe(202);
    let cookie: string | undefined;
    const oneBrowser: number[] = [];
    for (let k = 0; k < 30; k++) {
      const r = await attack('/api/auth/request-code', address(500 + k), { memberNumber: number(3) }, cookie);
      cookie = r.cookie;
      oneBrowser.push(r.statusCode);
    }
    // That one browser is limited; the member's own browser is not.
    expect(oneBrowser.filter((s) => s === 429)).toHaveLength(30 - DEFAULT_RATE_LIMITS.requestCodePerBrowser);
    await server.app.signInOutbox.idle();
    expect(server.mail.messages().filter((m) => m.to === email(3))).toHaveLength(1 + 50 + DEFAULT_RATE_LIMITS.requestCodePerBrowser);
    expect(await member.verifyCode(number(3), held)).toMatchObject({ ok: true, value: { memberNumber: number(3) } });

    // Asking again after the flood: a code comes (12 digits: the day's short codes went to the
    // attacker's requests) and works.
    const second = server.client();
    expect((await second.requestCode(number(3))).status).toBe(202);
    const code = await nextCode(server, email(3));
    expect(code).toHaveLength(12);
    expect((await second.verifyCode(number(3), code)).ok).toBe(true);
  });

  it("an attacker's guesses only ever reach codes its own browsers asked for, at most 3 each", async () => {
    const member = server.client();
    await member.requestCode(number(9));
    const held = await nextCode(server, email(9));
    // 100 attacker browsers each ask once and guess 5 times; the mail log shows what they guessed at.
    let live = 0;
    for (let k = 0; k < 100; k++) {
      const asked = await attack('/api/auth/request-code', address(k), { memberNumber: number(9) });
      await server.app.signInOutbox.idle();
      const mailed = server.mail.messages().at(-1)!.text;
      const code = /code is (\d{4} \d{4} \d{4}|\d{6})\b/.exec(mailed)![1]!.replace(/ /g, '');
      for (let g = 0; g < 5; g++) {
        const guess = g === 4 ? code : code.length === 6 ? wrongFor(code, g) : `${code.slice(0, 11)}${(Number(code[11]) + 1 + g) % 10}`;
        const r = await attack('/api/auth/verify-code', address(k), { memberNumber: number(9), code: guess }, asked.cookie);
        // The fifth try is the right code, after three wrong ones killed it: refused all the same.
        expect(r.statusCode).toBe(401);
        if (g < DEFAULT_RATE_LIMITS.codeWrongGuesses) live++;
      }
    }
    expect(live).toBe(100 * DEFAULT_RATE_LIMITS.codeWrongGuesses);
    // The day's short codes went to the first requests; every later one had 12 digits (decision 0019).
    const lengths = server.mail.messages().filter((m) => m.to === email(9)).map((m) => (/code is (\d{4} \d{4} \d{4}|\d{6})\b/.exec(m.text)![1]!.replace(/ /g, '').length));
    expect(lengths.filter((n) => n === 6)).toHaveLength(DEFAULT_RATE_LIMITS.shortCodesPerMemberPerDay);
    expect(lengths.filter((n) => n === 12)).toHaveLength(1 + 100 - DEFAULT_RATE_LIMITS.shortCodesPerMemberPerDay);
    expect((await member.verifyCode(number(9), held)).ok).toBe(true);
  });
});

describe('staff', () => {
  let admin: TestStaff;
  const totp = (staff: TestStaff) => {
    server.clock.advance(30_000);
    return totpCode(staff.username, staff.totpSecret!, server.clock.now());
  };

  beforeEach(async () => {
    admin = await addStaff(server, 'alice', 'administrator', new Uint8Array(32).fill(7));
    await addStaff(server, 'olga', 'observer', null);
  });

  it('1,100 wrong attempts from 1,000 addresses leave the right password and TOTP working from their own browsers', async () => {
    // Each signs in from their own browser once (that browser becomes known), and signs out.
    const alice = server.client();
    const olga = server.client();
    expect((await alice.staff.login('alice', STAFF_PASSWORD, totp(admin))).ok).toBe(true);
    expect((await olga.staff.login('olga', STAFF_PASSWORD)).ok).toBe(true);
    expect((await alice.staff.logout()).ok).toBe(true);
    expect((await olga.staff.logout()).ok).toBe(true);

    const statuses = new Map<number, number>();
    const attackers = new Map<string, string | undefined>();
    for (let k = 0; k < 1100; k++) {
      const from = address(k);
      const username = k % 2 === 0 ? 'alice' : 'olga';
      const r = await attack('/api/staff/login', from, { username, password: `wrong password ${k}`, totp: '123456' }, attackers.get(from));
      attackers.set(from, r.cookie);
      statuses.set(r.statusCode, (statuses.get(r.statusCode) ?? 0) + 1);
    }
    // The account-wide limit for unknown browsers stops the attack after a few dozen password checks.
    // (Each account's first sign-in, from a browser then new, counted once in that limit.)
    const checked = 2 * (DEFAULT_RATE_LIMITS.staffLoginNewBrowsersPerAccount - 1);
    expect(Object.fromEntries(statuses)).toEqual({ 401: checked, 429: 1100 - checked });

    // The staff members' own browsers are not refused.
    expect(await alice.staff.login('alice', STAFF_PASSWORD, totp(admin))).toMatchObject({ ok: true, value: { staff: { username: 'alice' } } });
    expect(await olga.staff.login('olga', STAFF_PASSWORD)).toMatchObject({ ok: true, value: { staff: { username: 'olga' } } });
    expect((await olga.staff.me()).ok).toBe(true);

    // What the attack does cost: a browser the account never signed in from waits for the window
    // (decision 0019), then signs in.
    const newLaptop = server.client();
    const refused = await newLaptop.staff.login('olga', STAFF_PASSWORD);
    expect(refused).toMatchObject({ status: 429, error: { code: 'rate_limited' } });
    server.clock.advance(DEFAULT_RATE_LIMITS.windowMs);
    expect((await newLaptop.staff.login('olga', STAFF_PASSWORD)).ok).toBe(true);
  });

  it("limits each browser's attempts per account without touching the account's other browsers", async () => {
    const attacker = server.client();
    for (let i = 0; i < DEFAULT_RATE_LIMITS.staffLoginPerBrowser; i++) expect((await attacker.staff.login('olga', 'wrong password!!')).status).toBe(401);
    expect(await attacker.staff.login('olga', STAFF_PASSWORD)).toMatchObject({ status: 429, error: { code: 'rate_limited' } });
    expect((await server.client().staff.login('olga', STAFF_PASSWORD)).ok).toBe(true);
  });

  it('limits password changes per account, wrong current passwords included', async () => {
    const olga = server.client();
    expect((await olga.staff.login('olga', STAFF_PASSWORD)).ok).toBe(true);
    const change = (current: string) => olga.call('changeStaffPassword', { json: { currentPassword: current, newPassword: 'a brand new staff password' } });
    for (let i = 0; i < DEFAULT_RATE_LIMITS.passwordChangePerAccount; i++) {
      expect(await change(`guess number ${i} long`)).toMatchObject({ status: 403, error: { code: 'wrong_password' } });
    }
    expect(await change(STAFF_PASSWORD)).toMatchObject({ status: 429, error: { code: 'rate_limited' } });
    // Nothing changed: the old password still signs in.
    expect((await server.client().staff.login('olga', STAFF_PASSWORD)).ok).toBe(true);
    server.clock.advance(DEFAULT_RATE_LIMITS.windowMs);
    expect(await change(STAFF_PASSWORD)).toMatchObject({ ok: true, value: { changed: true } });
  });
});
