/**
 * R14.4 every export names its exporter: who (the name their invitation gave, and the region of
 * their binding) and when, written as the first row of the file — a watermark anyone who opens it
 * sees — and kept on the job and in its ledger entry.
 */
import { dateTimeText } from '../../core/china-date';
import { where } from '../../store/port';
import type { Caller, Deps } from '../kernel/deps';
import type { StaffDoc } from '../staff';

/** `张科长（吕梁市）`: the caller's official or admin binding's name and region. */
export async function exporterOf(deps: Deps, caller: Caller, regionCode: string): Promise<string> {
  const bindings = caller.openid ? (await deps.store.find<StaffDoc>('staff', where('openid', 'eq', caller.openid), { limit: 20 })).items : [];
  const official = bindings.filter((b) => b.role === 'official' || b.role === 'admin');
  const binding = official.find((b) => b.regionCode && deps.regions.isWithin(regionCode, b.regionCode)) ?? official[0];
  const name = binding?.name?.trim() || '未署名的工作人员';
  const region = binding?.regionCode ? deps.regions.ref(binding.regionCode).name : deps.regions.ref(regionCode).name;
  return `${name}（${region}）`;
}

/** The file's first row: who exported it and when, and that it is not to be passed on. */
export const watermarkRow = (exporter: string, at: string, purpose?: string): string[] => [
  `导出人：${exporter}`,
  `导出时间：${dateTimeText(at)}`,
  purpose ? `含完整身份证号码，用途：${purpose}` : '身份证号码已打码',
  '持证通导出，内部使用，请勿外传',
];
