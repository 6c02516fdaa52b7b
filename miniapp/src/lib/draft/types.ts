import type { ConsultationKind, DecisionRule, Disclosure, GroupBy } from '@linyi/shared'

/** A consultation being written in the console: what the form edits. Pure: no Taro, no React. */

export interface DraftOption {
  id: string
  title: string
  description: string
  /** https link or data:image/png|jpeg URL; a colour swatch is a generated PNG. */
  imageUrl: string | null
  /** `#RRGGBB` when the picture is a colour swatch, so the editor can show and change the colour. */
  swatch: string | null
}

/** A wall-clock time in Asia/Shanghai, as the pickers give it. */
export interface WallClock {
  date: string
  clock: string
}

export interface ConsultationDraft {
  kind: ConsultationKind
  title: string
  body: string
  rule: DecisionRule
  groupBy: GroupBy
  allUnits: boolean
  unitIds: string[]
  options: DraftOption[]
  disclosures: Disclosure[]
  /** Opens the moment it is published; otherwise at `opensAt`. */
  opensNow: boolean
  opensAt: WallClock
  deadline: WallClock
  /** Typed into number inputs: kept as text until validated. */
  turnoutPercent: string
  ownersOnly: boolean
  visitsBeforeFinal: string
}

/** Field names as the server's validation paths spell them (`options.0.title`), plus `units`. */
export type DraftErrors = Record<string, string>
