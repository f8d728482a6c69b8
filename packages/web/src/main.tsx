// Entry of index.html: capture (and strip) a credential from the address fragment before anything
// else runs, intercept in-app links, then render the app.
import { render } from 'preact';
import { App } from './app.tsx';
import { captureCredentialFromLocation } from './booth/credential-link.ts';
import { interceptLinkClicks } from './ui/navigation.ts';
import './styles.css';

captureCredentialFromLocation(location, history);
window.addEventListener('hashchange', () => captureCredentialFromLocation(location, history));
const root = document.getElementById('app')!;
interceptLinkClicks(document.body);
render(<App />, root);
