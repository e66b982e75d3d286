// Randomized editing model in Arabic: see undo-model.ts and test/helpers/editor-model.ts.
import { describeUndoModel } from './undo-model.js';

describeUndoModel('ar', 9013);
