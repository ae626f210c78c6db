/** The Check-in sidebar's script: boots the page once the HTML is there. */
import { createBridge } from '../shared/bridge';
import { browserLang, type Page } from '../shared/i18n';
import { startCheckIn } from './view';

const page: Page = { lang: browserLang(navigator.language) };
const root = document.getElementById('app');
if (root) void startCheckIn(root, createBridge({ lang: () => page.lang }), page);
