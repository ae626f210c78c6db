/** The KPI editor sidebar's script: boots the page once the HTML is there. */
import { startInBrowser } from '../shared/boot';
import { startKpiEditor } from './view';

startInBrowser(startKpiEditor);
