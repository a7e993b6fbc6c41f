// Reads a password from standard input (piped) or a hidden prompt (terminal).
import readline from 'node:readline';

async function readPiped(): Promise<string> {
  let data = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) data += String(chunk);
  return data.split(/\r?\n/)[0] ?? '';
}

function prompt(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const mute = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(question);
    mute._writeToOutput = () => undefined;
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

export async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const password = await readPiped();
    if (!password) throw new Error('no password on standard input');
    return password;
  }
  const first = await prompt('Password: ');
  const second = await prompt('Repeat password: ');
  if (first !== second) throw new Error('the passwords do not match');
  return first;
}
