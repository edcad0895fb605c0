/** Page hook: the caller's whoami and their official (or admin) binding, if any. */
import type { ApiError } from '../../../api/client';
import { useSession } from '../../../components/use-session';
import type { LoadStatus } from '../../../stores/loading';

export function useOfficialRole() {
  const session = useSession();
  const binding = session.me?.roles.find((r) => r.role === 'official' || r.role === 'admin') ?? null;
  return { session, binding };
}

/**
 * The page shell's loading, error and 重试 for a console page showing one answer (the dashboard,
 * a ranking): loading until that answer is in, even when an older one is kept.
 */
export function consolePageState(
  { session, binding }: ReturnType<typeof useOfficialRole>,
  status: LoadStatus,
  error: ApiError | null,
  load: () => void,
) {
  const allowed = Boolean(binding);
  return {
    loading: session.loading || (allowed && (status === 'loading' || status === 'idle')),
    error: session.error ?? (allowed && status === 'error' ? error : null),
    onRetry: () => (session.error ? void session.load() : load()),
  };
}
