/** The Give feedback sidebar's script: boots the page once the HTML is there. */
import { createBridge } from '../shared/bridge';
import { browserLang, type Page } from '../shared/i18n';
import { startFeedback } from './view';

const page: Page = { lang: browserLang(navigator.language) };
const root = document.getElementById('app');
if (root) void startFeedback(root, createBridge({ lang: () => page.lang }), page);
