// Maps API failure codes to the words a person reads: `error.<code>` in the loaded catalogues (the
// member catalogue has the codes the booth and public pages meet; the staff pages' chunk adds the
// rest, i18n/staff-errors-*.ts). An unknown code falls back to a generic message with the code
// shown, so support can still help.
import type { ApiFailure } from '../api.ts';
import type { MessageKey } from '../i18n/en.ts';
import type { Translate } from '../i18n/i18n.ts';

export function describeFailure(t: Translate, failure: Pick<ApiFailure, 'code'>): string {
  const key = (failure.code === 'network_error' ? 'error.network' : `error.${failure.code}`) as MessageKey;
  const words = /^[a-z_]+$/.test(failure.code) ? t(key) : key;
  return words === key ? t('error.generic', { code: failure.code }) : words;
}
