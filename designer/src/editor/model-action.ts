import type {
  AutomationModel,
  DuplicateControl,
  EntityType,
  Robot,
  Stage,
  StageKind,
  Trigger,
} from '../../../schemas/index.js';

type Position = { x: number; y: number };

/** Every edit the designer makes to a model; each is one undoable step. */
export type ModelAction =
  | { type: 'replaceModel'; model: AutomationModel }
  | { type: 'renameModel'; name: string }
  | { type: 'addPipeline'; key: string; name: string; entity: EntityType; stage: Stage }
  | { type: 'renamePipeline'; pipeline: string; name: string }
  | { type: 'setPipelineEntity'; pipeline: string; entity: EntityType }
  | { type: 'addStage'; pipeline: string; stage: Stage; index?: number }
  | {
      type: 'updateStage';
      pipeline: string;
      stage: string;
      patch: Partial<Pick<Stage, 'name' | 'kind' | 'requiredFields' | 'manual'>>;
    }
  | { type: 'renameStage'; pipeline: string; stage: string; name: string }
  | { type: 'setStageKind'; pipeline: string; stage: string; kind: StageKind }
  | { type: 'moveStage'; pipeline: string; stage: string; toIndex: number }
  | { type: 'removeStage'; pipeline: string; stage: string }
  | { type: 'addRobot'; pipeline: string; stage: string; robot: Robot; index?: number }
  | { type: 'updateRobot'; robot: Robot }
  | { type: 'moveRobot'; id: string; pipeline: string; stage: string; index: number }
  | { type: 'pasteRobots'; pipeline: string; stage: string; robots: readonly Robot[] }
  | { type: 'addTrigger'; pipeline: string; stage: string; trigger: Trigger }
  | { type: 'updateTrigger'; trigger: Trigger }
  | { type: 'removeNodes'; nodeIds: readonly string[] }
  | { type: 'setCondition'; nodeId: string; condition: unknown }
  | { type: 'setLayout'; positions: Readonly<Record<string, Position>> }
  | { type: 'autoLayout' }
  | { type: 'connect'; source: string; target: string; triggerId: string }
  /** Sets (or, undefined, removes) an entity's duplicate control. */
  | { type: 'setDuplicateControl'; entity: EntityType; control: DuplicateControl | undefined };

export type ModelActionType = ModelAction['type'];
