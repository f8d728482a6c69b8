// Mensajes en español de los comprobantes de voto (decisión 0018). Mismas claves que receipts-en.ts.
import type { receiptsEn } from './receipts-en.ts';

export const receiptsEs: Readonly<Record<keyof typeof receiptsEn, string>> = {
  'receipt.download': 'Descargar su comprobante',
  'receipt.download_hint':
    'Guarde este archivo. Indica su papeleta, su posición en el tablero público y la huella del tablero en ese punto. Con él cualquiera puede comprobar después que el registro publicado sigue conteniendo su papeleta, en la página del tablero o con ratify verify --receipt.',
  'receipt.position': 'Posición en el tablero: {seq}',
  'error.credential_not_yours': 'Esta credencial no se le emitió a usted. Vote con la credencial que se le envió; si la perdió, pida otra al administrador.',
  'receipt_check.heading': 'Comprobar un comprobante',
  'receipt_check.intro': 'Pegue el comprobante que descargó después de votar, o elija su archivo. Esta página descarga el registro, recalcula la cadena del tablero en su navegador y busca su papeleta en la posición que indica el comprobante.',
  'receipt_check.label': 'Comprobante',
  'receipt_check.file_label': 'O elija el archivo del comprobante',
  'receipt_check.check': 'Comprobar',
  'receipt_check.checking': 'Comprobando el comprobante con el registro…',
  'receipt_check.empty': 'Primero pegue un comprobante o elija su archivo.',
  'receipt_check.not_a_receipt': 'Esto no es un comprobante de Ratify ({detail}).',
  'receipt_check.no_receipts': 'El texto no contiene ningún comprobante.',
  'receipt_check.chain_broken': 'La cadena del tablero no cuadra en la posición {seq}: el registro publicado está dañado o alterado.',
  'receipt_check.found': 'Encontrada: su papeleta {code} está en el tablero en la posición {seq}, con la huella que indica su comprobante.',
  'receipt_check.receipt_ballot_missing': 'No encontrada: ninguna papeleta con el código {code} está en el tablero. Su papeleta fue retirada. Guarde su comprobante y avise al comité electoral.',
  'receipt_check.receipt_position_mismatch': 'No está en su lugar: la papeleta {code} está en el tablero, pero no en la posición {seq} que indica su comprobante. El tablero fue reescrito. Guarde su comprobante y avise al comité electoral.',
  'receipt_check.receipt_hash_mismatch': 'No está como se recibió: la papeleta {code} está en la posición {seq}, pero la huella del tablero allí no coincide con su comprobante. El tablero fue reescrito. Guarde su comprobante y avise al comité electoral.',
  'receipt_check.receipt_other_vote': 'Este comprobante es de otra votación ({vote}).',
};
