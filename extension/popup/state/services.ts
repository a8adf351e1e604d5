// Everything that needs zod and the shared schemas, loaded after the popup's first render.
export { endpoints } from '../../../shared/api';
export { capturePageTitle, captureScreen } from '../../lib/capture';
export { idFromHash, takeOpenItemRequest } from '../../lib/deep-link';
export { clearDraft, loadDrafts, saveDraft } from '../../lib/draft-store';
export { fetchItems } from '../../lib/item-news';
export { editable, enqueue, flush, openAttentionFor, takeAttention } from '../../lib/outbox';
export { takePrefill } from '../../lib/prefill';
export { addReceipt, ensureReceiptKey, readReceipts } from '../../lib/receipts';
export { markSeen, readSeen } from '../../lib/seen';
export { createSessionApi } from '../../lib/session-api';
export { refreshOrgSettings, signOutStored } from '../../lib/signout';
export { loadSystems } from '../../lib/systems';
export { askDraftFrom, flagDraftFrom, toFlagCreate, toQuestionCreate } from '../forms';
export { buildItems, readItemsCache, writeItemsCache } from '../my-items';
export { reportDelivery } from './delivery';
export { createKbActions } from './kb';
export { createRoutingActions } from './routing';
export { createThreadActions } from './threads';
