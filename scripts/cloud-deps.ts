/**
 * The use cases' collaborators on the real CloudBase environment, for commands run with its
 * credentials (smoke test, the first admin's invitation): the same store and storage adapters
 * the functions use, the system clock, the environment's ID keys.
 */
import type { CloudCredentials, Secrets } from '../cloudfunctions/config';
import { systemClock } from '../cloudfunctions/services/kernel/clock';
import { type Deps, consoleLogger } from '../cloudfunctions/services/kernel/deps';
import { IdVault } from '../cloudfunctions/services/kernel/id-vault';
import { regionDirectory } from '../cloudfunctions/services/kernel/reference-data';
import { CloudbaseExportStorage } from '../cloudfunctions/store/cloudbase-export-storage';
import { CloudbaseStore } from '../cloudfunctions/store/cloudbase-store';

export function cloudDeps(cloud: CloudCredentials, secrets: Secrets): Deps {
  const credentials = { env: cloud.env, secretId: cloud.secretId, secretKey: cloud.secretKey };
  return {
    store: new CloudbaseStore(credentials),
    clock: systemClock,
    idVault: new IdVault({ encryptionKey: secrets.idEncryptionKey, hashKey: secrets.idHashKey }),
    regions: regionDirectory(),
    log: consoleLogger,
    exports: new CloudbaseExportStorage(credentials),
  };
}
