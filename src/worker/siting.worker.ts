/// <reference lib="webworker" />
// The siting runs' thread (siting-helper.ts), started by the engine (siting-runner.ts).
import { expose } from 'comlink';
import { SitingHelper } from './siting-helper.ts';

expose(new SitingHelper());
