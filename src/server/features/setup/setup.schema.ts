import { Type } from '@sinclair/typebox';
import { Email, Password, SessionView, Username } from '../accounts/accounts.schema';

export const SetupBody = Type.Object(
  { token: Type.String({ minLength: 10, maxLength: 200 }), username: Username, email: Email, password: Password },
  { additionalProperties: false },
);

export const SetupResponse = Type.Composite([Type.Object({ id: Type.Integer() }), SessionView]);
export const SetupStatus = Type.Object({ needsSetup: Type.Boolean(), tokenValid: Type.Boolean() });
export const SetupStatusQuery = Type.Object({ token: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false });
