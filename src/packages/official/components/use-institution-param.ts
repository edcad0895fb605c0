/**
 * An official's form about the institution the address names (`?institutionId=`), or about none:
 * the regions, and that institution, loaded once the caller may see them; what the page waits for
 * (with a way to retry each) for `neededPageState`.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { pageParam } from '../../../utils/page-param';
import { useOfficialStore } from '../stores/use-official-store';
import { useSupplyStore } from '../stores/use-supply-store';

export function useInstitutionParam(allowed: boolean, alsoLoad?: () => void) {
  const institutionId = pageParam('institutionId');
  const { regions, regionsError } = useOfficialStore(useShallow((s) => ({ regions: s.regions, regionsError: s.regionsError })));
  const institution = useSupplyStore((s) => (institutionId ? s.institution[institutionId] ?? null : null));
  const institutionError = useSupplyStore((s) => (institutionId ? s.institutionErrors[institutionId] ?? null : null));
  const loadInstitution = () => void useSupplyStore.getState().loadInstitution(institutionId);
  useEffect(() => {
    if (!allowed) return;
    void useOfficialStore.getState().loadRegions();
    alsoLoad?.();
    if (institutionId && !useSupplyStore.getState().institution[institutionId]) loadInstitution();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [allowed, institutionId]);
  const needs = [
    { value: regions, error: regionsError, retry: () => useOfficialStore.getState().loadRegions() },
    ...(institutionId ? [{ value: institution, error: institutionError, retry: loadInstitution }] : []),
  ];
  return { institutionId, regions, institution, needs };
}
