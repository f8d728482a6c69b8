// Seeds the demo (design §6) on the given store, idempotently: two unions with 440 people in both,
// a real 2-of-3 trustee ceremony, two open votes, one credential per eligible member, and a few
// hundred sample ballots made exactly as the booth makes them. The demo's secrets (sample
// trustees' key shares, members' private credentials) are written ONLY to files under `dir` for the
// newcomer to use; the server never stores them. Takes seconds.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Group,
  type TrusteeKey,
  systemRandom,
  toHex,
  fromHex,
  unwrap,
} from '@ratify/crypto';
import { type Engine, definitionCeremonyContext, newAuthority, runLocalCeremony, serverAuthority } from '@ratify/engine';
import { asUnionId, asVoteId, createBallot, credentialSecret, encodeBallot, formatPrivateCredential, generatePrivateCredential, type PrivateCredential, publicCredential } from '@ratify/protocol';
import { type CampaignDemoOptions, seedCampaignDemo } from './campaigns.ts';
import { DEMO_SCALE, type DemoScale, demoRolls } from './people.ts';
import { demoVotes } from './votes.ts';
import { linkDemoOffers } from './bargaining.ts';
import { seedDemoFollowUps, withDemoFollowUps } from './follow-ups.ts';
import { seedDemoObserver } from './observer.ts';

export type DemoSeedResult = {
  readonly seeded: boolean;
  readonly votes: readonly string[];
  /** A member of both unions and one of each, with their credentials (demo only). */
  readonly samples: readonly { readonly memberNumber: string; readonly union: string; readonly voteId: string; readonly credential: string }[];
};

type StoredKey = { trustee: number; threshold: number; secretShare: string; jointPublicKey: string; publicKeyShares: string[] };

export function saveTrusteeKeys(group: Group, file: string, keys: readonly TrusteeKey[]): void {
  const data: StoredKey[] = keys.map((k) => ({
    trustee: k.trustee,
    threshold: k.threshold,
    secretShare: toHex(group.scalars.encode(k.secretShare)),
    jointPublicKey: toHex(group.encodeElement(k.jointPublicKey)),
    publicKeyShares: k.publicKeyShares.map((p) => toHex(group.encodeElement(p))),
  }));
  writeFileSync(file, JSON.stringify(data, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
}

export function loadTrusteeKeys(group: Group, file: string): TrusteeKey[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as StoredKey[];
  const el = (h: string) => unwrap(group.decodeElement(fromHex(h)!));
  return data.map((k) => ({
    trustee: k.trustee,
    threshold: k.threshold,
    secretShare: unwrap(group.scalars.decode(fromHex(k.secretShare)!)),
    jointPublicKey: el(k.jointPublicKey),
    publicKeyShares: k.publicKeyShares.map(el),
  }));
}

function readSamples(dir: string): DemoSeedResult['samples'] {
  const file = join(dir, 'samples.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoSeedResult['samples']) : [];
}

export async function seedDemo(
  engine: Engine,
  dir: string,
  now: Date,
  scale: DemoScale = DEMO_SCALE,
  sampleTurnout = 0.12,
  campaigns: CampaignDemoOptions = { secretKey: null, publicUrl: 'http://127.0.0.1:3000' },
): Promise<DemoSeedResult> {
  const { store, group } = engine;
  const definitions = await linkDemoOffers(store, withDemoFollowUps(demoVotes(now)));
  if (await store.votes.getVote(asVoteId(definitions[0]!.voteId))) return { seeded: false, votes: definitions.map((d) => d.voteId), samples: readSamples(dir) };
  mkdirSync(dir, { recursive: true });
  const rolls = demoRolls(scale);
  unwrap(await store.members.createUnion({ id: asUnionId('guild'), name: 'Screen Actors Guild (demo)' }));
  unwrap(await store.members.createUnion({ id: asUnionId('federation'), name: 'Television and Radio Artists Federation (demo)' }));
  unwrap(await store.members.importRoll(asUnionId('guild'), rolls.guild));
  unwrap(await store.members.importRoll(asUnionId('federation'), rolls.federation));

  const first = definitions[0]!;
  const ceremony = runLocalCeremony(group, { context: definitionCeremonyContext(first), threshold: 2, trusteeCount: 3 }, systemRandom);
  const samples: { memberNumber: string; union: string; voteId: string; credential: string }[] = [];
  const allKeys: Record<string, string> = {};
  for (const [v, demo] of definitions.entries()) {
    // The demo server makes its members' credentials itself: it is the credential authority (server
    // mode, decision 0006/0017), and the result page says the vote is not protected against ballot
    // stuffing by the operator. With RATIFY_SECRET_KEY its key is the one the running server derives
    // (so credential replacements work); without, a key used once and not kept.
    const authority = campaigns.secretKey !== null ? serverAuthority(group, campaigns.secretKey, demo.voteId, demo.electionId) : newAuthority(group, 'server');
    const definition = { ...demo, credentialAuthority: authority.credentialAuthority };
    // Each vote has its own ceremony context (vote id): the sample trustees run one ceremony per vote.
    const run = v === 0 ? ceremony : runLocalCeremony(group, { context: definitionCeremonyContext(definition), threshold: 2, trusteeCount: 3 }, systemRandom);
    const keyFile = join(dir, `trustee-keys-${definition.voteId}.json`);
    saveTrusteeKeys(group, keyFile, run.keys);
    allKeys[definition.voteId] = keyFile;
    const manifest = unwrap(await engine.createVote(definition, run.messages));
    const entries = (await store.rolls.listRollEntries(asVoteId(definition.voteId))).filter((e) => e.status === 'eligible');
    const credentials = entries.map(() => generatePrivateCredential());
    const lines = ['member_number,name,email,credential'];
    entries.forEach((e, i) => lines.push([e.memberNumber, JSON.stringify(e.name), e.email, formatPrivateCredential(credentials[i]!)].join(',')));
    const delivery = join(dir, `credentials-${definition.voteId}.csv`);
    writeFileSync(delivery, lines.join('\n') + '\n', { mode: 0o600 });
    // With the private member ↔ credential link: a member session casts only with its own credential.
    unwrap(await engine.publishHeldCredentials(asVoteId(definition.voteId), credentials.map((c, i) => ({ credential: toHex(group.encodeElement(publicCredential(group, manifest, c))), memberNumber: entries[i]!.memberNumber })), { key: authority.key }));
    unwrap(await engine.openVote(asVoteId(definition.voteId)));
    await castSampleBallots(engine, definition.voteId, credentials, entries.map((e) => e.memberNumber), sampleTurnout, v === 0 ? 0.62 : 0.77);
    const pick = (pred: (memberNumber: string, email: string) => boolean) => {
      const i = entries.findIndex((e) => pred(e.memberNumber, e.email));
      if (i >= 0) samples.push({ memberNumber: entries[i]!.memberNumber, union: definition.unionId, voteId: definition.voteId, credential: formatPrivateCredential(credentials[i]!) });
    };
    // The last sampled index is never pre-voted (see castSampleBallots), so a newcomer votes first.
    const dualEmail = rolls.guild[scale.guild - 1]!.email;
    pick((_, email) => email === dualEmail);
  }
  await seedDemoFollowUps(engine, now);
  writeFileSync(join(dir, 'samples.json'), JSON.stringify(samples, null, 2), { mode: 0o600 });
  await seedCampaignDemo(engine, dir, campaigns);
  await seedDemoObserver(engine, dir);
  return { seeded: true, votes: definitions.map((d) => d.voteId), samples };
}

/**
 * Sample ballots go through the path of a signed-in member's ballot (engine.castBallot with the
 * member as participant: their own credential only), so "has voted", the staff turnout and the
 * board all count the same ballots.
 */
async function castSampleBallots(engine: Engine, voteId: string, credentials: readonly PrivateCredential[], members: readonly string[], turnout: number, yesShare: number) {
  const ctx = unwrap(await engine.context(asVoteId(voteId)));
  const voters = Math.floor(credentials.length * turnout);
  // Sample voters are spread over the roll, never the last entry (kept for the newcomer).
  for (let i = 0; i < voters; i++) {
    const index = Math.floor((i * (credentials.length - 1)) / Math.max(voters, 1));
    const yes = (i * 37) % 100 < yesShare * 100;
    const secret = credentialSecret(engine.group, ctx.manifest, credentials[index]!);
    const { ballot } = unwrap(createBallot(ctx.ballotParams, [yes ? [1, 0] : [0, 1]], secret));
    unwrap(await engine.castBallot(asVoteId(voteId), encodeBallot(engine.group, ballot), { memberNumber: members[index]! }));
  }
}
