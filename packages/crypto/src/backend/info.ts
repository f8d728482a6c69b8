// The description of the selected ristretto255 backend (shared by backend/node.ts and backend/browser.ts).

export type CryptoBackendName = 'native' | 'reference';

/** Which backend the default `ristretto255` group is, and why. */
export interface CryptoBackendInfo {
  readonly name: CryptoBackendName;
  readonly reason: string;
}
