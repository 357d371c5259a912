import { goals } from './service';

goals.main();
