/** What other modules read of deliveries: who can be reached how, and how a step's people were reached. */
export { peopleWithAppUser, peopleWithMobile, reachedAbout } from './deliveries.repository.js';
