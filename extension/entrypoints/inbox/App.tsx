import { InboxApp } from '../../inbox/App';

export function App() {
  return <InboxApp />;
}
