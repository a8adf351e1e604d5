import { InboxApp } from '../../components/InboxApp';

export function App() {
  return <InboxApp />;
}
