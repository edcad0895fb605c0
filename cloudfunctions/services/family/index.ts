/**
 * The family context (R13.1 亲情代办): relatives acting for elders. Other contexts import this file only.
 */
export * from './documents';
export { proxyLinkId } from './records';
export { answerProxy, approveInPerson, endProxy, myProxyLinks, pendingProxyRequests, requestProxy } from './links';
export { actingCaller } from './acting';
