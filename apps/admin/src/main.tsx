import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { Alert, Button, ConfigProvider } from 'antd';
import enGB from 'antd/locale/en_GB';
import '@refinedev/antd/dist/reset.css';
import './styles.css';
import SignInPage from './pages/login';
import { isSignInPath, returnPathOf, safeReturnPath, signInPathFrom } from './providers/return-path';
import { session } from './providers/session';
import { appTheme } from './theme';

const container = document.getElementById('root');
if (!container) throw new Error('AdvisorDesk: the #root element is missing from index.html');
const root = createRoot(container);

/**
 * The panel itself (Refine, the layout, the pages) loads only once someone is signed in, so the
 * sign-in page carries little more than React and its form. Loaded once, however often asked.
 */
let panel: Promise<typeof import('./App')> | null = null;
const loadPanel = () => {
  panel ??= import('./App').catch((error: unknown) => {
    panel = null;
    throw error;
  });
  return panel;
};

function render(screen: ReactNode) {
  root.render(
    <StrictMode>
      <ConfigProvider theme={appTheme} locale={enGB}>
        {screen}
      </ConfigProvider>
    </StrictMode>,
  );
}

async function openPanel() {
  const { default: App } = await loadPanel();
  render(<App />);
}

function PanelDidNotLoad() {
  return (
    <main style={{ maxWidth: 480, margin: '64px auto', padding: '0 16px' }}>
      <Alert
        type="error"
        showIcon
        role="alert"
        message="AdvisorDesk did not load"
        description="Check your internet connection, then reload the page."
        action={<Button onClick={() => window.location.reload()}>Reload</Button>}
      />
    </main>
  );
}

/** Signed out: the sign-in page at `/login`, remembering the address that was opened (`?to=`) to go there afterwards. */
function openSignIn() {
  const { pathname, search } = window.location;
  const opened = pathname + search;
  const returnTo = isSignInPath(pathname) ? returnPathOf(search) : (safeReturnPath(opened) ?? '/');
  // Once the page has loaded: a change of address while it loads counts as a navigation of its own.
  const showSignInAddress = () => {
    if (!isSignInPath(window.location.pathname)) window.history.replaceState(null, '', signInPathFrom(opened));
  };
  if (document.readyState === 'complete') showSignInAddress();
  else window.addEventListener('load', showSignInAddress, { once: true });

  const onSignedIn = async () => {
    await loadPanel();
    window.history.replaceState(null, '', returnTo);
    await openPanel();
  };
  render(<SignInPage onSubmit={() => void loadPanel().catch(() => undefined)} onSignedIn={onSignedIn} />);
}

if (session.get()) openPanel().catch(() => render(<PanelDidNotLoad />));
else openSignIn();
