/**
 * Reference data shipped with the code (copied from shared/data): regions now; the voucher and
 * occupation catalogues are seeded into the store by later use cases.
 */
import type { Region } from '../../contract';
import regionsFile from '../../data/regions.json';
import { RegionDirectory } from './regions';

export const REGIONS: readonly Region[] = (regionsFile as { regions: Region[] }).regions;

export const regionDirectory = (): RegionDirectory => new RegionDirectory(REGIONS);
