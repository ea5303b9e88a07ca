import type { FormRule as Rule } from 'antd';
import type { TFunction } from 'i18next';
import { EQUIPMENT_NO_PATTERN, LIMITS, UNIT_CODE_PATTERN, USERNAME_PATTERN } from '../../../shared/contract/limits.js';
import { passwordProblem } from '../../../shared/rules/password.js';

/** Form rules built from the same limits the core enforces. */
export function requiredText(t: TFunction, field: string, max: number): Rule[] {
  return [
    { required: true, whitespace: true, message: t('validation.required', { field }) },
    { max, message: t('validation.tooLong', { field, max }) },
  ];
}

export function usernameRules(t: TFunction): Rule[] {
  return [
    { required: true, message: t('validation.required', { field: t('setup.username') }) },
    { pattern: USERNAME_PATTERN, min: LIMITS.usernameMin, max: LIMITS.usernameMax, message: t('validation.username') },
  ];
}

export function equipmentNoRules(t: TFunction, required: boolean): Rule[] {
  return [{ required, whitespace: true, message: t('validation.required', { field: t('settings.deviceNo') }) }, { pattern: EQUIPMENT_NO_PATTERN, message: t('accounts.officerNoInvalid') }];
}

export function unitCodeRules(t: TFunction): Rule[] {
  return [...requiredText(t, t('setup.unitCode'), LIMITS.unitCodeMax), { pattern: UNIT_CODE_PATTERN, message: t('validation.unitCode') }];
}

/** `usernameField` names the sibling field the password must differ from, or a fixed username. */
export function passwordRules(t: TFunction, username: (get: (name: string) => unknown) => string): Rule[] {
  return [
    { required: true, message: t('validation.required', { field: t('setup.password') }) },
    ({ getFieldValue }) => ({
      validator(_rule, value: string | undefined) {
        const problem = value ? passwordProblem(value, username(getFieldValue)) : null;
        return problem ? Promise.reject(new Error(t(`validation.password_${problem}`, { min: LIMITS.passwordMin }))) : Promise.resolve();
      },
    }),
    { max: LIMITS.passwordMax, message: t('validation.tooLong', { field: t('setup.password'), max: LIMITS.passwordMax }) },
  ];
}

export function confirmRules(t: TFunction, field: string): Rule[] {
  return [
    { required: true, message: t('validation.required', { field: t('setup.passwordConfirm') }) },
    ({ getFieldValue }) => ({
      validator(_rule, value: string | undefined) {
        return !value || value === getFieldValue(field) ? Promise.resolve() : Promise.reject(new Error(t('validation.passwordMismatch')));
      },
    }),
  ];
}
