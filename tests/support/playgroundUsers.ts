import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PLAYGROUND_CONFIG_PATH } from './playground';

/**
 * The Agents Playground always speaks as its config file's `currentUser`. To have a second person in a test (a manager
 * answering an approval card), this writes a copy of the repository's `.m365agentsplayground.yml` signed in as another of
 * its `users`: the two swap places, so the file keeps the five `users` the Playground's schema demands, and the person
 * gets a personal chat of their own (in Teams each person has their own 1:1 chat with the bot).
 */
const playgroundUser = z.object({
  id: z.string(),
  name: z.string(),
  userPrincipleName: z.string(),
  aadObjectId: z.string(),
  givenName: z.string(),
  surname: z.string(),
  email: z.string(),
});
export type PlaygroundUser = z.infer<typeof playgroundUser>;

/** The parts of the file this module changes; everything else (tenant, bot, chats, team) is kept as it is. */
const playgroundConfigFile = z
  .object({
    currentUser: playgroundUser,
    users: z.array(playgroundUser),
    personalChat: z.object({ id: z.string() }).passthrough(),
  })
  .passthrough();
export type PlaygroundConfigFile = z.infer<typeof playgroundConfigFile>;

export function readPlaygroundConfig(configPath: string = PLAYGROUND_CONFIG_PATH): PlaygroundConfigFile {
  return playgroundConfigFile.parse(parseSimpleYaml(fs.readFileSync(configPath, 'utf8')));
}

export interface SignedInAs {
  /** Name of one of the file's `users`, e.g. "Sam Okafor". */
  name: string;
  /** Id of their personal chat with the bot; it must differ from every other chat's id in the file. */
  personalChatId: string;
  /** Folder to write the file into (the caller removes it). */
  dir: string;
}

/** Writes the committed config with `as.name` signed in; returns the file's path (for `startPlayground({ configPath })`). */
export function writePlaygroundConfigAs(as: SignedInAs, configPath: string = PLAYGROUND_CONFIG_PATH): string {
  const config = readPlaygroundConfig(configPath);
  const index = config.users.findIndex((user) => user.name === as.name);
  const user = config.users[index];
  if (!user) throw new Error(`"${as.name}" is not one of the users in ${configPath}: ${config.users.map((u) => u.name).join(', ')}.`);
  const users = config.users.map((other, i) => (i === index ? config.currentUser : other));
  const signedIn: PlaygroundConfigFile = { ...config, currentUser: user, users, personalChat: { ...config.personalChat, id: as.personalChatId } };
  const file = path.join(as.dir, `playground-${user.aadObjectId}.yml`);
  // JSON is YAML (1.2), which is what the Playground parses its file as.
  fs.writeFileSync(file, JSON.stringify(signedIn, null, 2));
  return file;
}

type YamlValue = string | YamlValue[] | { [key: string]: YamlValue };

interface YamlLine {
  indent: number;
  text: string;
  number: number;
}

/**
 * Reads the small part of YAML the Playground's config file uses: nested maps, lists of maps, plain or quoted scalars,
 * whole-line comments. Anything else is an error naming the line, so a change to the file cannot be misread quietly.
 */
export function parseSimpleYaml(source: string): YamlValue {
  const lines: YamlLine[] = source
    .split(/\r?\n/)
    .map((raw, i) => ({ indent: raw.length - raw.trimStart().length, text: raw.trim(), number: i + 1 }))
    .filter((line) => line.text !== '' && !line.text.startsWith('#'));
  let next = 0;
  const isItem = (line: YamlLine | undefined) => line !== undefined && line.text.startsWith('- ');

  function fail(line: YamlLine | undefined, why: string): never {
    throw new Error(`Cannot read the Playground config${line ? ` at line ${line.number} ("${line.text}")` : ''}: ${why}.`);
  }

  function block(indent: number): YamlValue {
    return isItem(lines[next]) ? list(indent) : map(indent);
  }

  function list(indent: number): YamlValue[] {
    const items: YamlValue[] = [];
    for (let line = lines[next]; line?.indent === indent && isItem(line); line = lines[next]) {
      // "- key: value" opens a map whose keys line up two columns further in.
      lines[next] = { ...line, indent: indent + 2, text: line.text.slice(2).trim() };
      items.push(map(indent + 2));
    }
    return items;
  }

  function map(indent: number): { [key: string]: YamlValue } {
    const result: { [key: string]: YamlValue } = {};
    for (let line = lines[next]; line?.indent === indent && !isItem(line); line = lines[next]) {
      const match = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/.exec(line.text);
      if (!match || match[1] === undefined) return fail(line, 'expected "key: value"');
      next++;
      if (match[2] !== undefined) {
        result[match[1]] = scalar(match[2], line);
      } else {
        const child = lines[next];
        if (!child || child.indent <= indent) return fail(line, 'a key without a value or a nested block');
        result[match[1]] = block(child.indent);
      }
    }
    const after = lines[next];
    if (after && after.indent > indent) fail(after, 'unexpected indentation');
    return result;
  }

  function scalar(value: string, line: YamlLine): string {
    const quoted = /^"(.*)"$|^'(.*)'$/.exec(value);
    if (quoted) return quoted[1] ?? quoted[2] ?? '';
    if (/^[#{}[\]&*!|>"'%@`]/.test(value) || value.includes(' #')) fail(line, 'only plain or quoted scalars are read');
    return value;
  }

  const root = block(0);
  if (next < lines.length) fail(lines[next], 'unexpected indentation');
  return root;
}
