// External tools some tests use: the one helper lives in @kinerja/events/testing (below the kit).
export { describeWithTool, externalTool, type ExternalTool } from '@kinerja/events/testing';
