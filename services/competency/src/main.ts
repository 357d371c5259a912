import { competency } from './service';

competency.main();
