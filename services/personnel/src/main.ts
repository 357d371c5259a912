import { personnel } from './service';

personnel.main();
