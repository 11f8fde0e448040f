export { Provider } from './provider.js';
export { Service } from './service.js';
export { Intelligence } from './intelligence.js';
export { User } from './user.js';
export { Subscription } from './subscription.js';
export { AuditEvent } from './auditEvent.js';
export { Counter, nextSequence } from './counter.js';
export { Delivery } from './delivery.js';
export { ProcessedEvent, claimOnce } from './processedEvent.js';
