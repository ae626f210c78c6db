/** The KPI editor sidebar's script: boots the page once the HTML is there. */
import { createBridge } from '../shared/bridge';
import { browserLang, type Page } from '../shared/i18n';
import { startKpiEditor } from './view';

const page: Page = { lang: browserLang(navigator.language) };
const root = document.getElementById('app');
if (root) void startKpiEditor(root, createBridge({ lang: () => page.lang }), page);
