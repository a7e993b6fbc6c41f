// Input rules for group names, matching the server's schema (checked again by the server).
export const groupNameRules = { minLength: 2, maxLength: 40, pattern: '[a-z0-9][a-z0-9_\\-]*', hint: 'Lower-case letters, digits, _ and -' };
