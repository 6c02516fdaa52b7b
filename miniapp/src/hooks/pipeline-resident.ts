import type { MyHousehold, ResidentPipelineView } from '@linyi/shared'
import { PipelineStage } from '@linyi/shared'
import { fetchMyCompoundPipeline } from '../api/pipeline-resident'
import { myCompounds } from '../publicity/components/CompoundChooser'
import { useShownAsync } from './use-async'

/** My compound's stage and advance notice. */
export const useMyCompoundPipeline = (compoundId: string) => useShownAsync(() => fetchMyCompoundPipeline(compoundId))

/** Each of my compounds already in the pipeline; one that cannot be read is left out (home only offers the way in). */
async function pipelinesUnderWay(households: MyHousehold[]): Promise<ResidentPipelineView[]> {
  const read = await Promise.allSettled(myCompounds(households).map((c) => fetchMyCompoundPipeline(c.compoundId)))
  return read.flatMap((r) => (r.status === 'fulfilled' && r.value.stage !== PipelineStage.None ? [r.value] : []))
}

export const useMyPipelines = (households: MyHousehold[]) => useShownAsync(() => pipelinesUnderWay(households))
