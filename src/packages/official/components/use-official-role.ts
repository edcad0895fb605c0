/** Page hook: the caller's whoami and their official (or admin) binding, if any. */
import { useSession } from '../../../components/use-session';

export function useOfficialRole() {
  const session = useSession();
  const binding = session.me?.roles.find((r) => r.role === 'official' || r.role === 'admin') ?? null;
  return { session, binding };
}
