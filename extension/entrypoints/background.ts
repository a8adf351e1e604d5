import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerLinkOpening } from '../background/open-link';
import { setupBackground } from '../background/setup';
import { registerSsoSignIn } from '../background/sso';

export default defineBackground(() => {
  setupBackground();
  registerSsoSignIn();
  // A chat or e-mail link's /go/ page opens its item here (Chrome and Edge; Firefox pages cannot send).
  registerLinkOpening(browser as unknown as Parameters<typeof registerLinkOpening>[0]);
});
