// Everything that needs zod and the shared schemas, loaded after the popup's first render.
export { endpoints } from '../../shared/api';
export { createApi } from './api';
export { capturePageTitle, captureScreen } from './capture';
export { clearDraft, loadDrafts, saveDraft } from './draft-store';
export { askDraftFrom, flagDraftFrom, toFlagCreate, toQuestionCreate } from './forms';
export { buildItems, fetchItems, readItemsCache, writeItemsCache } from './items';
export { createKbActions } from './kb';
export { enqueue, flush, openAttentionFor, takeAttention } from './outbox';
export { takePrefill } from './prefill';
export { addReceipt, ensureReceiptKey, readReceipts } from './receipts';
export { markSeen, readSeen } from './seen';
export { refreshOrgSettings, signOutStored } from './signout';
export { loadSystems } from './systems';
export { createThreadActions } from './threads';
