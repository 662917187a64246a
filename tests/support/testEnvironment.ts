// The jest environment of every test: Node's, in a process that drops the warnings known to be harmless (restify's
// DEP0111, bot/processWarnings.ts) as the service does. This module runs in the worker itself, outside the test
// sandbox, so it reaches the process that prints warnings.
import { TestEnvironment } from 'jest-environment-node';
import { quietHarmlessWarnings } from '../../bot/processWarnings';

quietHarmlessWarnings(process);

export default TestEnvironment;
