// Reading a vote definition (engine VoteDefinition: a manifest without the joint key, commitments and
// roll size) from a human-written JSON file, and checking it BEFORE any trustee runs a ceremony for
// it: the manifest schema and invariants are applied with placeholder keys (G for every commitment),
// so a typo is reported now and not after the ceremony. Must not create anything.
import { type Group, toHex } from '@ratify/crypto';
import type { VoteDefinition } from '@ratify/engine';
import { createManifest } from '@ratify/protocol';
import { isObject, readJson, refuse } from './io.ts';

/** What the administrator writes: a definition without the election id (`ratify vote context` makes it). */
export type DefinitionFile = Omit<VoteDefinition, 'electionId'>;

/** Stands in for the election id while a definition file is only checked. */
const PLACEHOLDER_ELECTION_ID = '00000000000000000000000000000000';

function shapeOf(value: unknown, file: string): DefinitionFile {
  const bad = (what: string): never => refuse('invalid_definition', `${file}: ${what}`);
  if (!isObject(value)) return bad('expected a JSON object');
  if (typeof value['voteId'] !== 'string') bad('voteId must be a string');
  if (typeof value['unionId'] !== 'string') bad('unionId must be a string');
  const trustees = value['trustees'];
  if (!isObject(trustees)) return bad('trustees must be an object { threshold, members }');
  if (!Number.isSafeInteger(trustees['threshold'])) bad('trustees.threshold must be an integer');
  const members = trustees['members'];
  if (!Array.isArray(members) || members.length === 0) return bad('trustees.members must be a non-empty array');
  for (const [i, m] of members.entries()) {
    if (!isObject(m) || typeof m['id'] !== 'string' || typeof m['name'] !== 'string') bad(`trustees.members[${i}] must be { id, name }`);
  }
  for (const key of ['jointPublicKey', 'eligibleCount', 'version']) {
    if (key in value) bad(`${key} is filled in by \`ratify vote create\`; remove it`);
  }
  if ('electionId' in value) bad('electionId is made at random by `ratify vote context` (it is in ceremony.json); remove it');
  // The remaining fields are checked by the manifest schema in checkDefinition.
  return value as unknown as DefinitionFile;
}

/** Applies the manifest schema and invariants with placeholder keys; refuses with the first problem. */
export function checkDefinition(group: Group, definition: DefinitionFile, file: string): void {
  const { threshold, members } = definition.trustees;
  if (!(threshold >= 1 && threshold <= members.length)) {
    refuse('threshold_exceeds_trustees', `${file}: threshold ${threshold} with ${members.length} trustees`);
  }
  const g = toHex(group.encodeElement(group.generator));
  const joint = toHex(group.encodeElement(group.baseMultiply(group.scalars.fromBigint(members.length))));
  const draft = createManifest({
    ...definition,
    electionId: PLACEHOLDER_ELECTION_ID,
    trustees: { threshold, members: members.map((m) => ({ ...m, commitments: Array.from({ length: threshold }, () => g) })) },
    jointPublicKey: joint,
    eligibleCount: 1,
  });
  if (!draft.ok) refuse(draft.error === 'schema_mismatch' ? 'invalid_definition' : draft.error, `${file}: ${draft.error}${draft.detail ? ` (${draft.detail})` : ''}`);
}

export async function readDefinition(group: Group, file: string): Promise<DefinitionFile> {
  const definition = shapeOf(await readJson(file), file);
  checkDefinition(group, definition, file);
  return definition;
}
