import { defineBackground } from 'wxt/utils/define-background';
import { setupBackground } from '../lib/background';
import { registerSsoSignIn } from '../lib/sso';

export default defineBackground(() => {
  setupBackground();
  registerSsoSignIn();
});
