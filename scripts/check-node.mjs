// Fails fast when a script runs on a Node too old for it. The machine needs Node >= 20 only to run
// `npm install`, which installs Node 24 (the `node` devDependency) for the project; `npm run` puts
// that Node first on PATH. The scripts need Node >= 22.18 (Astro's minimum, and TypeScript files
// run directly), so this guard catches a script started with the machine's own, older Node.
// Plain JavaScript with no imports: it must run on any Node to say so.
export const SCRIPTS_NODE = [22, 18];

export function tooOld(version) {
  const [major, minor] = version.split('.').map(Number);
  return major < SCRIPTS_NODE[0] || (major === SCRIPTS_NODE[0] && minor < SCRIPTS_NODE[1]);
}

export function tooOldMessage(version) {
  return (
    `Node ${version} is too old for this project's scripts, which need Node >= ${SCRIPTS_NODE.join('.')}. ` +
    'The machine needs Node >= 20 only to run `npm install`, which installs Node 24 for the project: ' +
    'run the scripts through npm (`npm run …`, `npm test`), which uses that Node.'
  );
}

if (tooOld(process.versions.node)) {
  console.error(tooOldMessage(process.versions.node));
  process.exit(1);
}
