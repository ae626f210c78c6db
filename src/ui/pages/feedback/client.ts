/** The Give feedback sidebar's script: boots the page once the HTML is there. */
import { startInBrowser } from '../shared/boot';
import { startFeedback } from './view';

startInBrowser(startFeedback);
