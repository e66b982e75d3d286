/**
 * Negotiation mode on an editor state, the public face of this folder: settings and plugin,
 * tracking of edits as proposals, commands on proposals, brackets, paragraph statuses, queries.
 * Everything here works on an EditorState without a view (the CLI, exporters and tests use it).
 */
export { proposalsKey, setNegotiationSettings, UNTRACKED_META, type Delegation, type NegotiationSettings } from './settings.js';
export { proposalsPlugin, type ProposalsPluginOptions } from './plugin.js';
export { proposalDecorationsKey, proposalDecorationsPlugin } from './decorations.js';
export { acceptAllBy, acceptProposal, deleteCharTracked, deleteParagraph, rejectAllBy, rejectProposal, withdrawProposal } from './commands.js';
export { countBrackets, removeBracket, toggleBrackets } from './brackets.js';
export { paragraphStatuses, selectedParagraphIds, setParagraphStatus, setParagraphStatuses, statusSummary, type ParagraphStatusInfo, type ParagraphStatusValue } from './status.js';
export { listProposals, type ProposalInfo } from './queries.js';
