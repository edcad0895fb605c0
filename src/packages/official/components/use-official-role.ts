/**
 * Page hook: the caller's whoami and their official (or admin) binding, if any — the one for
 * `?regionCode=` when they hold several (我的 opens each workbench with its region).
 */
import type { ApiError } from '../../../api/client';
import { useSession } from '../../../components/use-session';
import type { LoadStatus } from '../../../stores/loading';
import { pageParam } from '../../../utils/page-param';

export function useOfficialRole() {
  const session = useSession();
  const officials = session.me?.roles.filter((r) => r.role === 'official' || r.role === 'admin') ?? [];
  const wanted = pageParam('regionCode');
  const binding = officials.find((r) => r.regionCode === wanted) ?? officials[0] ?? null;
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
