// Loads the signed-in member (GET /api/me): `signed_out` on 401, so pages can show the sign-in form.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, type ApiFailure, type ResponseOf } from '../api.ts';

export type Me = ResponseOf<'me'>;
export type MemberState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'signed_out' }
  | { readonly kind: 'signed_in'; readonly me: Me }
  | { readonly kind: 'failed'; readonly failure: ApiFailure };

export function useMember(): { readonly state: MemberState; readonly reload: () => void } {
  const [state, setState] = useState<MemberState>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    void api.me().then((r) => {
      if (!live) return;
      if (r.ok) setState({ kind: 'signed_in', me: r.value });
      else if (r.status === 401 || r.code === 'not_signed_in') setState({ kind: 'signed_out' });
      else setState({ kind: 'failed', failure: r });
    });
    return () => {
      live = false;
    };
  }, [generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { state, reload };
}
