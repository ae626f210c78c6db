/** The Check-in sidebar's script: boots the page once the HTML is there. */
import { startInBrowser } from '../shared/boot';
import { startCheckIn } from './view';

startInBrowser(startCheckIn);
