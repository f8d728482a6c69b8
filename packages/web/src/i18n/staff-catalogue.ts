// Imported for its effect by the staff pages' chunk (staff-pages.tsx): adds the staff pages' messages
// to the catalogues before any staff page renders. Tests that render staff messages import it too.
import { addCatalogues } from './i18n.ts';
import { staffEn } from './staff-en.ts';
import { staffEs } from './staff-es.ts';

addCatalogues({ en: staffEn, es: staffEs });
