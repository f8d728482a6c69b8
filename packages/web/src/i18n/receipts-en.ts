// English messages of cast receipts (decision 0018): the booth's download and the public board's
// "check a receipt" form. Spread at the end of en.ts.
export const receiptsEn = {
  'receipt.download': 'Download your receipt',
  'receipt.download_hint':
    'Keep this file. It names your ballot, its position on the public board and the board’s fingerprint there. Anyone can later check with it that the published record still contains your ballot, on the board page or with ratify verify --receipt.',
  'receipt.position': 'Position on the board: {seq}',
  'error.credential_not_yours': 'This credential was not issued to you. Vote with the credential sent to you; if you lost it, ask the administrator for a new one.',
  'receipt_check.heading': 'Check a receipt',
  'receipt_check.intro': 'Paste the receipt you downloaded after voting, or choose its file. This page fetches the record, recomputes the board’s chain in your browser and looks for your ballot at the position your receipt names.',
  'receipt_check.label': 'Receipt',
  'receipt_check.file_label': 'Or choose the receipt file',
  'receipt_check.check': 'Check',
  'receipt_check.checking': 'Checking the receipt against the record…',
  'receipt_check.empty': 'Paste a receipt or choose its file first.',
  'receipt_check.not_a_receipt': 'This is not a Ratify receipt ({detail}).',
  'receipt_check.no_receipts': 'The text holds no receipt.',
  'receipt_check.chain_broken': 'The board’s chain does not check out at position {seq}: the published record is damaged or altered.',
  'receipt_check.found': 'Found: your ballot {code} is on the board at position {seq}, with the fingerprint your receipt names.',
  'receipt_check.receipt_ballot_missing': 'Not found: no ballot with tracking code {code} is on the board. Your ballot was removed. Keep your receipt and tell the election committee.',
  'receipt_check.receipt_position_mismatch': 'Not found at its place: ballot {code} is on the board, but not at position {seq} as your receipt says. The board was rewritten. Keep your receipt and tell the election committee.',
  'receipt_check.receipt_hash_mismatch': 'Not found as received: ballot {code} is at position {seq}, but the board’s fingerprint there differs from your receipt. The board was rewritten. Keep your receipt and tell the election committee.',
  'receipt_check.receipt_other_vote': 'This receipt is for another vote ({vote}).',
} as const;
