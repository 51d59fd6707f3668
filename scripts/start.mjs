#!/usr/bin/env node
// `npm start`: runs what exists of Relink so far. The reference backend (@relink/server) is the next piece.
console.log('Relink: the SDK and its contract are built; the reference backend and the demo app are not yet.');
console.log('Run `npm test` to check the SDK, or see README.md for what is next.');
