import { Type, type Static } from '@sinclair/typebox';

export const slowModeLimits = { maxSeconds: 86_400 } as const;

export const SlowModeBody = Type.Object(
  { seconds: Type.Integer({ minimum: 0, maximum: slowModeLimits.maxSeconds, description: 'Each member may post once every this many seconds in the topic; 0 turns slow mode off' }) },
  { additionalProperties: false },
);
export type SlowModeBody = Static<typeof SlowModeBody>;

export const SlowModeView = Type.Object({ topicId: Type.Integer(), slowModeSeconds: Type.Integer() });
export type SlowModeView = Static<typeof SlowModeView>;
