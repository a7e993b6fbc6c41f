// Network helpers: the outbound HTTP guard (public addresses only unless allow-listed, pinned resolution, timeouts) and the start-up port check.
export { blockedAddressReason, embeddedIPv4, isAllowedHost, isPublicAddress } from './address-rules';
export { OutboundError, createOutbound, type Outbound, type OutboundFailure, type OutboundOptions, type OutboundRequest, type OutboundResponse } from './outbound';
export { assertPortFree } from './port';
