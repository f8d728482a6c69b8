// Shared page pieces: the page heading (sets the document title, takes focus after navigation), the
// polite status region for async work, the error alert, and a Loading line. Accessibility rules live
// here once: one h1 per page, live regions for status, errors announced assertively.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from './i18n-context.ts';
import { takeFocusRequest } from './navigation.ts';

export function PageHeading({ children, title }: { readonly children: ComponentChildren; readonly title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (takeFocusRequest()) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

/** A polite live region that is always in the DOM, so changes to its text are announced. */
export function Status({ message }: { readonly message: string }) {
  return (
    <p class="status" role="status" aria-live="polite">
      {message}
    </p>
  );
}

export function ErrorAlert({ message }: { readonly message: string | undefined }) {
  return (
    <div role="alert" class={message ? 'alert' : 'alert-empty'}>
      {message}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return <Status message={t('common.loading')} />;
}
