import { Header } from '../../components/Header';
import { Home } from '../../components/Home';
import { lazyPart, lazyView } from '../../components/LazyView';
import { SignIn } from '../../components/SignIn';
import { useApp } from '../../lib/state';

const FlagForm = lazyView(() => import('../../components/FlagForm').then((m) => m.FlagForm));
const AskForm = lazyView(() => import('../../components/AskForm').then((m) => m.AskForm));
const MyItems = lazyView(() => import('../../components/MyItems').then((m) => m.MyItems));
const NeedToTalk = lazyView(() => import('../../components/NeedToTalk').then((m) => m.NeedToTalk));
const AccountSignIns = lazyView(() => import('../../components/AccountSignIns').then((m) => m.AccountSignIns));
// "A new device signed in as you": asked for after the first render, on every popup open.
const SignInNotice = lazyPart(() => import('../../components/SignInNotice').then((m) => m.SignInNotice));

function CurrentView() {
  const app = useApp();
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
  const app = useApp();
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
        {app.ready.value && app.signedIn.value && <SignInNotice />}
        {app.ready.value ? <CurrentView /> : <p aria-busy="true">Loading…</p>}
      </main>
    </>
  );
}
