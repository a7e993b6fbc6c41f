// The demo community's programs, seeded through the same services as the HTTP API: votes and accepted
// answers in the Q&A space, an ideas board with votes and statuses, events with RSVPs and an AMA, and
// the badges the rules grant. Times are then moved back by seed-programs-clock.ts.
import type { Principal } from '../src/server/platform/http/principal';
import type { Runtime } from '../src/server/runtime';
import { programsClock } from './seed-programs-clock';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface DemoRandom {
  float(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: readonly T[]): T[];
}

export interface DemoQuestion {
  topicId: number;
  askerId: number;
  /** Replies in order, with the time the demo gives them. */
  replies: { id: number; authorId: number; at: Date }[];
}

export interface ProgramSeedInput {
  rng: DemoRandom;
  admin: Principal;
  /** Everyone but the admin. */
  members: Principal[];
  questions: DemoQuestion[];
  now: number;
  /** Appended to slugs and names when the demo is seeded again (--force). */
  suffix: string;
  position: number;
}

const IDEAS: { title: string; body: string; status?: 'under_review' | 'planned' | 'in_progress' | 'done' | 'declined'; comment?: string }[] = [
  { title: 'A booking calendar for the laser cutter', body: 'Sign-up sheets on the door get lost. A calendar in the forum where members book 30-minute slots would stop the queue arguments.', status: 'planned', comment: 'Planned for next quarter: we will try slots of 30 minutes first.' },
  { title: 'Monthly repair café with the library', body: 'The library offered us a room once a month. We could fix lamps, toasters and bikes for neighbours.', status: 'in_progress', comment: 'The first date is set with the library; volunteers, please reply in the announcement.' },
  { title: 'Dark mode for the forum', body: 'Most of us read the forum late in the evening in a dark workshop. A dark theme would be easier on the eyes.', status: 'under_review', comment: 'We are checking what the forum software offers.' },
  { title: 'A shared parts bin with an inventory', body: 'Resistors, screws and connectors end up in everyone\'s drawers. A labelled shared bin with a simple inventory would save money.', status: 'done', comment: 'The bin is on the shelf by the door; the inventory sheet lives in the Staff Lounge.' },
  { title: 'Beginner soldering nights', body: 'A regular evening where beginners solder a small kit with a mentor next to them.', status: 'planned', comment: 'Two mentors volunteered. Kits are ordered.' },
  { title: 'Open the workshop on Sundays', body: 'Weekdays are hard for members with day jobs. Could we open on Sunday afternoons?', status: 'declined', comment: 'We do not have enough keyholders for Sundays yet. We will ask again in spring.' },
  { title: 'A wiki page per machine with its quirks', body: 'Every machine has its tricks (the drill press wobbles above 2000 rpm). A page per machine would help newcomers.', status: 'in_progress', comment: 'The first five pages are in the knowledge base.' },
  { title: 'Project of the month on the front page', body: 'Pick one finished project each month and show it on the home page with a short interview.' },
  { title: 'Tool lending to members\' homes', body: 'Let members borrow hand tools for a weekend with a simple check-out list.' },
  { title: 'Badges for workshop inductions', body: 'Show on the profile which machines a member was inducted on, so others know whom to ask.', status: 'under_review', comment: 'A good fit for the new badges; we are drafting the list of machines.' },
  { title: 'A quiet corner for electronics work', body: 'Sawdust and electronics do not mix. A separate bench with a lid would protect boards.' },
  { title: 'Recycle filament scraps', body: 'We throw away a lot of PLA. A shredder and extruder could turn scraps into new filament.' },
];

const EVENT_PLANS = [
  { title: 'Soldering basics: build a blinking badge', days: -40, hours: 3, capacity: 12, place: 'The workshop, bench room', ama: false },
  { title: 'Repair café at the library', days: -12, hours: 4, capacity: null, place: 'City library, room 2', ama: false },
  { title: 'Ask the organizers anything', days: 5, hours: 1, capacity: null, online: 'https://meet.example.org/hearth-ama', ama: true },
  { title: 'Intro to the laser cutter', days: 12, hours: 2, capacity: 6, place: 'The workshop, laser room', ama: false },
] as const;

const AMA_QUESTIONS = [
  'How do you decide which tools to buy next?',
  'Could we have more evenings for beginners?',
  'What was the hardest part of starting the workshop?',
  'Will the laser cutter get a booking calendar?',
  'How can members help with the repair café?',
];

/** Seeds the programs; returns one summary line per program for the seed's report. */
export async function seedPrograms(runtime: Runtime, input: ProgramSeedInput): Promise<string[]> {
  const { rng, admin, members, now } = input;
  const { programs, discussions } = runtime.services;
  const db = runtime.ctx.database.db;
  const everyone = members;
  const others = (id: number): Principal[] => everyone.filter((m) => m.memberId !== id);

  // Q&A: up-votes on answers, and about half the questions with an accepted answer.
  let votes = 0;
  let accepted = 0;
  for (const question of input.questions) {
    const answers = question.replies.filter((r) => r.authorId !== question.askerId);
    for (const answer of answers) {
      for (const voter of rng.shuffle(others(answer.authorId)).slice(0, rng.int(0, 3))) {
        await programs.qa.vote(voter, answer.id);
        votes++;
      }
    }
    const asker = everyone.find((m) => m.memberId === question.askerId) ?? admin;
    if (answers.length > 0 && rng.chance(0.55)) {
      await programs.qa.accept(asker, question.topicId, rng.pick(answers).id, null);
      accepted++;
    }
  }
  await programsClock.questions(db, input.questions.map((q) => q.topicId));

  // Ideas board.
  const slug = (base: string): string => `${base}${input.suffix ? `-${input.suffix}` : ''}`;
  const name = (base: string): string => (input.suffix ? `${base} ${input.suffix}` : base);
  const board = await discussions.spaces.create(
    admin,
    { name: name('Ideas & Feedback'), slug: slug('ideas'), description: 'Suggest what the workshop and this forum should do next, and vote for the ideas you want.', color: '#ca8a04', visibility: 'public', kind: 'ideas', position: input.position },
    '127.0.0.1',
  );
  const ideaTimes: { topicId: number; at: Date }[] = [];
  let ideaVotes = 0;
  for (const [i, idea] of IDEAS.entries()) {
    const author = everyone[(i * 7) % everyone.length] ?? admin;
    const topic = await discussions.topics.create(author, { spaceId: board.id, title: idea.title, body: idea.body, tags: ['idea'] });
    if ('status' in topic) throw new Error(`moderation held a demo idea (${topic.reason.message})`);
    ideaTimes.push({ topicId: topic.id, at: new Date(now - (90 - i * 6) * DAY + rng.int(0, 20) * HOUR) });
    for (const voter of rng.shuffle(everyone).slice(0, rng.int(1, Math.max(2, Math.floor(everyone.length * 0.6))))) {
      await programs.ideas.ideas.vote(voter, topic.id);
      ideaVotes++;
    }
    if (idea.status) await programs.ideas.status.setStatus(admin, topic.id, { status: idea.status, ...(idea.comment ? { comment: idea.comment } : {}) }, null);
  }
  await programsClock.ideas(db, ideaTimes, now);

  // Events, one of them an AMA with questions.
  const evenings = await discussions.spaces.create(
    admin,
    { name: name('Workshop Evenings'), slug: slug('events'), description: 'Workshops, repair cafés and Q&A sessions: RSVP, get reminders, add them to your calendar.', color: '#0891b2', visibility: 'public', kind: 'events', position: input.position + 1 },
    '127.0.0.1',
  );
  let rsvps = 0;
  const eventIds: number[] = [];
  const eventTimes: { id: number; startsAt: Date; endsAt: Date }[] = [];
  for (const plan of EVENT_PLANS) {
    // Created ahead of time so that members can RSVP; moved to the planned date afterwards.
    const planned = new Date(Math.floor((now + plan.days * DAY) / HOUR) * HOUR + 18 * HOUR);
    const start = new Date(now + 60 * DAY);
    const created = await programs.events.events.create(admin, {
      spaceId: evenings.id,
      title: plan.title,
      description: plan.ama ? 'Ask your questions before the session and vote for the ones you want answered; we answer them live in the topic.' : 'Bring your curiosity; tools and materials are provided.',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + plan.hours * HOUR).toISOString(),
      timezone: 'Europe/Berlin',
      ...('place' in plan ? { location: plan.place } : { onlineUrl: plan.online }),
      capacity: plan.capacity,
      ama: plan.ama,
    });
    eventIds.push(created.id);
    eventTimes.push({ id: created.id, startsAt: planned, endsAt: new Date(planned.getTime() + plan.hours * HOUR) });
    for (const member of rng.shuffle(everyone).slice(0, rng.int(5, 16))) {
      await programs.events.rsvps.rsvp(member, created.id, { status: rng.chance(0.8) ? 'going' : 'maybe' });
      rsvps++;
    }
    if (!plan.ama) continue;
    for (const text of AMA_QUESTIONS) {
      const asker = rng.pick(everyone);
      const question = await programs.events.questions.ask(asker, created.id, { body: text });
      for (const voter of rng.shuffle(others(asker.memberId)).slice(0, rng.int(0, 8))) await programs.events.questions.vote(voter, created.id, question.id);
    }
  }

  await programsClock.events(db, eventTimes);

  // Most badges came with the posts and votes above (the rules run on those events); the daily evaluation adds the rest.
  await programs.badges.evaluate(null);
  const granted = (await programs.badges.list()).items.reduce((sum, b) => sum + b.grantCount, 0);
  return [
    `  Q&A: ${input.questions.length} questions, ${accepted} accepted answers, ${votes} answer votes`,
    `  ideas board: ${IDEAS.length} ideas, ${ideaVotes} votes · events: ${eventIds.length} (one AMA), ${rsvps} RSVPs · badges granted: ${granted}`,
  ];
}
