import { graphql } from '../../../app/graphql.js';

/** Always true: the API does not tell whether the address has an account. */
export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $password: String!, $passwordRepeat: String!) {
    resetPassword(token: $token, password: $password, passwordRepeat: $passwordRepeat)
  }
`);

/** Whether the link can still be used: asked when its page opens, before a password is chosen. */
export const PasswordResetLinkQuery = graphql(`
  query PasswordResetLink($token: String!) {
    passwordResetLink(token: $token)
  }
`);
