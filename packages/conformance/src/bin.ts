#!/usr/bin/env node
// raincheck-conformance: the kit on its own (`raincheck conformance` delegates here when installed).
import { main } from './cli.js';

process.exitCode = await main(process.argv.slice(2));
