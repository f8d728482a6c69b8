// One vote's booth: loads the manifest (checked against its fingerprint), asks the worker to prepare
// the election key while the member reads, then runs the cast-or-audit machine (booth-state.ts):
// encrypt in the worker → review → audit (reveal, discard, encrypt again) or cast → receipt.
// The credential stays in this page's memory and the worker; it is never sent to the server.
import { assertNever } from '@ratify/crypto';
import { checkElectionFingerprint, parsePrivateCredential, parseReceipt, parseWireManifest, type Manifest, type Receipt as CastReceipt } from '@ratify/protocol';
import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { api, type ApiFailure } from '../api.ts';
import { callWorker } from '../crypto/worker-client.ts';
import type { WorkerError } from '../crypto/worker-protocol.ts';
import type { MessageKey } from '../i18n/en.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Loading, PageHeading, Status } from '../ui/page.tsx';
import { BallotForm, type CredentialProblem } from './ballot-form.tsx';
import { boothReducer, INITIAL_BOOTH_STATE } from './booth-state.ts';
import { capturedCredential } from './credential-link.ts';
import { checkCredentialForVote } from './credential-check.ts';
import { BoothReading, hasReading } from './reading.tsx';
import { Audited, Receipt, Review } from './review.tsx';
import { checkChoices, emptyChoices, fromSelections, toSelections, type Choices } from './selections.ts';
import { SignIn } from './sign-in.tsx';
import { useMember, type Me } from './use-member.ts';

type Loaded = { readonly manifest: Manifest; readonly manifestText: string; readonly fingerprint: string };
type LoadState = { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly vote: Loaded } | { readonly kind: 'failed'; readonly message: MessageKey | ApiFailure };

const WORKER_MESSAGES: Partial<Record<WorkerError, MessageKey>> = {
  bad_credential_format: 'ballot.credential_format',
  bad_credential_checksum: 'ballot.credential_checksum',
  fingerprint_mismatch: 'error.fingerprint_mismatch',
  invalid_manifest: 'error.fingerprint_mismatch',
};

function useBallotParams(voteId: string): LoadState {
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    void api.ballotParams(voteId).then((r) => {
      if (!live) return;
      if (!r.ok) return setState({ kind: 'failed', message: r });
      const m = parseWireManifest(r.value.manifest);
      if (!m.ok || !checkElectionFingerprint(m.value, r.value.fingerprint)) return setState({ kind: 'failed', message: 'error.fingerprint_mismatch' });
      setState({ kind: 'ready', vote: { manifest: m.value, manifestText: r.value.manifest, fingerprint: r.value.fingerprint } });
      // Precompute the election key in the worker while the member reads.
      void callWorker('prepared', { kind: 'prepare', manifest: r.value.manifest, fingerprint: r.value.fingerprint });
    });
    return () => {
      live = false;
    };
  }, [voteId]);
  return state;
}

function Booth({ vote, me, onSignedOut }: { readonly vote: Loaded; readonly me: Me; readonly onSignedOut: () => void }) {
  const { t } = useI18n();
  const { manifest } = vote;
  const entry = me.votes.find((v) => v.voteId === manifest.voteId);
  const [state, dispatch] = useReducer(boothReducer, INITIAL_BOOTH_STATE);
  const [choices, setChoices] = useState<Choices>(() => emptyChoices(manifest));
  const linkCredential = capturedCredential();
  const [credential, setCredential] = useState(linkCredential ?? '');
  const [attempted, setAttempted] = useState(false);
  /** The vote's verdict on the credential as typed (checked before encrypting); cleared when it changes. */
  const [listProblem, setListProblem] = useState<{ readonly credential: string; readonly problem: 'not_for_vote' | 'replaced' } | undefined>();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [voted, setVoted] = useState(entry?.hasVoted ?? false);
  const [receipt, setReceipt] = useState<CastReceipt | undefined>();
  const focusRef = useRef<string>('');

  useEffect(() => {
    // Move focus to the heading of each new screen so keyboard and screen-reader users follow along.
    if (focusRef.current === state.kind) return;
    focusRef.current = state.kind;
    const id = { review: 'review-heading', audited: 'audited-heading', cast: 'receipt-heading' }[state.kind as string];
    if (id) document.getElementById(id)?.focus();
  }, [state.kind]);

  if (entry === undefined) return <ErrorAlert message={t('error.not_eligible')} />;
  if (entry.status !== 'open') return <p>{t('ballot.not_open')}</p>;
  if (voted && manifest.revotePolicy === 'first_counts' && state.kind !== 'cast') return <p>{t('ballot.already_first_counts')}</p>;

  const problems = attempted ? checkChoices(manifest, choices) : [];
  const parsedCredential = parsePrivateCredential(credential);
  const credentialProblem: CredentialProblem | undefined = !attempted
    ? undefined
    : credential.trim() === ''
      ? 'missing'
      : !parsedCredential.ok
        ? parsedCredential.error
        : listProblem !== undefined && listProblem.credential === credential
          ? listProblem.problem
          : undefined;

  const encrypt = async (selectionsChoices: Choices) => {
    setError(undefined);
    const selections = toSelections(manifest, selectionsChoices);
    dispatch({ kind: 'encrypt', selections });
    setStatus(t('ballot.encrypting'));
    const r = await callWorker('encrypted', { kind: 'encrypt', voteId: manifest.voteId, selections: selections.map((s) => [...s]), credential });
    if (!r.ok) {
      dispatch({ kind: 'encrypt_failed' });
      setStatus('');
      return setError(t(WORKER_MESSAGES[r.error] ?? 'error.encrypt_failed'));
    }
    dispatch({ kind: 'encrypted', ballot: r.value.ballot, trackingCode: r.value.trackingCode, millis: r.value.millis });
    setStatus(t('ballot.encrypted'));
  };

  const submit = async () => {
    setAttempted(true);
    setError(undefined);
    if (checkChoices(manifest, choices).length > 0 || !parsedCredential.ok) return setError(t('ballot.fix_problems'));
    // Before encrypting: is this credential one of this vote's (published, not replaced)?
    setStatus(t('ballot.checking_credential'));
    const checked = await checkCredentialForVote(manifest.voteId, credential);
    setStatus('');
    switch (checked.kind) {
      case 'ok':
        setListProblem(undefined);
        return encrypt(choices);
      case 'not_for_vote':
      case 'replaced':
        setListProblem({ credential, problem: checked.kind });
        return setError(t(checked.kind === 'replaced' ? 'ballot.credential_replaced' : 'ballot.credential_not_for_vote'));
      case 'worker_failed':
        return setError(t(WORKER_MESSAGES[checked.error] ?? 'error.encrypt_failed'));
      case 'lookup_failed':
        return setError(t('ballot.credential_check_failed', { reason: describeFailure(t, checked.failure) }));
      default:
        return assertNever(checked);
    }
  };

  const audit = async () => {
    if (state.kind !== 'review') return;
    dispatch({ kind: 'audit' });
    setStatus(t('review.revealing'));
    const r = await callWorker('revealed', { kind: 'reveal', trackingCode: state.trackingCode });
    if (!r.ok) {
      dispatch({ kind: 'reveal_failed' });
      return setError(t('error.encrypt_failed'));
    }
    dispatch({ kind: 'revealed', auditPackage: r.value.auditPackage });
    setStatus(t('audited.status'));
  };

  const cast = async () => {
    if (state.kind !== 'review') return;
    setError(undefined);
    dispatch({ kind: 'cast' });
    setStatus(t('review.casting'));
    const r = await api.castBallot(manifest.voteId, state.ballot);
    if (!r.ok) {
      dispatch({ kind: 'rejected' });
      setStatus('');
      if (r.code === 'not_signed_in') onSignedOut();
      return setError(describeFailure(t, r));
    }
    void callWorker('forgotten', { kind: 'forget' });
    const kept = parseReceipt(r.value.receipt);
    setReceipt(kept.ok ? kept.value : undefined);
    dispatch({ kind: 'accepted', trackingCode: r.value.trackingCode, boardHead: r.value.boardHead });
    setVoted(true);
    setStatus(t('receipt.status'));
  };

  const revealedChoices = state.kind === 'audited' || state.kind === 'review' || state.kind === 'casting' ? fromSelections(state.selections) : choices;
  return (
    <>
      {voted && state.kind !== 'cast' ? <p class="notice">{manifest.revotePolicy === 'last_counts' ? t('ballot.revote_note') : t('ballot.already_first_counts')}</p> : null}
      {state.kind === 'choosing' || state.kind === 'encrypting' ? (
        <>
          <BallotForm
            reading={<BoothReading manifest={manifest} />}
            hasReading={hasReading(manifest)}
            manifest={manifest}
            choices={choices}
            onChoices={setChoices}
            credential={credential}
            onCredential={setCredential}
            credentialFromLink={linkCredential !== undefined && credential === linkCredential}
            problems={problems}
            credentialProblem={credentialProblem}
            busy={state.kind === 'encrypting'}
            onSubmit={() => void submit()}
            actionError={error}
          />
        </>
      ) : null}
      {state.kind === 'review' || state.kind === 'casting' || state.kind === 'revealing' ? (
        <Review
          manifest={manifest}
          choices={revealedChoices}
          trackingCode={state.trackingCode}
          millis={state.kind === 'revealing' ? 0 : state.millis}
          busy={state.kind !== 'review'}
          onCast={() => void cast()}
          onAudit={() => void audit()}
          onChange={() => dispatch({ kind: 'change' })}
          actionError={error}
        />
      ) : null}
      {state.kind === 'audited' ? (
        <Audited
          manifest={manifest}
          choices={revealedChoices}
          trackingCode={state.trackingCode}
          auditPackage={state.auditPackage}
          onEncryptAgain={() => void encrypt(revealedChoices)}
          onChange={() => dispatch({ kind: 'change' })}
        />
      ) : null}
      {state.kind === 'cast' ? (
        <Receipt
          voteId={manifest.voteId}
          receipt={receipt}
          trackingCode={state.trackingCode}
          boardHead={state.boardHead}
          mayRevote={manifest.revotePolicy === 'last_counts'}
          onVoteAgain={() => dispatch({ kind: 'vote_again' })}
        />
      ) : null}
      <Status message={status} />
      {/* Errors of the ballot and review screens sit under their buttons; the others here. */}
      {state.kind === 'choosing' || state.kind === 'encrypting' || state.kind === 'review' || state.kind === 'casting' ? null : <ErrorAlert message={error} />}
    </>
  );
}

export function BallotPage({ voteId }: { readonly voteId: string }) {
  const { t } = useI18n();
  const params = useBallotParams(voteId);
  const { state: member, reload } = useMember();
  const title = params.kind === 'ready' ? params.vote.manifest.title : t('ballot.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {params.kind === 'ready' ? <p class="subtitle">{params.vote.manifest.unionName}</p> : null}
      {params.kind === 'loading' || member.kind === 'loading' ? <Loading /> : null}
      {params.kind === 'failed' ? (
        <ErrorAlert message={typeof params.message === 'string' ? t(params.message) : describeFailure(t, params.message)} />
      ) : null}
      {member.kind === 'signed_out' ? <SignIn onSignedIn={reload} /> : null}
      {member.kind === 'failed' ? <ErrorAlert message={describeFailure(t, member.failure)} /> : null}
      {params.kind === 'ready' && member.kind === 'signed_in' ? <Booth vote={params.vote} me={member.me} onSignedOut={reload} /> : null}
    </>
  );
}
