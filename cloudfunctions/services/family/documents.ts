/**
 * The family context's documents (R13.1 亲情代办): the link documents live in the kernel
 * (kernel/proxies.ts), since the router and the message context read them too.
 */
export type { ElderProxiesDoc, ProxyEldersDoc, ProxyLinkDoc } from '../kernel/proxies';
