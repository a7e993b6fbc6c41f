// The moderation text classifiers: shipped models, probabilities, deterministic training, learning
// from moderators' decisions, the CSV reader, and `hearth classify` as a real process.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  baseTrainingExamples,
  classifierFromModel,
  loadBaseClassifier,
  modelLabels,
  normalizeText,
  parseCsv,
  trainClassifier,
  type Classifier,
  type TrainingExample,
} from '../../src/server/features/moderation/classifiers/index';
import { cliEntry, root, runToEnd } from '../support/processes';

function assertProbabilities(classifier: Classifier, text: string): void {
  const result = classifier.classify(text);
  const labels = modelLabels[classifier.kind];
  assert.deepEqual(Object.keys(result.scores).sort(), [...labels].sort());
  const total = Object.values(result.scores).reduce((sum, p) => sum + p, 0);
  assert.ok(Math.abs(total - 1) < 1e-9, `scores sum to ${total}`);
  for (const p of Object.values(result.scores)) assert.ok(p >= 0 && p <= 1);
  assert.equal(result.score, result.scores[result.label]);
  assert.equal(result.score, Math.max(...Object.values(result.scores)), 'the label is the most probable one');
  assert.equal(result.version, classifier.version);
}

describe('shipped models', () => {
  test('the spam model tells self-promotion from ordinary comments', () => {
    const spam = loadBaseClassifier('spam');
    assert.match(spam.version, /^spam-base-[0-9a-f]{8}$/);
    assert.equal(loadBaseClassifier('spam'), spam, 'loaded once, then cached');
    for (const text of ['Check out my new channel and please subscribe!!! http://www.youtube.com/user/mychannel', 'Make $500 a day from home, visit www.easy-cash-now.com', 'Hey guys please subscribe to my channel, I make music videos too']) {
      assert.equal(spam.classify(text).label, 'spam', text);
    }
    for (const text of ['This song always reminds me of summer 2012', 'The chorus is so catchy, I cannot stop singing it', 'Who else is watching this in 2015?']) {
      assert.equal(spam.classify(text).label, 'ham', text);
    }
  });

  test('the abuse model tells insults from ordinary posts', () => {
    const abuse = loadBaseClassifier('abuse');
    assert.match(abuse.version, /^abuse-base-[0-9a-f]{8}$/);
    for (const text of ['shut the fuck up you stupid bitch', 'that hoe is a lying ass bitch']) assert.equal(abuse.classify(text).label, 'offensive', text);
    for (const text of ['What time does the meetup start tomorrow?', 'Thanks for the help, the upgrade worked after I cleared the cache.', 'I disagree with this proposal, it adds too much complexity.']) {
      assert.equal(abuse.classify(text).label, 'neither', text);
    }
  });

  test('scores are probabilities over every label, summing to 1', () => {
    for (const kind of ['spam', 'abuse'] as const) {
      const classifier = loadBaseClassifier(kind);
      for (const text of ['', '   ', 'hello', 'FREE iPhone!!! http://bit.ly/x', 'x'.repeat(20_000), '😀 ünïcödé ✓ \u200b\ufeff', 'a\nb\r\nc\t&amp; <b>bold</b> @someone 12345']) {
        assertProbabilities(classifier, text);
      }
    }
  });
});

// A small made-up corpus, so these tests do not depend on the sample data.
function syntheticSpamExamples(): TrainingExample[] {
  const spam = ['check out my channel', 'subscribe to my channel', 'visit my website for free gift cards', 'earn money from home click here', 'follow me and i follow back', 'free followers at my site'];
  const ham = ['i love this song', 'this video is so funny', 'the singer has a great voice', 'who is watching in the morning', 'best music video ever made', 'the dance in this clip is amazing'];
  const examples: TrainingExample[] = [];
  for (let i = 0; i < 60; i++) {
    examples.push({ text: `${spam[i % spam.length] ?? ''} ${i % 3 === 0 ? 'http://promo.example.com' : 'now'} ${i}`, label: 'spam' });
    examples.push({ text: `${ham[i % ham.length] ?? ''} ${i % 2 === 0 ? 'really' : 'so much'} ${i}`, label: 'ham' });
  }
  return examples;
}

describe('training', () => {
  test('is deterministic: the same examples give the same model, version included', () => {
    const examples = syntheticSpamExamples();
    const first = trainClassifier('spam', examples);
    const second = trainClassifier('spam', examples.map((e) => ({ ...e })));
    assert.deepEqual(second, first);
    assert.match(first.version, /^spam-trained-[0-9a-f]{8}$/);
    assert.notEqual(trainClassifier('spam', examples.slice(1)).version, first.version, 'other data, other version');
  });

  test('a model survives JSON and classifies the same', () => {
    const model = trainClassifier('spam', syntheticSpamExamples(), { tag: 'community' });
    const direct = classifierFromModel(model);
    const revived = classifierFromModel(JSON.parse(JSON.stringify(model)) as typeof model);
    assert.match(revived.version, /^spam-community-[0-9a-f]{8}$/);
    for (const text of ['check out my channel now', 'i love this song', 'something else entirely']) assert.deepEqual(revived.classify(text), direct.classify(text));
    assert.equal(direct.classify('subscribe to my channel now').label, 'spam');
    assert.equal(direct.classify('the singer has a great voice').label, 'ham');
  });

  test('rejects unknown labels, models of the wrong kind and empty data', () => {
    assert.throws(() => trainClassifier('spam', [{ text: 'x', label: 'hate' }]), /Unknown spam label "hate"/);
    assert.throws(() => trainClassifier('abuse', []), /No examples/);
    const model = trainClassifier('spam', syntheticSpamExamples());
    assert.throws(() => classifierFromModel({ ...model, labels: ['hate', 'offensive', 'neither'] }), /labels ham, spam/);
    assert.throws(() => classifierFromModel({ ...model, formatVersion: 2 as 1 }), /format 1/);
  });

  test("retraining on moderators' decisions changes what the model says about those posts", () => {
    const samples = baseTrainingExamples('spam');
    const base = samples.length > 0 ? samples : syntheticSpamExamples();
    const before = classifierFromModel(trainClassifier('spam', base));
    // A bot's copy-paste praise that this community's moderators hid as spam, and club notices they approved.
    const hidden = ['This song is my favourite, I listen to it every morning', 'I love this song, my favourite, I listen every morning'];
    const approved = ['Subscribe to the newsletter of our club for the monthly meeting notes', 'Please subscribe to the club newsletter to get the meeting notes'];
    for (const text of hidden) assert.equal(before.classify(text).label, 'ham', `before: ${text}`);
    for (const text of approved) assert.equal(before.classify(text).label, 'spam', `before: ${text}`);

    const decisions: TrainingExample[] = [...hidden.map((text) => ({ text, label: 'spam', weight: 5 })), ...approved.map((text) => ({ text, label: 'ham', weight: 5 }))];
    const after = classifierFromModel(trainClassifier('spam', [...base, ...decisions], { tag: 'community' }));
    for (const text of hidden) assert.equal(after.classify(text).label, 'spam', `after: ${text}`);
    for (const text of approved) assert.equal(after.classify(text).label, 'ham', `after: ${text}`);
    assert.equal(after.classify('Check out my channel and subscribe!!! http://www.youtube.com/user/mychannel').label, 'spam', 'still knows ordinary spam');
    assert.equal(after.classify('This song always reminds me of summer 2012').label, 'ham');
  });

  test('baseTrainingExamples gives [] without the sample folder', () => {
    const saved = process.env.HEARTH_MODERATION_SAMPLES;
    process.env.HEARTH_MODERATION_SAMPLES = '/nonexistent/hearth-samples';
    try {
      assert.deepEqual(baseTrainingExamples('spam'), []);
      assert.deepEqual(baseTrainingExamples('abuse'), []);
    } finally {
      if (saved === undefined) delete process.env.HEARTH_MODERATION_SAMPLES;
      else process.env.HEARTH_MODERATION_SAMPLES = saved;
    }
  });
});

describe('text handling', () => {
  test('CSV: quoted commas, doubled quotes, newlines inside fields, CRLF, BOM', () => {
    const text = '\ufeffa,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",\n3,,"last"';
    assert.deepEqual(parseCsv(text), [
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'two\nlines', ''],
      ['3', '', 'last'],
    ]);
    assert.deepEqual(parseCsv('a,b\n'), [['a', 'b']]);
  });

  test('normalization: URLs, mentions, numbers, repeats, entities, tags, whitespace', () => {
    assert.equal(normalizeText('Visit https://www.Example.com/page?x=1 NOW'), 'visit __url__ example.com now');
    assert.equal(normalizeText('see bit.ly/abc and @Someone_1'), 'see __url__ bit.ly and @user');
    assert.equal(normalizeText('  I  paid 1,250 dollars!!!!!!  '), 'i paid 0,0 dollars!!!');
    assert.equal(normalizeText('Tom &amp; Jerry<br />&#39;yes&#39;\u200b\ufeff'), "tom & jerry 'yes'");
    assert.equal(normalizeText('soooooo\n\n\tgood'), 'sooo good');
  });
});

describe('hearth classify', { skip: !fs.existsSync(path.join(root, 'dist', 'server', 'cli.js')) && 'dist/server is missing: run npm run build' }, () => {
  test('labels each JSON line in order and streams long inputs', async () => {
    const texts = ['Check out my new channel and please subscribe!!! http://www.youtube.com/user/mychannel', 'This song always reminds me of summer 2012', 'Make $500 a day from home, visit www.easy-cash-now.com', 'The chorus is so catchy'];
    const result = await runToEnd(cliEntry, ['classify', '--model', 'spam'], {}, texts.map((text) => `${JSON.stringify({ text })}\n`).join(''));
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { label: string; score: number });
    assert.deepEqual(lines.map((line) => line.label), ['spam', 'ham', 'spam', 'ham']);
    for (const line of lines) assert.ok(line.score > 0.5 && line.score <= 1);

    const many = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ text: i % 2 === 0 ? `subscribe to my channel http://spam${i}.example.com` : `what a great song number ${i}` })).join('\r\n');
    const streamed = await runToEnd(cliEntry, ['classify', '--model', 'abuse'], {}, many);
    assert.equal(streamed.code, 0, streamed.stderr);
    assert.equal(streamed.stdout.trimEnd().split('\n').length, 3000, 'one answer per line, the last one without a newline too');
  });

  test('a bad line stops with exit code 2 and names the line; earlier lines are answered', async () => {
    const input = ['{"text":"hello there"}', '{"text":"nice one"}', '', '{"txt":"no text field"}', '{"text":"never read"}'].join('\n');
    const result = await runToEnd(cliEntry, ['classify', '--model', 'abuse'], {}, input);
    assert.equal(result.code, 2);
    assert.equal(result.stdout.trimEnd().split('\n').length, 2);
    assert.match(result.stderr, /line 4: expected an object with a string "text" field/);
    const broken = await runToEnd(cliEntry, ['classify', '--model', 'spam'], {}, '{"text":"ok"}\n{not json\n');
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /line 2: not valid JSON/);
  });

  test('an unknown model is refused, naming the allowed ones', async () => {
    const result = await runToEnd(cliEntry, ['classify', '--model', 'toxicity'], {}, '');
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /'toxicity' is invalid\. Allowed choices are spam, abuse/);
  });
});
