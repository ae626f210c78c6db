/** The Settings sidebar's script: boots the page once the HTML is there. */
import { startInBrowser } from '../shared/boot';
import { startSettings } from './view';

startInBrowser(startSettings);
