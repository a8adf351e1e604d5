import { defineWebExtConfig } from 'wxt';

// `npm start` builds in watch mode only; the developer loads the unpacked build into their own browser.
export default defineWebExtConfig({ disabled: true });
