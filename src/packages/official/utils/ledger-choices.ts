/** 台账's filter choices: the caller's regions, the ledger's types, its statuses and the age bands. */
import type { Band, LedgerKind, Region, RoleBinding } from '../../../../cloudfunctions/contract';
import { BAND_NAMES } from '../../../../cloudfunctions/core/age';
import { CERTIFICATE_KIND_NAMES } from '../../../../cloudfunctions/core/certificates';
import { LEDGERS } from '../../../../cloudfunctions/core/dashboard';
import { WORK_PLACE_NAMES } from '../../../../cloudfunctions/core/employment';

export interface Choice {
  value: string;
  label: string;
}

export const ALL: Choice = { value: '', label: '全部' };
const BANDS: Band[] = ['A', 'B', 'C'];
export const BAND_CHOICES: Choice[] = [ALL, ...BANDS.map((b) => ({ value: b, label: `${b}段 ${BAND_NAMES[b]}` }))];

/** The caller's region and the cities and counties under it, depth first, indented. */
export function regionChoices(regions: Region[] | null, binding: RoleBinding): Choice[] {
  const own: Choice = { value: '', label: `${binding.regionName ?? '本辖区'}（全部）` };
  if (!regions) return [own];
  const kids = new Map<string, Region[]>();
  for (const r of regions) {
    if (r.level === 'township' || !r.parent) continue;
    kids.set(r.parent, [...(kids.get(r.parent) ?? []), r]);
  }
  const out: Choice[] = [own];
  const walk = (code: string, depth: number) => {
    for (const r of [...(kids.get(code) ?? [])].sort((a, b) => a.code.localeCompare(b.code))) {
      out.push({ value: r.code, label: `${'　'.repeat(depth)}${r.name}` });
      walk(r.code, depth + 1);
    }
  };
  if (binding.regionCode) walk(binding.regionCode, 0);
  else
    for (const r of regions.filter((x) => x.level !== 'township' && (!x.parent || !regions.some((p) => p.code === x.parent)))) {
      out.push({ value: r.code, label: r.name });
      walk(r.code, 1);
    }
  return out;
}

export function typeChoices(kind: LedgerKind, voucherTypes: { code: string; name: string }[] | null): Choice[] | null {
  switch (LEDGERS[kind].typeFilter) {
    case 'voucherType':
      return [ALL, ...(voucherTypes ?? []).map((t) => ({ value: t.code, label: t.name }))];
    case 'certificateKind':
      return [ALL, ...Object.entries(CERTIFICATE_KIND_NAMES).map(([value, label]) => ({ value, label }))];
    case 'workPlace':
      return [ALL, ...Object.entries(WORK_PLACE_NAMES).map(([value, label]) => ({ value, label }))];
    default:
      return null;
  }
}

export const TYPE_LABEL: Record<string, string> = { voucherType: '券种', certificateKind: '证书类别', workPlace: '就业地点' };
