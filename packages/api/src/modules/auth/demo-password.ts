/**
 * The password of every demo account. It is printed on first run and written in the README, so
 * it is public: production refuses it at login even where an account has it, and nobody can
 * choose it as a new password.
 */
export const demoPassword = 'Parkeer-demo-2026';
