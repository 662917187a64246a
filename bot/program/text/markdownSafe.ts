/**
 * Safe markdown (the handbook's, the orientation texts') lives with the shared contract (bot/contract/markdown.ts), since the tab renders it too;
 * the program's modules keep importing it from here.
 */
export * from '../../contract/markdown';
