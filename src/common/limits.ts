/** Limits shared by the API schemas and the web forms. Change them here, nowhere else. */
export const NAME_MAX = 100;
export const USERNAME_MIN = 3;
export const USERNAME_MAX = 40;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;
export const PHONE_MAX = 30;
export const EMAIL_MAX = 200;
export const TOKEN_NAME_MAX = 60;
export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 500;
/** Largest request body the API accepts, in bytes. Photos have their own upload limit later. */
export const BODY_LIMIT_BYTES = 256 * 1024;
/** Deepest organisation tree we accept; real ones are 3–5 levels. */
export const UNIT_DEPTH_MAX = 12;
/** Largest photo accepted with an incident report (phones send 2–6 MB). */
export const PHOTO_MAX_BYTES = 12 * 1024 * 1024;
/** Photos one incident may carry. */
export const PHOTOS_PER_INCIDENT_MAX = 20;
