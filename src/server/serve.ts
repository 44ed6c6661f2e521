/** Entry of `npm run serve` (built to out/main/serve.js, beside out/renderer). */
import { join } from 'node:path';
import { main } from './cli';

void main(process.argv.slice(2), join(import.meta.dirname, '..', 'renderer'));
