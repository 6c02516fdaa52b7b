import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import { LoadError } from '../../components/LoadError'
import { LoadingNotice } from '../../components/Notice'
import { useMe } from '../../hooks/resident'
import { withParams } from '../../lib/routes'
import { Chooser, myCompounds } from './CompoundChooser'

interface Props {
  /** The page's name in class names: `${name}-load-error`, `${name}-no-household`. */
  name: string
  noHousehold: string
  chooseTitle: string
  /** The page itself, opened again with `?compoundId=` once one is chosen. */
  route: string
  children: (compoundId: string) => ReactNode
}

/** A page about one compound opened without naming it: my only compound, or a choice of mine (a separate file: home must not carry it). */
export function MyCompound({ name, noHousehold, chooseTitle, route, children }: Props) {
  const me = useMe()
  if (me.error) return <LoadError name={name} message={me.error} stale={false} onRetry={() => void me.reload()} />
  if (!me.data) return <LoadingNotice />
  const compounds = myCompounds(me.data.households)
  if (compounds.length === 0) return <Text className={`card text-body ${name}-no-household`}>{noHousehold}</Text>
  if (compounds.length === 1) return <>{children(compounds[0].compoundId)}</>
  return (
    <Chooser
      title={chooseTitle}
      choices={compounds.map((c) => ({ id: c.compoundId, text: c.compoundName }))}
      onChoose={(id) => void Taro.navigateTo({ url: withParams(route, { compoundId: id }) })}
    />
  )
}
