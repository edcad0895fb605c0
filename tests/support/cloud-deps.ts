/**
 * A test file's use cases on the CloudBase adapter: the real SDK against the double (only its
 * network replaced), with the rest of a gateway's runtime (clock, regions, ID vault). Started
 * before the file's tests, stopped after them; call at the top of the file.
 */
import type { Deps } from '../../cloudfunctions/services/kernel/deps';
import { CloudbaseStore } from '../../cloudfunctions/store/cloudbase-store';
import { CloudbaseDouble } from './cloudbase-double';
import { type TestGateway, lateBound, startTestGateway } from './gateway';

export interface CloudDeps {
  gw: TestGateway;
  /** The runtime's deps with the CloudBase store. */
  deps: Deps;
  store: CloudbaseStore;
  /** The double's address, for other SDK clients (export storage). */
  serviceUrl(): string;
}

export const cloudStore = (serviceUrl: string) => new CloudbaseStore({ env: 'double-env', secretId: 'id', secretKey: 'key', serviceUrl, conflictRetries: 10 });

export function sharedCloudDeps(devNow: string, options: { timeout?: number } = {}): CloudDeps {
  process.env.TENCENTCLOUD = 'true';
  process.env.SILENCE = 'true';
  const double = new CloudbaseDouble();
  let started: { gw: TestGateway; deps: Deps; store: CloudbaseStore; url: string } | undefined;
  beforeAll(async () => {
    const url = await double.start();
    const gw = await startTestGateway({ devNow });
    const store = cloudStore(url);
    started = { gw, store, url, deps: { ...gw.runtime.deps, store } };
  }, options.timeout);
  afterAll(async () => {
    await started?.store.close();
    await started?.gw.close();
    await double.stop();
  });
  return {
    gw: lateBound('the gateway', () => started?.gw),
    deps: lateBound('the cloud deps', () => started?.deps),
    store: lateBound('the cloud store', () => started?.store),
    serviceUrl: () => started!.url,
  };
}
