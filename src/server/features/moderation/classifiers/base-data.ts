// The labelled sample data the shipped models are trained on (see models/SOURCES.md). Production
// machines do not have it, so a missing folder gives no examples rather than an error.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../platform/paths';
import { parseCsvRecords } from './csv';
import type { ModelKind, TrainingExample } from './types';

export interface SampleSet {
  /** For a YouTube video its file's name without .csv, e.g. "01-9bZkp7q19f0". */
  name: string;
  examples: TrainingExample[];
}

export function samplesDirectory(): string {
  return process.env.HEARTH_MODERATION_SAMPLES ?? path.join(projectRoot(), '..', 'shared', 'samples', 'moderation');
}

function readCsvFiles(directory: string): { name: string; records: Record<string, string>[] }[] {
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory)
    .filter((file) => file.endsWith('.csv'))
    .sort()
    .map((file) => ({ name: file.slice(0, -4), records: parseCsvRecords(fs.readFileSync(path.join(directory, file), 'utf8')) }));
}

export const DAVIDSON_SET = 'davidson-hate-offensive';
export const CLEAN_HAM_SET = 'youtube-clean-ham-as-neither';

const abuseLabels: Record<string, string> = { '0': 'hate', '1': 'offensive', '2': 'neither' };

function youtubeVideos(root: string): SampleSet[] {
  return readCsvFiles(path.join(root, 'youtube-spam-collection')).map(({ name, records }) => ({
    name,
    examples: records.filter((r) => r.CLASS === '0' || r.CLASS === '1').map((r) => ({ text: r.CONTENT ?? '', label: r.CLASS === '1' ? 'spam' : 'ham' })),
  }));
}

// Davidson's tweets were collected by searching for hate words, so almost none are ordinary talk and a
// model trained on them alone calls plain questions "offensive". Clean YouTube ham comments teach it
// what "neither" looks like; comments with swearing are left out, since they may well be offensive.
const SWEARING = /fuck|shit|bitch|nigg|fag|\bhoe|pussy|dick|\bass\b|cunt|retard|whore|slut|\bgay/i;

function davidsonTweets(root: string): SampleSet[] {
  const file = path.join(root, 'davidson-hate-offensive-labeled_data.csv');
  if (!fs.existsSync(file)) return [];
  const examples = parseCsvRecords(fs.readFileSync(file, 'utf8')).flatMap((r) => {
    const label = abuseLabels[r.class ?? ''];
    return label ? [{ text: r.tweet ?? '', label }] : [];
  });
  return [{ name: DAVIDSON_SET, examples }];
}

/**
 * The sample sets for a kind. spam: one per YouTube video. abuse: the Davidson tweets, then the clean
 * YouTube ham comments labelled "neither" (only alongside the tweets).
 */
export function sampleSets(kind: ModelKind): SampleSet[] {
  const root = samplesDirectory();
  if (kind === 'spam') return youtubeVideos(root);
  const tweets = davidsonTweets(root);
  if (tweets.length === 0) return [];
  const clean = youtubeVideos(root)
    .flatMap((video) => video.examples)
    .filter((example) => example.label === 'ham' && !SWEARING.test(example.text))
    .map((example) => ({ text: example.text, label: 'neither' }));
  return clean.length > 0 ? [...tweets, { name: CLEAN_HAM_SET, examples: clean }] : tweets;
}

/** Every sample example for a kind, or [] when the samples folder is not there. */
export function baseTrainingExamples(kind: ModelKind): TrainingExample[] {
  return sampleSets(kind).flatMap((set) => set.examples);
}
