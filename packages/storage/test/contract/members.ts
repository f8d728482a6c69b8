// Contract: unions, roll import (all or nothing) and dual membership across unions.
import { describe, expect, it } from 'vitest';
import { expectOk, member, seedUnion, useStore } from './fixtures.ts';
import type { StoreFactory } from './fixtures.ts';

export function membersContract(factory: StoreFactory): void {
  const t = useStore(factory);

  describe('unions', () => {
    it('creates a union once', async () => {
      expect(await t.store.members.createUnion({ id: 'u1', name: 'Local 1' })).toEqual({
        ok: true,
        value: { id: 'u1', name: 'Local 1' },
      });
      expect(await t.store.members.createUnion({ id: 'u1', name: 'Again' })).toMatchObject({
        ok: false,
        error: 'duplicate_union',
      });
      expect(await t.store.members.getUnion('u1')).toEqual({ id: 'u1', name: 'Local 1' });
      expect(await t.store.members.getUnion('nope')).toBeNull();
    });
  });

  describe('importRoll', () => {
    it('replaces the membership and counts what changed', async () => {
      await seedUnion(t.store, 'u1', 3);
      const summary = expectOk(
        await t.store.members.importRoll('u1', [
          member(2),
          member(3, { goodStanding: false, unit: 'Night' }),
          member(4),
        ]),
      );
      expect(summary).toEqual({ added: 1, kept: 2, removed: 1, eligible: 2 });
      const stored = await t.store.members.listMembers('u1');
      expect(stored.map((m) => m.memberNumber)).toEqual(['M2', 'M3', 'M4']);
      expect(stored[1]).toEqual({
        unionId: 'u1',
        memberNumber: 'M3',
        name: 'Member 3',
        email: 'member3@example.org',
        goodStanding: false,
        unit: 'Night',
      });
    });

    it('rejects an unknown union and duplicate rows, writing nothing', async () => {
      expect(await t.store.members.importRoll('nope', [member(1)])).toMatchObject({
        ok: false,
        error: 'union_not_found',
      });
      await seedUnion(t.store, 'u1', 3);
      expect(await t.store.members.importRoll('u1', [member(7), member(8), member(7)])).toMatchObject({
        ok: false,
        error: 'duplicate_member',
      });
      expect((await t.store.members.listMembers('u1')).map((m) => m.memberNumber)).toEqual(['M1', 'M2', 'M3']);
    });

    it('rolls back everything when the database refuses a row late in a large import', async () => {
      await seedUnion(t.store, 'u1', 3);
      const rows = Array.from({ length: 2_500 }, (_, i) => member(100 + i));
      const broken = [
        ...rows.slice(0, 2_400),
        member(9_999, { name: null as unknown as string }),
        ...rows.slice(2_400),
      ];
      await expect(t.store.members.importRoll('u1', broken)).rejects.toThrow();
      expect((await t.store.members.listMembers('u1')).map((m) => m.memberNumber)).toEqual(['M1', 'M2', 'M3']);
      expectOk(await t.store.members.importRoll('u1', rows));
      expect(await t.store.members.listMembers('u1')).toHaveLength(2_500);
    });
  });

  describe('dual membership', () => {
    it('lists members of both unions by email, and only those', async () => {
      expectOk(await t.store.members.createUnion({ id: 'sag', name: 'SAG' }));
      expectOk(await t.store.members.createUnion({ id: 'aftra', name: 'AFTRA' }));
      expectOk(
        await t.store.members.importRoll('sag', [
          member(1, { email: 'both@example.org' }),
          member(2),
          member(3, { email: 'also@example.org' }),
        ]),
      );
      expectOk(
        await t.store.members.importRoll('aftra', [
          member(50, { email: 'both@example.org', goodStanding: false }),
          member(2, { email: 'other@example.org' }), // same member number, different person
          member(51, { email: 'also@example.org' }),
        ]),
      );
      const duals = await t.store.members.listDualMembers('sag', 'aftra');
      expect(
        duals.map((d) => [
          d.email,
          d.first.unionId,
          d.first.memberNumber,
          d.second.unionId,
          d.second.memberNumber,
        ]),
      ).toEqual([
        ['also@example.org', 'sag', 'M3', 'aftra', 'M51'],
        ['both@example.org', 'sag', 'M1', 'aftra', 'M50'],
      ]);
      expect(duals[1]?.second.goodStanding).toBe(false);
    });
  });
}
