import { evaluation } from './service';

evaluation.main();
