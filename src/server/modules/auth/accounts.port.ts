/**
 * Sign-in accounts as the people module and first-time setup keep them: find, create, change, and end
 * a person's sessions when their account is disabled or their password reset. Sessions, tokens and
 * passwords' checking stay inside the auth module.
 */
export {
  accountByPerson,
  accountByUsername,
  countAccounts,
  deleteSessionsOf,
  insertAccount,
  updateAccount,
} from './auth.repository.js';
