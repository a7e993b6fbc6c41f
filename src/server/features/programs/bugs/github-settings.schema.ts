// The GitHub integration's admin settings. Secrets are write-only: the API says whether they are set
// and where from, never their value.
import { Type, type Static } from '@sinclair/typebox';

const Source = Type.Union([Type.Literal('environment'), Type.Literal('settings'), Type.Null()], {
  description: 'environment: the environment variable (it wins); settings: set here; null: not set',
});

export const GitHubSettingsView = Type.Object({
  defaultRepo: Type.Union([Type.String(), Type.Null()], { description: 'owner/name where new issues go' }),
  webhookSecretSet: Type.Boolean(),
  webhookSecretSource: Source,
  tokenSet: Type.Boolean(),
  tokenSource: Source,
  apiUrl: Type.String({ description: 'GITHUB_API_URL' }),
  webhookPath: Type.String({ description: 'Where GitHub sends issues events (content type application/json)' }),
});
export type GitHubSettingsView = Static<typeof GitHubSettingsView>;

const Secret = (description: string) => Type.Union([Type.String({ minLength: 8, maxLength: 500 }), Type.Null()], { description: `${description}; null clears it; leave it out to keep it` });

export const GitHubSettingsBody = Type.Object(
  {
    defaultRepo: Type.Optional(Type.Union([Type.String({ pattern: '^[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}$' }), Type.Null()], { description: 'owner/name; null clears it' })),
    webhookSecret: Type.Optional(Secret('The webhook secret')),
    token: Type.Optional(Secret('A token that may create issues and comments')),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type GitHubSettingsBody = Static<typeof GitHubSettingsBody>;
