// Client-side navigation for the single-page app: pushState, a listener list, and the focus rule
// (after a navigation, focus moves to the new page's heading so screen readers announce it).
// Links are ordinary <a href> (they work without JS and open in new tabs); clicks are intercepted.
type Listener = () => void;
const listeners = new Set<Listener>();
let focusPending = false;

export function onNavigate(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function navigate(path: string, options: { readonly replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  focusPending = true;
  window.scrollTo(0, 0);
  for (const l of listeners) l();
}

/** True once after a navigation: the page heading should take focus. */
export function takeFocusRequest(): boolean {
  const pending = focusPending;
  focusPending = false;
  return pending;
}

/** Same-origin app links (not /api, not other .html pages, not downloads, not modified clicks). */
export function interceptLinkClicks(root: HTMLElement): void {
  root.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/') || /\.html$/.test(url.pathname)) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
  window.addEventListener('popstate', () => {
    focusPending = true;
    for (const l of listeners) l();
  });
}
