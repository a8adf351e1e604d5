import { defineBackground } from 'wxt/utils/define-background';
import { setupBackground } from '../background/setup';
import { registerSsoSignIn } from '../background/sso';

export default defineBackground(() => {
  setupBackground();
  registerSsoSignIn();
});
