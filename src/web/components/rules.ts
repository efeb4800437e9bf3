import type { FormRule as Rule } from 'antd';
import { EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN, PHONE_MAX, USERNAME_MAX, USERNAME_MIN } from '../../common/limits.js';
import type { Translate } from '../i18n/index.js';

/** Browser-side checks mirroring src/common limits; the server checks again and names the field. */
export function usernameRules(t: Translate, label = t('people.username')): Rule[] {
  return [
    { required: true, whitespace: true, message: t('validation.required', { field: label }) },
    { min: USERNAME_MIN, message: t('validation.min', { field: label, min: USERNAME_MIN }) },
    { max: USERNAME_MAX, message: t('validation.max', { field: label, max: USERNAME_MAX }) },
    { pattern: /^\s*[a-zA-Z0-9][a-zA-Z0-9._-]*\s*$/, message: t('validation.username') },
  ];
}

export function newPasswordRules(t: Translate, label: string): Rule[] {
  return [
    { required: true, message: t('validation.required', { field: label }) },
    { min: PASSWORD_MIN, message: t('validation.min', { field: label, min: PASSWORD_MIN }) },
    { max: PASSWORD_MAX, message: t('validation.max', { field: label, max: PASSWORD_MAX }) },
  ];
}

export function phoneRules(t: Translate): Rule[] {
  return [
    { max: PHONE_MAX, message: t('validation.max', { field: t('people.phone'), max: PHONE_MAX }) },
    { pattern: /^[0-9+\-() ]*$/, message: t('validation.phone') },
  ];
}

export function emailRules(t: Translate): Rule[] {
  return [
    { type: 'email', message: t('validation.email') },
    { max: EMAIL_MAX, message: t('validation.max', { field: t('people.email'), max: EMAIL_MAX }) },
  ];
}

export function requiredRule(t: Translate, field: string, choose = false): Rule {
  return {
    required: true,
    whitespace: !choose,
    message: t(choose ? 'validation.choose' : 'validation.required', { field }),
  };
}
