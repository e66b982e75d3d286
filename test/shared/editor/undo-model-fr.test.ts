// Randomized editing model in French: see undo-model.ts and test/helpers/editor-model.ts.
import { describeUndoModel } from './undo-model.js';

describeUndoModel('fr', 9002);
