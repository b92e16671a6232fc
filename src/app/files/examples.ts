// The examples ship with the app: their titles are bundled (small), their files are served
// at /examples/<name> (copied into the build by vite.config.ts) and fetched on demand.

const titles = import.meta.glob<string>('../../../examples/*.crosswalk.json', { eager: true, import: 'title' });

/** One bundled example. */
export interface ExampleInfo {
  file: string;
  title: string;
  url: string;
}

/** The examples, sorted by file name. */
export const EXAMPLES: readonly ExampleInfo[] = Object.entries(titles)
  .map(([path, title]) => {
    const file = path.split('/').pop()!;
    return { file, title, url: `${import.meta.env.BASE_URL}examples/${file}` };
  })
  .sort((a, b) => a.file.localeCompare(b.file));

/** The example a first visit opens. */
export const FIRST_EXAMPLE = EXAMPLES.find((e) => e.file.startsWith('identity')) ?? EXAMPLES[0];
