/** The Log work sidebar's script: boots the page once the HTML is there. */
import { startInBrowser } from '../shared/boot';
import { startLogWork } from './view';

startInBrowser(startLogWork);
