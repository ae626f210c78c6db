/** The Report dialog's script: boots the page once the HTML is there. */
import { startInBrowser } from '../shared/boot';
import { startReport } from './view';

startInBrowser(startReport);
