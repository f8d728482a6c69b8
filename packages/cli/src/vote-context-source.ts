// Where a voter-side or trustee-side command gets a vote's manifest: from a manifest.json file (an
// exported record, or one the voter downloaded: the independent path) or from the database. Either
// way it is parsed strictly and the derived values are recomputed here (engine buildVoteContext).
import { ristretto255 } from '@ratify/crypto';
import { type VoteContext, buildVoteContext } from '@ratify/engine';
import { parseWireManifest } from '@ratify/protocol';
import type { GlobalOptions } from './db.ts';
import { withEngine } from './db.ts';
import { check, readText, refuse, voteIdArg } from './io.ts';

export async function loadVoteContext(globals: GlobalOptions, voteId: string | undefined, manifestFile: string | undefined): Promise<VoteContext> {
  if (manifestFile !== undefined) {
    const manifest = check(parseWireManifest(await readText(manifestFile)), manifestFile);
    if (voteId !== undefined && manifest.voteId !== voteId) refuse('wrong_vote', `${manifestFile} is the manifest of vote ${manifest.voteId}, not ${voteId}`);
    return buildVoteContext(ristretto255, manifest);
  }
  if (voteId === undefined) return refuse('missing_option', 'give the vote id (or --manifest <manifest.json>)');
  const id = voteIdArg(voteId);
  return withEngine(globals, async (engine) => check(await engine.context(id), `vote ${id}`));
}
