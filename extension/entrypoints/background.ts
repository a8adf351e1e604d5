import { defineBackground } from 'wxt/utils/define-background';
import { setupBackground } from '../background/setup';

export default defineBackground(() => setupBackground());
