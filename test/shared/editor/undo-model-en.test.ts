// Randomized editing model in English: see undo-model.ts and test/helpers/editor-model.ts.
import { describeUndoModel } from './undo-model.js';

describeUndoModel('en', 9001);
