// Fails fast when a script runs on a Node older than Astro's minimum.
// `npm install` brings Node 24 (the `node` devDependency) and `npm run` puts it first on PATH;
// this guard catches running a script directly with the machine's older Node.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Node ${process.versions.node} is too old: this project needs Node >= 22.12. ` +
      'Run scripts through npm (`npm run …`, `npm test`), which uses the Node 24 installed by `npm install`.',
  );
  process.exit(1);
}
