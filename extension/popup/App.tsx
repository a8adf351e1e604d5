import { Header } from './Header';
import { Home } from './Home';
import { lazyPart, lazyView } from './LazyView';
import { SignIn } from './SignIn';
import { usePopup } from './state';

const FlagForm = lazyView(() => import('./FlagForm').then((m) => m.FlagForm));
const AskForm = lazyView(() => import('./AskForm').then((m) => m.AskForm));
const MyItems = lazyView(() => import('./MyItems').then((m) => m.MyItems));
const NeedToTalk = lazyView(() => import('./NeedToTalk').then((m) => m.NeedToTalk));
const AccountSignIns = lazyView(() => import('./AccountSignIns').then((m) => m.AccountSignIns));
// "Update Curbside" and "a new device signed in as you": asked for after the first render, on every popup open.
const Notices = lazyPart(() => import('./Notices').then((m) => m.Notices));

function CurrentView() {
  const app = usePopup();
  if (!app.signedIn.value) return <SignIn />;
  switch (app.view.value) {
    case 'flag':
      return <FlagForm />;
    case 'ask':
      return <AskForm />;
    case 'items':
      return <MyItems />;
    case 'talk':
      return <NeedToTalk />;
    case 'signins':
      return <AccountSignIns />;
    default:
      return <Home />;
  }
}

export function App() {
  const app = usePopup();
  return (
    <>
      <Header />
      <main>
        <p class="status" aria-live="polite">
          {app.status.value}
        </p>
        <div class="error" role="alert">
          {app.error.value}
        </div>
        {app.ready.value && <Notices />}
        {app.ready.value ? <CurrentView /> : <p aria-busy="true">Loading…</p>}
      </main>
    </>
  );
}
