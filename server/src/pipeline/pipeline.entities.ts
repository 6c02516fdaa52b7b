import { CompoundPipeline } from './compound-pipeline.entity.js';
import { PipelineMove } from './pipeline-move.entity.js';
import { PlanNotice } from './plan-notice.entity.js';

/** The renovation pipeline's tables (issue 14). */
export const PIPELINE_ENTITIES: Function[] = [CompoundPipeline, PipelineMove, PlanNotice];
