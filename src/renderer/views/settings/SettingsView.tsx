/** Placeholder until its issue lands: says so plainly rather than pretending. */
import { ErrorView } from '../../components/ErrorView';

export default function SettingsView() {
  return <ErrorView title="Not built yet" hint="This view is being built; it is not part of this version." />;
}
