/** `npm run bench`: being written; see docs/benchmarks.md. */
console.log('The benchmarks are being written.');
