// Entry point for the portal's small enhancements. Every page works without it.
import { enhanceBodyDiagrams } from './body-diagram.js';
import { enhanceExerciseTimers } from './exercise-timer.js';
import { enhanceOffline } from './offline.js';
import { enhancePasskeys } from './passkeys.js';
import { enhancePrintButtons } from './print-button.js';
import { enhancePushSubscription } from './push-subscribe.js';

enhanceBodyDiagrams();
enhanceExerciseTimers();
enhancePrintButtons();
enhanceOffline();
enhancePasskeys();
enhancePushSubscription();
