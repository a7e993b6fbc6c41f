// `hearth classify --model spam|abuse`: labels JSON lines ({"text": …}) from standard input with a
// shipped moderation model and prints one {"label", "score"} line per input, in order. No database.
import { Option, type Command } from 'commander';
import { loadBaseClassifier, modelKinds, type Classifier, type ModelKind } from '../features/moderation/classifiers/index';

/** Exit code for input that is not JSON lines of {"text": string}. */
export const BAD_INPUT_EXIT_CODE = 2;

function classifyLine(classifier: Classifier, line: string, lineNumber: number): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    throw new Error(`line ${lineNumber}: not valid JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const text = typeof parsed === 'object' && parsed !== null ? (parsed as { text?: unknown }).text : undefined;
  if (typeof text !== 'string') throw new Error(`line ${lineNumber}: expected an object with a string "text" field`);
  const { label, score } = classifier.classify(text);
  return `${JSON.stringify({ label, score: Number(score.toFixed(6)) })}\n`;
}

/** Reads stdin chunk by chunk, answering each chunk's complete lines with one write. */
function classifyStream(classifier: Classifier, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    let pending = '';
    let lineNumber = 0;
    let finished = false;
    const finish = (error?: string): void => {
      if (finished) return;
      finished = true;
      input.removeAllListeners('data');
      resolve(error);
    };
    const handle = (lines: string[]): void => {
      let answer = '';
      try {
        for (const line of lines) {
          lineNumber++;
          if (line.trim() !== '') answer += classifyLine(classifier, line, lineNumber);
        }
      } catch (error) {
        output.write(answer);
        finish(error instanceof Error ? error.message : String(error));
        return;
      }
      if (answer !== '' && !output.write(answer)) {
        input.pause();
        output.once('drain', () => input.resume());
      }
    };
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      handle(lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line)));
    });
    input.once('end', () => {
      if (!finished && pending !== '') handle([pending]);
      finish();
    });
    input.once('error', reject);
  });
}

export function registerClassifyCommand(program: Command): void {
  program
    .command('classify')
    .description('label JSON lines {"text": …} from standard input with a moderation model; prints {"label", "score"} per line')
    .addOption(new Option('--model <model>', 'the model to use').choices([...modelKinds]).makeOptionMandatory())
    .action(async (options: { model: ModelKind }) => {
      const classifier = loadBaseClassifier(options.model);
      const error = await classifyStream(classifier, process.stdin, process.stdout);
      if (error) {
        process.stdin.destroy();
        process.stderr.write(`hearth classify: ${error}\n`);
        process.exitCode = BAD_INPUT_EXIT_CODE;
      }
    });
}
