import { Type, type Static } from '@sinclair/typebox';

export const defaultGuidelines = `# Community guidelines

1. **Be kind.** Disagree with ideas, not people. No harassment, insults or hate.
2. **Stay on topic.** Post in the space that fits, and search before you ask.
3. **No spam.** No advertising, link farming or repeated posts.
4. **Respect privacy.** Do not share other people's personal information.
5. **Help keep it healthy.** Flag what breaks these rules instead of replying to it.

Moderators may hide posts and limit accounts that break these guidelines. You can appeal any decision.
`;

export const SiteSettings = Type.Object(
  {
    siteName: Type.String({ minLength: 1, maxLength: 80 }),
    siteDescription: Type.String({ maxLength: 500 }),
    allowSignups: Type.Boolean({ description: 'Whether new members may sign up' }),
    requireEmailConfirmation: Type.Boolean({ description: 'With SMTP configured, members must confirm their email before their first login' }),
    guidelines: Type.String({ minLength: 1, maxLength: 50_000, description: 'Community guidelines (Markdown)' }),
    guidelinesVersion: Type.Integer({ minimum: 1, description: 'Goes up by one each time the guidelines change' }),
  },
  { $id: 'SiteSettings' },
);
export type SiteSettings = Static<typeof SiteSettings>;

export const settingDefaults: SiteSettings = {
  siteName: 'Hearth',
  siteDescription: 'A community powered by Hearth',
  allowSignups: true,
  requireEmailConfirmation: false,
  guidelines: defaultGuidelines,
  guidelinesVersion: 1,
};

export const SettingsPatch = Type.Partial(Type.Omit(SiteSettings, ['guidelinesVersion']), { additionalProperties: false, minProperties: 1 });
export type SettingsPatch = Static<typeof SettingsPatch>;

export const SiteInfo = Type.Object({
  name: Type.String(),
  description: Type.String(),
  version: Type.String(),
  allowSignups: Type.Boolean(),
  needsSetup: Type.Boolean({ description: 'True until the first admin exists' }),
  emailDelivery: Type.Boolean({ description: 'Whether Hearth can send email (SMTP configured)' }),
  guidelinesVersion: Type.Integer(),
});

export const Guidelines = Type.Object({ version: Type.Integer(), markdown: Type.String() });
