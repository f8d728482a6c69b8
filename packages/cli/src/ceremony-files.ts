// The key ceremony as files: `ceremony.json` (public parameters the administrator hands to trustees:
// vote id, the random election id, k, the trustees in order, the context hex) and a directory of public message files, one
// per message, `trustee-<i>-<kind>[-<j>].json`, each the canonical wire text (protocol codec/v1).
// Parsing is strict; a file whose name disagrees with its author is refused. No secrets here.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type CeremonyMessage, type Group, type ThresholdParameters, assertNever, fromHex, messageAuthor, toHex } from '@ratify/crypto';
import type { VoteDefinition } from '@ratify/engine';
import { definitionCeremonyContext } from '@ratify/engine';
import { ceremonyContext, encodeCeremonyMessage, parseElectionId, parseWireCeremonyMessage } from '@ratify/protocol';
import { CliFailure, EXIT_USAGE, isObject, readJson, readText, refuse, writeText } from './io.ts';

export const CEREMONY_FORMAT = 'ratify-ceremony/v2';

export type CeremonyFile = {
  readonly format: typeof CEREMONY_FORMAT;
  readonly voteId: string;
  /** The vote's random election id (protocol §M3), made by `ratify vote context`; the context is bound to it. */
  readonly electionId: string;
  readonly threshold: number;
  readonly trustees: readonly { readonly index: number; readonly id: string; readonly name: string }[];
  /** Ceremony context (protocol ceremony-context.ts), hex. */
  readonly context: string;
};

export function ceremonyFileOf(definition: VoteDefinition): CeremonyFile {
  return {
    format: CEREMONY_FORMAT,
    voteId: definition.voteId,
    electionId: definition.electionId,
    threshold: definition.trustees.threshold,
    trustees: definition.trustees.members.map((m, i) => ({ index: i + 1, id: m.id, name: m.name })),
    context: toHex(definitionCeremonyContext(definition)),
  };
}

/** Reads ceremony.json and recomputes its context: a trustee never trusts the hex it was handed. */
export async function readCeremonyFile(path: string): Promise<{ readonly file: CeremonyFile; readonly parameters: ThresholdParameters }> {
  const value = await readJson(path);
  const bad = (what: string): never => refuse('invalid_ceremony_file', `${path}: ${what}`);
  if (!isObject(value) || value['format'] !== CEREMONY_FORMAT)
    return bad(`expected format ${CEREMONY_FORMAT}${isObject(value) && value['format'] === 'ratify-ceremony/v1' ? ' (this file is from protocol ratify/v1, without an election id: run `ratify vote context` again)' : ''}`);
  const { voteId, electionId, threshold, trustees, context } = value;
  if (typeof voteId !== 'string' || typeof electionId !== 'string' || typeof context !== 'string' || !Number.isSafeInteger(threshold) || !Array.isArray(trustees)) return bad('missing fields');
  if (!parseElectionId(electionId).ok) bad('electionId must be 32 lowercase hex characters');
  const list = trustees.map((t, i) =>
    isObject(t) && t['index'] === i + 1 && typeof t['id'] === 'string' && typeof t['name'] === 'string'
      ? { index: i + 1, id: t['id'], name: t['name'] }
      : bad(`trustees[${i}] must be { index: ${i + 1}, id, name }`),
  );
  const k = threshold as number;
  if (!(k >= 1 && k <= list.length)) bad(`threshold ${k} with ${list.length} trustees`);
  const recomputed = ceremonyContext({ voteId, electionId: electionId as string }, k, list.map((t) => t.id));
  if (toHex(recomputed) !== context) refuse('ceremony_context_mismatch', `${path}: the context does not match the vote id, election id, threshold and trustees`);
  return {
    file: { format: CEREMONY_FORMAT, voteId, electionId: electionId as string, threshold: k, trustees: list, context },
    parameters: { context: fromHex(context)!, threshold: k, trusteeCount: list.length },
  };
}

export function messageFileName(message: CeremonyMessage): string {
  switch (message.kind) {
    case 'commitments':
      return `trustee-${message.trustee}-commitments.json`;
    case 'encrypted_shares':
      return `trustee-${message.sender}-shares.json`;
    case 'complaint':
      return `trustee-${message.accuser}-complaint-${message.accused}.json`;
    case 'share_reveal':
      return `trustee-${message.sender}-reveal-${message.recipient}.json`;
    case 'key_confirmation':
      return `trustee-${message.trustee}-confirmation.json`;
    default:
      return assertNever(message);
  }
}

const MESSAGE_FILE = /^trustee-(\d+)-[a-z]+(?:-\d+)?\.json$/;

/** Every message file in `dir`, parsed strictly, in file-name order. */
export async function readMessages(group: Group, dir: string): Promise<CeremonyMessage[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => MESSAGE_FILE.test(n)).sort();
  } catch (error) {
    throw new CliFailure('io_error', `cannot read the ceremony directory ${dir}: ${error instanceof Error ? error.message : ''}`, EXIT_USAGE);
  }
  const messages: CeremonyMessage[] = [];
  for (const name of names) {
    const parsed = parseWireCeremonyMessage(group, await readText(join(dir, name)));
    if (!parsed.ok) refuse('invalid_message', `${join(dir, name)}: ${parsed.error}${parsed.detail ? ` (${parsed.detail})` : ''}`);
    else {
      if (messageFileName(parsed.value) !== name) refuse('invalid_message', `${join(dir, name)}: its content is a ${parsed.value.kind} message of trustee ${messageAuthor(parsed.value)}`);
      messages.push(parsed.value);
    }
  }
  return messages;
}

export async function writeMessage(group: Group, dir: string, message: CeremonyMessage): Promise<string> {
  const path = join(dir, messageFileName(message));
  await writeText(path, encodeCeremonyMessage(group, message));
  return path;
}
