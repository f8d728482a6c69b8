// The member's receipt in the booth (decision 0018): its board position shown, and offered as a
// file (canonical JSON, docs/record-format.md §7) to check later on the board page or with
// `ratify verify --receipt`. There is no casting e-mail: this download is how the member keeps it.
import { type Receipt, toWireReceipt } from '@ratify/protocol';
import { useI18n } from '../ui/i18n-context.ts';
import { saveFile } from '../ui/save-file.ts';

export function receiptFileName(receipt: Receipt): string {
  return `receipt-${receipt.voteId}-${receipt.trackingCode.slice(0, 16)}.json`;
}

export function ReceiptDownload({ receipt }: { readonly receipt: Receipt }) {
  const { t } = useI18n();
  return (
    <div class="receipt-download">
      <p>{t('receipt.position', { seq: receipt.boardSeq })}</p>
      <p class="hint" id="receipt-download-hint">{t('receipt.download_hint')}</p>
      <button type="button" id="download-receipt" aria-describedby="receipt-download-hint" onClick={() => saveFile(receiptFileName(receipt), `${toWireReceipt(receipt)}\n`, 'application/json')}>
        {t('receipt.download')}
      </button>
    </div>
  );
}
