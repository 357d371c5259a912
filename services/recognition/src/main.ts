import { recognition } from './service';

recognition.main();
