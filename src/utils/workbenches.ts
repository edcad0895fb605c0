/**
 * R1.2 one person may hold several roles: the workbenches a person can open (a trainer's per
 * institution, an official's per region) and the one an accepted invitation leads to. 我的 lists
 * them; 接受邀请 opens the new one.
 */
import type { InvitationView, RoleBinding, WhoAmI } from '../../cloudfunctions/contract';
import { URLS, withQuery } from './routes';

export interface Workbench {
  /** `trainer:<institutionId>`, `official:<regionCode>`. */
  key: string;
  title: string;
  /** Where: the institution or the region. */
  place: string;
  url: string;
}

const trainerUrl = (institutionId: string) => withQuery(URLS.trainerClasses, { institutionId });
const officialUrl = (regionCode: string) => withQuery(URLS.officialDashboard, { regionCode });

/** Each workbench once: a trainer's per institution; an official's per region (as admin when both). */
export function workbenchesOf(roles: readonly RoleBinding[]): Workbench[] {
  const out: Workbench[] = [];
  for (const r of roles) {
    if (r.role === 'trainer' && r.institutionId) {
      out.push({ key: `trainer:${r.institutionId}`, title: '培训机构工作台', place: r.institutionName ?? '', url: trainerUrl(r.institutionId) });
    } else if ((r.role === 'official' || r.role === 'admin') && r.regionCode) {
      const key = `official:${r.regionCode}`;
      const title = r.role === 'admin' ? '人社部门工作台（管理员）' : '人社部门工作台';
      const known = out.find((w) => w.key === key);
      if (!known) out.push({ key, title, place: r.regionName ?? '', url: officialUrl(r.regionCode) });
      else if (r.role === 'admin') known.title = title;
    }
  }
  return out;
}

type Invited = Pick<InvitationView, 'role' | 'institution' | 'region'>;

/** The workbench an invitation leads to once accepted. */
export const workbenchUrl = (inv: Invited): string => (inv.role === 'trainer' ? trainerUrl(inv.institution?.id ?? '') : officialUrl(inv.region?.code ?? ''));

/** The person already holds the role the invitation grants. */
export const holdsInvitedRole = (me: WhoAmI, inv: Invited): boolean =>
  me.roles.some((r) => r.role === inv.role && (inv.role === 'trainer' ? r.institutionId === inv.institution?.id : r.regionCode === inv.region?.code));
