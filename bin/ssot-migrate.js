#!/usr/bin/env node
import { runFromProcess } from '../dist/src/cli/bin.js';
runFromProcess();
