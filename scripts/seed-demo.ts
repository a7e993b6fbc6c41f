// npm run seed:demo: fills a database with a demo community (spaces, members, topics, posts, reactions)
// spread over the last six months. Content goes through the same services as the HTTP API, so Markdown
// is rendered and sanitized, activities are recorded and notifications made; the timestamps the services
// stamp (now) are then moved back in time by demo-clock.ts (parameterized Kysely queries). Community
// programs (Q&A, ideas, events, articles) are seeded by seed-programs.ts.
//   node --import tsx scripts/seed-demo.ts [--seed 42] [--members 50] [--topics 500] [--posts 5000] [--force]
// The database comes from the same environment as the server (HEARTH_DATA_DIR or DATABASE_URL).
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/server/config';
import { REACTIONS } from '../src/server/features/discussions';
import { StartupError, dataDirLayout, lockHolder } from '../src/server/platform/db/data-dir';
import type { Role } from '../src/server/platform/db/schema';
import { memberPrincipal, type Principal } from '../src/server/platform/http/principal';
import { createLogger } from '../src/server/platform/logger';
import { startRuntime, type Runtime } from '../src/server/runtime';
import { demoClock, type Db } from './demo-clock';
import { seedPrograms, type DemoQuestion } from './seed-programs';

/** The one password of every demo account; printed at the end. Demo data only: never on a real site. */
export const DEMO_PASSWORD = 'hearth-demo-2024';
const MARKER_USERNAME = 'demo_admin';
const DAY = 86_400_000;
const SPAN_DAYS = 182;

type Reaction = (typeof REACTIONS)[number];

class SeedError extends Error {}

// ---------------------------------------------------------------------------------------------------
// Options

interface Options {
  seed: number;
  members: number;
  topics: number;
  posts: number;
  force: boolean;
}

const USAGE = `Usage: npm run seed:demo -- [--seed N] [--members N] [--topics N] [--posts N] [--force]
  --seed N      the random seed (default 42): the same seed gives the same community
  --members N   members besides the demo admin (default 50, at least 3)
  --topics N    topics (default 500)
  --posts N     posts including each topic's first post (default 5000, at least --topics)
  --force       seed again although the database already holds a demo community`;

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string', default: '42' },
      members: { type: 'string', default: '50' },
      topics: { type: 'string', default: '500' },
      posts: { type: 'string', default: '5000' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const int = (name: string, value: string, min: number): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new SeedError(`--${name} must be a whole number of at least ${min}`);
    return n;
  };
  const options = {
    seed: int('seed', values.seed, 0),
    members: int('members', values.members, 3),
    topics: int('topics', values.topics, 1),
    posts: int('posts', values.posts, 1),
    force: values.force,
  };
  if (options.posts < options.topics) throw new SeedError('--posts counts each topic\'s first post, so it must be at least --topics');
  return options;
}

// ---------------------------------------------------------------------------------------------------
// Deterministic randomness

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  readonly #next: () => number;
  constructor(seed: number) {
    this.#next = mulberry32(seed);
  }
  float(): number {
    return this.#next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.#next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.#next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.#next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let r = this.#next() * total;
    for (const item of items) {
      r -= weight(item);
      if (r <= 0) return item;
    }
    return this.pick(items);
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.#next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------
// Demo texts (written for Hearth's demo; a fictional community of people who make and fix things)

const FIRST_NAMES = [
  'Amara', 'Bastian', 'Chiara', 'Dmitri', 'Elif', 'Farid', 'Greta', 'Hiroshi', 'Ines', 'Jonas', 'Kalani', 'Leila', 'Mateo', 'Nadia', 'Oskar',
  'Priya', 'Quentin', 'Rosa', 'Sven', 'Tamsin', 'Umar', 'Valentina', 'Wen', 'Xavier', 'Yara', 'Zoltan', 'Aoife', 'Bruno', 'Camille', 'Deniz',
  'Emeka', 'Freya', 'Gideon', 'Hana', 'Ivo', 'Juno', 'Kofi', 'Lina', 'Marek', 'Noor', 'Olu', 'Paloma', 'Rafael', 'Signe', 'Tariq', 'Ulla',
  'Vikram', 'Wren', 'Ximena', 'Yusuf', 'Zofia', 'Anouk', 'Benedikt', 'Catalina',
];
const LAST_NAMES = [
  'Okafor', 'Lindqvist', 'Moretti', 'Petrov', 'Yilmaz', 'Haddad', 'Brandt', 'Tanaka', 'Duarte', 'Keller', 'Akana', 'Rahimi', 'Salazar', 'Novak',
  'Berg', 'Iyer', 'Laurent', 'Quispe', 'Nilsen', 'Penrose', 'Siddiqui', 'Ferrante', 'Zhou', 'Villeneuve', 'Costa', 'Horvath', 'Byrne', 'Almeida',
  'Fournier', 'Kaya', 'Eze', 'Holm', 'Ashdown', 'Sato', 'Kovac', 'Mbeki', 'Ortega', 'Wojcik', 'Adeyemi', 'Reyes',
];
const HANDLE_WORDS = ['tinker', 'solder', 'breadboard', 'lathe', 'kiln', 'loom', 'sprocket', 'pixel', 'quill', 'anvil', 'circuit', 'rivet', 'spindle', 'fern', 'ember'];

interface SpacePlan {
  key: string;
  name: string;
  slug: string;
  description: string;
  color: string;
  visibility: 'public' | 'private';
  /** A community program's space ('qa': questions with accepted answers); discussions when absent. */
  kind?: 'qa';
  weight: number;
  tags: string[];
}

const SPACES: SpacePlan[] = [
  { key: 'news', name: 'Announcements', slug: 'announcements', description: 'News about the community and the workshop evenings, from the organizers.', color: '#c2410c', visibility: 'public', weight: 4, tags: ['news', 'meetup', 'release'] },
  { key: 'general', name: 'General', slug: 'general', description: 'Anything that does not fit elsewhere: introductions, ideas, the odd rant about screws.', color: '#2563eb', visibility: 'public', weight: 34, tags: ['introductions', 'ideas', 'offtopic', 'tools'] },
  { key: 'help', name: 'Help & Troubleshooting', slug: 'help', description: 'Stuck on a build, a bug or a broken thing? Describe what you tried and someone will chime in.', color: '#059669', visibility: 'public', kind: 'qa', weight: 36, tags: ['question', 'electronics', 'software', 'woodwork', 'solved'] },
  { key: 'show', name: 'Show and Tell', slug: 'show-and-tell', description: 'Finished (or gloriously unfinished) projects, with photos, code and lessons learned.', color: '#7c3aed', visibility: 'public', weight: 18, tags: ['project', 'wip', 'finished', 'writeup'] },
  { key: 'staff', name: 'Staff Lounge', slug: 'staff-lounge', description: 'Private: organizers and moderators plan events and discuss moderation.', color: '#475569', visibility: 'private', weight: 8, tags: ['planning', 'moderation'] },
];

const SUBJECTS = [
  'the garden sensor', 'my first mechanical keyboard', 'a solar-powered weather station', 'the community tool library', 'a loom made from pallets',
  'the e-paper calendar', 'the workshop door badge reader', 'a CNC dust shoe', 'our 3D printer queue', 'the bike repair stand',
  'a sourdough temperature logger', 'the rain barrel pump', 'an old film camera', 'the LED stair lights', 'a home-made synthesizer',
  'the shared label printer', 'a kiln controller', 'the bird box camera', 'the recycled-plastic extruder', 'a tiny wind turbine',
  'the repair café checklist', 'a wooden step stool', 'the soldering station', 'our meeting room booking page', 'the plant watering robot',
];
const TOPIC_TITLES: Record<string, string[]> = {
  news: [
    'Workshop evening moved to Thursday this month', 'Welcome to our new members', 'Repair café: volunteers wanted for {s}',
    'New rule for the laser cutter sign-up', 'Summer open day: what we will show', 'The forum now has reactions',
    'Quarterly update: tools, budget and plans', 'Holiday opening hours',
  ],
  general: [
    'Introduce yourself: who are you and what do you make?', 'What got you into making things?', 'Ideas for {s}',
    'Favourite tool you bought this year', 'Does anyone else name their projects?', 'Reading list: books about craft and repair',
    'Coffee break thread', 'How do you keep a project notebook?', 'Thoughts on {s}', 'Skill swap: I teach, you teach',
    'Which podcasts do you listen to in the workshop?', 'Weekend plans',
  ],
  help: [
    'Help: {s} keeps resetting', 'Why does {s} draw so much current?', 'Stuck wiring {s}', 'Glue recommendations for {s}?',
    'Timezone bug in the script for {s}', 'I2C device not found on {s}', 'Wood splitting when drilling {s}', 'How do I calibrate {s}?',
    'Weird noise from {s}', 'First time using a multimeter on {s}', 'Python script for {s} hangs after a day', 'Which battery for {s}?',
  ],
  show: [
    'Finished: {s}', 'Work in progress: {s}', 'I rebuilt {s} from scrap', 'Writeup: six months with {s}', 'Weekend build: {s}',
    'Version two of {s}', 'Failed experiment: {s} (and what I learned)', 'Tiny project: {s}',
  ],
  staff: [
    'Agenda for the next organizers meeting', 'Budget for new tools', 'Moderation: recurring off-topic threads', 'Who opens up on Saturdays?',
    'Draft of the updated guidelines', 'Planning the open day', 'Insurance questions for the workshop', 'Volunteer rota for {s}',
  ],
};

const OPENERS = [
  'So here is where I am.', 'Quick one today.', 'Long post, sorry in advance.', 'I have been going back and forth on this for a week.',
  'This came up at the last workshop evening.', 'Following up on what we talked about on Thursday.', 'Bear with me, this is my first post here.',
  'Small update for anyone following along.', 'I finally had a free weekend.',
];
const SENTENCES = [
  'The first version worked on the bench but failed as soon as it went outside.', 'I measured twice and still cut it a little short.',
  'It turns out the problem was a loose ground wire all along.', 'The datasheet says one thing and the board does another.',
  'Everything is held together with hot glue for now, which is fine until summer.', 'I swapped the cheap power supply and the flicker went away.',
  'The code is ugly but it has been running for three weeks without a restart.', 'My neighbour lent me a clamp, which made the glue-up much easier.',
  'I would love a second pair of eyes on the wiring before I close the box.', 'Sanding took longer than the whole rest of the build.',
  'Next time I will print a test piece before committing to the full size.', 'The library had a book on exactly this, from 1987, still accurate.',
  'It draws about 40 mA idle and a lot more when the radio wakes up.', 'I reused the hinges from an old cupboard and they fit perfectly.',
  'The tricky part was getting the timing right between the two sensors.', 'The finish is linseed oil, three coats, a day apart.',
  'I logged the readings to a CSV file and plotted them afterwards.', 'Turns out most of the noise came from the fan, not the motor.',
  'I am not sure whether to go with screws or dowels here.', 'It is not pretty, but it is repairable, and that was the point.',
  'The whole thing cost less than a takeaway dinner, mostly from the scrap bin.', 'Half of the work was figuring out which tool we already owned.',
  'I tried the approach from the last meetup and it mostly worked.', 'Battery life went from two days to almost three weeks.',
];
const REPLY_OPENERS = [
  'Great question.', 'I had the exact same problem last spring.', 'Nice work!', 'Thanks for writing this up.', 'Have you checked the obvious first?',
  'Agreed, mostly.', 'Slightly different take:', 'This is lovely.', 'Following, I want to try this too.', 'Good point.', 'Hmm, not sure about that.',
  'Oh, that explains a lot.', 'Seconding this.',
];
const REPLY_SENTENCES = [
  'Try a pull-up resistor on that line, 4.7k usually does it.', 'I would add a fuse before anything else.', 'Pre-drilling a pilot hole stops the splitting.',
  'That sounds like a brown-out when the motor starts.', 'You can borrow my clamps on Thursday.', 'Check the orientation of the diode, I got it backwards twice.',
  'Wax on the screw threads makes a surprising difference.', 'I would keep the first version, it has character.', 'Could you post a photo of the back?',
  'We have a spare one in the drawer under the bench.', 'Log it for a few days before changing anything else.', 'Sleep mode between readings should fix the battery life.',
  'The repair café folks have a tester for exactly that.', 'Glad it worked out in the end!', 'Thanks, that fixed it for me as well.',
  'Bring it along next week and we will have a look together.', 'I ended up using a relay instead, far simpler.', 'Marking this one solved, thanks all.',
];
const LINKS = [
  ['the community wiki', 'https://example.org/wiki/workshop'], ['this guide on pull-up resistors', 'https://example.org/guides/pull-ups'],
  ['the tool library list', 'https://example.org/tools'], ['my project log', 'https://example.com/log/build-notes'],
  ['the repair café calendar', 'https://example.org/repair-cafe'], ['the datasheet', 'https://example.com/datasheets/sensor.pdf'],
] as const;
const CODE_SNIPPETS = [
  ['python', 'import time\n\nwhile True:\n    reading = sensor.read()\n    print(f"{time.time():.0f},{reading:.2f}")\n    time.sleep(60)'],
  ['ts', 'export function average(values: number[]): number {\n  if (values.length === 0) return 0;\n  return values.reduce((a, b) => a + b, 0) / values.length;\n}'],
  ['cpp', 'void loop() {\n  int level = analogRead(A0);\n  digitalWrite(PUMP_PIN, level < THRESHOLD ? HIGH : LOW);\n  delay(1000);\n}'],
  ['sh', '# back up the logs before flashing\nrsync -av pi@garden.local:/var/log/garden/ ./logs/\nesptool.py --port /dev/ttyUSB0 write_flash 0x0 firmware.bin'],
  ['yaml', 'sensor:\n  pin: 4\n  interval_seconds: 300\n  calibration:\n    dry: 612\n    wet: 287'],
  ['js', 'const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\nfor (const step of steps) {\n  await run(step);\n  await sleep(250);\n}'],
] as const;
const LIST_ITEMS = [
  'cut the panels', 'drill the mounting holes', 'flash the firmware', 'test on the bench for a day', 'seal the enclosure', 'label every wire',
  'order spare fuses', 'write down the settings', 'clean the workbench', 'ask about the laser cutter slot', 'take photos for the writeup',
  'measure the current draw', 'sand to 240 grit', 'check the battery voltage',
];

// ---------------------------------------------------------------------------------------------------
// The plan: who writes what, when

interface MemberPlan {
  index: number;
  username: string;
  displayName: string;
  role: Role;
  joinedAt: Date;
  weight: number;
  id?: number;
}

interface PostPlan {
  at: Date;
  author: MemberPlan;
  /** Index in the topic's posts of the post it answers, if any. */
  replyTo: number | null;
  body: string;
  reactions: { member: MemberPlan; emoji: Reaction; at: Date }[];
}

interface TopicPlan {
  space: SpacePlan;
  title: string;
  tags: string[];
  posts: PostPlan[];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function planMembers(rng: Random, count: number, suffix: string, start: number, now: number): MemberPlan[] {
  const members: MemberPlan[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length] as string;
    const last = rng.pick(LAST_NAMES);
    const style = rng.int(0, 5);
    let username: string;
    let displayName: string;
    switch (style) {
      case 0: username = `${first}.${last}`.toLowerCase(); displayName = `${first} ${last}`; break;
      case 1: username = `${first}${last.charAt(0)}`.toLowerCase(); displayName = first; break;
      case 2: username = `${rng.pick(HANDLE_WORDS)}_${first}`.toLowerCase(); displayName = `${first} ${last.charAt(0)}.`; break;
      case 3: username = `${first.toLowerCase()}_${rng.int(10, 99)}`; displayName = `${first} ${last}`; break;
      case 4: username = `${rng.pick(HANDLE_WORDS)}${rng.pick(HANDLE_WORDS)}`; displayName = `${capitalize(rng.pick(HANDLE_WORDS))} (${first})`; break;
      default: username = `${last}${first.charAt(0)}`.toLowerCase(); displayName = `${first} ${last}`;
    }
    username = username.replace(/[^a-z0-9_.-]/g, '').slice(0, 24) + suffix;
    while (used.has(username)) username = `${username.slice(0, 26)}${rng.int(0, 9)}`;
    used.add(username);
    // Most members were there before the demo's six months; the rest joined along the way.
    const joined = i < count * 0.6 ? start - rng.int(1, 200) * DAY : start + rng.float() * (now - start - DAY);
    members.push({ index: i, username, displayName, role: i === 0 || i === 1 ? 'moderator' : 'member', joinedAt: new Date(Math.floor(joined)), weight: 1 / (1 + rng.int(0, count)) ** 0.8 });
  }
  return members;
}

function planContent(rng: Random, options: Options, members: MemberPlan[], admin: MemberPlan, start: number, now: number): TopicPlan[] {
  const staff = [admin, ...members.filter((m) => m.role !== 'member')];
  const spaceTotal = SPACES.reduce((sum, s) => sum + s.weight, 0);
  const replies = options.posts - options.topics;
  // Topic times: density grows towards now (t = sqrt(u) on [0, 1]), kept a day off the start and an hour off now.
  const topicTimes = Array.from({ length: options.topics }, () => start + Math.sqrt(rng.float()) * (now - start - 2 * 3600_000)).sort((a, b) => a - b);
  // Replies go to topics by a skewed weight: a few long threads, many short ones.
  const replyWeights = topicTimes.map(() => rng.float() ** 3 + 0.05);
  const weightSum = replyWeights.reduce((a, b) => a + b, 0);
  const replyCounts = replyWeights.map((w) => Math.floor((w / weightSum) * replies));
  for (let left = replies - replyCounts.reduce((a, b) => a + b, 0), i = 0; left > 0; left--, i = (i + 7) % replyCounts.length) replyCounts[i] = (replyCounts[i] ?? 0) + 1;
  let spaceCursor = 0;
  const joinedBy = (pool: MemberPlan[], at: number): MemberPlan[] => {
    const joined = pool.filter((m) => m.joinedAt.getTime() <= at);
    return joined.length > 0 ? joined : pool.slice(0, 1);
  };
  return topicTimes.map((topicAt, t) => {
    // Spread spaces evenly with a little randomness, so small runs still get every space.
    spaceCursor = (spaceCursor + rng.float() * spaceTotal * 0.6 + spaceTotal * 0.2) % spaceTotal;
    let acc = 0;
    const space = SPACES.find((s) => (acc += s.weight) > spaceCursor) ?? rng.pick(SPACES);
    const authorsPool = space.visibility === 'private' || space.key === 'news' ? staff : [admin, ...members];
    const pool = joinedBy(authorsPool, topicAt);
    const author = rng.weighted(pool, (m) => m.weight);
    const title = capitalize(rng.pick(TOPIC_TITLES[space.key] ?? []).replace('{s}', rng.pick(SUBJECTS)));
    const tags = rng.chance(0.7) ? rng.shuffle(space.tags).slice(0, rng.int(1, 2)) : [];
    const posts: PostPlan[] = [{ at: new Date(Math.floor(topicAt)), author, replyTo: null, body: '', reactions: [] }];
    let at = topicAt;
    const count = replyCounts[t] ?? 0;
    // Replies come quickly at first and then slow down; never later than a minute ago.
    const remaining = now - topicAt - 60_000;
    for (let r = 0; r < count; r++) {
      at += Math.min(remaining / (count + 1), (rng.float() ** 2) * (r < 5 ? 6 : 36) * 3600_000 + 60_000);
      const poster = rng.weighted(pool.length > 1 ? joinedBy(authorsPool, at) : pool, (m) => m.weight);
      const replyTo = posts.length > 1 && rng.chance(0.35) ? rng.int(0, posts.length - 1) : null;
      posts.push({ at: new Date(Math.floor(at)), author: poster, replyTo, body: '', reactions: [] });
    }
    const reactors = space.visibility === 'private' ? staff : [admin, ...members];
    for (const post of posts) {
      const mentionable = joinedBy([admin, ...members], post.at.getTime()).filter((m) => m !== post.author);
      post.body = writeBody(rng, post.replyTo === null && post === posts[0], mentionable);
      if (!rng.chance(post === posts[0] ? 0.6 : 0.3)) continue;
      const who = rng.shuffle(joinedBy(reactors, post.at.getTime()).filter((m) => m !== post.author)).slice(0, rng.int(1, 4));
      for (const member of who) {
        const reactionAt = Math.min(post.at.getTime() + rng.float() ** 2 * 3 * DAY + 30_000, now - 30_000);
        post.reactions.push({ member, emoji: rng.weighted(REACTIONS, (e) => (e === '👍' ? 5 : e === '❤️' ? 3 : 1)), at: new Date(Math.floor(reactionAt)) });
      }
    }
    return { space, title: title.slice(0, 200), tags, posts };
  });
}

function writeBody(rng: Random, first: boolean, mentionable: MemberPlan[]): string {
  const parts: string[] = [];
  const sentences = (pool: readonly string[], n: number) => rng.shuffle(pool).slice(0, n).join(' ');
  parts.push(`${rng.pick(first ? OPENERS : REPLY_OPENERS)} ${sentences(first ? SENTENCES : REPLY_SENTENCES, rng.int(1, first ? 4 : 2))}`);
  if (mentionable.length > 0 && rng.chance(first ? 0.05 : 0.08)) parts.push(`@${rng.pick(mentionable).username}, ${rng.pick(['what do you think?', 'you mentioned something similar last month.', 'this might interest you.'])}`);
  if (rng.chance(first ? 0.25 : 0.08)) {
    const [lang, code] = rng.pick(CODE_SNIPPETS);
    parts.push(`${rng.pick(['Here is what I have so far:', 'The relevant bit:', 'Something like this:'])}\n\n\`\`\`${lang}\n${code}\n\`\`\``);
  }
  if (rng.chance(first ? 0.25 : 0.06)) {
    const items = rng.shuffle(LIST_ITEMS).slice(0, rng.int(3, 5));
    if (rng.chance(0.4)) parts.push(`To do:\n\n${items.map((item, i) => `- [${i < 2 ? 'x' : ' '}] ${item}`).join('\n')}`);
    else if (rng.chance(0.5)) parts.push(`Steps:\n\n${items.map((item, i) => `${i + 1}. ${capitalize(item)}`).join('\n')}`);
    else parts.push(items.map((item) => `- ${capitalize(item)}`).join('\n'));
  }
  if (rng.chance(0.12)) {
    const [label, url] = rng.pick(LINKS);
    parts.push(`See [${label}](${url}) for more.`);
  }
  if (!first && rng.chance(0.1)) parts.push(`> ${rng.pick(SENTENCES)}\n\n${rng.pick(['Same here.', 'This, exactly.', 'Could not agree more.'])}`);
  if (first && rng.chance(0.3)) parts.push(`**${rng.pick(['Update', 'Edit', 'Note'])}:** ${sentences(SENTENCES, 1)}`);
  return parts.join('\n\n');
}

// ---------------------------------------------------------------------------------------------------
// Running it

function principal(member: { id: number; username: string; role: Role }): Principal {
  return memberPrincipal({ memberId: member.id, username: member.username, role: member.role, trustLevel: 2 }, 'admin');
}

function progress(label: string, done: number, total: number): void {
  const step = Math.max(1, Math.floor(total / 20));
  if (done === total || done % step === 0) process.stderr.write(`${label} ${done}/${total}\n`);
}

async function existingDemo(db: Db): Promise<number> {
  const rows = await db.selectFrom('accounts').select('username').where('username', 'like', `${MARKER_USERNAME}%`).execute();
  return rows.filter((r) => new RegExp(`^${MARKER_USERNAME}(\\d*)$`).test(r.username)).length;
}

async function seed(runtime: Runtime, options: Options): Promise<void> {
  const started = Date.now();
  const db = runtime.ctx.database.db;
  const services = runtime.services;
  const previous = await existingDemo(db);
  if (previous > 0 && !options.force) {
    throw new SeedError(`This database already holds the demo community (the account ${MARKER_USERNAME} exists). Pass --force to add another one.`);
  }
  // A second demo (--force) gets a suffix on usernames and slugs, so nothing collides.
  const suffix = previous > 0 ? String(previous + 1) : '';
  const rng = new Random(options.seed);
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const start = now - SPAN_DAYS * DAY;

  const adminPlan: MemberPlan = { index: -1, username: `${MARKER_USERNAME}${suffix}`, displayName: 'Demo Admin', role: 'admin', joinedAt: new Date(start - 365 * DAY), weight: 0.6 };
  const members = planMembers(rng, options.members, suffix, start, now);
  const topics = planContent(rng, options, members, adminPlan, start, now);

  // Members
  const everyone = [adminPlan, ...members];
  for (const [i, member] of everyone.entries()) {
    const { me } = await services.accounts.signup.createAccount(
      { username: member.username, email: `${member.username}@demo.example.com`, password: DEMO_PASSWORD, acceptGuidelines: true, displayName: member.displayName },
      { role: member.role, byStaff: true, actorId: adminPlan.id ?? null, ip: null },
    );
    member.id = me.id;
    progress('members', i + 1, everyone.length);
  }
  const idOf = (m: MemberPlan): number => {
    if (m.id === undefined) throw new Error(`member ${m.username} was not created`);
    return m.id;
  };
  const actors = new Map(everyone.map((m) => [m, principal({ id: idOf(m), username: m.username, role: m.role })]));
  const actorOf = (m: MemberPlan): Principal => actors.get(m) as Principal;
  await demoClock.members(db, everyone.map((m) => ({ id: idOf(m), at: m.joinedAt })));

  // Spaces
  const spaceIds = new Map<SpacePlan, number>();
  for (const [position, space] of SPACES.entries()) {
    const created = await services.discussions.spaces.create(
      actorOf(adminPlan),
      { name: suffix ? `${space.name} ${suffix}` : space.name, slug: `${space.slug}${suffix ? `-${suffix}` : ''}`, description: space.description, color: space.color, visibility: space.visibility, position, ...(space.kind ? { kind: space.kind } : {}) },
      '127.0.0.1',
    );
    spaceIds.set(space, created.id);
  }
  process.stderr.write(`spaces ${SPACES.length}/${SPACES.length}\n`);

  // Topics, replies, reactions (in order within each topic, so post numbers follow time)
  const postTimes: { id: number; at: Date }[] = [];
  const reactionTimes: { postId: number; memberId: number; emoji: string; at: Date }[] = [];
  const topicIds: number[] = [];
  const questions: DemoQuestion[] = [];
  let postCount = 0;
  for (const [t, topic] of topics.entries()) {
    const [first, ...rest] = topic.posts as [PostPlan, ...PostPlan[]];
    const created = await services.discussions.topics.create(actorOf(first.author), { spaceId: spaceIds.get(topic.space) as number, title: topic.title, body: first.body, tags: topic.tags });
    if ('status' in created) throw new Error(`moderation held a demo topic (${created.reason.message}); demo members should not trip automod`);
    topicIds.push(created.id);
    const ids: number[] = [created.posts[0]?.id as number];
    for (const post of rest) {
      const replyToPostId = post.replyTo === null ? undefined : ids[post.replyTo];
      const reply = await services.discussions.posts.reply(actorOf(post.author), created.id, { body: post.body, ...(replyToPostId !== undefined ? { replyToPostId } : {}) });
      if ('status' in reply) throw new Error(`moderation held a demo reply (${reply.reason.message}); demo members should not trip automod`);
      ids.push(reply.id);
    }
    if (topic.space.kind === 'qa') {
      questions.push({ topicId: created.id, askerId: idOf(first.author), replies: rest.map((post, i) => ({ id: ids[i + 1] as number, authorId: idOf(post.author), at: post.at })) });
    }
    for (const [i, post] of topic.posts.entries()) {
      const postId = ids[i] as number;
      postTimes.push({ id: postId, at: post.at });
      for (const reaction of post.reactions) {
        await services.discussions.posts.react(actorOf(reaction.member), postId, reaction.emoji);
        reactionTimes.push({ postId, memberId: idOf(reaction.member), emoji: reaction.emoji, at: reaction.at });
      }
    }
    postCount += topic.posts.length;
    const step = Math.max(1, Math.floor(topics.length / 20));
    if ((t + 1) % step === 0 || t + 1 === topics.length) process.stderr.write(`topics ${t + 1}/${topics.length} · posts ${postCount}/${options.posts} · ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  }

  process.stderr.write('timestamps…\n');
  await demoClock.posts(db, postTimes);
  await demoClock.reactions(db, reactionTimes);
  await demoClock.topicsAndSpaces(db, topicIds, [...spaceIds.values()], new Date(start - 30 * DAY));

  process.stderr.write('programs…\n');
  const programLines = await seedPrograms(runtime, { rng, admin: actorOf(adminPlan), members: members.map(actorOf), questions, now, suffix, position: SPACES.length });

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const moderators = members.filter((m) => m.role === 'moderator').map((m) => m.username);
  const regular = members.find((m) => m.role === 'member');
  process.stdout.write(
    [
      `Demo community seeded in ${seconds} s (seed ${options.seed}):`,
      `  ${SPACES.length + 2} spaces (1 private: ${SPACES.find((s) => s.visibility === 'private')?.name ?? ''}), ${everyone.length} members, ${topics.length} topics, ${postCount} posts, ${reactionTimes.length} reactions`,
      ...programLines,
      `  activity from ${new Date(start).toISOString().slice(0, 10)} to ${new Date(now).toISOString().slice(0, 10)}`,
      '',
      `Log in with any demo account and the password ${DEMO_PASSWORD}`,
      `  admin:      ${adminPlan.username}`,
      `  moderators: ${moderators.join(', ')}`,
      `  a member:   ${regular?.username ?? '-'}`,
      '(demo data only: do not keep these accounts on a public site)',
      '',
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const config = loadConfig();
  if (!config.databaseUrl) {
    const holder = lockHolder(dataDirLayout(config.dataDir));
    if (holder) throw new SeedError(`A running Hearth (pid ${holder.pid}) holds the data dir ${config.dataDir}; stop Hearth first, then seed.`);
  }
  const runtime = await startRuntime(config, createLogger('warn', process.stderr), { runJobs: false });
  try {
    await seed(runtime, options);
  } finally {
    await runtime.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof SeedError || error instanceof ConfigError || error instanceof StartupError || (error instanceof Error && error.name === 'TypeError' && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    process.stderr.write(`seed:demo: ${error.message}\n`);
  } else {
    process.stderr.write(`seed:demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exitCode = 1;
});
