// Deterministic sample people for the demo (no real persons): names from short lists, member
// numbers per union, and which people belong to both unions. Pure.

const FIRST = ['Alex', 'Maria', 'Sam', 'Jordan', 'Lee', 'Priya', 'Chris', 'Dana', 'Luis', 'Kim', 'Robin', 'Ana', 'Terry', 'Noor', 'Jesse', 'Carmen', 'Pat', 'Yuki', 'Morgan', 'Rosa'];
const LAST = ['Rivera', 'Chen', 'Okafor', 'Smith', 'Garcia', 'Novak', 'Khan', 'Brown', 'Silva', 'Cohen', 'Kowalski', 'Nguyen', 'Martin', 'Haddad', 'Lopez', 'Stone', 'Park', 'Moreau', 'Ali', 'Reyes'];

export type DemoPerson = { readonly name: string; readonly email: string };

export function demoPerson(i: number): DemoPerson {
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
  return { name: `${first} ${last}`, email: `member${String(i + 1).padStart(5, '0')}@demo.ratify.invalid` };
}

export type DemoScale = { readonly guild: number; readonly federation: number; readonly both: number };

/** 2008 at 1/100: 120,000 → 1,200 guild members, 70,000 → 700 federation members, 44,000 → 440 in both. */
export const DEMO_SCALE: DemoScale = { guild: 1200, federation: 700, both: 440 };

/** People 0 … guild−1 are guild members; the last `both` of them and the next federation−both people are federation members. */
export function demoRolls(scale: DemoScale) {
  const guild = Array.from({ length: scale.guild }, (_, i) => ({ person: i, memberNumber: `S${String(i + 1).padStart(6, '0')}` }));
  const firstFed = scale.guild - scale.both;
  const federation = Array.from({ length: scale.federation }, (_, j) => ({ person: firstFed + j, memberNumber: `A${String(j + 1).padStart(6, '0')}` }));
  const toRow = (m: { person: number; memberNumber: string }) => ({ memberNumber: m.memberNumber, ...demoPerson(m.person), goodStanding: m.person % 97 !== 5, unit: m.person % 3 === 0 ? 'Los Angeles' : m.person % 3 === 1 ? 'New York' : 'Chicago' });
  return { guild: guild.map(toRow), federation: federation.map(toRow) };
}
