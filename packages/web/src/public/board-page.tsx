// The public board: every accepted ballot's tracking code, searchable by prefix (a voter pastes the
// code from their receipt, with or without hyphens), paged, with the board's chain head hash.
import { useEffect, useState } from 'preact/hooks';
import { api, type ResponseOf } from '../api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { navigate } from '../ui/navigation.ts';
import { ErrorAlert, PageHeading, Status } from '../ui/page.tsx';
import { ReceiptCheck } from './receipt-check.tsx';

type Board = ResponseOf<'board'>;
const PAGE = 100;

/** What a voter may type → a lowercase hex prefix (hyphens and spaces dropped); undefined if not hex. */
export function normaliseCodeQuery(text: string): string | undefined {
  const s = text.replace(/[\s-]/g, '').toLowerCase();
  return /^[0-9a-f]{0,64}$/.test(s) ? s : undefined;
}

function groupCode(code: string): string {
  return code.match(/.{1,4}/g)?.join(' ') ?? code;
}

export function BoardPage({ voteId, q }: { readonly voteId: string; readonly q: string }) {
  const { t } = useI18n();
  const [query, setQuery] = useState(q);
  const [board, setBoard] = useState<Board | undefined>();
  const [status, setStatus] = useState(t('common.loading'));
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    setStatus(t('common.loading'));
    void api.board(voteId, { ...(q ? { q } : {}), limit: PAGE }).then((r) => {
      if (!live) return;
      if (!r.ok) {
        setStatus('');
        return setError(describeFailure(t, r));
      }
      setError(undefined);
      setBoard(r.value);
      const n = r.value.ballots.length;
      setStatus(q ? (n === 0 ? t('board.no_match', { q }) : t('board.matches', { n: r.value.next === null ? n : `${n}+`, q })) : t('board.count', { n: r.value.next === null ? n : `${n}+` }));
    });
    return () => {
      live = false;
    };
  }, [voteId, q, t]);

  const more = async () => {
    if (!board || board.next === null) return;
    const r = await api.board(voteId, { ...(q ? { q } : {}), from: board.next, limit: PAGE });
    if (!r.ok) return setError(describeFailure(t, r));
    setBoard({ ...r.value, ballots: [...board.ballots, ...r.value.ballots] });
    setStatus(t('board.loaded', { n: board.ballots.length + r.value.ballots.length }));
  };

  const search = (e: Event) => {
    e.preventDefault();
    const prefix = normaliseCodeQuery(query);
    if (prefix === undefined) return setError(t('board.bad_query'));
    setError(undefined);
    navigate(`/votes/${voteId}/board${prefix ? `?q=${prefix}` : ''}`, { replace: true });
  };

  return (
    <>
      <PageHeading title={t('board.title')}>{t('board.title')}</PageHeading>
      <p>
        {t('board.intro')} <a href={`/votes/${voteId}`}>{t('board.back_to_vote')}</a>
      </p>
      <form role="search" onSubmit={search} class="inline-form" noValidate>
        <label for="board-q">{t('board.search_label')}</label>
        <p class="hint" id="board-q-hint">{t('board.search_hint')}</p>
        <input id="board-q" name="q" value={query} aria-describedby="board-q-hint" autocomplete="off" spellcheck={false} onInput={(e) => setQuery(e.currentTarget.value)} />
        <button type="submit">{t('board.search')}</button>
      </form>
      <Status message={status} />
      <ErrorAlert message={error} />
      {board ? (
        <>
          <p>
            {t('board.head')} <span class="mono wrap" id="board-head">{board.head ? board.head.hash : t('board.empty')}</span>
          </p>
          {board.ballots.length > 0 ? (
            <table class="board">
              <caption class="visually-hidden">{t('board.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('board.col_seq')}</th>
                  <th scope="col">{t('board.col_code')}</th>
                  <th scope="col">{t('board.col_counted')}</th>
                </tr>
              </thead>
              <tbody>
                {board.ballots.map((b) => (
                  <tr key={b.sequence}>
                    <td>{b.sequence}</td>
                    <td class="mono code-cell" data-tracking-code={b.trackingCode}>
                      {groupCode(b.trackingCode)}
                    </td>
                    <td>{b.counted ? t('board.counted') : t('board.superseded')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {board.next !== null ? (
            <button type="button" class="secondary" onClick={() => void more()}>
              {t('board.more')}
            </button>
          ) : null}
        </>
      ) : null}
      <ReceiptCheck voteId={voteId} />
    </>
  );
}
